"""future-voortgang: no progress entry is dated after the day the registry is judged by.

A report speaks of what happened; an entry dated in the future is most likely a wrong year.
It does not count until its date comes (every answer is as of a date).

Passing::

    voortgang:
      - {datum: 2025-11-10, status: lopend}

Failing::

    voortgang:
      - {datum: 2062-11-10, status: lopend}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.i18n import _, long_date
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "future-voortgang"
SEVERITY = Severity.WARNING


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each entry dated after `as_of`."""
    for actie, path, entries in registry.logboeken:
        for index, entry in enumerate(entries):
            if entry.datum > as_of:
                message = _(
                    "entry dated {datum}, after {as_of}: it does not count until then"
                ).format(datum=long_date(entry.datum), as_of=long_date(as_of))
                yield actie.origin.problem(CODE, SEVERITY, message, *path, index, "datum")
