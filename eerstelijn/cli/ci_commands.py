"""`check`, `baseline` and `schema`: the registry as CI and editors see it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from eerstelijn.cli.common import (
    PROBLEM_CHOICES,
    AsOfOption,
    DataOption,
    ExitCode,
    app,
    as_of_date,
    console,
    emit,
    fail,
    file_count,
    gc_paused,
    problem_renderer,
    registry_cache,
    report_invalid,
    resolve_problem_format,
    see_check,
)
from eerstelijn.i18n import _, ngettext

if TYPE_CHECKING:
    from eerstelijn.baseline import Outcome
    from eerstelijn.problems import Problem

# How old a milestone's last report may be before stale-mijlpaal finds it (the default of
# checks.stale_mijlpaal.STALE_DAYS, written out so --help need not import the core).
STALE_DAYS = 90
StaleDaysOption = Annotated[
    int,
    typer.Option(
        "--stale-days",
        min=1,
        help="A milestone not done whose last report is older than this many days is "
        "stale (finding stale-mijlpaal).",
    ),
]

# The defaults of checks.DEFAULT_FAIL_ON (as text), baseline.BASELINE_FILE and
# schema.SCHEMA_DIR, written
# out so that --help need not import the core; tests/test_cli_check.py keeps them equal.
DEFAULT_FAIL_ON_TEXT = "missing-trekker,missing-deadline"
BASELINE_FILE = "eerstelijn-baseline.yaml"
SCHEMA_DIR = "schemas"


@app.command()
def check(
    *,
    data: DataOption = Path("data"),
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            click_type=click.Choice(PROBLEM_CHOICES, case_sensitive=False),
            help="text (file:line:col), json, github annotations, or auto: github under "
            "GitHub Actions, text elsewhere.",
        ),
    ] = "auto",
    as_of: AsOfOption = "today",
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="CODE[,CODE...]",
            help="Finding codes that fail the run (exit 1); repeat or separate with commas. "
            f"Default: {DEFAULT_FAIL_ON_TEXT}. Naming an opt-in check "
            "(overdue-mijlpaal, missing-status, stale-mijlpaal) also runs it.",
        ),
    ] = None,
    baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Accept the findings listed in FILE (written by 'eerstelijn baseline'); "
            "fail only on new ones, and report listed findings that no longer occur.",
        ),
    ] = None,
    stale_days: StaleDaysOption = STALE_DAYS,
) -> None:
    """Validate the registry and report its gaps.

    Exit 0 when clean, 1 when valid but with a finding named by --fail-on (by default an
    action without trekker or deadline) that --baseline does not list, 2 when invalid (YAML,
    schema or reference errors) or called wrongly. Other findings are printed but pass.
    """
    from eerstelijn.problems import Severity
    from eerstelijn.registry.load import InvalidRegistry
    from eerstelijn.registry.outcome import check_directory
    from eerstelijn.render import summary

    day = as_of_date(as_of)
    failing = _fail_on(fail_on)
    files = file_count(data)
    try:
        with gc_paused():
            problems = check_directory(
                data, day, opt_in=failing, stale_days=stale_days, cache=registry_cache()
            )
    except InvalidRegistry as invalid:
        report_invalid(invalid.problems, files, fmt=fmt)
    note = ""
    if baseline_file is not None:
        outcome = _apply_baseline(baseline_file, problems, failing)
        problems = [*outcome.new, *outcome.stale]
        note = _baseline_note(outcome)
    fmt = resolve_problem_format(fmt)
    emit(problem_renderer(fmt)(problems))
    typer.echo(summary(problems, files) + note, err=fmt != "text")
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(ExitCode.INVALID)
    if any(p.code in failing for p in problems):
        raise typer.Exit(ExitCode.FINDINGS)


def _fail_on(values: list[str] | None) -> frozenset[str]:
    """The finding codes of --fail-on (repeated or comma-separated), or the default ones."""
    if values is None:
        # Spelled out, not imported: loading every check module costs a cached check a third.
        return frozenset(DEFAULT_FAIL_ON_TEXT.split(","))
    from eerstelijn.checks import CHECKS, finding_codes
    from eerstelijn.lookup import suggest

    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    if not codes:
        raise typer.BadParameter(_("name at least one finding code"), param_hint="'--fail-on'")
    known = finding_codes()
    for code in codes:
        if code in known:
            continue
        if code in CHECKS:
            why = _("{code!r} is an error, which always fails the run (exit 2)").format(code=code)
        else:
            why = _("unknown finding code {code!r}").format(code=code)
        tail = suggest(code, known) or _("; findings are {codes}").format(codes=", ".join(known))
        raise typer.BadParameter(why + tail, param_hint="'--fail-on'")
    return frozenset(codes)


@app.command()
def baseline(
    *,
    data: DataOption = Path("data"),
    out: Annotated[
        Path, typer.Option("--out", help="The baseline file to write.", show_default=True)
    ] = Path(BASELINE_FILE),
    as_of: AsOfOption = "today",
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="CODE[,CODE...]",
            help="As for check: naming an opt-in check also accepts its findings.",
        ),
    ] = None,
    stale_days: StaleDaysOption = STALE_DAYS,
) -> None:
    """Write today's findings to a baseline file, for 'check --baseline' to accept.

    Review the file before committing it: every entry is a gap the check stops failing on.
    Entries are keyed by code and path (acties[H3.3].trekker), never by line. Errors are not
    written: the registry must be valid.
    """
    from eerstelijn.baseline import dumps_baseline, entries_for
    from eerstelijn.problems import Severity
    from eerstelijn.registry.load import InvalidRegistry
    from eerstelijn.registry.outcome import check_directory

    day = as_of_date(as_of)
    failing = _fail_on(fail_on)
    files = file_count(data)
    try:
        with gc_paused():
            problems = check_directory(
                data, day, opt_in=failing, stale_days=stale_days, cache=registry_cache()
            )
    except InvalidRegistry as invalid:
        report_invalid(invalid.problems, files, message=see_check(invalid.problems, files, data))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        report_invalid(errors, files, message=see_check(errors, files, data))
    entries = entries_for(problems, data)
    from eerstelijn.editing.atomic import write_atomic

    try:
        # Atomic: a full disk or a kill leaves the old baseline whole, never a fragment.
        write_atomic(out, dumps_baseline(entries).encode("utf-8"), keep_mode=True)
    except OSError as error:
        fail(_("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error))
    wrote = ngettext(
        "Wrote {n} finding to {file}.", "Wrote {n} findings to {file}.", len(entries)
    ).format(n=len(entries), file=out)
    console().print(wrote, markup=False, soft_wrap=True)  # a path is not broken


def _apply_baseline(file: Path, problems: list[Problem], failing: frozenset[str]) -> Outcome:
    from eerstelijn.baseline import BaselineError, apply_baseline, read_baseline

    try:
        entries = read_baseline(file)
    except BaselineError as error:
        # Unwrapped, so that each `file:line:` stays whole for editors and grep.
        fail(_("invalid baseline: {error}").format(error=error))
    return apply_baseline(entries, problems, opt_in=failing, baseline_file=str(file))


def _baseline_note(outcome: Outcome) -> str:
    """The summary's tail: what the baseline accepted and how much of it is stale."""
    known = len(outcome.known)
    stale = len(outcome.stale)
    accepted = ngettext("{n} known finding accepted", "{n} known findings accepted", known)
    stale_entries = ngettext("{n} stale entry", "{n} stale entries", stale)
    return " " + _("Baseline: {accepted}, {stale}.").format(
        accepted=accepted.format(n=known), stale=stale_entries.format(n=stale)
    )


@app.command()
def schema(
    *,
    out: Annotated[
        Path,
        typer.Option("--out", help="The directory to write the schemas to.", show_default=True),
    ] = Path(SCHEMA_DIR),
) -> None:
    """Write one JSON Schema per data file, so that editors check the YAML while you type.

    The schemas follow from the models: documenten, doelen, partijen, acties (also for
    acties/*.yaml) and zorgbelofte. A data file names its schema in a first-line comment,
    '# yaml-language-server: $schema=../schemas/acties.schema.json'.
    """
    from eerstelijn.editing.atomic import write_atomic
    from eerstelijn.registry.schema import schema_files

    files = schema_files()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            write_atomic(out / name, text.encode("utf-8"), keep_mode=True)
    except OSError as error:
        fail(
            _("cannot write {file}: {reason}").format(
                file=error.filename or out, reason=error.strerror or error
            )
        )
    wrote = ngettext("Wrote {n} schema to {dir}/.", "Wrote {n} schemas to {dir}/.", len(files))
    console().print(wrote.format(n=len(files), dir=out), markup=False, soft_wrap=True)
