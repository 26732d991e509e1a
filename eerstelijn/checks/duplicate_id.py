"""duplicate-id: every action, goal, promise, document and partij code is defined once, across
all files.

Ids and codes are compared as the command line finds them: ignoring case, accents and
compatibility forms (`h2.1` is `H2.1`, `ＺＮ` is `ZN`), so a command never edits a twin. A
partij's naam may not be another partij's code or alias either.

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

from eerstelijn.lookup import fold
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
    yield from _naam_is_code(registry)


def _duplicates(what: str, key: str, named: Iterable[tuple[str, Origin]]) -> Iterator[Problem]:
    first: dict[str, tuple[str, Origin]] = {}
    for name, origin in named:
        identity = fold(name)
        if identity not in first:
            first[identity] = (name, origin)
            continue
        written, earlier = first[identity]
        line, _ = earlier.locate(key)
        same = "" if written == name else f" (as {written!r})"
        yield origin.problem(
            CODE,
            SEVERITY,
            f"{what} {name!r} is already defined{same} at {earlier.file}:{line}",
            key,
        )


def _naam_is_code(registry: Registry) -> Iterator[Problem]:
    """A naam that is another partij's code or alias: `--trekker NAME` would be ambiguous."""
    owners = {
        fold(code): partij
        for partij in registry.partijen
        for code in (partij.code, *partij.aliassen)
    }
    for partij in registry.partijen:
        owner = owners.get(fold(partij.naam))
        if owner is not None and owner is not partij:
            line, _ = owner.origin.locate("code")
            yield partij.origin.problem(
                CODE,
                SEVERITY,
                f"naam {partij.naam!r} is the code or an alias of partij {owner.code!r} "
                f"at {owner.origin.file}:{line}",
                "naam",
            )
