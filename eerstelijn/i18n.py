"""Texts for people in Dutch (the default) or English, through the standard library's gettext.

The source texts in the code are English and are marked with `_()` (or `ngettext`, or `N_()`
for a text translated later); the Dutch catalogue in `locale/nl/LC_MESSAGES/eerstelijn.po`
translates them (`make translations` extracts, updates and compiles). English is the identity.

The language is one setting for the whole process, Dutch until `set_language` says otherwise:
the command line sets it from `--lang` or $EERSTELIJN_LANG; the library never reads the
environment. A catalogue is read on first use, so a run that prints nothing for people (a
`check` without findings, `--version`) reads none. Only the standard library is imported: a
cached `check` must stay light.
"""

from __future__ import annotations

import gettext as _gettext
from datetime import date
from pathlib import Path

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "_",
    "gettext",
    "language",
    "long_date",
    "ngettext",
    "set_language",
    "short_date",
]

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
DOMAIN = "eerstelijn"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current = DEFAULT_LANGUAGE
_catalogues: dict[str, _gettext.NullTranslations] = {}


def set_language(code: str) -> None:
    """Speak `code` ('nl' or 'en') from now on; raise ValueError for any other."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose from {', '.join(LANGUAGES)}")
    _current = code


def language() -> str:
    """The language texts for people are in now: 'nl' or 'en'."""
    return _current


def _catalogue() -> _gettext.NullTranslations:
    """The current language's compiled catalogue, read on first use; none is the identity."""
    found = _catalogues.get(_current)
    if found is None:
        path = LOCALE_DIR / _current / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            with path.open("rb") as stream:
                found = _gettext.GNUTranslations(stream)
        except OSError:
            found = _gettext.NullTranslations()  # English, the source texts
        _catalogues[_current] = found
    return found


def gettext(message: str) -> str:
    """`message` in the current language."""
    return _catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form that suits `n`, in the current language."""
    return _catalogue().ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it yet (for constants)."""
    return message


_MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def long_date(day: date) -> str:
    """A date in running text: '23 november 2026' (English: '23 November 2026')."""
    return f"{day.day} {_MONTHS[_current][day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """A date where room is short: '23-11-2026' (English: ISO, '2026-11-23')."""
    if _current == "nl":
        return f"{day.day:02}-{day.month:02}-{day.year}"
    return day.isoformat()
