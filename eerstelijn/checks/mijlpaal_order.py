"""mijlpaal-order: an action's milestones are listed in date order.

Each milestone is placed at its deadline, or at its start where the wording gives only a start
("vanaf Q1 2026", "na Q4 2025"); milestones without a timing are not compared.

Passing::

    mijlpalen:
      - {omschrijving: Inventarisatie, deadline: Q1 2025}
      - {omschrijving: Plan van aanpak, deadline: Q3 2025}

Failing::

    mijlpalen:
      - {omschrijving: Plan van aanpak, deadline: Q3 2025}
      - {omschrijving: Inventarisatie, deadline: Q1 2025}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "mijlpaal-order"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each milestone placed before one listed above it."""
    for actie in registry.acties:
        latest = None
        for index, mijlpaal in enumerate(actie.mijlpalen):
            if mijlpaal.deadline is None:
                continue
            placed = mijlpaal.deadline.anchor
            if latest is not None and placed < latest:
                message = _(
                    "milestone {number} of {id} ({timing}) comes before an earlier-listed "
                    "milestone ({latest}); list milestones in date order"
                ).format(number=index + 1, id=actie.id, timing=mijlpaal.deadline, latest=latest)
                yield actie.origin.problem(CODE, SEVERITY, message, "mijlpalen", index, "deadline")
            else:
                latest = placed
