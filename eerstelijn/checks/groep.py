"""invalid-groep: a groep has members and does not contain itself; only a groep has members.

Passing::

    - code: overheidspartijen
      soort: groep
      leden: [VWS, NZa, ZIN]

Failing::

    - code: overheidspartijen
      soort: groep
      leden: []
    - code: ZN
      leden: [VWS]     # ZN is not a groep
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.models import Partij, Registry
from eerstelijn.problems import Problem, Severity

CODE = "invalid-groep"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report empty groups, members on non-groups, and groups that contain themselves."""
    for partij in registry.partijen:
        if partij.soort != "groep":
            if partij.leden:
                message = _("{code!r} has leden but is no groep; add 'soort: groep'").format(
                    code=partij.code
                )
                yield partij.origin.problem(CODE, SEVERITY, message, "leden")
            continue
        if not partij.leden:
            message = _("groep {code!r} has no leden").format(code=partij.code)
            yield partij.origin.problem(CODE, SEVERITY, message, "code")
        elif _contains(registry, partij, partij.code, set()):
            message = _("groep {code!r} contains itself through its leden").format(code=partij.code)
            yield partij.origin.problem(CODE, SEVERITY, message, "leden")


def _contains(registry: Registry, groep: Partij, target: str, seen: set[str]) -> bool:
    for lid in groep.leden:
        member = registry.partij(lid)
        if member is None or member.code in seen:
            continue
        if member.code == target:
            return True
        seen.add(member.code)
        if member.soort == "groep" and _contains(registry, member, target, seen):
            return True
    return False
