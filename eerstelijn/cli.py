"""The command line: parse options, call the core, pick a renderer, choose the exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console, Group, RenderableType
from rich.text import Text

from eerstelijn import __version__, edit, queries
from eerstelijn.atomic import write_atomic
from eerstelijn.baseline import (
    BASELINE_FILE,
    BaselineError,
    Outcome,
    apply_baseline,
    dumps_baseline,
    entries_for,
    read_baseline,
)
from eerstelijn.checks import (
    CHECKS,
    DEFAULT_FAIL_ON,
    finding_codes,
    integrity_problems,
    run_checks,
)
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
from eerstelijn.schema import SCHEMA_DIR, schema_files


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
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="CODE[,CODE...]",
            help="Finding codes that fail the run (exit 1); repeat or separate with commas. "
            f"Default: {','.join(DEFAULT_FAIL_ON)}. Naming an opt-in check "
            "(overdue-mijlpaal, missing-status) also runs it.",
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
) -> None:
    """Validate the registry and report its gaps.

    Exit 0 when clean, 1 when valid but with a finding named by --fail-on (by default an
    action without trekker or deadline) that --baseline does not list, 2 when invalid (YAML,
    schema or reference errors) or called wrongly. Other findings are printed but pass.
    """
    day = _as_of(as_of)
    failing = _fail_on(fail_on)
    files = len(RegistryFiles.find(data).files) if data.is_dir() else 0
    try:
        registry = load_registry(data)
    except InvalidRegistry as invalid:
        _invalid(invalid.problems, fmt, files)
    problems = run_checks(registry, day, opt_in=failing)
    note = ""
    if baseline_file is not None:
        outcome = _apply_baseline(baseline_file, problems, failing)
        problems = [*outcome.new, *outcome.stale]
        note = _baseline_note(outcome)
    _emit(PROBLEM_FORMATS[fmt.value](problems))
    _console(stderr=fmt is not ProblemFormat.text).print(
        summary(problems, files) + note, markup=False
    )
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(ExitCode.INVALID)
    if any(p.code in failing for p in problems):
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


DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="Print the change as a unified diff and write nothing."),
]
ActieIdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="The action's id, e.g. H3.4.", autocompletion=_complete_actie
    ),
]


def _edit_failed(error: edit.EditError | InvalidRegistry) -> NoReturn:
    if isinstance(error, edit.InvalidEdit):
        _emit(PROBLEM_FORMATS["text"](error.problems))
        message = "the edit would make the registry invalid (see above); nothing was written"
    elif isinstance(error, InvalidRegistry):
        _emit(PROBLEM_FORMATS["text"](error.problems))
        message = "the registry is not valid (see above); fix it first, nothing was written"
    else:
        message = str(error)
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(ExitCode.INVALID)


def _apply(make: Callable[[], Sequence[edit.FileEdit]], *, dry_run: bool) -> list[edit.FileEdit]:
    """Compute the edits, then print them (dry run) or write them; return the changed ones."""
    try:
        changed = [e for e in make() if e.changed]
        if dry_run:
            sys.stdout.write("".join(e.diff() for e in changed))
        else:
            for change in changed:
                edit.write(change)
                typer.echo(f"updated {change.path}", err=True)
    except (edit.EditError, InvalidRegistry) as error:
        _edit_failed(error)
    if not changed:
        typer.echo("nothing to change", err=True)
    return changed


@app.command("set-status")
def set_status(
    actie_id: ActieIdArgument,
    status: Annotated[
        str, typer.Argument(help="open, lopend, gereed or vervallen.", show_default=False)
    ],
    *,
    mijlpaal: Annotated[
        int | None,
        typer.Option(
            min=1, metavar="N", help="Set the status of this milestone (1 is the first) instead."
        ),
    ] = None,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Set the status of an action or of one of its milestones.

    Only the status line changes in the file; comments and layout stay as they are.
    """
    _apply(lambda: [edit.set_status(data, actie_id, status, mijlpaal=mijlpaal)], dry_run=dry_run)


