"""unknown-document: every `bron` cites a document defined in documenten.yaml.

A goal, partij, action or promise names its source by the document's `id`; a document that
documenten.yaml does not list cannot be looked up, dated or shown in the report.

Passing::

    bron: {document: realisatieagenda, sectie: "H3, actie 4"}

Failing::

    bron: {document: realisatie-agenda, sectie: "H3, actie 4"}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from eerstelijn.lookup import suggest
from eerstelijn.models import Actie, Belofte, Bron, Doel, Partij, Registry
from eerstelijn.problems import Origin, Problem, Severity

CODE = "unknown-document"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each `bron` whose document documenten.yaml does not define."""
    known = [d.id for d in registry.documenten]
    citing: list[Doel | Partij | Actie | Belofte] = [
        *registry.doelen,
        *registry.partijen,
        *registry.acties,
        *registry.zorgbelofte,
    ]
    for item in citing:
        for where, bron in _located(item.origin, item.bron):
            if bron.document not in known:
                message = f"unknown document {bron.document!r}; " + (
                    f"documents are {', '.join(known)}" if known else "documenten.yaml lists none"
                )
                if tip := suggest(bron.document, known):
                    message = f"unknown document {bron.document!r}{tip}"
                yield item.origin.problem(CODE, SEVERITY, message, *where)


def _located(
    origin: Origin, bronnen: Sequence[Bron]
) -> Iterator[tuple[tuple[str | int, ...], Bron]]:
    """Each reference with the path of its `document` as written: `bron: {...}` holds one
    mapping, `bron: [...]` a list of them.
    """
    listed = (*origin.path, "bron", 0) in origin.positions
    for index, bron in enumerate(bronnen):
        yield (("bron", index, "document") if listed else ("bron", "document")), bron
