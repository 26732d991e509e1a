"""Pure selections over a Registry: filters, groupings, overdue milestones, coverage, timelines.

Nothing here reads the clock or prints: the date to judge by arrives as `as_of`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar

from eerstelijn.kwartaal import Kwartaal
from eerstelijn.lookup import fold
from eerstelijn.models import (
    Actie,
    Belofte,
    Document,
    Doel,
    Mijlpaal,
    Partij,
    Registry,
    Stand,
    Voortgang,
)
from eerstelijn.shape import DONE, HOOFDSTUKKEN, STATUSES

__all__ = [
    "ActieFilter",
    "AgendaGroup",
    "AgendaItem",
    "OverdueRow",
    "actie_record",
    "agenda",
    "documenten_usage",
    "doelen_coverage",
    "due_in",
    "hoofdstuk_titels",
    "is_overdue",
    "leaders",
    "not_at_table",
    "overdue",
    "overview",
    "partij_detail",
    "partijen_summary",
    "select",
    "timeline",
    "zorgbelofte_coverage",
]

Per = Literal["partij", "doel", "hoofdstuk"]
Rol = Literal["trekker", "betrokken"]
Without = Literal["trekker", "deadline"]
GEEN_TREKKER = None  # the group of an overdue milestone whose action has no trekker


# --- Deadlines -------------------------------------------------------------------------------


def is_overdue(mijlpaal: Mijlpaal, as_of: date) -> bool:
    """Past its current deadline quarter's last day and not done, as the log says on `as_of`."""
    return _late(mijlpaal.stand(as_of), as_of) is not None


def _late(stand: Stand, as_of: date) -> int | None:
    """Days past the current deadline's last day when the milestone is overdue, else None."""
    deadline = stand.deadline.deadline if stand.deadline else None
    if deadline is None or stand.done or as_of <= deadline.last_day:
        return None
    return (as_of - deadline.last_day).days


def due_in(actie: Actie, quarter: Kwartaal, as_of: date) -> list[Mijlpaal]:
    """The milestones of an action not done on `as_of` whose current deadline is `quarter`."""
    out = []
    for m in actie.mijlpalen:
        stand = m.stand(as_of)
        if stand.deadline is not None and stand.deadline.deadline == quarter and not stand.done:
            out.append(m)
    return out


def _next_deadline(acties: Iterable[Actie], as_of: date) -> Kwartaal | None:
    """The earliest deadline still ahead (or in the current quarter) of undone milestones."""
    current = Kwartaal.from_date(as_of)
    ahead = [
        stand.deadline.deadline
        for a in acties
        for m in a.mijlpalen
        if (stand := m.stand(as_of)).deadline
        and stand.deadline.deadline
        and not stand.done
        and stand.deadline.deadline >= current
    ]
    return min(ahead, default=None)


def actie_status(actie: Actie, as_of: date) -> str:
    """`overdue` when a milestone is overdue, `due` when one is due this quarter, else ``."""
    if actie.done_on(as_of):
        return ""
    if any(is_overdue(m, as_of) for m in actie.mijlpalen):
        return "overdue"
    if due_in(actie, Kwartaal.from_date(as_of), as_of):
        return "due"
    return ""


# --- Records: the one shape of an action in every output ------------------------------------


def _iso(quarter: Kwartaal | None) -> str | None:
    return quarter.iso if quarter else None


def mijlpaal_record(mijlpaal: Mijlpaal, as_of: date) -> dict[str, Any]:
    """A milestone as plain data, as its log says it stood on `as_of`."""
    stand = mijlpaal.stand(as_of)
    termijn = stand.deadline
    first = stand.oorspronkelijke_deadline
    return {
        "omschrijving": mijlpaal.omschrijving,
        "deadline": _iso(termijn.deadline) if termijn else None,
        "termijn": termijn.tekst if termijn else None,
        "soort": termijn.soort if termijn else None,
        "start": _iso(termijn.start) if termijn else None,
        "oorspronkelijke_deadline": _iso(first.deadline) if first else None,
        "slip_kwartalen": stand.slip_kwartalen,
        "status": stand.status,
        "beoordeling": stand.beoordeling,
        "laatste_voortgang": _day(stand.laatste_voortgang),
        "overdue": is_overdue(mijlpaal, as_of),
        "voortgang": [voortgang_record(v) for v in stand.voortgang],
    }


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def voortgang_record(entry: Voortgang) -> dict[str, Any]:
    """A progress entry as plain data."""
    return {
        "datum": entry.datum.isoformat(),
        "status": entry.status,
        "deadline": _iso(entry.deadline.deadline) if entry.deadline else None,
        "termijn": entry.deadline.tekst if entry.deadline else None,
        "reden": entry.reden,
        "beoordeling": entry.beoordeling,
        "toelichting": entry.toelichting,
        "door": entry.door,
        "bron": [{"document": b.document, "sectie": b.sectie} for b in entry.bron or []],
    }


