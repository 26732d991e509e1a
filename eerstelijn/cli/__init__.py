"""The command line: parse options, call the core, pick a renderer, choose the exit code.

One module per group of commands; each registers its commands on the shared Typer app in
`common`. The core is imported inside the commands, so `--help` and completion stay fast.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
import typer.models

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
    """Entry point of the `eerstelijn` console script.

    Typer builds every command (reading each one's signature and type hints) before click
    picks one: a third of a `check` the cache answers. When the first argument names a
    command, only that command is built; anything else (--help, a typo, completion, a group
    option first) builds them all, so listings and suggestions stay whole.
    """
    commands, groups = app.registered_commands, app.registered_groups
    asked = _asked_command(sys.argv[1:])
    if asked is not None and not any(key.startswith("_EERSTELIJN_COMPLETE") for key in os.environ):
        app.registered_commands = [c for c in commands if _name(c) == asked]
        app.registered_groups = [g for g in groups if g.name == asked]
    try:
        app()
    except UnicodeEncodeError as error:
        _unencodable(error)
    finally:
        app.registered_commands, app.registered_groups = commands, groups


def _unencodable(error: UnicodeEncodeError) -> None:
    """Leave with exit 2 and a clear message when standard output cannot hold a character
    of the output (PYTHONIOENCODING=latin-1, a file on Windows in its ANSI code page), rather
    than with a traceback; nothing of that output was written."""
    from eerstelijn.i18n import _

    message = _(
        "Error: the encoding of the output ({encoding}) cannot hold the character {char}; "
        "set PYTHONIOENCODING=utf-8 (on Windows also: chcp 65001)"
    ).format(encoding=error.encoding, char=ascii(error.object[error.start : error.end]))
    encoding = getattr(sys.stderr, "encoding", None) or "ascii"
    sys.stderr.write(message.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    sys.exit(ExitCode.INVALID)


def _name(command: typer.models.CommandInfo) -> str | None:
    if command.name:
        return command.name
    return command.callback.__name__.lower().replace("_", "-") if command.callback else None


def _asked_command(args: list[str]) -> str | None:
    """The command the first argument names exactly, or None."""
    if not args:
        return None
    names = {_name(c) for c in app.registered_commands} | {g.name for g in app.registered_groups}
    return args[0] if args[0] in names else None
