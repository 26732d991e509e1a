"""The questions a programme office asks: overview, overdue, acties, show, partijen, doelen,
zorgbelofte, documenten and timeline."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eerstelijn.cli.common import (
    ACTIE_ID,
    PARTIJ_CODE,
    STATUS_CHOICES,
    AsOfOption,
    DataOption,
    FormatOption,
    app,
    as_of_date,
    emit_answered,
    emit_listing,
    fail,
    for_format,
    listing,
    quarter_option,
)
from eerstelijn.i18n import _
from eerstelijn.shape import HOOFDSTUKKEN, STATUSES

if TYPE_CHECKING:
    from rich.console import RenderableType

    from eerstelijn.kwartaal import Kwartaal
    from eerstelijn.models import Registry
    from eerstelijn.queries import Per, TimelineRow
    from eerstelijn.render.listing import Section
    from eerstelijn.render.table import ChartRow


class ShowFormat(StrEnum):
    """Output formats for `show`."""

    table = "table"
    json = "json"


class PerOption(StrEnum):
    """What `overdue --per` groups by."""

    partij = "partij"
    doel = "doel"
    hoofdstuk = "hoofdstuk"


_PER: dict[PerOption, Per] = {
    PerOption.partij: "partij",
    PerOption.doel: "doel",
    PerOption.hoofdstuk: "hoofdstuk",
}


class WithoutOption(StrEnum):
    """What `acties --without` looks for."""

    trekker = "trekker"
    deadline = "deadline"


class RolOption(StrEnum):
    """How `acties --partij` counts a partij."""

    trekker = "trekker"
    betrokken = "betrokken"


@app.command()
def overview(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = "table",
) -> None:
    """One screen: counts per status and chapter, overdue per partij, gaps, and what is due soon."""
    day = as_of_date(as_of)

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import queries
        from eerstelijn.render import views

        overview = queries.overview(registry, day)
        sections = views.note_absent(
            registry, views.overview_sections(overview, day, whole=fmt == "json")
        )
        return for_format(sections, fmt)

    emit_listing(data, day, build, fmt)


@app.command()
def overdue(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    per: Annotated[
        PerOption | None, typer.Option("--per", help="Group by partij, doel or hoofdstuk.")
    ] = None,
    incl_betrokken: Annotated[
        bool,
        typer.Option(
            "--incl-betrokken",
            help="With --per partij or --partij: count betrokkenen too, not only trekkers.",
        ),
    ] = False,
    partij: Annotated[
        str | None,
        typer.Option(
            "--partij",
            help="Only what this partij leads (also through a groep it belongs to).",
            click_type=PARTIJ_CODE,
        ),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Milestones past their current deadline and not done, with their last report.

    A deadline 'Q1 2026' is met through 31 March 2026. Per partij, an action led by a groep
    is listed once under the groep, its leden named; an action without trekker is listed as
    '(geen trekker)'.
    """

    if incl_betrokken and per is not PerOption.partij and partij is None:
        fail(_("--incl-betrokken goes with --per partij or --partij"))
    day = as_of_date(as_of)
    grouping = _PER[per] if per else None

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import lookup, queries
        from eerstelijn.render import views

        try:
            code = lookup.find_partij(registry, partij).code if partij else None
        except lookup.UnknownName as error:
            fail(str(error))
        rows = queries.overdue(
            registry,
            day,
            per=grouping,
            incl_betrokken=incl_betrokken,
            partij=code,
            expand_groups=False,
        )
        sections = [views.overdue_section(rows, grouping, registry)]
        return for_format(views.note_absent(registry, sections), fmt)

    emit_listing(data, day, build, fmt)