def actie_record(actie: Actie, as_of: date, *, details: bool = True) -> dict[str, Any]:
    """An action as plain data: one row of `acties --format json`, and `show --format json`.

    Without `details`, only the action's own fields and state: no milestones, sources,
    toelichting, file or line (a row of a table reads none of them).
    """
    signaal = actie_status(actie, as_of)
    record = {
        "id": actie.id,
        "titel": actie.titel,
        "hoofdstuk": actie.hoofdstuk,
        "regio": actie.regio,
        "doelen": list(actie.doelen),
        "trekker": list(actie.trekker),
        "betrokkenen": list(actie.betrokkenen),
        "status": actie.status_on(as_of),
        "deadline": _iso(actie.deadline_on(as_of)),
        "overdue": signaal == "overdue",
        "signaal": signaal,
    }
    if not details:
        return record
    return record | {
        "mijlpalen": [mijlpaal_record(m, as_of) for m in actie.mijlpalen],
        "toelichting": actie.toelichting,
        "bron": [{"document": b.document, "sectie": b.sectie} for b in actie.bron],
        "file": actie.origin.file,
        "line": actie.origin.locate()[0],
    }


# --- Filters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActieFilter:
    """Conditions on actions that must all hold; an unset condition holds for every action."""

    without: frozenset[Without] = frozenset()
    partij: str | None = None
    rol: Rol = "trekker"
    doel: str | None = None
    hoofdstuk: str | None = None
    status: str | None = None
    due_before: Kwartaal | None = None
    due_after: Kwartaal | None = None
    search: str | None = None
    as_of: date = date.max  # statuses and deadlines as the log says on this day; default: latest


def _involves(registry: Registry, actie: Actie, code: str, rol: Rol) -> bool:
    """Whether `code` leads (or is involved in) the action, directly or through a groep."""
    wanted = registry.partij(code)
    codes = actie.trekker if rol == "trekker" else actie.betrokkenen
    return wanted is not None and wanted.code in _named(registry, codes)


def _named(registry: Registry, codes: Iterable[str]) -> set[str]:
    """The codes of the partijen that codes as written name: each partij itself and, for a
    groep, its leden (recursively); an unknown code as written."""
    named: set[str] = set()
    for written in codes:
        partij = registry.partij(written)
        if partij is not None:
            named.add(partij.code)
        named.update(registry.members(written))
    return named


def _matches(registry: Registry, actie: Actie, f: ActieFilter) -> bool:
    # Cheapest first; the deadline only where a condition asks for it.
    if "trekker" in f.without and actie.trekker:
        return False
    if f.doel is not None and f.doel not in actie.doelen:
        return False
    if f.hoofdstuk is not None and actie.hoofdstuk != f.hoofdstuk:
        return False
    if f.partij is not None and not _involves(registry, actie, f.partij, f.rol):
        return False
    if f.status is not None and actie.status_on(f.as_of) != f.status:
        return False
    if "deadline" in f.without or f.due_before is not None or f.due_after is not None:
        deadline = actie.deadline_on(f.as_of)
        if "deadline" in f.without and deadline is not None:
            return False
        if f.due_before is not None and (deadline is None or not deadline < f.due_before):
            return False
        if f.due_after is not None and (deadline is None or not deadline > f.due_after):
            return False
    return f.search is None or fold(f.search) in fold(_searchable(actie))


