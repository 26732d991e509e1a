"""voortgang-order: a progress log lists its entries oldest first.

The log is read as a ledger: each entry says what changed on its date. An entry dated before
the one above it is most likely a typo in a date, and would make the order of the pull request
differ from the order of events.

Passing::

    voortgang:
      - {datum: 2025-10-01, status: lopend}
      - {datum: 2026-02-01, status: gereed, bron: {document: bo-verslag-2026-02, sectie: "3"}}

Failing::

    voortgang:
      - {datum: 2026-02-01, status: lopend}
      - {datum: 2025-10-01, beoordeling: risico}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _, long_date
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "voortgang-order"
SEVERITY = Severity.ERROR


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each entry dated before an entry listed above it."""
    for actie, path, entries in registry.logboeken:
        latest: date | None = None
        for index, entry in enumerate(entries):
            if latest is not None and entry.datum < latest:
                message = _(
                    "entry of {datum} comes after one of {latest}; add new entries at the "
                    "end, oldest first"
                ).format(datum=long_date(entry.datum), latest=long_date(latest))
                yield actie.origin.problem(CODE, SEVERITY, message, *path, index, "datum")
            else:
                latest = entry.datum
