"""What the bestuurlijk overleg reads: `report`, `agenda` and `export ics`."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eerstelijn.cli.common import (
    PARTIJ_CODE,
    AsOfOption,
    DataOption,
    answered,
    app,
    as_of_date,
    console,
    emit,
    emit_answered,
    fail,
    gc_paused,
    registry_for_queries,
)
from eerstelijn.cli.lang import LanguageGroup
from eerstelijn.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable

    from eerstelijn.history.versions import Comparison
    from eerstelijn.models import Registry

    Pages = Iterable[tuple[str | None, str]]

# The most acties whose report is kept in the cache: about 33 MB of pages at 10,000 acties,
# held whole while they are built; at 100,000 (328 MB) the pages are written one at a time.
KEPT_REPORT = 10_000


@app.command()
def report(
    *,
    data: DataOption = Path("data"),
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="The .html file to write, or a directory to write index.html into."
        ),
    ] = Path("report"),
    as_of: AsOfOption = "today",
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Add a section of what changed in the registry since this version in git: "
            "a branch, tag or commit, or a date (2026-01-15, 'Q1 2026': the last commit on or "
            "before it), such as the day of the last BO.",
        ),
    ] = None,
    max_rows: Annotated[
        int,
        typer.Option(
            "--max-rows",
            min=1,
            help="The most rows of a list on one page. A longer list shows its first rows on "
            "the main page and all of them on pages of their own, in the folder beside it "
            "(index-pages/); the acties in full then go to pages per hoofdstuk, regio or "
            "document.",
        ),
    ] = 500,  # report.site.DEFAULT_MAX_ROWS, which --help must not import
) -> None:
    """Write the HTML progress report for the bestuurlijk overleg: one self-contained index.html.

    Headline figures, a filterable timeline, progress (a burn-up chart of milestones and the
    re-planned ones), overdue per partij, gaps, goal and zorgbelofte coverage, and every action
    with its source; with --since, what changed since then. Works offline, on GitHub Pages and
    on paper. Lists longer than --max-rows continue on pages of their own, in index-pages/.
    """
    from eerstelijn import __version__
    from eerstelijn.report.files import report_target, write_pages

    day = as_of_date(as_of)
    target = report_target(out)

    def build(registry: Registry, comparison: Comparison | None = None) -> Pages:
        from eerstelijn.report.page import build_report

        pages = build_report(
            registry,
            day,
            version=__version__,
            comparison=comparison,
            max_rows=max_rows,
            main=target.name,
        )
        return pages if comparison or len(registry.acties) > KEPT_REPORT else list(pages)

    if since is None:
        # A report of up to KEPT_REPORT acties is kept in the cache, as the queries' answers
        # are; a larger one is written page by page, never held whole, and not kept.
        pages = answered(data, day, build, keep=lambda built: isinstance(built, list))
    else:
        from eerstelijn.cli.history_commands import changes_since

        changed = changes_since(data, since)
        pages = build(registry_for_queries(data, day), changed)
    try:
        # The queries and pages make millions of objects and no cycles: with the collector
        # running, each full collection walks them all again (6 of 30 s at 100,000 acties).
        with gc_paused():
            write_pages(pages, target)
    except OSError as error:
        fail(
            _("cannot write the report to {dir}: {reason}").format(
                dir=out, reason=error.strerror or error
            )
        )
    console(stderr=True).print(_("Wrote {file}").format(file=target), markup=False)


class AgendaFormat(StrEnum):
    """Output formats for `agenda`."""

    markdown = "markdown"
    table = "table"
    docx = "docx"


@app.command()
def agenda(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: Annotated[
        AgendaFormat,
        typer.Option(
            "--format",
            help="markdown (BO papers), table (a terminal) or docx (Word; needs --out).",
        ),
    ] = AgendaFormat.markdown,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="The file to write (FILE.docx for docx); standard output when left out."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Mark each item new or changed since this version in git (the last BO): a "
            "branch, tag or commit, or a date (2026-01-15, 'Q1 2026': the last commit on or "
            "before it).",
        ),
    ] = None,
) -> None:
    """The agenda of the bestuurlijk overleg as a board paper: one numbered item per action.

    Each action with an overdue milestone, without trekker or without deadline is one item:
    its overdue milestones oldest first (when last reported, or nothing reported), its trekker,
    its source, and room for a Voorstel and a Besluit. First the realisatieagenda by hoofdstuk,
    then the regional agendas, then other documents (an insurer's own commitments). Done
    actions are left out. With --since, an item whose action is new or changed since then says
    so.
    """
    if fmt is AgendaFormat.docx and out is None:
        fail(_("--format docx writes a Word file: give it with --out FILE.docx"))
    if fmt is AgendaFormat.docx and out is not None and out.suffix.lower() != ".docx":
        fail(_("--format docx writes a Word file: name it FILE.docx, not {file}").format(file=out))
    from eerstelijn.render import agenda as render

    day = as_of_date(as_of)
    comparison = None
    if since is not None:
        from eerstelijn.cli.history_commands import changes_since

        comparison = changes_since(data, since)

    def build(registry: Registry) -> render.Paper:
        from eerstelijn import queries

        return render.paper(registry, queries.agenda(registry, day), day, comparison)

    # What changed --since depends on git, not only on the files: that paper is not kept.
    if comparison is None and out is None and fmt is not AgendaFormat.docx:
        show = render.table if fmt is AgendaFormat.table else render.markdown
        emit_answered(data, day, build, show, terminal=fmt is AgendaFormat.table)
        return
    if comparison is None:
        paper = answered(data, day, build)
    else:
        paper = build(registry_for_queries(data, day))
    if fmt is AgendaFormat.table:
        if out is None:
            emit(render.table(paper))
            return
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        Console(file=buffer, width=80, highlight=False).print(render.table(paper))
        content = buffer.getvalue().encode("utf-8")
    elif fmt is AgendaFormat.markdown:
        if out is None:
            emit(render.markdown(paper))
            return
        content = render.markdown(paper).encode("utf-8")
    else:
        content = render.docx(paper)
    assert out is not None
    _write_file(out, content)


def _write_file(out: Path, content: bytes) -> None:
    """Write a whole file atomically, or leave with a clear message (exit 2)."""
    from eerstelijn.editing.atomic import write_atomic

    if out.is_dir():
        fail(_("cannot write to {file}: it is a directory").format(file=out))
    try:
        write_atomic(out, content)
    except OSError as error:
        fail(_("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error))
    console(stderr=True).print(_("Wrote {file}").format(file=out), markup=False)


class IcsRol(StrEnum):
    """How `export ics --partij` counts a partij."""

    trekker = "trekker"
    betrokken = "betrokken"


export_app = typer.Typer(
    cls=LanguageGroup,
    help="Export the registry for other tools.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")


@export_app.command()
def ics(
    *,
    data: DataOption = Path("data"),
    partij: Annotated[
        str | None,
        typer.Option(
            "--partij",
            help="Only milestones of actions this partij leads (groups expanded).",
            click_type=PARTIJ_CODE,
        ),
    ] = None,
    rol: Annotated[
        IcsRol,
        typer.Option("--rol", help="With --partij: actions it leads, or takes part in."),
    ] = IcsRol.trekker,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The .ics file to write; standard output when left out."),
    ] = None,
) -> None:
    """An iCalendar feed of milestone deadlines: all-day events on the quarter's last day.

    UIDs are stable (<actie-id>-m<n>@eerstelijn), so a calendar that re-imports the feed
    updates its events instead of duplicating them; unchanged data gives identical bytes.
    """
    from eerstelijn.editing.atomic import write_atomic

    if rol is not IcsRol.trekker and partij is None:
        raise typer.BadParameter(_("--rol needs --partij"), param_hint="'--rol'")

    def build(registry: Registry) -> bytes:
        from eerstelijn import lookup, queries
        from eerstelijn.render.ics import render_ics

        try:
            code = lookup.find_partij(registry, partij).code if partij else None
        except lookup.UnknownName as error:
            fail(str(error))
        acties = queries.select(registry, queries.ActieFilter(partij=code, rol=rol.value))
        if code is None:
            name = _("Realisatieagenda eerstelijnszorg: milestones")
        elif rol is IcsRol.betrokken:
            name = _("Realisatieagenda eerstelijnszorg: milestones ({code} as betrokken)")
        else:
            name = _("Realisatieagenda eerstelijnszorg: milestones ({code})")
        return render_ics(registry, acties, name=name.format(code=code))

    # Deadlines do not depend on the date; only the integrity checks take one.
    feed = answered(data, date.today(), build)
    if out is None:
        sys.stdout.buffer.write(feed)
        return
    try:
        write_atomic(out, feed)
    except OSError as error:
        fail(_("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error))
