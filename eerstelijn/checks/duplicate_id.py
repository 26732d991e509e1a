"""duplicate-id: every action, goal, promise, document and partij code is defined once, across
all files.

Passing::

    acties:
      - id: H2.1
      - id: H2.2

Also across files: an id in acties/regio-oost.yaml may not repeat one in acties.yaml.

Failing::

    acties:
      - id: H2.1
      - id: H2.1
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Origin, Problem, Severity

CODE = "duplicate-id"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report the second and later definitions of each id."""
    yield from _duplicates("actie", "id", ((a.id, a.origin) for a in registry.acties))
    yield from _duplicates("doel", "id", ((d.id, d.origin) for d in registry.doelen))
    yield from _duplicates("document", "id", ((d.id, d.origin) for d in registry.documenten))
    yield from _duplicates(
        "belofte", "nummer", ((str(b.nummer), b.origin) for b in registry.zorgbelofte)
    )
    codes = (
        (code, partij.origin)
        for partij in registry.partijen
        for code in (partij.code, *partij.aliassen)
    )
    yield from _duplicates("partij code or alias", "code", codes)


def _duplicates(what: str, key: str, named: Iterable[tuple[str, Origin]]) -> Iterator[Problem]:
    first: dict[str, Origin] = {}
    for name, origin in named:
        if name not in first:
            first[name] = origin
            continue
        earlier = first[name]
        line, _ = earlier.locate(key)
        yield origin.problem(
            CODE,
            SEVERITY,
            f"{what} {name!r} is already defined at {earlier.file}:{line}",
            key,
        )
