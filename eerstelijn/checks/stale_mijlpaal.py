"""stale-mijlpaal: a milestone that is not done has a report of the last STALE_DAYS days.

Opt-in, as it judges progress: `check --fail-on stale-mijlpaal` runs it. Only milestones with
at least one report are judged: one that nobody ever reported on is
shown apart as "no progress reported" (overview, overdue), not as stale. The number of days
is `check --stale-days` (default 90: about one bestuurlijk overleg cycle).

Judged on 2026-01-15.

Passing::

    voortgang:
      - {datum: 2025-12-01, status: lopend}

Failing::

    voortgang:
      - {datum: 2025-06-01, status: lopend}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "stale-mijlpaal"
SEVERITY = Severity.WARNING
STALE_DAYS = 90


def check(registry: Registry, as_of: date, *, stale_days: int = STALE_DAYS) -> Iterator[Problem]:
    """Report each milestone not done whose last report is older than `stale_days`."""
    for actie in registry.acties:
        if actie.done_on(as_of):
            continue
        for index, mijlpaal in enumerate(actie.mijlpalen):
            stand = mijlpaal.stand(as_of)
            last = stand.laatste_voortgang
            if stand.done or last is None or (as_of - last).days <= stale_days:
                continue
            message = (
                f"milestone {index + 1} of {actie.id} was last reported on {last.isoformat()}, "
                f"{(as_of - last).days} days ago (more than {stale_days})"
            )
            number = mijlpaal.voortgang.index(stand.voortgang[-1])
            where = ("mijlpalen", index, "voortgang", number, "datum")
            yield actie.origin.problem(CODE, SEVERITY, message, *where)
