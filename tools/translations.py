"""Keep the catalogues in eerstelijn/locale in step with the code: extract, update, compile.

`make translations` (or `python -m tools.translations`) does all three with Babel:

1. extract every text marked with `_()`, `ngettext()` or `N_()` in eerstelijn/, every help
   text of the command line (docstrings and option help, read from the built click commands),
   and click's and typer's own texts, which they mark with the standard library's gettext;
2. update each `eerstelijn/locale/<lang>/LC_MESSAGES/eerstelijn.po` to that list: new texts
   come in untranslated, texts no longer used go;
3. compile each `.po` to the `.mo` the package ships and reads at run time.

Then translate what came in untranslated (or marked fuzzy) in nl's .po and run it again.
tests/test_i18n.py fails while a text lacks its Dutch translation or a .mo is not compiled
from its .po. Babel is a dev dependency only: at run time the standard library reads the .mo.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import click
import typer
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "eerstelijn"
LOCALE = PACKAGE / "locale"
DOMAIN = "eerstelijn"
LANGUAGES = ("nl", "en")

# Where texts come from: our package, and the parts of click and typer that print to people.
_SOURCES: tuple[tuple[Path, str, list[tuple[str, str]]], ...] = (
    (PACKAGE, "eerstelijn", [("**.py", "python")]),
    (Path(click.__file__).parent, "click", [("**.py", "python")]),
    (Path(typer.__file__).parent, "typer", [("core.py", "python"), ("**", "ignore")]),
)

# Texts click marks inside an f-string (f"{_('Usage:')} "), which Babel's extractor does not
# see on Python 3.11, where an f-string is one token.
_IN_F_STRINGS = ("Usage:",)


def template() -> Catalog:
    """Every text for people the tool can print, untranslated."""
    catalog = Catalog(project="eerstelijn", domain=DOMAIN, fuzzy=False)
    for directory, label, method_map in _SOURCES:
        for filename, lineno, message, comments, _context in extract_from_dir(
            directory, method_map, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
        ):
            catalog.add(
                message,
                locations=[(f"{label}/{filename}", lineno)],
                auto_comments=comments,
            )
    for text in _IN_F_STRINGS:
        catalog.add(text, locations=[("click/formatting.py", 0)])
    for text in _help_texts():
        catalog.add(text, locations=[("eerstelijn/cli/help", 0)])
    return catalog


def _help_texts() -> Iterator[str]:
    """The help texts of every command and option, as the code writes them."""
    from eerstelijn.cli import app
    from eerstelijn.cli.lang import help_texts

    yield from help_texts(typer.main.get_command(app))


def po_path(language: str) -> Path:
    """The source catalogue of `language`."""
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(language: str) -> Catalog:
    """The .po of `language`, or an empty catalogue for it."""
    path = po_path(language)
    if not path.exists():
        return Catalog(
            locale=language,
            domain=DOMAIN,
            header_comment=f"# The {language} texts of eerstelijn; `make translations` updates it.",
            project="eerstelijn",
            copyright_holder="the eerstelijn contributors",
            last_translator="eerstelijn",
            language_team="eerstelijn",
            fuzzy=False,
        )
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """The .mo bytes of `catalog`, fuzzy entries left out."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_text(catalog: Catalog) -> bytes:
    """The .po bytes of `catalog`, sorted by text and without line numbers, so that diffs and
    merges show only changed texts."""
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=100,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
        omit_header=False,
    )
    return out.getvalue()


def update() -> None:
    """Extract, update every .po, compile every .mo."""
    source = template()
    for language in LANGUAGES:
        catalog = read_catalogue(language)
        created = catalog.creation_date
        catalog.update(source)
        # The header keeps its dates, so that a run that changes no text changes no byte.
        catalog.creation_date = catalog.revision_date = created
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_text(catalog))
        path.with_suffix(".mo").write_bytes(compiled(read_catalogue(language)))
        untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        if language != "en" and untranslated:
            print(f"{path.relative_to(ROOT)}: {len(untranslated)} untranslated or fuzzy")


if __name__ == "__main__":
    update()
