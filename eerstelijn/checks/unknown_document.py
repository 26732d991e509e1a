"""unknown-document: every `bron` cites a document defined in documenten.yaml.

A goal, partij, action, promise or progress entry names its source by the document's `id`;
a document that documenten.yaml does not list cannot be looked up, dated or shown in the
report.

Passing::

    bron: {document: realisatieagenda, sectie: "H3, actie 4"}

Failing::

    bron: {document: realisatie-agenda, sectie: "H3, actie 4"}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.lookup import suggest
from eerstelijn.models import Actie, Belofte, Bron, Doel, Partij, Registry
from eerstelijn.problems import Origin, Problem, Severity

CODE = "unknown-document"
SEVERITY = Severity.ERROR

Path = tuple[str | int, ...]


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each `bron` whose document documenten.yaml does not define."""
    ids = [d.id for d in registry.documenten]
    known = set(ids)
    citing: list[Doel | Partij | Actie | Belofte] = [
        *registry.doelen,
        *registry.partijen,
        *registry.acties,
        *registry.zorgbelofte,
    ]
    for item in citing:
        yield from _unknown(item.origin, (), item.bron, known, ids)
    for actie, path, entries in registry.logboeken:
        for index, entry in enumerate(entries):
            if entry.bron:
                yield from _unknown(actie.origin, (*path, index), entry.bron, known, ids)


def _unknown(
    origin: Origin, at: Path, bronnen: Sequence[Bron], known: set[str], ids: list[str]
) -> Iterator[Problem]:
    """A problem for each reference below `at` to a document not in `known`, located at its
    `document` as written: `bron: {...}` holds one mapping, `bron: [...]` a list of them.
    """
    for index, bron in enumerate(bronnen):
        if bron.document in known:
            continue
        listed = (*origin.path, *at, "bron", 0) in origin.positions
        where = (*at, "bron", index, "document") if listed else (*at, "bron", "document")
        unknown = _("unknown document {document!r}").format(document=bron.document)
        if ids:
            listing = _("; documents are {ids}").format(ids=", ".join(ids))
        else:
            listing = _("; documenten.yaml lists none")
        message = unknown + (suggest(bron.document, ids) or listing)
        yield origin.problem(CODE, SEVERITY, message, *where)