@app.command()
def assign(
    actie_id: ActieIdArgument,
    *,
    trekker: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODE",
            autocompletion=_complete_partij,
            help="A partij code to add as trekker (repeatable).",
        ),
    ] = None,
    betrokken: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODE",
            autocompletion=_complete_partij,
            help="A partij code to add to the betrokkenen (repeatable).",
        ),
    ] = None,
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove the named codes instead of adding them.")
    ] = False,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Add parties to an action's trekker or betrokkenen, or remove them with --remove."""
    _apply(
        lambda: [
            edit.assign(
                data,
                actie_id,
                trekker=trekker or [],
                betrokkenen=betrokken or [],
                remove=remove,
            )
        ],
        dry_run=dry_run,
    )


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(value: str | None, label: str, *, required: bool) -> str | None:
    """The flag's value, else (on a terminal) an answer to a prompt; blank is none."""
    if value is not None or not _interactive():
        return value
    answer: str = typer.prompt(label, default="" if not required else None, show_default=False)
    return answer.strip() or None


def _ask_list(values: list[str] | None, label: str, *, required: bool) -> list[str]:
    if values:
        return values
    answer = _ask(None, f"{label} (separated by commas)", required=required)
    return [v.strip() for v in (answer or "").split(",") if v.strip()]


@app.command()
def add(
    *,
    titel: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Short title in our own words.")
    ] = None,
    hoofdstuk: Annotated[
        str | None,
        typer.Option(metavar="H2..H5", help="H2 to H5; the new id is the next free one in it."),
    ] = None,
    doel: Annotated[
        list[str] | None, typer.Option(metavar="DOEL", help="A goal it serves (repeatable).")
    ] = None,
    trekker: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODE",
            autocompletion=_complete_partij,
            help="A leading partij code (repeatable).",
        ),
    ] = None,
    betrokken: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODE",
            autocompletion=_complete_partij,
            help="A partij code taking part (repeatable).",
        ),
    ] = None,
    mijlpaal: Annotated[
        list[str] | None,
        typer.Option(metavar="TEXT", help="A milestone's omschrijving (repeatable)."),
    ] = None,
    deadline: Annotated[
        list[str] | None,
        typer.Option(
            metavar="WHEN", help="The nth --deadline belongs to the nth --mijlpaal; '-' for none."
        ),
    ] = None,
    bron: Annotated[
        str | None, typer.Option(metavar="SECTIE", help="The source's section, e.g. 'H3, actie 6'.")
    ] = None,
    document: Annotated[
        str,
        typer.Option(metavar="NAME", help="The source document: realisatieagenda or visie-vgz."),
    ] = "realisatieagenda",
    toelichting: Annotated[
        str | None, typer.Option(metavar="TEXT", help="How the source was read for this action.")
    ] = None,
    regio: Annotated[
        str | None, typer.Option(metavar="TEXT", help="For a regional agenda: the region.")
    ] = None,
    actie_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="Use this id instead of the next free one."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="The acties file to add to, e.g. data/acties/regio-oost.yaml."
        ),
    ] = None,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Add an action, with the next free id in its chapter, validated before it is written.

    Missing values are asked for when run on a terminal.
    """
    titel = _ask(titel, "titel", required=True)
    if actie_id is None:
        hoofdstuk = _ask(hoofdstuk, "hoofdstuk (H2 to H5)", required=True)
    doelen = _ask_list(doel, "doelen", required=True)
    trekkers = _ask_list(trekker, "trekker", required=False)
    mijlpalen = list(mijlpaal or [])
    deadlines = list(deadline or [])
    if not mijlpalen and _interactive():
        omschrijving = _ask(None, "mijlpaal", required=False)
        if omschrijving:
            mijlpalen = [omschrijving]
            deadlines = [_ask(None, "deadline (e.g. Q1 2026)", required=False) or "-"]
    bron = _ask(bron, "bron (section, e.g. 'H3, actie 6')", required=True)
    missing = [name for name, value in (("--titel", titel), ("--bron", bron)) if not value]
    if not doelen:
        missing.append("--doel")
    if missing:
        raise typer.BadParameter(f"missing {', '.join(missing)}", param_hint="add")
    if len(deadlines) > len(mijlpalen):
        raise typer.BadParameter("more deadlines than milestones", param_hint="'--deadline'")
    deadlines += ["-"] * (len(mijlpalen) - len(deadlines))
    assert titel is not None and bron is not None
    new = edit.NewActie(
        titel=titel,
        doelen=doelen,
        sectie=bron,
        document=document,
        hoofdstuk=hoofdstuk,
        id=actie_id,
        regio=regio,
        trekker=trekkers,
        betrokkenen=betrokken or [],
        mijlpalen=[(m, None if d == "-" else d) for m, d in zip(mijlpalen, deadlines, strict=True)],
        toelichting=toelichting,
    )
    added: list[str] = []

    def make() -> list[edit.FileEdit]:
        change, new_id = edit.add(data, new, file=file)
        added.append(new_id)
        return [change]

    if _apply(make, dry_run=dry_run) and not dry_run:
        typer.echo(f"added {added[0]}", err=True)


@app.command()
def fmt(
    *,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 and print a diff if a file would change."
        ),
    ] = False,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Write every registry file in canonical form, keeping every comment and blank line.

    Canonical: keys in the schema's order, the indentation of data/, quarters as 'Q1 2026'.
    """
    changed = _apply(lambda: edit.fmt(data), dry_run=dry_run or check)
    if check and changed:
        raise typer.Exit(ExitCode.FINDINGS)


