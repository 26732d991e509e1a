"""An iCalendar feed of milestone deadlines, for the calendars of the people at the BO table.

Each milestone with a deadline is an all-day event on the last day of its deadline quarter, the
last day on which it is on time. The output depends on the data only, so that a re-export of
unchanged data is byte-identical and a calendar that re-imports it updates rather than
duplicates: UIDs are built from the action id and the milestone's number, and DTSTAMP is fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from eerstelijn.models import DOCUMENTEN, Actie, Mijlpaal, Registry

__all__ = ["DTSTAMP", "milestone_uid", "render_ics"]

# RFC 5545 wants the time the object was created. The clock would make every export differ, so
# we use the version date of the realisatieagenda the data transcribes: it changes only when
# the source does.
DTSTAMP = datetime(2024, 12, 18, tzinfo=UTC)
PRODID = "-//eerstelijn//realisatieagenda eerstelijnszorg//NL"


def milestone_uid(actie: Actie, index: int) -> str:
    """The stable UID of the 0-based milestone `index` of an action."""
    return f"{actie.id}-m{index + 1}@eerstelijn"


LATEST = date.max  # the feed follows the log as far as it goes


def _description(registry: Registry, actie: Actie, mijlpaal: Mijlpaal) -> str:
    def named(codes: Sequence[str]) -> str:
        names = [p.naam if (p := registry.partij(c)) else c for c in codes]
        return ", ".join(names) or "(geen)"

    lines = [
        f"Actie {actie.id}: {actie.titel}",
        f"Termijn: {mijlpaal.stand(LATEST).deadline}",
        f"Trekker: {named(actie.trekker)}",
    ]
    if actie.betrokkenen:
        lines.append(f"Betrokkenen: {named(actie.betrokkenen)}")
    lines.append(f"Status: {mijlpaal.stand(LATEST).status}")
    lines += [f"Bron: {DOCUMENTEN[b.document]}, {b.sectie}" for b in actie.bron]
    return "\n".join(lines)


def _event(registry: Registry, actie: Actie, index: int, mijlpaal: Mijlpaal) -> Event | None:
    # A calendar shows the latest deadline the log records: a re-planning moves the event.
    termijn = mijlpaal.stand(LATEST).deadline
    quarter = termijn.deadline if termijn else None
    if quarter is None:
        return None
    event = Event()
    event.add("uid", milestone_uid(actie, index))
    event.add("dtstamp", DTSTAMP)
    event.add("dtstart", quarter.last_day)
    event.add("dtend", quarter.last_day + timedelta(days=1))
    event.add("summary", f"{actie.id}: {mijlpaal.omschrijving}")
    event.add("description", _description(registry, actie, mijlpaal))
    event.add("categories", [actie.hoofdstuk or actie.regio or "overig"])
    # A deadline marks a day; it does not make anyone busy.
    event.add("transp", "TRANSPARENT")
    if actie.status_on(LATEST) == "vervallen" or mijlpaal.stand(LATEST).status == "vervallen":
        event.add("status", "CANCELLED")
    return event


def render_ics(registry: Registry, acties: Sequence[Actie], *, name: str) -> bytes:
    """The calendar of the milestone deadlines of `acties`, in their order, as iCalendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for actie in acties:
        for index, mijlpaal in enumerate(actie.mijlpalen):
            event = _event(registry, actie, index, mijlpaal)
            if event is not None:
                calendar.add_component(event)
    return bytes(calendar.to_ical())
