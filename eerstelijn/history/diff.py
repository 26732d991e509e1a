"""What changed between two versions of the registry: a pure function over two Registry objects.

Per action only what changed, each change located on the newer side (file and line), so that a
pull request can carry it as an annotation on the data line. Actions are matched by id (one
found in another file is a move, not a removal and an addition), milestones by their
omschrijving (an edited omschrijving at the same place is the same milestone), partijen by
code, doelen and documenten by id, beloften by nummer; an item that disappears while another
appears with the same name (or title) under a new code is a rename.

A milestone's status, deadline and beoordeling are compared as its whole voortgang log folds
them (Mijlpaal.stand), so a progress entry and a hand edit of the field count alike; a change
that a new entry made points at that entry, and each new entry is a change of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from eerstelijn.i18n import _
from eerstelijn.kwartaal import Termijn
from eerstelijn.models import Actie, Mijlpaal, Registry, Voortgang
from eerstelijn.problems import Origin

__all__ = ["WIJZIGINGEN", "Change", "actie_changes", "changes"]

# Every kind of change, in the order a reader meets them; docs/json-output.md explains each.
WIJZIGINGEN = (
    "toegevoegd",
    "verwijderd",
    "verplaatst",
    "hernoemd",
    "titel",
    "trekker-toegevoegd",
    "trekker-verwijderd",
    "betrokkene-toegevoegd",
    "betrokkene-verwijderd",
    "doelen",
    "mijlpaal-toegevoegd",
    "mijlpaal-verwijderd",
    "omschrijving",
    "status",
    "herplanning",
    "voortgang",
    "beoordeling",
)


@dataclass(frozen=True)
class Change:
    """One change of one item: what it is about, what changed, and where it now stands.

    `file` and `line` are on the newer side; a removed item names where it stood before, with
    `line` None. `van` and `naar` are the old and new values where a value changed.
    """

    soort: str  # actie, partij, doel, document, belofte
    id: str
    wijziging: str  # one of WIJZIGINGEN
    tekst: str  # the change in one sentence, for people
    file: str
    line: int | None
    mijlpaal: int | None = None  # 1-based, on the newer side (the older one when removed)
    van: Any = None
    naar: Any = None
    kwartalen: int | None = None  # a re-planning: how many quarters later (negative: earlier)
    reden: str | None = None
    voortgang: dict[str, Any] | None = field(default=None)

    def record(self) -> dict[str, Any]:
        """The change as a JSON object, every key present (null when it does not apply)."""
        return {
            "soort": self.soort,
            "id": self.id,
            "wijziging": self.wijziging,
            "mijlpaal": self.mijlpaal,
            "van": self.van,
            "naar": self.naar,
            "kwartalen": self.kwartalen,
            "reden": self.reden,
            "voortgang": self.voortgang,
            "tekst": self.tekst,
            "file": self.file,
            "line": self.line,
        }


def changes(old: Registry, new: Registry) -> list[Change]:
    """Everything that changed from `old` to `new`: actions first, in the newer order (removed
    ones after), then partijen, doelen, documenten and beloften.
    """
    return [
        *_acties(old, new),
        *_named(
            "partij",
            old.partijen,
            new.partijen,
            key=lambda p: p.code,
            name=lambda p: p.naam,
            name_field="naam",
        ),
        *_named("doel", old.doelen, new.doelen, key=lambda d: d.id, name=lambda d: d.titel),
        *_named(
            "document",
            old.documenten,
            new.documenten,
            key=lambda d: d.id,
            name=lambda d: d.titel,
        ),
        *_named(
            "belofte",
            old.zorgbelofte,
            new.zorgbelofte,
            key=lambda b: str(b.nummer),
            name=lambda b: b.titel,
        ),
    ]


def _first_by(items: Sequence[Any], key: Callable[[Any], str]) -> dict[str, Any]:
    """Items by key, in order; of a duplicated key (a check reports it) the first wins."""
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(key(item), item)
    return found


def _at(origin: Origin, *sub: str | int) -> int:
    return origin.locate(*sub)[0]


def _acties(old: Registry, new: Registry) -> Iterator[Change]:
    before = _first_by(old.acties, lambda a: a.id)
    seen: set[str] = set()
    for actie in new.acties:
        if actie.id in seen:
            continue
        seen.add(actie.id)
        earlier = before.get(actie.id)
        if earlier is None:
            yield _added(actie)
        elif earlier is not actie and (
            earlier != actie or earlier.origin.file != actie.origin.file
        ):
            yield from _actie(earlier, actie)
    for actie in before.values():
        if actie.id not in seen:
            yield _removed(actie)


def actie_changes(old: Actie | None, new: Actie | None) -> list[Change]:
    """What changed in one action; its addition or removal when one side is None."""
    if old is None and new is not None:
        return [_added(new)]
    if new is None and old is not None:
        return [_removed(old)]
    if old is None or new is None:
        return []
    return list(_actie(old, new))


def _added(actie: Actie) -> Change:
    o = actie.origin
    return Change(
        "actie",
        actie.id,
        "toegevoegd",
        _("added: {titel}").format(titel=actie.titel),
        o.file,
        _at(o),
        naar=actie.titel,
    )


def _removed(actie: Actie) -> Change:
    tekst = _("removed: {titel}").format(titel=actie.titel)
    return Change("actie", actie.id, "verwijderd", tekst, actie.origin.file, None, van=actie.titel)


def _actie(old: Actie, new: Actie) -> Iterator[Change]:
    o = new.origin

    def change(wijziging: str, tekst: str, *sub: str | int, **values: Any) -> Change:
        return Change("actie", new.id, wijziging, tekst, o.file, _at(o, *sub), **values)

    if old.origin.file != new.origin.file:
        yield change(
            "verplaatst",
            _("moved from {old} to {new}").format(old=old.origin.file, new=new.origin.file),
            van=old.origin.file,
            naar=new.origin.file,
        )
    if old.titel != new.titel:
        tekst = _("titel now {titel!r}").format(titel=new.titel)
        yield change("titel", tekst, "titel", van=old.titel, naar=new.titel)
    for rol, veld in (("trekker", "trekker"), ("betrokkene", "betrokkenen")):
        was, now = getattr(old, veld), getattr(new, veld)
        for code in now:
            if code not in was:
                at = (veld, now.index(code))
                tekst = _("{rol} {code} added").format(rol=rol, code=code)
                yield change(f"{rol}-toegevoegd", tekst, *at, naar=code)
        for code in was:
            if code not in now:
                tekst = _("{rol} {code} removed").format(rol=rol, code=code)
                yield change(f"{rol}-verwijderd", tekst, veld, van=code)
    if old.doelen != new.doelen:
        tekst = f"doelen {', '.join(old.doelen)} -> {', '.join(new.doelen)}"
        yield change("doelen", tekst, "doelen", van=list(old.doelen), naar=list(new.doelen))
    added = _new_entries(old.voortgang, new.voortgang)
    for index, entry in added:
        tekst = f"voortgang {entry.datum.isoformat()}: {_entry_text(entry)}"
        yield change("voortgang", tekst, "voortgang", index, voortgang=_entry_record(entry))
    status_was, status_now = _own_status(old), _own_status(new)
    if status_was != status_now:
        cause = [i for i, entry in added if entry.status is not None]
        sub: tuple[str | int, ...] = ("voortgang", cause[-1]) if cause else ("status",)
        tekst = f"status {status_was} -> {status_now}"
        yield change("status", tekst, *sub, van=status_was, naar=status_now)
    yield from _mijlpalen(old, new, change)


def _own_status(actie: Actie) -> str:
    """The status the action itself records (its field, then its own log), not the one its
    milestones add up to: that follows from their changes, reported each.
    """
    status: str = actie.status
    for entry in sorted(actie.voortgang, key=lambda v: v.datum):
        status = entry.status or status
    return status


_ChangeMaker = Callable[..., Change]


def _mijlpalen(old: Actie, new: Actie, change: _ChangeMaker) -> Iterator[Change]:
    was = [m.omschrijving for m in old.mijlpalen]
    now = [m.omschrijving for m in new.mijlpalen]
    matcher = SequenceMatcher(a=was, b=now, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                yield from _mijlpaal(old.mijlpalen[i], new.mijlpalen[j], j + 1, change)
            continue
        for j in range(j1, j2):
            m = new.mijlpalen[j]
            yield change(
                "mijlpaal-toegevoegd",
                _("mijlpaal {number} added: {omschrijving}").format(
                    number=j + 1, omschrijving=m.omschrijving
                ),
                "mijlpalen",
                j,
                mijlpaal=j + 1,
                naar=m.omschrijving,
            )
        for i in range(i1, i2):
            m = old.mijlpalen[i]
            yield change(
                "mijlpaal-verwijderd",
                _("mijlpaal {number} removed: {omschrijving}").format(
                    number=i + 1, omschrijving=m.omschrijving
                ),
                "mijlpalen",
                mijlpaal=i + 1,
                van=m.omschrijving,
            )


def _mijlpaal(old: Mijlpaal, new: Mijlpaal, number: int, change: _ChangeMaker) -> Iterator[Change]:
    if old == new:
        return
    at: tuple[str | int, ...] = ("mijlpalen", number - 1)
    label = f"mijlpaal {number}"
    if old.omschrijving != new.omschrijving:
        yield change(
            "omschrijving",
            _("{label} now {omschrijving!r}").format(label=label, omschrijving=new.omschrijving),
            *at,
            "omschrijving",
            mijlpaal=number,
            van=old.omschrijving,
            naar=new.omschrijving,
        )
    added = _new_entries(old.voortgang, new.voortgang)
    for index, entry in added:
        yield change(
            "voortgang",
            f"{label} voortgang {entry.datum.isoformat()}: {_entry_text(entry)}",
            *at,
            "voortgang",
            index,
            mijlpaal=number,
            voortgang=_entry_record(entry),
        )
    was, now = old.stand(_LATEST), new.stand(_LATEST)

    def where(field: str) -> tuple[str | int, ...]:
        """The new entry that set `field` last, or the milestone's own key."""
        cause = [i for i, entry in added if getattr(entry, field) is not None]
        return (*at, "voortgang", cause[-1]) if cause else (*at, field)

    if was.status != now.status:
        yield change(
            "status",
            f"{label} status {was.status} -> {now.status}",
            *where("status"),
            mijlpaal=number,
            van=was.status,
            naar=now.status,
        )
    if was.deadline != now.deadline:
        sub = where("deadline")
        reden = new.voortgang[sub[3]].reden if len(sub) == 4 and isinstance(sub[3], int) else None
        yield _replanning(was.deadline, now.deadline, number, sub, reden, change)
    if was.beoordeling != now.beoordeling:
        yield change(
            "beoordeling",
            f"{label} beoordeling {was.beoordeling or _('none')} -> {now.beoordeling or _('none')}",
            *where("beoordeling"),
            mijlpaal=number,
            van=was.beoordeling,
            naar=now.beoordeling,
        )


