"""voortgang-bron: a milestone marked gereed or vervallen, or re-planned, cites its source.

The board must be able to see on what evidence something was delivered, dropped or moved:
a BO verslag, a Kamerbrief, a new version of the agenda (an entry in documenten.yaml).
Assessments and a status of lopend may be reported without one.

Passing::

    voortgang:
      - {datum: 2026-02-01, status: gereed,
         bron: {document: bo-verslag-2026-02, sectie: "punt 3"}}

Failing::

    voortgang:
      - {datum: 2026-02-01, status: gereed}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity
from eerstelijn.shape import DONE

CODE = "voortgang-bron"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report entries that close or re-plan without a bron."""
    for actie, path, entries in registry.logboeken:
        for index, entry in enumerate(entries):
            if entry.bron:
                continue
            if entry.status in DONE:
                message = _("status {status} needs a bron: the document that records it")
                message = message.format(status=entry.status)
            elif entry.deadline is not None:
                message = _("a re-planning needs a bron: the document that records it")
            else:
                continue
            yield actie.origin.problem(CODE, SEVERITY, message, *path, index, "datum")