def _searchable(actie: Actie) -> str:
    parts = [actie.id, actie.titel, actie.toelichting or ""]
    parts += [m.omschrijving for m in actie.mijlpalen]
    return " ".join(parts)


def select(registry: Registry, conditions: ActieFilter) -> list[Actie]:
    """The actions that meet every condition, in registry order."""
    return [a for a in registry.acties if _matches(registry, a, conditions)]


# --- Overdue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    """One overdue milestone, attributed to one group (a partij, goal or chapter)."""

    group: str | None
    actie: Actie
    index: int
    mijlpaal: Mijlpaal
    days: int
    stand: Stand

    @property
    def gemeld(self) -> bool:
        """True when progress was reported on the milestone; False: nothing reported at all."""
        return bool(self.stand.voortgang)

    def record(self, per: Per | None) -> dict[str, Any]:
        """Flat data for JSON and CSV."""
        deadline = self.stand.deadline.deadline if self.stand.deadline else None
        row: dict[str, Any] = {per: self.group} if per else {}
        return row | {
            "actie": self.actie.id,
            "titel": self.actie.titel,
            "mijlpaal": self.index + 1,
            "omschrijving": self.mijlpaal.omschrijving,
            "deadline": _iso(deadline),
            "dagen_te_laat": self.days,
            "trekker": list(self.actie.trekker),
            "laatste_voortgang": _day(self.stand.laatste_voortgang),
            "beoordeling": self.stand.beoordeling,
        }


def _groups(
    registry: Registry,
    actie: Actie,
    per: Per | None,
    incl_betrokken: bool,
    expand_groups: bool = True,
) -> list[str | None]:
    if per is None:
        return [None]
    if per == "hoofdstuk":
        return [actie.hoofdstuk]
    if per == "doel":
        return list(actie.doelen)
    codes = [*actie.trekker, *(actie.betrokkenen if incl_betrokken else [])]
    if expand_groups:
        members = [m for c in codes for m in registry.members(c)]
    else:
        members = [(p.code if (p := registry.partij(c)) else c) for c in codes]
    return list(dict.fromkeys(members)) or [GEEN_TREKKER]


def not_at_table(registry: Registry, codes: Iterable[str]) -> list[Partij]:
    """The partijen among `codes` (as written, groups not expanded) that were not at the table."""
    found = (registry.partij(code) for code in codes)
    return list({p.code: p for p in found if p is not None and not p.aan_tafel}.values())


def hoofdstuk_titels(registry: Registry) -> dict[str, str]:
    """Each chapter id with its title, from the documents the chapter's actions cite."""
    titels: dict[str, str] = {}
    for actie in registry.acties:
        if actie.hoofdstuk is None or actie.hoofdstuk in titels:
            continue
        for bron in actie.bron:
            document = registry.document(bron.document)
            hoofdstuk = document.hoofdstuk(actie.hoofdstuk) if document else None
            if hoofdstuk is not None:
                titels[actie.hoofdstuk] = hoofdstuk.titel
                break
    return titels


def leaders(registry: Registry, actie: Actie) -> list[str]:
    """The partijen that lead an action: its trekkers, a groep counted as each of its leden."""
    return list(dict.fromkeys(m for c in actie.trekker for m in registry.members(c)))


def overdue(
    registry: Registry,
    as_of: date,
    *,
    per: Per | None = None,
    incl_betrokken: bool = False,
    partij: str | None = None,
    expand_groups: bool = True,
) -> list[OverdueRow]:
    """Milestones past their deadline and not done; grouped rows sorted by group, then age.

    Per partij, a groep as trekker counts for each member (or, without `expand_groups`, once
    as itself), and an action without trekker lands in the group None. `partij` keeps only
    actions it leads (or, with `incl_betrokken`, takes part in), also through a groep.
    """
    rows = []
    for actie in registry.acties:
        standen = [m.stand(as_of) for m in actie.mijlpalen]
        if actie.status_on(as_of, standen) in DONE:
            continue
        if partij is not None and not (
            _involves(registry, actie, partij, "trekker")
            or (incl_betrokken and _involves(registry, actie, partij, "betrokken"))
        ):
            continue
        for index, (mijlpaal, stand) in enumerate(zip(actie.mijlpalen, standen, strict=True)):
            days = _late(stand, as_of)
            if days is None:
                continue
            for group in _groups(registry, actie, per, incl_betrokken, expand_groups):
                rows.append(OverdueRow(group, actie, index, mijlpaal, days, stand))
    order = _group_order(registry, per)
    return sorted(rows, key=lambda r: (order(r.group), -r.days, r.actie.id, r.index))


