"""The command line: parse options, call the core, pick a renderer, choose the exit code."""

from __future__ import annotations

import sys
from datetime import date
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console, Group, RenderableType
from rich.text import Text

from eerstelijn import __version__, queries
from eerstelijn.atomic import write_atomic
from eerstelijn.checks import integrity_problems, run_checks
from eerstelijn.dates import DateError, parse_as_of
from eerstelijn.ics import render_ics
from eerstelijn.kwartaal import Kwartaal, TimingError
from eerstelijn.load import InvalidRegistry, RegistryFiles, load_registry
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity, suggest
from eerstelijn.render import LISTING_FORMATS, PROBLEM_FORMATS, SeveralSections, summary, views
from eerstelijn.render.json import dumps
from eerstelijn.render.listing import Section
from eerstelijn.render.markdown import render_document
from eerstelijn.render.table import render_sections, render_timeline
from eerstelijn.report import write_report


class ExitCode(IntEnum):
    """What a run's exit status means; documented in the README."""

    CLEAN = 0
    FINDINGS = 1
    INVALID = 2


class ProblemFormat(StrEnum):
    """Output formats for `check`."""

    text = "text"
    json = "json"
    github = "github"


class ListingFormat(StrEnum):
    """Output formats for listings."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ShowFormat(StrEnum):
    """Output formats for `show`."""

    table = "table"
    json = "json"


class PerOption(StrEnum):
    """What `overdue --per` groups by."""

    partij = "partij"
    doel = "doel"
    hoofdstuk = "hoofdstuk"


_PER: dict[PerOption, queries.Per] = {
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


app = typer.Typer(
    help="The visie eerstelijnszorg and its realisatieagenda as a validated registry.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DataOption = Annotated[
    Path,
    typer.Option("--data", help="The registry directory.", show_default=True),
]
AsOfOption = Annotated[
    str,
    typer.Option(
        "--as-of",
        help="The date to judge deadlines by: 2026-03-31, today, 'Q2 2026', '31 maart 2026'.",
    ),
]
FormatOption = Annotated[
    ListingFormat,
    typer.Option("--format", help="table (for people), json, csv or markdown."),
]


def _complete_from(ctx: typer.Context, pick: str) -> list[str]:
    """Completion candidates read from the registry named by --data (nothing if unreadable)."""
    try:
        registry = load_registry(Path(ctx.params.get("data") or "data"))
    except InvalidRegistry:
        return []
    if pick == "actie":
        return [a.id for a in registry.acties]
    return [p.code for p in registry.partijen]


def _complete_actie(ctx: typer.Context, incomplete: str) -> list[str]:
    return [c for c in _complete_from(ctx, "actie") if c.lower().startswith(incomplete.lower())]


def _complete_partij(ctx: typer.Context, incomplete: str) -> list[str]:
    return [c for c in _complete_from(ctx, "partij") if c.lower().startswith(incomplete.lower())]


def _console(*, stderr: bool = False) -> Console:
    # Built per command, so the environment of that run (NO_COLOR, COLUMNS) applies.
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _emit(output: RenderableType) -> None:
    if isinstance(output, str | Text) and not str(output):
        return
    if isinstance(output, str):
        sys.stdout.write(output)
    else:
        # Problem lines must stay one per line for editors and grep; tables may wrap.
        _console().print(output, soft_wrap=isinstance(output, Text))


def _as_of(text: str) -> date:
    try:
        return parse_as_of(text, date.today())
    except DateError as error:
        raise typer.BadParameter(str(error), param_hint="'--as-of'") from None


def _invalid(problems: list[Problem], fmt: ProblemFormat, files: int) -> NoReturn:
    _emit(PROBLEM_FORMATS[fmt.value](problems))
    _console(stderr=True).print(summary(problems, files), markup=False)
    raise typer.Exit(ExitCode.INVALID)


def _registry(data: Path, day: date) -> Registry:
    """A registry fit for queries; an invalid one is reported (as `check` would) and exits 2."""
    files = len(RegistryFiles.find(data).files) if data.is_dir() else 0
    try:
        registry = load_registry(data)
    except InvalidRegistry as invalid:
        _report_invalid(invalid.problems, files)
    errors = integrity_problems(registry, day)
    if errors:
        _report_invalid(errors, files)
    return registry


def _report_invalid(problems: list[Problem], files: int) -> NoReturn:
    console = _console(stderr=True)
    console.print(PROBLEM_FORMATS["text"](problems), soft_wrap=True)
    console.print(summary(problems, files) + " Run 'eerstelijn check' for details.", markup=False)
    raise typer.Exit(ExitCode.INVALID)


def _usage(message: str) -> NoReturn:
    _console(stderr=True).print(f"Error: {message}", markup=False, highlight=False)
    raise typer.Exit(ExitCode.INVALID)


def _emit_sections(sections: list[Section], fmt: ListingFormat) -> None:
    try:
        _emit(LISTING_FORMATS[fmt.value](sections))
    except SeveralSections as error:
        _usage(str(error))


def _quarter(text: str | None, option: str) -> Kwartaal | None:
    if text is None:
        return None
    try:
        return Kwartaal.parse(text)
    except TimingError as error:
        raise typer.BadParameter(str(error), param_hint=f"'{option}'") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eerstelijn {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    *,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """The visie eerstelijnszorg and its realisatieagenda as a validated registry."""


@app.command()
def check(
    *,
    data: DataOption = Path("data"),
    fmt: Annotated[
        ProblemFormat,
        typer.Option("--format", help="text (file:line:col), json, or github annotations."),
    ] = ProblemFormat.text,
    as_of: AsOfOption = "today",
) -> None:
    """Validate the registry and report its gaps.

    Exit 0 when clean, 1 when valid but with findings (an action without trekker or
    deadline), 2 when invalid (YAML, schema or reference errors) or called wrongly.
    """
    day = _as_of(as_of)
    files = len(RegistryFiles.find(data).files) if data.is_dir() else 0
    try:
        registry = load_registry(data)
    except InvalidRegistry as invalid:
        _invalid(invalid.problems, fmt, files)
    problems = run_checks(registry, day)
    _emit(PROBLEM_FORMATS[fmt.value](problems))
    _console(stderr=fmt is not ProblemFormat.text).print(summary(problems, files), markup=False)
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(ExitCode.INVALID)
    if problems:
        raise typer.Exit(ExitCode.FINDINGS)


@app.command()
def overview(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """One screen: counts per status and chapter, overdue per partij, gaps, and what is due soon."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    _emit_sections(views.overview_sections(queries.overview(registry, day), day), fmt)


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
        typer.Option("--incl-betrokken", help="With --per partij: count betrokkenen too."),
    ] = False,
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """Milestones past their deadline and not done.

    A deadline 'Q1 2026' is met through 31 March 2026. Per partij, a groep as trekker counts
    for each of its leden; an action without trekker is listed as '(geen trekker)'.
    """
    day = _as_of(as_of)
    registry = _registry(data, day)
    grouping = _PER[per] if per else None
    rows = queries.overdue(registry, day, per=grouping, incl_betrokken=incl_betrokken)
    _emit_sections([views.overdue_section(rows, grouping)], fmt)


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
            autocompletion=_complete_partij,
        ),
    ] = None,
    rol: Annotated[
        RolOption, typer.Option("--rol", help="With --partij: as trekker or as betrokken.")
    ] = RolOption.trekker,
    doel: Annotated[str | None, typer.Option("--doel", help="Only actions for this goal.")] = None,
    hoofdstuk: Annotated[
        str | None, typer.Option("--hoofdstuk", help="Only actions of this chapter (H2-H5).")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="open, lopend, gereed or vervallen.")
    ] = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Deadline before this quarter.")
    ] = None,
    due_after: Annotated[
        str | None, typer.Option("--due-after", help="Deadline after this quarter.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Text in id, titel or milestones.")
    ] = None,
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """List actions; the filters combine (all must hold)."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    try:
        conditions = queries.ActieFilter(
            without=frozenset(w.value for w in without or []),
            partij=queries.find_partij(registry, partij).code if partij else None,
            rol=rol.value,
            doel=queries.find_doel(registry, doel).id if doel else None,
            hoofdstuk=_hoofdstuk(hoofdstuk),
            status=_status(status),
            due_before=_quarter(due_before, "--due-before"),
            due_after=_quarter(due_after, "--due-after"),
            search=search,
        )
    except queries.UnknownName as error:
        _usage(str(error))
    _emit_sections([views.acties_section(queries.select(registry, conditions), day)], fmt)


def _hoofdstuk(text: str | None) -> str | None:
    if text is None:
        return None
    chapter = text.upper() if text.upper().startswith("H") else f"H{text}"
    if chapter not in ("H2", "H3", "H4", "H5"):
        raise typer.BadParameter(
            f"{text!r} is not a chapter: use H2 to H5", param_hint="'--hoofdstuk'"
        )
    return chapter


def _status(text: str | None) -> str | None:
    statuses = ("open", "lopend", "gereed", "vervallen")
    if text is None or text in statuses:
        return text
    raise typer.BadParameter(
        f"{text!r} is not a status: use {', '.join(statuses)}" + suggest(text, statuses),
        param_hint="'--status'",
    )


@app.command()
def show(
    actie_id: Annotated[
        str, typer.Argument(metavar="ID", help="An action id.", autocompletion=_complete_actie)
    ],
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: Annotated[
        ShowFormat, typer.Option("--format", help="table, or json (one row of 'acties').")
    ] = ShowFormat.table,
) -> None:
    """One action whole: milestones, parties, goals and source."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    try:
        actie = queries.find_actie(registry, actie_id)
    except queries.UnknownName as error:
        _usage(str(error))
    if fmt is ShowFormat.json:
        _emit(dumps(queries.actie_record(actie, day)))
    else:
        _emit_sections(views.show_sections(actie, registry, day), ListingFormat.table)


