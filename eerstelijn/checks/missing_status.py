"""missing-status: every action and milestone says its status, even when it is `open`.

Opt-in: runs only when named in `check --fail-on`. A status left out reads as `open`; a
registry that tracks progress can demand it be written, so that "open" is a report and not
a default nobody looked at.

Passing::

    - id: H2.1
      status: lopend
      mijlpalen:
        - {omschrijving: Handreiking gereed, deadline: Q1 2026, status: open}

Failing::

    - id: H2.1
      mijlpalen:
        - {omschrijving: Handreiking gereed, deadline: Q1 2026}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "missing-status"
SEVERITY = Severity.WARNING


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each action and milestone whose `status` key is not written in the YAML."""
    for actie in registry.acties:
        # model_fields_set holds the keys the YAML wrote; a default does not count.
        if "status" not in actie.model_fields_set:
            message = _("action {id} has no status").format(id=actie.id)
            yield actie.origin.problem(CODE, SEVERITY, message, "status")
        for index, mijlpaal in enumerate(actie.mijlpalen):
            if "status" not in mijlpaal.model_fields_set:
                message = _("milestone {number} of {id} has no status").format(
                    number=index + 1, id=actie.id
                )
                yield actie.origin.problem(CODE, SEVERITY, message, "mijlpalen", index, "status")