def _group_order(registry: Registry, per: Per | None) -> Any:
    if per == "doel":
        ids = [d.id for d in registry.doelen]
        return lambda g: (g is None, ids.index(g) if g in ids else len(ids), g or "")
    return lambda g: (g is None, fold(g or ""))


# --- Parties ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartijSummary:
    """A partij with how many actions it leads and is involved in (groups expanded)."""

    partij: Partij
    trekker: int
    betrokken: int
    overdue: int

    def record(self) -> dict[str, Any]:
        """Flat data for JSON and CSV."""
        return {
            "code": self.partij.code,
            "naam": self.partij.naam,
            "soort": self.partij.soort,
            "trekker": self.trekker,
            "betrokken": self.betrokken,
            "overdue": self.overdue,
            "leden": list(self.partij.leden),
            "aan_tafel": self.partij.aan_tafel,
        }


def partijen_summary(registry: Registry, as_of: date) -> list[PartijSummary]:
    """Every partij with its counts, in the order of partijen.yaml.

    One pass over the actions, each counted for every partij it names (groups expanded),
    rather than one selection over all of them per partij: 70 passes at 100,000 actions.
    """
    leads: Counter[str] = Counter()
    involved: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for actie in registry.acties:
        leading = _named(registry, actie.trekker)
        leads.update(leading)
        involved.update(_named(registry, actie.betrokkenen))
        if leading and actie_status(actie, as_of) == "overdue":
            late.update(leading)
    return [
        PartijSummary(p, leads[p.code], involved[p.code], late[p.code]) for p in registry.partijen
    ]


@dataclass(frozen=True)
class PartijDetail:
    """What one partij leads and is involved in, next deadlines first, and its groups."""

    partij: Partij
    trekker: list[Actie]
    betrokken: list[Actie]
    groepen: list[Partij]
    leden: list[Partij]


def _by_deadline(acties: list[Actie], as_of: date) -> list[Actie]:
    def key(actie: Actie) -> tuple[bool, bool, Kwartaal]:
        deadline = actie.deadline_on(as_of)
        return (actie.done_on(as_of), deadline is None, deadline or Kwartaal(1, 1))

    return sorted(acties, key=key)


def partij_detail(registry: Registry, partij: Partij, as_of: date = date.max) -> PartijDetail:
    """The actions a partij leads or is involved in, and the groups it belongs to; next
    deadlines (as the log says on `as_of`) first."""
    groepen = [
        g
        for g in registry.partijen
        if g.soort == "groep" and g is not partij and partij.code in registry.members(g.code)
    ]
    leden = [p for c in partij.leden if (p := registry.partij(c)) is not None]
    return PartijDetail(
        partij,
        _by_deadline(select(registry, ActieFilter(partij=partij.code, as_of=as_of)), as_of),
        _by_deadline(
            select(registry, ActieFilter(partij=partij.code, rol="betrokken", as_of=as_of)),
            as_of,
        ),
        groepen,
        leden,
    )


# --- Goals and promises ----------------------------------------------------------------------


@dataclass(frozen=True)
class DoelCoverage:
    """How well one goal is covered by actions."""

    doel: Doel
    acties: list[Actie]
    next_deadline: Kwartaal | None
    gereed: int = 0
    overdue: int = 0  # milestones of its actions past their deadline and not done

    @property
    def trekkers(self) -> list[str]:
        """The distinct trekkers of the goal's actions, as written."""
        return list(dict.fromkeys(t for a in self.acties for t in a.trekker))

    def record(self) -> dict[str, Any]:
        """Flat data for JSON and CSV."""
        return {
            "doel": self.doel.id,
            "titel": self.doel.titel,
            "acties": [a.id for a in self.acties],
            "aantal_acties": len(self.acties),
            "gereed": self.gereed,
            "overdue": self.overdue,
            "trekkers": self.trekkers,
            "volgende_deadline": _iso(self.next_deadline),
        }