@app.command()
def acties(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    without: Annotated[
        list[WithoutOption] | None,
        typer.Option("--without", help="Only actions lacking a trekker or a deadline."),
    ] = None,
    partij: Annotated[
        str | None,
        typer.Option(
            "--partij",
            help="Only actions this partij leads (groups expanded).",
            click_type=PARTIJ_CODE,
        ),
    ] = None,
    rol: Annotated[
        RolOption, typer.Option("--rol", help="With --partij: as trekker or as betrokken.")
    ] = RolOption.trekker,
    doel: Annotated[str | None, typer.Option("--doel", help="Only actions for this goal.")] = None,
    hoofdstuk: Annotated[
        str | None,
        typer.Option(
            "--hoofdstuk",
            help=f"Only actions of this chapter ({HOOFDSTUKKEN[0]}-{HOOFDSTUKKEN[-1]}).",
        ),
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help=f"{STATUS_CHOICES}.")] = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Deadline before this quarter.")
    ] = None,
    due_after: Annotated[
        str | None, typer.Option("--due-after", help="Deadline after this quarter.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Text in id, titel or milestones.")
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """List actions; the filters combine (all must hold)."""
    day = as_of_date(as_of)

    # Options that need no registry are checked first, so a wrong one is an error every time.
    chapter, wanted = _hoofdstuk(hoofdstuk), _status(status)
    before = quarter_option(due_before, "--due-before")
    after = quarter_option(due_after, "--due-after")

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import lookup, queries
        from eerstelijn.render import views

        try:
            conditions = queries.ActieFilter(
                without=frozenset(w.value for w in without or []),
                partij=lookup.find_partij(registry, partij).code if partij else None,
                rol=rol.value,
                doel=lookup.find_doel(registry, doel).id if doel else None,
                hoofdstuk=chapter,
                status=wanted,
                due_before=before,
                due_after=after,
                search=search,
                as_of=day,
            )
        except lookup.UnknownName as error:
            fail(str(error))
        selected = queries.select(registry, conditions)
        listing = views.acties_section(selected, day, whole=fmt == "json")
        sections = views.note_absent(registry, [listing])
        return for_format(sections, fmt)

    emit_listing(data, day, build, fmt)


def _hoofdstuk(text: str | None) -> str | None:
    if text is None:
        return None
    chapter = text.upper() if text.upper().startswith("H") else f"H{text}"
    if chapter not in HOOFDSTUKKEN:
        raise typer.BadParameter(
            _("{text!r} is not a chapter: use {first} to {last}").format(
                text=text, first=HOOFDSTUKKEN[0], last=HOOFDSTUKKEN[-1]
            ),
            param_hint="'--hoofdstuk'",
        )
    return chapter


def _status(text: str | None) -> str | None:
    from eerstelijn.lookup import UnknownName, find_choice, suggest

    if text is None:
        return None
    try:
        return find_choice("status", text, STATUSES)  # 'Open' and 'OPEN' mean open
    except UnknownName:
        raise typer.BadParameter(
            _("{text!r} is not a status: use {statuses}").format(
                text=text, statuses=", ".join(STATUSES)
            )
            + suggest(text, STATUSES),
            param_hint="'--status'",
        ) from None


@app.command()
def show(
    actie_id: Annotated[
        str, typer.Argument(metavar="ID", help="An action id.", click_type=ACTIE_ID)
    ],
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: Annotated[
        ShowFormat, typer.Option("--format", help="table, or json (one row of 'acties').")
    ] = ShowFormat.table,
) -> None:
    """One action whole: milestones, parties, goals and source."""
    day = as_of_date(as_of)

    def build(registry: Registry) -> str | list[Section]:
        from eerstelijn import lookup, queries
        from eerstelijn.render import views
        from eerstelijn.render.json import dumps

        try:
            actie = lookup.find_actie(registry, actie_id)
        except lookup.UnknownName as error:
            fail(str(error))
        if fmt is ShowFormat.json:
            return dumps(queries.actie_record(actie, day))
        return views.show_sections(actie, registry, day)

    def render(shown: str | list[Section]) -> RenderableType:
        return shown if isinstance(shown, str) else listing("table")(shown)

    emit_answered(data, day, build, render, terminal=fmt is ShowFormat.table)


@app.command()
def partijen(
    code: Annotated[
        str | None,
        typer.Argument(
            help="A partij code: show what it leads and takes part in.",
            click_type=PARTIJ_CODE,
        ),
    ] = None,
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = "table",
) -> None:
    """All parties with counts; with a code, that partij's actions, next deadlines first."""
    day = as_of_date(as_of)

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import lookup, queries
        from eerstelijn.render import views

        if code is None:
            sections = [views.partijen_section(queries.partijen_summary(registry, day))]
            return views.note_absent(registry, sections)
        try:
            partij = lookup.find_partij(registry, code)
        except lookup.UnknownName as error:
            fail(str(error))
        sections = views.partij_sections(queries.partij_detail(registry, partij, day), day)
        return views.note_absent(registry, sections)

    emit_listing(data, day, build, fmt)


@app.command()
def doelen(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = "table",
) -> None:
    """Coverage per goal: actions, trekkers, next deadline. Goals with no action stand out."""
    day = as_of_date(as_of)

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import queries
        from eerstelijn.render import views

        sections = [views.doelen_section(queries.doelen_coverage(registry, day))]
        return views.note_absent(registry, sections)

    emit_listing(data, day, build, fmt)


@app.command()
def zorgbelofte(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = "table",
) -> None:
    """Each promise with the goals and actions behind it. Promises with none stand out."""
    day = as_of_date(as_of)

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import queries
        from eerstelijn.render import views

        return [views.zorgbelofte_section(queries.zorgbelofte_coverage(registry, day))]

    emit_listing(data, day, build, fmt)


@app.command()
def documenten(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = "table",
) -> None:
    """The sources, with how many actions, goals, parties and promises cite each.

    A document dated after --as-of is left out: it did not exist yet. Sources nothing cites
    stand out.
    """

    day = as_of_date(as_of)

    def build(registry: Registry) -> list[Section]:
        from eerstelijn import queries
        from eerstelijn.render import views

        return [views.documenten_section(queries.documenten_usage(registry, day))]

    emit_listing(data, day, build, fmt)


@app.command()
def timeline(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    first: Annotated[str | None, typer.Option("--from", help="First quarter shown.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last quarter shown.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """Quarters across, actions down, milestones marked; today's quarter highlighted."""
    day = as_of_date(as_of)
    since, until = quarter_option(first, "--from"), quarter_option(last, "--to")

    def rows_of(registry: Registry) -> tuple[list[TimelineRow], list[Kwartaal]]:
        from eerstelijn import queries
        from eerstelijn.kwartaal import Kwartaal

        bounds = queries.timeline_bounds(registry, day)
        start = since or (bounds[0] if bounds else Kwartaal.from_date(day))
        end = until or (bounds[1] if bounds else Kwartaal.from_date(day))
        if end < start:
            fail(_("--to {end} lies before --from {start}").format(end=end, start=start))
        return queries.timeline(registry, start, end, day), queries.quarter_range(start, end)

    if fmt == "table":  # the chart's rows are kept marked; the quarters shown fit the width

        def chart(registry: Registry) -> tuple[list[ChartRow], list[Kwartaal]]:
            from eerstelijn.render.table import chart_rows

            rows, quarters = rows_of(registry)
            return chart_rows(rows, day), quarters

        def render(chart: tuple[list[ChartRow], list[Kwartaal]]) -> RenderableType:
            from eerstelijn.render.table import render_chart

            return render_chart(*chart, day)

        emit_answered(data, day, chart, render)
        return

    def build(registry: Registry) -> list[Section]:
        from eerstelijn.render import views

        return for_format([views.timeline_section(rows_of(registry)[0], day)], fmt)

    emit_listing(data, day, build, fmt)
