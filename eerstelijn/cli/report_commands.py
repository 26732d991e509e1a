"""What the bestuurlijk overleg reads: `report`, `agenda` and `export ics`."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eerstelijn.cli.common import (
    AsOfOption,
    DataOption,
    app,
    as_of_date,
    complete_partij,
    console,
    emit,
    fail,
    registry_for_queries,
)


@app.command()
def report(
    *,
    data: DataOption = Path("data"),
    out: Annotated[
        Path, typer.Option("--out", help="The directory to write index.html into.")
    ] = Path("report"),
    as_of: AsOfOption = "today",
) -> None:
    """Write the HTML progress report for the bestuurlijk overleg: one self-contained index.html.

    Headline figures, overdue per partij, gaps, a filterable timeline, goal and zorgbelofte
    coverage, and every action with its source. Works offline, on GitHub Pages and on paper.
    """
    from eerstelijn import __version__
    from eerstelijn.report import write_report

    day = as_of_date(as_of)
    registry = registry_for_queries(data, day)
    try:
        target = write_report(registry, day, out, version=__version__)
    except OSError as error:
        fail(f"cannot write the report to {out}: {error.strerror or error}")
    console(stderr=True).print(f"Wrote {target}", markup=False)


class AgendaFormat(StrEnum):
    """Output formats for `agenda`."""

    markdown = "markdown"
    table = "table"


@app.command()
def agenda(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: Annotated[
        AgendaFormat,
        typer.Option("--format", help="markdown (for the BO papers) or table (for a terminal)."),
    ] = AgendaFormat.markdown,
) -> None:
    """What the bestuurlijk overleg must discuss: overdue milestones and actions with gaps.

    Overdue milestones, actions without trekker and actions without deadline, grouped by
    hoofdstuk, then by action id; overdue milestones oldest first. Done actions are left out.
    """
    from rich.console import Group
    from rich.text import Text

    from eerstelijn import queries
    from eerstelijn.render import views
    from eerstelijn.render.markdown import render_document
    from eerstelijn.render.table import render_sections

    day = as_of_date(as_of)
    registry = registry_for_queries(data, day)
    sections = views.note_absent(registry, views.agenda_sections(queries.agenda(registry, day)))
    title = f"Agenda bestuurlijk overleg, {day.isoformat()}"
    if not sections:
        intro = (
            "Nothing to discuss: no overdue milestones, every action has a trekker and a deadline."
        )
    else:
        intro = (
            f"{sum(len(s.records) for s in sections)} items: overdue milestones, actions without "
            "trekker and actions without deadline, by hoofdstuk and action id."
        )
    if fmt is AgendaFormat.markdown:
        emit(render_document(title, intro, sections))
    else:
        emit(Group(Text(title, style="bold"), Text(intro), Text(""), render_sections(sections)))


export_app = typer.Typer(
    help="Export the registry for other tools.", no_args_is_help=True, rich_markup_mode=None
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
            autocompletion=complete_partij,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The .ics file to write; standard output when left out."),
    ] = None,
) -> None:
    """An iCalendar feed of milestone deadlines: all-day events on the quarter's last day.

    UIDs are stable (<actie-id>-m<n>@eerstelijn), so a calendar that re-imports the feed
    updates its events instead of duplicating them; unchanged data gives identical bytes.
    """
    from eerstelijn import lookup, queries
    from eerstelijn.editing.atomic import write_atomic
    from eerstelijn.render.ics import render_ics

    # Deadlines do not depend on the date; only the integrity checks take one.
    registry = registry_for_queries(data, date.today())
    try:
        code = lookup.find_partij(registry, partij).code if partij else None
    except lookup.UnknownName as error:
        fail(str(error))
    acties = queries.select(registry, queries.ActieFilter(partij=code))
    name = "Realisatieagenda eerstelijnszorg: mijlpalen" + (f" ({code})" if code else "")
    feed = render_ics(registry, acties, name=name)
    if out is None:
        sys.stdout.buffer.write(feed)
        return
    try:
        write_atomic(out, feed)
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror or error}")
