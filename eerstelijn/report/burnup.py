"""Progress over time: the burn-up of milestones per quarter, and the milestones that slipped.

Pure queries over a Registry and a date, like `eerstelijn.queries`; the report draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Actie, Mijlpaal, Registry

__all__ = ["BurnupPoint", "SlipRow", "burnup", "gereed_on", "slips"]


@dataclass(frozen=True)
class BurnupPoint:
    """One quarter of the burn-up, every count cumulative up to and including that quarter.

    `gereed` is None for quarters after the one of `as_of`: nothing is known of them yet.
    `gepland_oorspronkelijk` counts milestones by their first agreed deadline, and
    `gepland_huidig` by their deadline as the log says on `as_of` (a milestone vervallen by
    then no longer counts there).
    """

    kwartaal: Kwartaal
    gereed: int | None
    gepland_oorspronkelijk: int
    gepland_huidig: int


@dataclass(frozen=True)
class SlipRow:
    """A re-planned milestone: first agreed against current deadline, and the last reden."""

    actie: Actie
    index: int  # 0-based position in actie.mijlpalen
    mijlpaal: Mijlpaal
    oorspronkelijk: str | None  # the timing as written
    huidig: str | None
    kwartalen: int | None  # later is positive; None when either has no deadline quarter
    reden: str | None
    datum: date  # the day of the last re-planning


def gereed_on(mijlpaal: Mijlpaal, as_of: date) -> date | None:
    """The day of the entry that made the milestone gereed, as its log says on `as_of`.

    None when it is not gereed on `as_of`; `date.min` when it was gereed from the start
    (its own status, no dated entry).
    """
    stand = mijlpaal.stand(as_of)
    if stand.status != "gereed":
        return None
    since = date.min if mijlpaal.status == "gereed" else None
    status = mijlpaal.status
    for entry in stand.voortgang:
        if entry.status is None:
            continue
        if entry.status == "gereed" and status != "gereed":
            since = entry.datum
        status = entry.status
    return since


def burnup(registry: Registry, as_of: date) -> list[BurnupPoint]:
    """The burn-up per quarter, from the first to the last quarter that any deadline (first
    agreed or current) or completion falls in, and never short of the quarter of `as_of`.

    Empty when no milestone has a deadline quarter and none is gereed.
    """
    current = Kwartaal.from_date(as_of)
    done: list[Kwartaal | None] = []  # None: gereed from the start, counted from the first
    original: list[Kwartaal] = []
    planned: list[Kwartaal] = []
    for actie in registry.acties:
        for mijlpaal in actie.mijlpalen:
            stand = mijlpaal.stand(as_of)
            if stand.oorspronkelijke_deadline and stand.oorspronkelijke_deadline.deadline:
                original.append(stand.oorspronkelijke_deadline.deadline)
            if stand.status != "vervallen" and stand.deadline and stand.deadline.deadline:
                planned.append(stand.deadline.deadline)
            day = gereed_on(mijlpaal, as_of)
            if day is not None:
                done.append(None if day == date.min else Kwartaal.from_date(day))
    dated = [q for q in done if q is not None]
    quarters = original + planned + dated
    if not quarters:
        return [] if not done else [BurnupPoint(current, len(done), 0, 0)]
    first, last = min(*quarters, current), max(*quarters, current)
    points = []
    quarter = first
    while quarter <= last:
        points.append(
            BurnupPoint(
                quarter,
                None if quarter > current else sum(q is None or q <= quarter for q in done),
                sum(q <= quarter for q in original),
                sum(q <= quarter for q in planned),
            )
        )
        quarter = quarter.next()
    return points


def slips(registry: Registry, as_of: date) -> list[SlipRow]:
    """Every milestone re-planned on or before `as_of`, in registry order: its first agreed
    and current deadline, how many quarters apart, and the reden of the last re-planning.
    """
    rows = []
    for actie in registry.acties:
        for index, mijlpaal in enumerate(actie.mijlpalen):
            stand = mijlpaal.stand(as_of)
            replans = [entry for entry in stand.voortgang if entry.deadline is not None]
            if not replans:
                continue
            last = replans[-1]
            rows.append(
                SlipRow(
                    actie=actie,
                    index=index,
                    mijlpaal=mijlpaal,
                    oorspronkelijk=(
                        stand.oorspronkelijke_deadline.tekst
                        if stand.oorspronkelijke_deadline
                        else None
                    ),
                    huidig=stand.deadline.tekst if stand.deadline else None,
                    kwartalen=stand.slip_kwartalen,
                    reden=last.reden,
                    datum=last.datum,
                )
            )
    return rows
