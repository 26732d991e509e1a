"""undated-status: a status other than open is recorded with a date, in voortgang.

A bare `status:` on an action or a milestone is read as holding from the start: the tool
never guesses when it changed. So `status: gereed` without an entry cannot tell the board
since when, or on what evidence. Record it with `eerstelijn update`, which appends a dated
entry, and leave the bare status at open.

Passing::

    mijlpalen:
      - omschrijving: Handreiking gereed
        deadline: Q1 2026
        voortgang:
          - {datum: 2026-02-01, status: gereed, bron: {document: bo-verslag, sectie: "3"}}

Failing::

    mijlpalen:
      - omschrijving: Handreiking gereed
        deadline: Q1 2026
        status: gereed
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "undated-status"
SEVERITY = Severity.WARNING


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each bare status other than open."""
    for actie in registry.acties:
        if actie.status != "open":
            message = f"status {actie.status} of {actie.id} has no date: record it in voortgang"
            yield actie.origin.problem(CODE, SEVERITY, message, "status")
        for index, mijlpaal in enumerate(actie.mijlpalen):
            if mijlpaal.status != "open":
                message = (
                    f"status {mijlpaal.status} of milestone {index + 1} of {actie.id} has no "
                    "date: record it in voortgang"
                )
                yield actie.origin.problem(CODE, SEVERITY, message, "mijlpalen", index, "status")
