"""missing-deadline: an action that is not done has at least one milestone with a deadline.

Only wordings that set a deadline count ("Q1 2026", "in 2025", "voor de zomer van 2024", and
"vanaf Q1 2025" on a milestone with `toestand: true`); a start ("vanaf Q1 2026"), an earliest
moment ("na Q4 2025"), a possibility ("mogelijk al in 2025") or an expectation ("verwacht al
in 2024") does not.

Passing::

    mijlpalen:
      - {omschrijving: Handreiking gereed, deadline: Q1 2026}

Failing::

    mijlpalen:
      - {omschrijving: Actieplan opgesteld}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "missing-deadline"
SEVERITY = Severity.WARNING


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each open action none of whose milestones has a deadline."""
    for actie in registry.acties:
        if actie.deadline_on(as_of) is None and not actie.done_on(as_of):
            vague = [str(m.deadline) for m in actie.mijlpalen if m.deadline]
            detail = f" (only: {', '.join(vague)})" if vague else ""
            message = f"action {actie.id} has no deadline{detail}"
            yield actie.origin.problem(CODE, SEVERITY, message, "mijlpalen")
