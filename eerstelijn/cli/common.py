"""What every command shares: the Typer app, option types, exit codes, output and errors.

Only typer and the standard library are imported at module level: `eerstelijn --help` and
shell completion stay fast. Each helper imports the core where it needs it.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import click
import typer

from eerstelijn.cli.lang import LanguageGroup
from eerstelijn.i18n import _
from eerstelijn.render import LISTING_FORMATS, PROBLEM_FORMATS
from eerstelijn.shape import STATUSES

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem
    from rich.console import Console, RenderableType

    from eerstelijn.kwartaal import Kwartaal
    from eerstelijn.models import Registry
    from eerstelijn.problems import Problem
    from eerstelijn.registry.cache import RegistryCache
    from eerstelijn.render.listing import Section

T = TypeVar("T")


PROBLEM_CHOICES = [*PROBLEM_FORMATS, "auto"]  # the choices of `check --format`
STATUS_CHOICES = ", ".join(STATUSES[:-1]) + f" or {STATUSES[-1]}"  # for help texts


class ExitCode(IntEnum):
    """What a run's exit status means; documented in the README."""

    CLEAN = 0
    FINDINGS = 1
    INVALID = 2


app = typer.Typer(
    cls=LanguageGroup,
    help="The visie eerstelijnszorg and its realisatieagenda as a validated registry.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DEFAULT_DATA = Path("data")


def find_data(start: Path) -> Path | None:
    """The registry directory for a run started in `start`: looked for upward, as git and ruff
    find their roots. At each level, the directory itself when it holds the registry's files
    (run from inside data/), else its data/ when that does. None when no level has one.
    """
    from eerstelijn.shape import data_file

    marker, second = data_file("acties").name, data_file("doelen").name
    for folder in (start, *start.parents):
        if (folder / marker).is_file() and (folder / second).is_file():
            return folder
        if (folder / DEFAULT_DATA / marker).is_file():
            return folder / DEFAULT_DATA
    return None


def _data_option(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """--data as given; when left out, ./data or the registry found upward (find_data)."""
    if ctx.get_parameter_source(param.name or "data") is not click.core.ParameterSource.DEFAULT:
        return value
    if (Path.cwd() / value).is_dir():
        return value
    found = find_data(Path.cwd())
    if found is None:
        return value
    return Path(os.path.relpath(found))


DataOption = Annotated[
    Path,
    typer.Option(
        "--data",
        help="The registry directory; when left out, ./data, else the nearest one found in a "
        "parent folder.",
        show_default=True,
        callback=_data_option,
    ),
]


def data_flag(data: Path) -> str:
    """` --data DIR` for advice to run another command on the same registry ('' for ./data)."""
    import shlex

    return "" if data == DEFAULT_DATA else f" --data {shlex.quote(str(data))}"


AsOfOption = Annotated[
    str,
    typer.Option(
        "--as-of",
        help="The date to judge deadlines by: 2026-03-31, today, 'Q2 2026', '31 maart 2026'.",
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        click_type=click.Choice(list(LISTING_FORMATS), case_sensitive=False),
        help=f"{', '.join(LISTING_FORMATS)}: table is for people.",
    ),
]


def _complete_from(ctx: click.Context, pick: str) -> list[str]:
    """Completion candidates read from the registry named by --data (nothing if unreadable)."""
    from eerstelijn.registry.load import InvalidRegistry, load_registry

    try:
        with gc_paused():
            registry = load_registry(Path(ctx.params.get("data") or "data"), cache=registry_cache())
    except InvalidRegistry:
        return []
    if pick == "actie":
        return [a.id for a in registry.acties]
    return [p.code for p in registry.partijen]


class _FromData(click.ParamType):
    """Text completed from the data, ignoring case: `h3` offers H3.1, `lh` offers LHV.

    A parameter type rather than Typer's `autocompletion`, which keeps only the candidates
    that start with what was typed in the same case.
    """

    name = "text"

    def __init__(self, pick: str) -> None:
        self.pick = pick

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return value

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        typed = incomplete.casefold()
        return [
            CompletionItem(c)
            for c in _complete_from(ctx, self.pick)
            if c.casefold().startswith(typed)
        ]


ACTIE_ID = _FromData("actie")  # click_type of an option or argument that names an action
PARTIJ_CODE = _FromData("partij")  # click_type of one that names a partij


def registry_cache() -> RegistryCache | None:
    """The cache of loaded registries this run uses, as the environment asks (README)."""
    from eerstelijn.registry.cache import RegistryCache

    return RegistryCache.find(os.environ)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off the objects that loading builds.

    Loading makes hundreds of thousands of objects that live on and form no cycles. With the
    collector running, each collection the allocations trigger walks all of them again: a
    third of the load time at 10,000 actions, and again after loading, in every collection
    until the process ends. So the collector pauses while loading, and what exists when it
    ends is frozen (gc.freeze): left out of later collections, still freed by reference
    counting. That is a policy for a short command-line run, so the command line sets it,
    not the library: a long-lived host of the library keeps its own collector settings.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def console(*, stderr: bool = False) -> Console:
    """A rich console for this run; built per command so NO_COLOR and COLUMNS apply."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def colour_possible() -> bool:
    """Whether rich could colour standard output at all: a terminal, FORCE_COLOR, or
    TTY_COMPATIBLE=1 (which tells rich that a pipe is read by a terminal).

    Where it could not (CI logs, pipes), plain text is printed without loading rich; where it
    could, rich decides, honouring NO_COLOR and TERM.
    """
    environ = os.environ
    return (
        bool(environ.get("FORCE_COLOR"))
        or environ.get("TTY_COMPATIBLE") == "1"
        or sys.stdout.isatty()
    )


def emit(output: RenderableType) -> None:
    """Print a renderer's output: strings as they are, rich renderables on the console."""
    if isinstance(output, str):
        sys.stdout.write(output)
        return
    _print(console(), output)


def _print(on: Console, output: RenderableType) -> None:
    from rich.text import Text

    if isinstance(output, Text):
        if output.plain:  # problem lines stay one per line, for editors and grep
            on.print(output, soft_wrap=True)
        return
    from eerstelijn.render.table import print_on  # tables: long ones are written directly

    print_on(on, output)


class _Recorder(io.StringIO):
    """A console's file that keeps what is printed on it, and answers as standard output does
    whether it is a terminal and in which encoding: rich asks both while it prints."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return sys.stdout.encoding

    def isatty(self) -> bool:
        return sys.stdout.isatty()


def _printed(on: Console, output: RenderableType) -> str:
    """The text `emit` would print of `output` on the console `on`."""
    recorder = _Recorder()
    on.file = recorder
    try:
        _print(on, output)
    finally:
        on.file = sys.stdout
    return recorder.getvalue()


def _setting_of(on: Console) -> str:
    """What the text printed on a console depends on besides the output: its width, colours
    and encoding as rich resolved them (from COLUMNS, the terminal, NO_COLOR, FORCE_COLOR,
    TERM and COLORTERM, TTY_COMPATIBLE, standard output's encoding)."""
    colours = on.color_system and on.color_system + (" without colour" if on.no_color else "")
    return " ".join(
        str(part)
        for part in (on.width, colours or "plain", on.is_terminal, on.encoding, on.legacy_windows)
    )


def _plain_setting() -> str:
    """`_setting_of` the console a run where no colour is possible would print on, worked out
    without loading rich: no colours, and the width as rich finds it (COLUMNS, else the size
    of the terminal of standard input, output or error, else 80)."""
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() else _terminal_width() or 80
    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    return " ".join(str(part) for part in (width, "plain", False, encoding, False))


def _terminal_width() -> int:
    """The width of the first of standard input, output and error that is a terminal, or 0."""
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
    return 0


def as_of_date(text: str, *, option: str = "--as-of") -> date:
    """A date option (--as-of, --datum) as a date; a usage error (exit 2) when it is none.

    The one place the command line reads the clock: for 'today' and relative dates.
    """
    from eerstelijn.cli.dates import DateError, parse_as_of

    try:
        return parse_as_of(text, date.today())
    except DateError as error:
        raise typer.BadParameter(str(error), param_hint=f"'{option}'") from None


def file_count(data: Path) -> int:
    """How many data files the summary line speaks of."""
    from eerstelijn.registry.load import RegistryFiles

    return len(RegistryFiles.find(data).files) if data.is_dir() else 0


def registry_for_queries(data: Path, day: date) -> Registry:
    """A registry fit for queries; an invalid one is reported (as `check` would) and exits 2."""
    from eerstelijn.registry.outcome import query_registry

    return _fit_for_queries(data, lambda: query_registry(data, day, cache=registry_cache()))


def answered(
    data: Path,
    day: date,
    build: Callable[[Registry], T],
    *,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """What `build` makes (sections, a text) of the registry for this command and its options
    on `day`: from the cache when nothing it depends on changed, else built (and kept). An
    invalid registry is reported as `registry_for_queries` reports it.

    The question is the command's name and every parameter click parsed, so an option added
    to a command can never be left out of the key. `keep` may refuse an answer to the cache.
    """
    from eerstelijn.registry.outcome import answer

    question = _question()
    return _fit_for_queries(
        data, lambda: answer(data, day, question, build, cache=registry_cache(), keep=keep)
    )


def _question() -> str:
    """This run's command and every parameter click parsed, as `answered` keys an answer."""
    context = click.get_current_context()
    params = sorted((name, repr(value)) for name, value in context.params.items())
    return f"{context.command.name}\0{params!r}"  # not the path: it starts with argv[0]


def emit_answered(
    data: Path,
    day: date,
    build: Callable[[Registry], T],
    render: Callable[[T], RenderableType],
    *,
    terminal: bool = True,
) -> None:
    """Print what `render` makes of the answer `answered` gives, its printed text kept in the
    cache too: asked again on unchanged files with the console as it was (width, colours,
    encoding), that text is written as it is, without the answer, rich or any layout.

    `terminal` false says that `render` gives plain text (CSV, JSON, Markdown), which no
    console setting changes. Where colour is possible, the console is built to know its
    setting, as printing needs it anyway; where not, its setting is worked out without rich,
    and a text is kept only when the console that printed it agrees.
    """
    from eerstelijn.registry.outcome import printed_answer

    shown_on = console() if terminal and colour_possible() else None
    if not terminal:
        setting = "text"
    elif shown_on is None:
        setting = _plain_setting()
    else:
        setting = _setting_of(shown_on)

    def show(value: T) -> tuple[str, bool]:
        output = render(value)
        if isinstance(output, str):
            return output, True
        on = shown_on or console()
        return _printed(on, output), terminal and _setting_of(on) == setting

    question = _question()
    text = _fit_for_queries(
        data,
        lambda: printed_answer(
            data, day, question, build, show, setting=setting, cache=registry_cache()
        ),
    )
    sys.stdout.write(text)


def _fit_for_queries(data: Path, read: Callable[[], T]) -> T:
    """What `read` gives, with the files not read named on stderr; when the registry is unfit
    for queries, its errors reported as `check` would report them (exit 2)."""
    from eerstelijn.registry.load import InvalidRegistry

    try:
        with gc_paused():
            value = read()
    except InvalidRegistry as invalid:
        errors = invalid.problems
    else:
        _warn_ignored(data)
        return value
    files = file_count(data)
    report_invalid(errors, files, message=see_check(errors, files, data))


def _warn_ignored(data: Path) -> None:
    """Name on stderr each file in the registry that looks like data and is not read."""
    from eerstelijn.registry.load import ignored_files
    from eerstelijn.render import PLAIN_PROBLEMS

    ignored = ignored_files(data)
    if ignored:
        sys.stderr.write(str(PLAIN_PROBLEMS(ignored)))


def see_check(problems: Sequence[Problem], files: int, data: Path) -> str:
    """The closing line of a command that found the registry invalid."""
    from eerstelijn.render import summary

    check = f"eerstelijn check{data_flag(data)}"
    return summary(problems, files) + " " + _("Run '{command}' for details.").format(command=check)


def report_invalid(
    problems: Sequence[Problem], files: int, *, fmt: str = "text", message: str | None = None
) -> NoReturn:
    """Print an invalid registry's problems and exit 2 (ExitCode.INVALID).

    `check` prints them on stdout in the format asked for, with its summary line; every other
    command prints them as text on stderr and ends with `message` through `fail`.
    """
    from eerstelijn.render import PROBLEM_FORMATS, summary

    if message is None:
        emit(problem_renderer(resolve_problem_format(fmt))(problems))
        typer.echo(summary(problems, files), err=True)
        raise typer.Exit(ExitCode.INVALID)
    console(stderr=True).print(PROBLEM_FORMATS[fmt](problems), soft_wrap=True)
    fail(message)


def resolve_problem_format(fmt: str) -> str:
    """`auto` as yamllint has it: GitHub annotations under GitHub Actions, text elsewhere."""
    if fmt != "auto":
        return fmt
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def problem_renderer(fmt: str) -> Callable[[Sequence[Problem]], RenderableType]:
    """The renderer of a problem format: for text, plain lines where colour cannot show."""
    from eerstelijn.render import PLAIN_PROBLEMS, PROBLEM_FORMATS

    if fmt == "text" and not colour_possible():
        return PLAIN_PROBLEMS
    return PROBLEM_FORMATS[fmt]


def fail(message: str) -> NoReturn:
    """The one way to leave with exit 2 after parsing: "Error: message" on stderr.

    Bad option values are left to click (typer.BadParameter), whose wording names the option.
    """
    from eerstelijn.controls import visible

    text = _("Error: {message}").format(message=visible(message))
    console(stderr=True).print(text, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(ExitCode.INVALID)


def for_format(sections: list[Section], fmt: str) -> list[Section]:
    """The sections with what `fmt` shows of them: JSON the whole records, the others only
    the columns' keys (`Section.trimmed`), before they are kept as an answer."""
    return sections if fmt == "json" else [section.trimmed() for section in sections]


def emit_sections(sections: list[Section], fmt: str) -> None:
    """Print titled sections in the chosen listing format."""
    emit(listing(fmt)(sections))


def listing(fmt: str) -> Callable[[list[Section]], RenderableType]:
    """The renderer of a listing format; titled sections that CSV cannot hold exit 2."""
    from eerstelijn.render import SeveralSections

    def render(sections: list[Section]) -> RenderableType:
        try:
            return LISTING_FORMATS[fmt](sections)
        except SeveralSections as error:
            fail(str(error))

    return render


def emit_listing(
    data: Path, day: date, build: Callable[[Registry], list[Section]], fmt: str
) -> None:
    """Print the sections `build` makes in the listing format `fmt` (see `emit_answered`)."""
    emit_answered(data, day, build, listing(fmt), terminal=fmt == "table")


def quarter_option(text: str | None, option: str) -> Kwartaal | None:
    """A quarter option (`--due-before`, `--from`) as a Kwartaal; a usage error if it is none."""
    from eerstelijn.kwartaal import Kwartaal, TimingError

    if text is None:
        return None
    try:
        return Kwartaal.parse(text)
    except TimingError as error:
        raise typer.BadParameter(str(error), param_hint=f"'{option}'") from None
