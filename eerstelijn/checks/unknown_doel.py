"""unknown-doel: every goal an action or a promise links to is defined in doelen.yaml.

Passing::

    doelen: [1, 6A]

Failing::

    doelen: [7]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.lookup import suggest
from eerstelijn.models import Actie, Belofte, Registry
from eerstelijn.problems import Problem, Severity

CODE = "unknown-doel"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each link to a goal id that doelen.yaml does not define."""
    known = [d.id for d in registry.doelen]
    linked: list[Actie | Belofte] = [*registry.acties, *registry.zorgbelofte]
    for item in linked:
        for index, doel in enumerate(item.doelen):
            if doel not in known:
                message = _("unknown doel {doel!r}; goals are {known}").format(
                    doel=doel, known=", ".join(known)
                )
                if tip := suggest(doel, known):
                    message = _("unknown doel {doel!r}").format(doel=doel) + tip
                yield item.origin.problem(CODE, SEVERITY, message, "doelen", index)