def _fail_on(values: list[str] | None) -> frozenset[str]:
    """The finding codes of --fail-on (repeated or comma-separated), or the default ones."""
    if values is None:
        return frozenset(DEFAULT_FAIL_ON)
    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    if not codes:
        raise typer.BadParameter("name at least one finding code", param_hint="'--fail-on'")
    known = finding_codes()
    for code in codes:
        if code in known:
            continue
        if code in CHECKS:
            why = f"{code!r} is an error, which always fails the run (exit 2)"
        else:
            why = f"unknown finding code {code!r}"
        tail = suggest(code, known) or f"; findings are {', '.join(known)}"
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
) -> None:
    """Write today's findings to a baseline file, for 'check --baseline' to accept.

    Review the file before committing it: every entry is a gap the check stops failing on.
    Entries are keyed by code and path (acties[H3.3].trekker), never by line. Errors are not
    written: the registry must be valid.
    """
    day = _as_of(as_of)
    failing = _fail_on(fail_on)
    files = len(RegistryFiles.find(data).files) if data.is_dir() else 0
    try:
        registry = load_registry(data)
    except InvalidRegistry as invalid:
        _report_invalid(invalid.problems, files)
    problems = run_checks(registry, day, opt_in=failing)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        _report_invalid(errors, files)
    entries = entries_for(problems, data)
    try:
        out.write_text(dumps_baseline(entries), encoding="utf-8")
    except OSError as error:
        _usage(f"cannot write {out}: {error.strerror or error}")
    noun = "finding" if len(entries) == 1 else "findings"
    _console().print(f"Wrote {len(entries)} {noun} to {out}.", markup=False)


def _apply_baseline(file: Path, problems: list[Problem], failing: frozenset[str]) -> Outcome:
    try:
        entries = read_baseline(file)
    except BaselineError as error:
        # Unwrapped, so that each `file:line:` stays whole for editors and grep.
        _console(stderr=True).print(
            f"Error: invalid baseline: {error}", markup=False, soft_wrap=True
        )
        raise typer.Exit(ExitCode.INVALID) from None
    return apply_baseline(entries, problems, opt_in=failing, baseline_file=str(file))


def _baseline_note(outcome: Outcome) -> str:
    """The summary's tail: what the baseline accepted and how much of it is stale."""
    known = len(outcome.known)
    stale = len(outcome.stale)
    return (
        f" Baseline: {known} known finding{'' if known == 1 else 's'} accepted, "
        f"{stale} stale entr{'y' if stale == 1 else 'ies'}."
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

    The schemas follow from the models: doelen, partijen, acties (also for acties/*.yaml)
    and zorgbelofte. A data file names its schema in a first-line comment,
    '# yaml-language-server: $schema=../schemas/acties.schema.json'.
    """
    files = schema_files()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (out / name).write_text(text, encoding="utf-8")
    except OSError as error:
        _usage(f"cannot write {error.filename or out}: {error.strerror or error}")
    _console().print(f"Wrote {len(files)} schemas to {out}/.", markup=False)


def main() -> None:
    """Entry point of the `eerstelijn` console script."""
    app()