def doelen_coverage(registry: Registry, as_of: date) -> list[DoelCoverage]:
    """Every goal with the actions behind it."""
    out = []
    for doel in registry.doelen:
        acties = [a for a in registry.acties if doel.id in a.doelen]
        gereed = sum(a.done_on(as_of) for a in acties)
        late = sum(
            is_overdue(m, as_of) for a in acties if not a.done_on(as_of) for m in a.mijlpalen
        )
        out.append(DoelCoverage(doel, acties, _next_deadline(acties, as_of), gereed, late))
    return out


@dataclass(frozen=True)
class BelofteCoverage:
    """One promise with the goals and actions behind it."""

    belofte: Belofte
    doelen: list[Doel]
    acties: list[Actie]
    gereed: int = 0

    def record(self) -> dict[str, Any]:
        """Flat data for JSON and CSV."""
        return {
            "nummer": self.belofte.nummer,
            "titel": self.belofte.titel,
            "belover": self.belofte.belover,
            "doelen": [d.id for d in self.doelen],
            "acties": [a.id for a in self.acties],
            "aantal_acties": len(self.acties),
            "gereed": self.gereed,
        }


def zorgbelofte_coverage(registry: Registry, as_of: date = date.max) -> list[BelofteCoverage]:
    """Every promise, with the actions linked to any of its goals.

    What the patient alone promises is the patient's to keep: no action delivers it, so such
    a promise has no actions (and is no gap). A promise of both sides keeps its actions.
    """
    out = []
    for belofte in registry.zorgbelofte:
        doelen = [d for d in registry.doelen if d.id in belofte.doelen]
        acties = [
            a
            for a in registry.acties
            if belofte.deliverable and set(a.doelen) & set(belofte.doelen)
        ]
        gereed = sum(a.done_on(as_of) for a in acties)
        out.append(BelofteCoverage(belofte, doelen, acties, gereed))
    return out


# --- Sources ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentUsage:
    """A source with the items that cite it."""

    document: Document
    acties: list[Actie]
    doelen: list[Doel]
    partijen: list[Partij]
    beloften: list[Belofte]

    def record(self) -> dict[str, Any]:
        """Flat data for JSON and CSV."""
        d = self.document
        return {
            "id": d.id,
            "titel": d.titel,
            "soort": d.soort,
            "datum": d.datum.isoformat() if d.datum else None,
            "versie": d.versie,
            "url": d.url,
            "status": d.status,
            "opdrachtgever": d.opdrachtgever,
            "uitgever": d.uitgever,
            "hoofdstukken": [{"id": h.id, "titel": h.titel} for h in d.hoofdstukken],
            "toelichting": d.toelichting,
            "acties": [a.id for a in self.acties],
            "aantal_acties": len(self.acties),
            "doelen": [x.id for x in self.doelen],
            "aantal_doelen": len(self.doelen),
            "partijen": [p.code for p in self.partijen],
            "aantal_partijen": len(self.partijen),
            "beloften": [b.nummer for b in self.beloften],
            "aantal_beloften": len(self.beloften),
        }


_Citing = TypeVar("_Citing", Actie, Doel, Partij, Belofte)


def _citing(items: list[_Citing], document: str, as_of: date) -> list[_Citing]:
    return [item for item in items if document in _cited_by(item, as_of)]


def _cited_by(item: Actie | Doel | Partij | Belofte, as_of: date) -> set[str]:
    """The documents an item cites: in its `bron`, and for an action in the entries of its
    progress logs dated up to `as_of`."""
    cited = {b.document for b in item.bron}
    if isinstance(item, Actie):
        cited |= {
            b.document
            for _, log in item.logboeken()
            for entry in log
            if entry.datum <= as_of
            for b in entry.bron or []
        }
    return cited


