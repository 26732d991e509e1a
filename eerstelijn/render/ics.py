"""An iCalendar feed of milestone deadlines, for the calendars of the people at the BO table.

Each milestone with a deadline is an all-day event on the last day of its deadline quarter, the
last day on which it is on time. The output depends on the data only, so that a re-export of
unchanged data is byte-identical and a calendar that re-imports it updates rather than
duplicates: UIDs are built from the action id and the milestone's number, and DTSTAMP is fixed.

A calendar that imports (rather than subscribes) takes a changed event only when its SEQUENCE
is higher: SEQUENCE counts the milestone's progress entries (each update, re-planning or
status change appends one, so it only grows), and LAST-MODIFIED is the date of the last one.
Titles read as deadlines ("Deadline H2.1: Handreiking gereed"); a finished milestone says
so ("Done: ...", or CANCELLED when vervallen).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from eerstelijn.controls import CONTROLS
from eerstelijn.models import Actie, Mijlpaal, Registry

__all__ = ["dtstamp", "milestone_uid", "render_ics"]

# With no dated document, a fixed stamp: any fixed value keeps re-exports identical.
_UNDATED = datetime(1970, 1, 1, tzinfo=UTC)
PRODID = "-//eerstelijn//realisatieagenda eerstelijnszorg//NL"


def dtstamp(registry: Registry) -> datetime:
    """The stamp of every event: the date of the newest document in documenten.yaml.

    RFC 5545 wants the time the object was created. The clock would make every export differ,
    so we use the date of the newest source the data transcribes: it changes only when a
    source does.
    """
    dates = [d.datum for d in registry.documenten if d.datum is not None]
    if not dates:
        return _UNDATED
    newest = max(dates)
    return datetime(newest.year, newest.month, newest.day, tzinfo=UTC)


def milestone_uid(actie: Actie, index: int) -> str:
    """The stable UID of the 0-based milestone `index` of an action."""
    return f"{actie.id}-m{index + 1}@eerstelijn"


LATEST = date.max  # the feed follows the log as far as it goes


def _text(value: str) -> str:
    """Text from the data for a calendar: control characters (NUL, ESC, BEL) removed, as
    calendar programs may choke on them or pass them to a terminal; icalendar escapes the rest.
    """
    return CONTROLS.sub("", value)


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
    lines += [f"Bron: {registry.cite(b)}" for b in actie.bron]
    return _text("\n".join(lines))


def _event(
    registry: Registry, actie: Actie, index: int, mijlpaal: Mijlpaal, stamp: datetime
) -> Event | None:
    # A calendar shows the latest deadline the log records: a re-planning moves the event.
    termijn = mijlpaal.stand(LATEST).deadline
    quarter = termijn.deadline if termijn else None
    if quarter is None:
        return None
    status = mijlpaal.stand(LATEST).status
    event = Event()
    event.add("uid", milestone_uid(actie, index))
    event.add("dtstamp", stamp)
    # The action's own entries (vervallen as a whole) change its events too.
    entries = [*actie.voortgang, *mijlpaal.voortgang]
    event.add("sequence", len(entries))
    last = max((e.datum for e in entries), default=None)
    event.add("last-modified", _midnight(last) if last is not None else stamp)
    event.add("dtstart", quarter.last_day)
    event.add("dtend", quarter.last_day + timedelta(days=1))
    event.add("summary", _text(_summary(actie, mijlpaal, status)))
    event.add("description", _description(registry, actie, mijlpaal))
    event.add("categories", [_text(actie.hoofdstuk or actie.regio or "overig")])
    # A deadline marks a day; it does not make anyone busy.
    event.add("transp", "TRANSPARENT")
    if actie.status_on(LATEST) == "vervallen" or mijlpaal.stand(LATEST).status == "vervallen":
        event.add("status", "CANCELLED")
    return event


def _summary(actie: Actie, mijlpaal: Mijlpaal, status: str) -> str:
    """The title: a deadline to meet, or a finished one marked as such."""
    if status == "gereed":
        return f"Done: {actie.id} {mijlpaal.omschrijving}"
    if status == "vervallen" or actie.status_on(LATEST) == "vervallen":
        return f"Cancelled: {actie.id} {mijlpaal.omschrijving}"
    return f"Deadline {actie.id}: {mijlpaal.omschrijving}"


def _midnight(day: date) -> datetime:
    """A date as the UTC datetime LAST-MODIFIED needs: its start."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def render_ics(registry: Registry, acties: Sequence[Actie], *, name: str) -> bytes:
    """The calendar of the milestone deadlines of `acties`, in their order, as iCalendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _text(name))
    stamp = dtstamp(registry)
    for actie in acties:
        for index, mijlpaal in enumerate(actie.mijlpalen):
            event = _event(registry, actie, index, mijlpaal, stamp)
            if event is not None:
                calendar.add_component(event)
    return bytes(calendar.to_ical())