# The state a diff compares: the fold of the whole log, whatever the dates of its entries.
_LATEST = date.max


def _new_entries(old: Sequence[Voortgang], new: Sequence[Voortgang]) -> list[tuple[int, Voortgang]]:
    """The entries of `new` that `old` lacks, with their index: the log only grows, so these
    are normally its tail; an entry edited by hand counts as new.
    """
    if list(new[: len(old)]) == list(old):
        return list(enumerate(new))[len(old) :]
    remaining = list(old)
    added = []
    for index, entry in enumerate(new):
        if entry in remaining:
            remaining.remove(entry)
        else:
            added.append((index, entry))
    return added


def _entry_text(entry: Voortgang) -> str:
    """A progress entry in a few words: what it sets, then its toelichting."""
    parts = []
    if entry.status:
        parts.append(f"status {entry.status}")
    if entry.deadline:
        parts.append(f"deadline {entry.deadline}")
    if entry.beoordeling:
        parts.append(f"beoordeling {entry.beoordeling}")
    if entry.toelichting:
        parts.append(entry.toelichting)
    return "; ".join(parts)


def _entry_record(entry: Voortgang) -> dict[str, Any]:
    """A progress entry as in the data (dates as YYYY-MM-DD), without the keys it leaves out."""
    record: dict[str, Any] = entry.model_dump(mode="json", exclude_none=True)
    return record


