"""unknown-partij: every party an action or a partij names is defined in partijen.yaml.

That covers trekker, betrokkenen, a groep's leden and the parties in vertegenwoordigt.

Codes are matched exactly; an alias (such as ZINL for ZIN) counts.

Passing::

    trekker: [ZN, ZINL]

Failing::

    trekker: [Zn]      # did you mean 'ZN'?
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.lookup import suggest
from eerstelijn.models import Registry
from eerstelijn.problems import Origin, Problem, Severity

CODE = "unknown-partij"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each reference to a code that no partij has."""
    known = registry.codes()
    codes = set(known)  # every code and alias: what registry.partij finds
    for actie in registry.acties:
        for field, written in (("trekker", actie.trekker), ("betrokkenen", actie.betrokkenen)):
            if not codes.issuperset(written):  # most actions: nothing to look at more closely
                yield from _unknown(registry, known, actie.origin, field, written)
    for partij in registry.partijen:
        for field in ("leden", "vertegenwoordigt"):
            yield from _unknown(registry, known, partij.origin, field, getattr(partij, field))


def _unknown(
    registry: Registry, known: list[str], origin: Origin, field: str, codes: list[str]
) -> Iterator[Problem]:
    for index, code in enumerate(codes):
        if registry.partij(code) is None:
            message = _("unknown partij {code!r}").format(code=code) + suggest(code, known)
            yield origin.problem(CODE, SEVERITY, message, field, index)
