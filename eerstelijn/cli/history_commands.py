"""The registry's history from git: `changes`."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from eerstelijn.cli.common import DataOption, app, emit, fail, registry_cache, report_invalid
from eerstelijn.i18n import _
from eerstelijn.render import CHANGE_FORMATS

if TYPE_CHECKING:
    from eerstelijn.history.versions import ActieCommit, Comparison

_REVISION_HELP = (
    "a branch, tag or commit, or a date (2026-01-15, 'Q1 2026': the last commit on or before it)"
)


def _day(text: str | None) -> date | None:
    """The date a --since/--until text reads as, or None when it reads as none."""
    from eerstelijn.cli.dates import DateError, parse_as_of

    if text is None:
        return None
    try:
        return parse_as_of(text, date.today())
    except DateError:
        return None


@app.command()
def changes(
    *,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help=f"The older version: {_REVISION_HELP}. Default: the merge base of HEAD with "
            "the default branch (origin/HEAD, else main, else master), else HEAD.",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help=f"The newer version: {_REVISION_HELP}. Default: the working tree, "
            "uncommitted edits included.",
        ),
    ] = None,
    data: DataOption = Path("data"),
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            click_type=click.Choice(list(CHANGE_FORMATS), case_sensitive=False),
            help="table (people), markdown (BO papers, pull requests), json, or github "
            "(an annotation per change; the markdown goes to $GITHUB_STEP_SUMMARY when set).",
        ),
    ] = "table",
) -> None:
    """What changed in the registry between two versions in git, per action and item.

    Added, removed and moved actions; titel, trekker, betrokkenen, doelen; milestones added or
    removed, status changes, re-plannings, progress entries and assessments; partijen, doelen,
    documenten and beloften added, removed or renamed. Each change names the file and line
    where it now stands.
    """
    comparison = changes_since(data, since, until)
    emit(CHANGE_FORMATS[fmt](comparison))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_file:
        _append_summary(Path(summary_file), CHANGE_FORMATS["markdown"](comparison))


def changes_since(data: Path, since: str | None, until: str | None = None) -> Comparison:
    """What changed in the registry of `data` (see `changes`); exit 2 with a message, and the
    problems of an invalid version, when the history cannot be read.
    """
    from eerstelijn.cli.common import file_count, gc_paused
    from eerstelijn.history import HistoryError
    from eerstelijn.history.versions import compare

    try:
        with gc_paused():
            return compare(
                data,
                since=since,
                since_day=_day(since),
                until=until,
                until_day=_day(until),
                cache=registry_cache(),
            )
    except HistoryError as error:
        if error.problems:
            report_invalid(error.problems, file_count(data), message=error.message)
        fail(error.message)


def _append_summary(path: Path, markdown: object) -> None:
    """Add the markdown summary to the job's step summary, as GitHub Actions expects."""
    try:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"{markdown}\n")
    except OSError as error:
        fail(
            _("cannot write the step summary to {file}: {reason}").format(
                file=path, reason=error.strerror or error
            )
        )


def actie_commits(data: Path, actie_id: str) -> list[ActieCommit]:
    """The commits that changed an action (for `history --commits`); exit 2 with a message
    when the history cannot be read.
    """
    from eerstelijn.cli.common import gc_paused
    from eerstelijn.history import HistoryError
    from eerstelijn.history.versions import actie_commits as find

    try:
        with gc_paused():
            return find(data, actie_id)
    except HistoryError as error:
        fail(error.message)