def _replanning(
    was: Termijn | None,
    now: Termijn | None,
    number: int,
    at: tuple[str | int, ...],
    reden: str | None,
    change: _ChangeMaker,
) -> Change:
    a = was.deadline if was else None
    b = now.deadline if now else None
    quarters = (b.year - a.year) * 4 + (b.q - a.q) if a and b else None
    moved = " " + _("({quarters:+d} quarters)").format(quarters=quarters) if quarters else ""
    why = f": {reden}" if reden else ""
    return change(
        "herplanning",
        f"mijlpaal {number} deadline {was or _('none')} -> {now or _('none')}{moved}{why}",
        *at,
        mijlpaal=number,
        van=a.iso if a else None,
        naar=b.iso if b else None,
        kwartalen=quarters,
        reden=reden,
    )


def _named(
    soort: str,
    old: Sequence[Any],
    new: Sequence[Any],
    *,
    key: Callable[[Any], str],
    name: Callable[[Any], str],
    name_field: str = "titel",
) -> Iterator[Change]:
    """Added, removed and renamed items of a list keyed by `key` and named by `name`."""
    before = _first_by(old, key)
    after = _first_by(new, key)
    gone = {name(item): item for k, item in before.items() if k not in after}
    for k, item in after.items():
        o = item.origin
        earlier = before.get(k)
        if earlier is None:
            renamed = gone.pop(name(item), None)
            if renamed is not None:
                yield Change(
                    soort,
                    k,
                    "hernoemd",
                    _("renamed from {name}").format(name=key(renamed)),
                    o.file,
                    _at(o),
                    van=key(renamed),
                    naar=k,
                )
                continue
            yield Change(
                soort,
                k,
                "toegevoegd",
                _("added: {titel}").format(titel=name(item)),
                o.file,
                _at(o),
                naar=name(item),
            )
        elif earlier is not item and name(earlier) != name(item):
            yield Change(
                soort,
                k,
                "hernoemd",
                _("{label} now {omschrijving!r}").format(label=name_field, omschrijving=name(item)),
                o.file,
                _at(o, name_field),
                van=name(earlier),
                naar=name(item),
            )
    for item in gone.values():
        yield Change(
            soort,
            key(item),
            "verwijderd",
            _("removed: {titel}").format(titel=name(item)),
            item.origin.file,
            None,
            van=name(item),
        )
