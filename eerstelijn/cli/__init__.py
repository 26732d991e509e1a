"""The command line: parse options, call the core, pick a renderer, choose the exit code.

One module per group of commands; each registers its commands on the shared Typer app in
`common`. The core is imported inside the commands, so `--help` and completion stay fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from eerstelijn.cli import (
    ci_commands,
    edit_commands,
    history_commands,
    progress_commands,
    query_commands,
    report_commands,
)
from eerstelijn.cli.common import ExitCode, app

__all__ = ["ExitCode", "app", "main"]
_COMMAND_MODULES = (
    ci_commands,
    edit_commands,
    history_commands,
    progress_commands,
    query_commands,
    report_commands,
)  # imported for their commands


def _version(value: bool) -> None:
    if value:
        from eerstelijn import __version__

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


def main() -> None:
    """Entry point of the `eerstelijn` console script."""
    app()
