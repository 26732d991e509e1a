"""The command line: parse options, call the core, pick a renderer, choose the exit code."""

from __future__ import annotations

import sys
from datetime import date
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from eerstelijn import __version__
from eerstelijn.checks import run_checks
from eerstelijn.dates import DateError, parse_as_of
from eerstelijn.load import InvalidRegistry, RegistryFiles, load_registry
from eerstelijn.problems import Problem, Severity
from eerstelijn.render import PROBLEM_FORMATS, summary


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


def main() -> None:
    """Entry point of the `eerstelijn` console script."""
    app()
