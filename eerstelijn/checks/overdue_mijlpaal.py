"""overdue-mijlpaal: a milestone whose deadline has passed is gereed or vervallen.

Opt-in: runs only when named in `check --fail-on`. A deadline `Q3 2025` is met through
30 September 2025; from 1 October the milestone is overdue unless it is done. Milestones of an
action that is itself gereed or vervallen are not reported, as in `eerstelijn overdue`.
The examples are checked on 2026-01-15.

Passing::

    mijlpalen:
      - {omschrijving: Onderzoek, deadline: Q3 2025, status: gereed}
      - {omschrijving: Beleidsregel, deadline: Q2 2026}

Failing::

    mijlpalen:
      - {omschrijving: Onderzoek, deadline: Q3 2025, status: lopend}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "overdue-mijlpaal"
SEVERITY = Severity.WARNING


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each milestone not done after its deadline quarter's last day."""
    for actie in registry.acties:
        if actie.done_on(as_of):
            continue
        for index, mijlpaal in enumerate(actie.mijlpalen):
            stand = mijlpaal.stand(as_of)
            deadline = stand.deadline.deadline if stand.deadline else None
            if deadline is None or stand.done or as_of <= deadline.last_day:
                continue
            message = (
                f"milestone {index + 1} of {actie.id} was due {deadline} "
                f"(by {deadline.last_day.isoformat()}) and is {stand.status}"
            )
            yield actie.origin.problem(CODE, SEVERITY, message, "mijlpalen", index, "deadline")
