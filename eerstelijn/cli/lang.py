"""The language of a run: chosen before parsing, so that every text of click's is in it too.

The order: `--lang` (anywhere on the command line) wins, then $EERSTELIJN_LANG, then Dutch.
The operating system's locale (LANG, LC_ALL) is not consulted: the tool's users read Dutch on
machines set to English or C.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from difflib import get_close_matches
from typing import Any

import click
from typer.core import TyperGroup

from eerstelijn import i18n
from eerstelijn.i18n import _

LANG_ENV = "EERSTELIJN_LANG"

# The modules whose texts click and typer mark with the standard library's gettext
# (`from gettext import gettext as _`, the global domain): the names are bound at import,
# so it is these bindings that are pointed at our catalogue.
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click._termui_impl",
    "typer.core",
)


def choose_language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language a run asks for: `--lang X` or `--lang=X` among `args`, then the
    environment's EERSTELIJN_LANG, then Dutch. An unknown value is left for click to refuse
    (an option) or ignored (the environment)."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None and value.lower() in i18n.LANGUAGES:
            return value.lower()
    value = environ.get(LANG_ENV, "").strip().lower()[:2]
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def install_click_translations() -> None:
    """Let click's and typer's own texts ("Usage:", "Error:", ...) come from our catalogue."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            setattr(module, "_", i18n.gettext)  # noqa: B010 (mypy knows no such attribute)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", i18n.ngettext)  # noqa: B010


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None and not ctx.resilient_parsing:
        i18n.set_language(value)


def lang_option() -> click.Option:
    """The `--lang` option every command takes; its value was already read before parsing."""
    return click.Option(
        ["--lang"],
        type=click.Choice(i18n.LANGUAGES, case_sensitive=False),
        expose_value=False,
        is_eager=True,
        callback=_set_language,
        help=_("The language of the output: nl (the default) or en. Also $EERSTELIJN_LANG=en."),
    )


def _commands(command: click.Command) -> Iterable[click.Command]:
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _commands(sub)


def help_texts(command: click.Command) -> Iterable[str]:
    """Every help text of `command` and the commands below it, as the code writes them."""
    for each in _commands(command):
        for text in (each.help, each.short_help, each.epilog):
            if text:
                yield text
        for param in each.params:
            text = getattr(param, "help", None)
            if text:
                yield text


def translate_help(command: click.Command) -> None:
    """Put the help of `command` and every command below it in the current language, and give
    each the `--lang` option."""
    for each in _commands(command):
        for attr in ("help", "short_help", "epilog"):
            text = getattr(each, attr)
            if text:
                setattr(each, attr, _(text))
        for param in each.params:
            text = getattr(param, "help", None)
            if text:
                param.help = _(text)  # type: ignore[attr-defined]
        each.params.append(lang_option())
        each.options_metavar = _("[OPTIONS]")
        if isinstance(each, click.Group):
            each.subcommand_metavar = _("COMMAND [ARGS]...")


class LanguageGroup(TyperGroup):
    """The app's command group: chooses the language before click parses anything, and says
    "Did you mean" in it."""

    def main(self, args: Sequence[str] | None = None, *pos: Any, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        i18n.set_language(choose_language(argv, os.environ))
        install_click_translations()
        translate_help(self)
        return super().main(argv, *pos, **extra)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click does it, with typer's suggestion of a near command in our language."""
        try:
            return click.Group.resolve_command(self, ctx, args)
        except click.UsageError as error:
            matches = get_close_matches(args[0], list(self.commands)) if args else []
            if matches:
                error.message = _("{message} Did you mean {suggestions}?").format(
                    message=error.message,
                    suggestions=", ".join(repr(m) for m in matches),
                )
            raise
