"""replan-reden: a re-planning says why, and moves the deadline.

An entry with `deadline` re-plans its milestone from its date on; the milestone's own
`deadline` stays the one first agreed. Such an entry needs a `reden`, and a `reden` belongs
to a re-planning. A re-planning to the deadline that already holds changes nothing.

Passing::

    deadline: Q2 2026
    voortgang:
      - {datum: 2026-03-01, deadline: Q4 2026, reden: Wetgeving vertraagd,
         bron: {document: bo-verslag-2026-03, sectie: "4"}}

Failing::

    deadline: Q2 2026
    voortgang:
      - {datum: 2026-03-01, deadline: Q2 2026}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "replan-reden"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report re-plannings without reden or to the same deadline, and reden without one."""
    for actie in registry.acties:
        for index, mijlpaal in enumerate(actie.mijlpalen):
            current = mijlpaal.deadline
            for number, entry in enumerate(mijlpaal.voortgang):
                where = ("mijlpalen", index, "voortgang", number)
                if entry.deadline is None:
                    if entry.reden is not None:
                        message = "a reden belongs to a re-planning: add the new deadline"
                        yield actie.origin.problem(CODE, SEVERITY, message, *where, "reden")
                    continue
                if entry.reden is None:
                    message = f"re-planning to {entry.deadline} needs a reden: say why it moved"
                    yield actie.origin.problem(CODE, SEVERITY, message, *where, "deadline")
                if current is not None and entry.deadline.deadline == current.deadline:
                    message = f"re-planning to {entry.deadline}, the deadline that already holds"
                    yield actie.origin.problem(CODE, SEVERITY, message, *where, "deadline")
                current = entry.deadline
        for number, entry in enumerate(actie.voortgang):
            if entry.deadline is not None:
                message = "an action is re-planned through its milestones, not as a whole"
                yield actie.origin.problem(CODE, SEVERITY, message, "voortgang", number, "deadline")