def documenten_usage(registry: Registry, as_of: date) -> list[DocumentUsage]:
    """Every document that existed on `as_of` (undated ones included), in the order of
    documenten.yaml, with the actions (in their `bron` or a progress entry up to `as_of`),
    goals, parties and promises that cite it."""
    return [
        DocumentUsage(
            d,
            _citing(registry.acties, d.id, as_of),
            _citing(registry.doelen, d.id, as_of),
            _citing(registry.partijen, d.id, as_of),
            _citing(registry.zorgbelofte, d.id, as_of),
        )
        for d in registry.documenten
        if d.datum is None or d.datum <= as_of
    ]


# --- Timeline --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One action across a range of quarters: which milestones fall in which quarter."""

    actie: Actie
    marks: dict[Kwartaal, list[tuple[int, Mijlpaal]]] = field(default_factory=dict)


def quarter_range(first: Kwartaal, last: Kwartaal) -> list[Kwartaal]:
    """The quarters from `first` through `last`."""
    out = []
    current = first
    while current <= last:
        out.append(current)
        current = current.next()
    return out


def timeline_bounds(registry: Registry, as_of: date = date.max) -> tuple[Kwartaal, Kwartaal] | None:
    """The first and last quarter any milestone is placed at (its deadline on `as_of`)."""
    placed = [
        termijn.anchor
        for a in registry.acties
        for m in a.mijlpalen
        if (termijn := m.stand(as_of).deadline)
    ]
    return (min(placed), max(placed)) if placed else None


def timeline(
    registry: Registry, first: Kwartaal, last: Kwartaal, as_of: date = date.max
) -> list[TimelineRow]:
    """Each action with a milestone placed between `first` and `last` (at its deadline as the
    log says on `as_of`), milestones by quarter."""
    rows = []
    for actie in registry.acties:
        marks: dict[Kwartaal, list[tuple[int, Mijlpaal]]] = {}
        for index, mijlpaal in enumerate(actie.mijlpalen):
            termijn = mijlpaal.stand(as_of).deadline
            if termijn and first <= termijn.anchor <= last:
                marks.setdefault(termijn.anchor, []).append((index, mijlpaal))
        if marks:
            rows.append(TimelineRow(actie, marks))
    return rows


# --- Overview --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """The one-screen summary: counts, overdue per partij, gaps, and what is due soon."""

    as_of: date
    per_status: dict[str, int]
    per_hoofdstuk: dict[str, int]
    overdue_per_partij: dict[str | None, int]
    without_trekker: list[Actie]
    without_deadline: list[Actie]
    due_this_quarter: list[Actie]
    due_next_quarter: list[Actie]
    overdue_mijlpalen: int = 0
    overdue_zonder_voortgang: int = 0  # overdue, and nothing reported on it at all
    due_mijlpalen_this_quarter: int = 0
    due_mijlpalen_next_quarter: int = 0

    @property
    def this_quarter(self) -> Kwartaal:
        """The quarter of `as_of`."""
        return Kwartaal.from_date(self.as_of)


def overview(registry: Registry, as_of: date) -> Overview:
    """Everything a programme office wants to see first."""
    current = Kwartaal.from_date(as_of)
    statuses: Counter[str] = Counter(a.status_on(as_of) for a in registry.acties)
    chapters = Counter(a.hoofdstuk or "overig" for a in registry.acties)
    late: dict[str | None, set[str]] = {}
    # One pass: a milestone is a row per partij that leads it; counted once for the totals.
    milestones: dict[tuple[str, int], bool] = {}
    for row in overdue(registry, as_of, per="partij"):
        late.setdefault(row.group, set()).add(row.actie.id)
        milestones[(row.actie.id, row.index)] = row.gemeld
    following = current.next()
    this_quarter = {a.id: due_in(a, current, as_of) for a in registry.acties}
    next_quarter = {a.id: due_in(a, following, as_of) for a in registry.acties}
    return Overview(
        as_of=as_of,
        per_status={s: statuses.get(s, 0) for s in STATUSES},
        per_hoofdstuk=dict(sorted(chapters.items())),
        overdue_per_partij={k: len(v) for k, v in late.items()},
        without_trekker=[a for a in _gaps(registry, "trekker") if not a.done_on(as_of)],
        without_deadline=[a for a in _gaps(registry, "deadline", as_of) if not a.done_on(as_of)],
        due_this_quarter=[a for a in registry.acties if this_quarter[a.id]],
        due_next_quarter=[a for a in registry.acties if next_quarter[a.id]],
        overdue_mijlpalen=len(milestones),
        overdue_zonder_voortgang=sum(not gemeld for gemeld in milestones.values()),
        due_mijlpalen_this_quarter=sum(map(len, this_quarter.values())),
        due_mijlpalen_next_quarter=sum(map(len, next_quarter.values())),
    )