@app.command()
def partijen(
    code: Annotated[
        str | None,
        typer.Argument(
            help="A partij code: show what it leads and takes part in.",
            autocompletion=_complete_partij,
        ),
    ] = None,
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """All parties with counts; with a code, that partij's actions, next deadlines first."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    if code is None:
        _emit_sections([views.partijen_section(queries.partijen_summary(registry, day))], fmt)
        return
    try:
        partij = queries.find_partij(registry, code)
    except queries.UnknownName as error:
        _usage(str(error))
    _emit_sections(views.partij_sections(queries.partij_detail(registry, partij), day), fmt)


@app.command()
def doelen(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """Coverage per goal: actions, trekkers, next deadline. Goals with no action stand out."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    _emit_sections([views.doelen_section(queries.doelen_coverage(registry, day))], fmt)


@app.command()
def zorgbelofte(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """Each promise with the goals and actions behind it. Promises with none stand out."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    _emit_sections([views.zorgbelofte_section(queries.zorgbelofte_coverage(registry))], fmt)


@app.command()
def timeline(
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    first: Annotated[str | None, typer.Option("--from", help="First quarter shown.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last quarter shown.")] = None,
    fmt: FormatOption = ListingFormat.table,
) -> None:
    """Quarters across, actions down, milestones marked; today's quarter highlighted."""
    day = _as_of(as_of)
    registry = _registry(data, day)
    bounds = queries.timeline_bounds(registry)
    start = _quarter(first, "--from") or (bounds[0] if bounds else Kwartaal.from_date(day))
    end = _quarter(last, "--to") or (bounds[1] if bounds else Kwartaal.from_date(day))
    if end < start:
        _usage(f"--to {end} lies before --from {start}")
    rows = queries.timeline(registry, start, end)
    if fmt is ListingFormat.table:
        _emit(render_timeline(rows, queries.quarter_range(start, end), day))
    else:
        _emit_sections([views.timeline_section(rows, day)], fmt)


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
    day = _as_of(as_of)
    registry = _registry(data, day)
    try:
        target = write_report(registry, day, out, version=__version__)
    except OSError as error:
        _usage(f"cannot write the report to {out}: {error.strerror or error}")
    _console(stderr=True).print(f"Wrote {target}", markup=False)


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
    day = _as_of(as_of)
    registry = _registry(data, day)
    sections = views.agenda_sections(queries.agenda(registry, day))
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
        _emit(render_document(title, intro, sections))
    else:
        _emit(Group(Text(title, style="bold"), Text(intro), Text(""), render_sections(sections)))


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
            autocompletion=_complete_partij,
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
    # Deadlines do not depend on the date; only the integrity checks take one.
    registry = _registry(data, date.today())
    try:
        code = queries.find_partij(registry, partij).code if partij else None
    except queries.UnknownName as error:
        _usage(str(error))
    acties = queries.select(registry, queries.ActieFilter(partij=code))
    name = "Realisatieagenda eerstelijnszorg: mijlpalen" + (f" ({code})" if code else "")
    feed = render_ics(registry, acties, name=name)
    if out is None:
        sys.stdout.buffer.write(feed)
        return
    try:
        write_atomic(out, feed)
    except OSError as error:
        _usage(f"cannot write {out}: {error.strerror or error}")


def main() -> None:
    """Entry point of the `eerstelijn` console script."""
    app()
