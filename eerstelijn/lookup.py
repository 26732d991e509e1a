"""Finding things by name: one identity rule, one error, one rule for suggestions.

Used wherever a name is looked up: ids, codes and goals on the command line, statuses and
chapters an edit names, codes and fields in the data that `check` does not know. Light to
import (no pydantic): `check --fail-on` suggests codes on the cached path.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from eerstelijn.i18n import _

if TYPE_CHECKING:
    from eerstelijn.models import Actie, Document, Doel, Partij, Registry

__all__ = [
    "UnknownName",
    "close_matches",
    "find",
    "find_actie",
    "find_choice",
    "find_document",
    "find_doel",
    "find_partij",
    "fold",
    "suggest",
]

# How alike a typo must be to a name to be suggested (difflib's ratio): 0.5 lets a two-letter
# code suggest its neighbour (ZM: ZN), which is most of what users mistype.
_CUTOFF = 0.5


class UnknownName(LookupError):
    """A name (action id, partij code, goal, status, chapter) that the registry does not know."""

    def __init__(
        self, kind: str, name: str, suggestions: Sequence[str] = (), *, choices: str = ""
    ) -> None:
        tip = ""
        if suggestions:
            tip = _("; did you mean {names}?").format(names=", ".join(repr(s) for s in suggestions))
        hint = _("; use one of {choices}").format(choices=choices) if choices else ""
        super().__init__(_("unknown {kind} {name!r}").format(kind=kind, name=name) + hint + tip)
        self.kind, self.name, self.suggestions = kind, name, list(suggestions)


def fold(text: str) -> str:
    """The identity of a name: what the command line matches and `check` keeps unique.

    Compatibility forms (fullwidth `ＺＮ`), case and accents are ignored, so
    `patientenfederatie` finds `Patiëntenfederatie` and `h2.1` is the same id as `H2.1`.
    Lookalikes from other scripts (Greek `ΖΝ`) and invisible characters are not folded: the
    models refuse them in ids and codes.
    """
    if text.isascii():  # most ids and codes: nothing to normalise, no accent to drop
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def close_matches(word: str, candidates: Iterable[str], *, n: int = 3) -> list[str]:
    """Up to `n` candidates that look like `word`, most alike first, compared folded."""
    pool: dict[str, str] = {}
    for candidate in candidates:
        pool.setdefault(fold(candidate), candidate)
    return [pool[c] for c in difflib.get_close_matches(fold(word), list(pool), n, _CUTOFF)]


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A "; did you mean 'x'?" tail for a typo in a file, or "" when nothing is close."""
    close = close_matches(word, candidates, n=1)
    return _("; did you mean {names}?").format(names=repr(close[0])) if close else ""


def find(kind: str, name: str, names: Mapping[str, str]) -> str:
    """The canonical name that `name` means: written exactly, else folded; else UnknownName
    with the nearest names.

    `names` maps every way of writing a thing (code, alias, full name) to its canonical name.
    An exact match always wins over a folded one.
    """
    if name in names:
        return names[name]
    folded: dict[str, str] = {}
    for written, canonical in names.items():
        folded.setdefault(fold(written), canonical)
    if fold(name) in folded:
        return folded[fold(name)]
    close = close_matches(name, names, n=3)
    raise UnknownName(kind, name, list(dict.fromkeys(names[c] for c in close)))


def find_actie(registry: Registry, name: str) -> Actie:
    """The action with this id (case-blind)."""
    actie = registry.actie(find("actie", name, {a.id: a.id for a in registry.acties}))
    assert actie is not None
    return actie


def find_partij(registry: Registry, name: str) -> Partij:
    """The partij with this code, alias or name (case- and accent-blind)."""
    names = {p.code: p.code for p in registry.partijen}
    names |= {
        alias: p.code for p in registry.partijen for alias in p.aliassen if alias not in names
    }
    names |= {p.naam: p.code for p in registry.partijen if p.naam not in names}
    partij = registry.partij(find("partij", name, names))
    assert partij is not None
    return partij


def find_doel(registry: Registry, name: str) -> Doel:
    """The goal with this id (`3`, `6a`)."""
    doel = registry.doel(find("doel", name, {d.id: d.id for d in registry.doelen}))
    assert doel is not None
    return doel


def find_document(registry: Registry, name: str) -> Document:
    """The document with this id (case-blind)."""
    ids = {d.id: d.id for d in registry.documenten}
    document = registry.document(find("document", name, ids))
    assert document is not None
    return document


def find_choice(kind: str, name: str, choices: Sequence[str]) -> str:
    """One of a fixed list of words (a status, a chapter), case-blind."""
    try:
        return find(kind, name, {c: c for c in choices})
    except UnknownName as unknown:
        raise UnknownName(kind, name, unknown.suggestions[:1], choices=", ".join(choices)) from None