def _gaps(registry: Registry, missing: Without, as_of: date = date.max) -> list[Actie]:
    return select(registry, ActieFilter(without=frozenset({missing}), as_of=as_of))


def iter_marks(row: TimelineRow) -> Iterator[tuple[Kwartaal, int, Mijlpaal]]:
    """The milestones of a timeline row in time order."""
    for quarter in sorted(row.marks):
        for index, mijlpaal in row.marks[quarter]:
            yield quarter, index, mijlpaal


# --- Agenda of the bestuurlijk overleg -------------------------------------------------------

AgendaDeel = Literal["hoofdstuk", "regio", "document"]


@dataclass(frozen=True)
class AgendaItem:
    """One action the bestuurlijk overleg must discuss, with everything to discuss about it.

    `overdue` holds its overdue milestones, oldest first; `geen_trekker` and `geen_deadline`
    say that the action has no trekker, or no milestone with a deadline.
    """

    actie: Actie
    overdue: tuple[OverdueRow, ...]
    geen_trekker: bool
    geen_deadline: bool


@dataclass(frozen=True)
class AgendaGroup:
    """The actions under one heading: a hoofdstuk of the realisatieagenda, a regio, a document.

    `key` is the hoofdstuk (H2), the regio (Oost) or the id of the source document (visie-vgz).
    """

    deel: AgendaDeel
    key: str
    items: tuple[AgendaItem, ...]


def _natural(actie_id: str) -> list[tuple[int, int | str]]:
    """A sort key that puts H3.10 after H3.9."""
    parts = re.split(r"(\d+)", actie_id)
    return [(0, int(p)) if p.isdigit() else (1, p.casefold()) for p in parts if p]


def agenda_group(actie: Actie) -> tuple[AgendaDeel, str]:
    """The heading an action falls under: its hoofdstuk, else its regio, else its document."""
    if actie.hoofdstuk:
        return "hoofdstuk", actie.hoofdstuk
    if actie.regio:
        return "regio", actie.regio
    return "document", actie.bron[0].document


def agenda(registry: Registry, as_of: date) -> list[AgendaGroup]:
    """What the bestuurlijk overleg must discuss, in the order a chair walks through it.

    One item per action that has an overdue milestone, no trekker or no deadline. First the
    realisatieagenda by hoofdstuk (H2 to H5), then the regional agendas by regio, then the
    actions of other documents (an insurer's own commitments) by document; within a heading
    by action id, and per action its overdue milestones oldest first. Done actions are left out.
    """
    late: dict[str, list[OverdueRow]] = {}
    for row in overdue(registry, as_of):
        late.setdefault(row.actie.id, []).append(row)
    groups: dict[tuple[AgendaDeel, str], list[AgendaItem]] = {}
    for actie in sorted(registry.acties, key=lambda a: _natural(a.id)):
        if actie.done_on(as_of):
            continue
        rows = sorted(late.get(actie.id, []), key=lambda r: (-r.days, r.index))
        item = AgendaItem(actie, tuple(rows), not actie.trekker, actie.deadline_on(as_of) is None)
        if item.overdue or item.geen_trekker or item.geen_deadline:
            groups.setdefault(agenda_group(actie), []).append(item)
    delen: list[AgendaDeel] = ["hoofdstuk", "regio", "document"]
    order = list(HOOFDSTUKKEN)

    def position(key: tuple[AgendaDeel, str]) -> tuple[int, int, str]:
        deel, name = key
        return delen.index(deel), order.index(name) if name in order else 0, name.casefold()

    return [AgendaGroup(d, k, tuple(groups[d, k])) for d, k in sorted(groups, key=position)]
