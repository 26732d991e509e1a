"""Which columns each listing shows: query results turned into titled sections."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from eerstelijn.i18n import N_, _, ngettext, short_date
from eerstelijn.models import Actie, Registry
from eerstelijn.queries import (
    BelofteCoverage,
    DocumentUsage,
    DoelCoverage,
    OverdueRow,
    Overview,
    PartijDetail,
    PartijSummary,
    Per,
    TimelineRow,
    actie_record,
    actie_status,
    is_overdue,
    iter_marks,
    not_at_table,
)
from eerstelijn.render.listing import Column, RowStyle, Section, only, shown_keys

if TYPE_CHECKING:
    from eerstelijn.history.versions import ActieCommit

ID = Column("id", "id", no_wrap=True)
# Headers are Dutch field names, the same in both languages, except where they are English
# words (marked with _ in the functions that build sections).
ACTIE_COLUMNS = (
    ID,
    Column("titel", "titel"),
    Column("hoofdstuk", "h."),
    Column("trekker", "trekker"),
    Column("deadline", "deadline", no_wrap=True, quarter=True),
    Column("status", "status"),
    # In words too: colour alone is lost when piped, printed or with NO_COLOR.
    Column("signaal", "!", no_wrap=True, words=(("overdue", N_("overdue")), ("due", N_("due")))),
)


# The record keys whose values are partij codes, in every listing.
PARTIJ_KEYS = ("trekker", "trekkers", "betrokkenen", "code", "partij")
NOT_AT_TABLE = N_("(temporarily) not at the table when the agenda was adopted")


def _codes(records: Sequence[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        for key in PARTIJ_KEYS:
            value = record.get(key)
            if isinstance(value, str):
                yield value
            elif isinstance(value, list):
                yield from value


def note_absent(registry: Registry, sections: Sequence[Section]) -> list[Section]:
    """The sections, each with a note for every partij it names that was not at the table."""
    out = []
    for section in sections:
        absent = not_at_table(registry, _codes(section.records))
        notes = tuple(f"{p.code}: {_(NOT_AT_TABLE)}." for p in absent)
        out.append(replace(section, notes=section.notes + notes) if notes else section)
    return out


def _style(actie: Actie, as_of: date) -> RowStyle:
    status = actie_status(actie, as_of)
    return "overdue" if status == "overdue" else "due" if status == "due" else ""


def acties_section(
    acties: Sequence[Actie],
    as_of: date,
    *,
    key: str = "acties",
    title: str = "Acties",
    whole: bool = True,
) -> Section:
    """Actions, one row each, coloured by urgency; with `whole` false, only what the columns
    show is made (`Section.trimmed`, without making every whole record first: at 100,000
    actions their milestones and logs are 400 MB)."""
    styles = [_style(a, as_of) for a in acties]
    keys = None if whole else shown_keys(ACTIE_COLUMNS)
    records = []
    for actie, style in zip(acties, styles, strict=True):
        record = actie_record(actie, as_of, details=whole) | {"signaal": style}
        records.append(record if keys is None else only(record, keys))
    return Section(key, title, ACTIE_COLUMNS, records, styles, empty=_("no actions"))


def overdue_section(
    rows: Sequence[OverdueRow], per: Per | None, registry: Registry | None = None
) -> Section:
    """Overdue milestones, with the group column first when grouped; a groep's leden named."""
    columns = (
        # Per partij a groep is one group, its leden in brackets: wrapped where they are long.
        *((Column(per, per, no_wrap=per != "partij", group=True, also="leden"),) if per else ()),
        Column("actie", "actie", no_wrap=True),
        Column("mijlpaal", "#", justify="right"),
        Column("omschrijving", "mijlpaal"),
        Column("deadline", "deadline", no_wrap=True, quarter=True),
        Column("dagen_te_laat", _("days late"), justify="right"),
        Column("laatste_voortgang", _("last report"), no_wrap=True, blank=_("none")),
        *(() if per == "partij" else (Column("trekker", "trekker", blank=_("(none)")),)),
    )
    records = [r.record(per) for r in rows]
    if per == "partij":
        for record in records:
            record["leden"] = _leden(record["partij"], registry)
            record["partij"] = record["partij"] or "(geen trekker)"
    title = _("Overdue per {per}").format(per=per) if per else _("Overdue")
    return Section(
        "overdue", title, columns, records, ["overdue"] * len(rows), _("nothing overdue")
    )


def _leden(code: str | None, registry: Registry | None) -> list[str]:
    """For a groep: the partijen it stands for; for anything else nothing."""
    partij = registry.partij(code) if registry and code else None
    if registry is None or partij is None or partij.soort != "groep":
        return []
    return registry.members(partij.code)


def partijen_section(rows: Sequence[PartijSummary]) -> Section:
    """All parties with their counts."""
    columns = (
        Column("code", "code", no_wrap=True),
        Column("naam", "naam"),
        Column("soort", "soort"),
        Column("trekker", "trekker", justify="right"),
        Column("betrokken", "betrokken", justify="right"),
        Column("overdue", _("overdue"), justify="right"),
    )
    styles: list[RowStyle] = ["overdue" if r.overdue else "" for r in rows]
    return Section("partijen", "Partijen", columns, [r.record() for r in rows], styles)


def partij_sections(detail: PartijDetail, as_of: date) -> list[Section]:
    """One partij: who it is, what it leads, what it is involved in, its groups."""
    p = detail.partij
    facts: list[dict[str, Any]] = [
        {"veld": "code", "waarde": p.code},
        {"veld": "naam", "waarde": p.naam},
        {"veld": "soort", "waarde": p.soort},
    ]
    optional = {
        "aliassen": p.aliassen,
        "leden": [m.code for m in detail.leden],
        "groepen": [g.code for g in detail.groepen],
        "vertegenwoordigt": p.vertegenwoordigt,
        "labels": p.labels,
        "opmerking": p.opmerking,
        "interpretatie": p.interpretatie,
    }
    facts += [{"veld": k, "waarde": v} for k, v in optional.items() if v]
    if not p.aan_tafel:
        facts.append({"veld": "aan_tafel", "waarde": False})
    columns = (Column("veld", "veld", no_wrap=True), Column("waarde", "waarde"))
    return [
        Section("partij", p.code, columns, facts),
        acties_section(
            detail.trekker, as_of, key="trekker", title=_("{code} leads").format(code=p.code)
        ),
        acties_section(
            detail.betrokken,
            as_of,
            key="betrokken",
            title=_("{code} takes part in").format(code=p.code),
        ),
    ]


def doelen_section(rows: Sequence[DoelCoverage]) -> Section:
    """Goal coverage; goals without actions stand out."""
    columns = (
        Column("doel", "doel", no_wrap=True),
        Column("titel", "titel"),
        Column("aantal_acties", "acties", justify="right"),
        Column("overdue", _("overdue"), justify="right"),
        Column("gereed", _("done"), justify="right"),
        Column("trekkers", "trekkers"),
        Column(
            "volgende_deadline",
            _("next deadline"),
            no_wrap=True,
            quarter=True,
            blank=_("none ahead"),
        ),
    )
    styles: list[RowStyle] = [
        "gap" if not r.acties else "overdue" if r.overdue else "" for r in rows
    ]
    return Section("doelen", "Doelen", columns, [r.record() for r in rows], styles)


def documenten_section(rows: Sequence[DocumentUsage]) -> Section:
    """The sources, with how much of the data cites each; sources nothing cites stand out.

    The flat views leave soort, versie and the rest to JSON: the counts need the width.
    """
    columns = (
        Column("id", "id", no_wrap=True),
        Column("titel", "titel"),
        Column("datum", "datum", no_wrap=True),
        Column("aantal_acties", "acties", no_wrap=True, justify="right"),
        Column("aantal_doelen", "doelen", no_wrap=True, justify="right"),
        Column("aantal_partijen", "partijen", no_wrap=True, justify="right"),
        Column("aantal_beloften", "beloften", no_wrap=True, justify="right"),
    )
    records = [r.record() for r in rows]
    styles: list[RowStyle] = [
        "gap" if not (r.acties or r.doelen or r.partijen or r.beloften) else "" for r in rows
    ]
    return Section("documenten", "Documenten", columns, records, styles, empty=_("no documents"))


def zorgbelofte_section(rows: Sequence[BelofteCoverage]) -> Section:
    """Promise coverage; promises with nothing behind them stand out, the patient's do not."""
    columns = (
        Column("nummer", "#", justify="right"),
        Column("titel", "belofte"),
        Column("belover", "belover"),
        Column("doelen", "doelen"),
        Column("aantal_acties", "acties", justify="right"),
        Column("gereed", "gereed", justify="right"),
    )
    styles: list[RowStyle] = ["gap" if not r.acties and r.belofte.deliverable else "" for r in rows]
    return Section("zorgbelofte", "Zorgbelofte", columns, [r.record() for r in rows], styles)


def timeline_section(rows: Sequence[TimelineRow], as_of: date) -> Section:
    """The timeline as flat rows, one per milestone, for machines."""
    records = [
        {
            "actie": row.actie.id,
            "mijlpaal": index + 1,
            "omschrijving": mijlpaal.omschrijving,
            "kwartaal": quarter.iso,
            "termijn": str(mijlpaal.deadline),
            "status": mijlpaal.stand(as_of).status,
            "overdue": is_overdue(mijlpaal, as_of),
        }
        for row in rows
        for quarter, index, mijlpaal in iter_marks(row)
    ]
    columns = (
        *(
            Column(k, k, quarter=k == "kwartaal")
            for k in ("actie", "mijlpaal", "omschrijving", "kwartaal", "termijn", "status")
        ),
        Column("overdue", _("overdue")),
    )
    return Section("timeline", _("Timeline"), columns, records)


def show_sections(actie: Actie, registry: Registry, as_of: date) -> list[Section]:
    """One action whole: its fields, then its milestones."""
    record = actie_record(actie, as_of)

    def named(codes: list[str]) -> list[str]:
        return [_named(registry, c) for c in codes]

    doelen = [f"{d} {doel.titel}" if (doel := registry.doel(d)) else d for d in actie.doelen]
    facts = [
        ("id", actie.id),
        ("titel", actie.titel),
        ("hoofdstuk", actie.hoofdstuk),
        ("regio", actie.regio),
        ("status", record["status"]),
        ("deadline", record["deadline"]),
        ("trekker", named(actie.trekker) or _("(none)")),
        ("betrokkenen", named(actie.betrokkenen)),
        ("doelen", "; ".join(doelen)),
        ("toelichting", actie.toelichting),
        ("bron", "; ".join(str(b) for b in actie.bron)),
        ("file", f"{record['file']}:{record['line']}"),
    ]
    fields = [{"veld": k, "waarde": v} for k, v in facts if v]
    mijlpalen = [{"nummer": i + 1, **m} for i, m in enumerate(record["mijlpalen"])]
    styles: list[RowStyle] = ["overdue" if m["overdue"] else "" for m in mijlpalen]
    return [
        Section(
            "actie",
            actie.id,
            (Column("veld", "veld", no_wrap=True), Column("waarde", "waarde")),
            fields,
        ),
        Section(
            "mijlpalen",
            "Mijlpalen",
            (
                Column("nummer", "#", justify="right"),
                Column("omschrijving", "mijlpaal"),
                Column("termijn", "termijn", no_wrap=True),
                Column("slip_kwartalen", _("slip"), justify="right"),
                Column("status", "status"),
                Column("beoordeling", _("assessment"), blank="-"),
                Column("laatste_voortgang", _("last report"), no_wrap=True, blank=_("none")),
            ),
            mijlpalen,
            styles,
            empty=_("no milestones"),
        ),
        *_voortgang_sections(record),
    ]


def _named(registry: Registry, code: str) -> str:
    """A code with the partij's name, and whether it was at the table."""
    partij = registry.partij(code)
    if partij is None:
        return code
    facts = [partij.naam] if partij.naam != code else []
    facts += [] if partij.aan_tafel else [_(NOT_AT_TABLE)]
    return f"{code} ({'; '.join(facts)})" if facts else code


def _voortgang_sections(record: dict[str, Any]) -> list[Section]:
    """The progress log of an action's milestones, oldest first; nothing when none."""
    rows = [
        {"mijlpaal": number, **entry}
        for number, mijlpaal in enumerate(record["mijlpalen"], 1)
        for entry in mijlpaal["voortgang"]
    ]
    if not rows:
        return []
    rows.sort(key=lambda r: str(r["datum"]))
    return [voortgang_section(rows)]


def history_sections(record: dict[str, Any]) -> list[Section]:
    """An action's milestones with first-agreed and current deadlines, then its whole log."""
    mijlpalen = [{"nummer": number, **m} for number, m in enumerate(record["mijlpalen"], 1)]
    columns = (
        Column("nummer", "#", justify="right"),
        Column("omschrijving", "mijlpaal"),
        Column("oorspronkelijke_deadline", _("first agreed"), no_wrap=True),
        Column("deadline", _("now"), no_wrap=True),
        Column("slip_kwartalen", _("slip"), justify="right"),
        Column("status", "status"),
        Column("laatste_voortgang", _("last report"), no_wrap=True, blank=_("none")),
    )
    styles: list[RowStyle] = ["overdue" if m["overdue"] else "" for m in mijlpalen]
    rows = [
        {"mijlpaal": number, **entry}
        for number, mijlpaal in enumerate(record["mijlpalen"], 1)
        for entry in mijlpaal["voortgang"]
    ]
    rows.sort(key=lambda r: str(r["datum"]))
    return [
        Section("mijlpalen", f"{record['id']}: {record['titel']}", columns, mijlpalen, styles),
        voortgang_section(rows),
    ]


def commits_section(commits: Sequence[ActieCommit]) -> Section:
    """`history --commits`: each commit that changed the action, oldest first."""
    columns = (
        Column("datum", "datum", no_wrap=True),
        Column("commit", "commit", no_wrap=True),
        Column("auteur", "auteur"),
        Column("wat", _("what changed")),
    )
    records = [
        {
            "datum": c.commit.datum,
            "commit": c.commit.short,
            "revisie": c.commit.sha,
            "auteur": c.commit.auteur,
            "onderwerp": c.commit.onderwerp,
            "wat": "; ".join(change.tekst for change in c.changes),
            "wijzigingen": [change.record() for change in c.changes],
        }
        for c in commits
    ]
    return Section("commits", "Commits", columns, records, empty=_("no commit changed it"))


def what_changed(entry: dict[str, Any]) -> str:
    """A progress entry in a few words: status, re-planning with its reason, assessment."""
    parts = []
    if entry.get("status"):
        parts.append(_("status {status}").format(status=entry["status"]))
    if entry.get("termijn"):
        reden = f" ({entry['reden']})" if entry.get("reden") else ""
        parts.append(_("deadline {timing}").format(timing=entry["termijn"]) + reden)
    if entry.get("beoordeling"):
        parts.append(_("assessment {beoordeling}").format(beoordeling=entry["beoordeling"]))
    if entry.get("toelichting"):
        parts.append(str(entry["toelichting"]))
    return "; ".join(parts)


def voortgang_section(rows: list[dict[str, Any]], *, title: str = "Voortgang") -> Section:
    """Progress entries as rows: date, milestone, what changed and why, where it is recorded."""
    columns = (
        Column("datum", "datum", no_wrap=True),
        Column("mijlpaal", "#", justify="right"),
        Column("wat", _("what changed")),
        Column("bronnen", "bron"),
    )
    records = [
        {
            **row,
            "wat": what_changed(row),
            "bronnen": "; ".join(f"{b['document']} {b['sectie']}" for b in row.get("bron") or []),
        }
        for row in rows
    ]
    return Section("voortgang", title, columns, records, empty=_("nothing reported"))


# The overview is one screen: its lists of actions show this many rows to people (JSON all).
OVERVIEW_ROWS = 25


def overview_sections(view: Overview, as_of: date, *, whole: bool = True) -> list[Section]:
    """The main screen: counts, overdue per partij, gaps, and what is due soon; the lists of
    actions `whole` or with only their columns' keys (see acties_section)."""
    current = view.this_quarter
    count = (Column("aantal", "aantal", justify="right"),)
    done = view.per_status.get("gereed", 0) + view.per_status.get("vervallen", 0)
    totals = [
        ("overdue_mijlpalen", _("overdue milestones"), view.overdue_mijlpalen),
        ("zonder_voortgang", "  " + _("of which nothing reported"), view.overdue_zonder_voortgang),
        ("zonder_trekker", _("acties without trekker"), len(view.without_trekker)),
        ("zonder_deadline", _("acties without deadline"), len(view.without_deadline)),
        (
            "due_dit_kwartaal",
            _("milestones due {quarter}").format(quarter=current),
            view.due_mijlpalen_this_quarter,
        ),
        (
            "due_volgend_kwartaal",
            _("milestones due {quarter}").format(quarter=current.next()),
            view.due_mijlpalen_next_quarter,
        ),
        (
            "gereed",
            _("acties done (of {total})").format(total=sum(view.per_status.values())),
            done,
        ),
    ]
    alarming = {"overdue_mijlpalen", "zonder_voortgang", "zonder_trekker", "zonder_deadline"}
    return [
        Section(
            "totaal",
            _("How we stand on {date}").format(date=short_date(as_of)),
            (Column("wat", "", no_wrap=True), Column("aantal", "", justify="right")),
            [{"key": key, "wat": label, "aantal": n} for key, label, n in totals],
            ["overdue" if key in alarming and n else "" for key, _label, n in totals],
        ),
        Section(
            "per_status",
            "Acties per status",
            (Column("status", "status"), *count),
            [{"status": k, "aantal": v} for k, v in view.per_status.items()],
        ),
        Section(
            "per_hoofdstuk",
            "Acties per hoofdstuk",
            (Column("hoofdstuk", "hoofdstuk"), *count),
            [{"hoofdstuk": k, "aantal": v} for k, v in view.per_hoofdstuk.items()],
        ),
        Section(
            "overdue_per_partij",
            _("Overdue on {date}").format(date=short_date(as_of)),
            (Column("partij", "partij", no_wrap=True), Column("acties", "acties", justify="right")),
            [
                {"partij": k or "(geen trekker)", "acties": v}
                for k, v in view.overdue_per_partij.items()
            ],
            ["overdue"] * len(view.overdue_per_partij),
            empty=_("nothing overdue"),
        ),
        *(
            replace(section, limit=OVERVIEW_ROWS, more="eerstelijn overview --format json")
            for section in (
                acties_section(
                    view.without_trekker,
                    as_of,
                    key="without_trekker",
                    title=_("Without trekker"),
                    whole=whole,
                ),
                acties_section(
                    view.without_deadline,
                    as_of,
                    key="without_deadline",
                    title=_("Without deadline"),
                    whole=whole,
                ),
                acties_section(
                    view.due_this_quarter,
                    as_of,
                    key="due_this_quarter",
                    title=_("Due this quarter ({quarter})").format(quarter=current),
                    whole=whole,
                ),
                acties_section(
                    view.due_next_quarter,
                    as_of,
                    key="due_next_quarter",
                    title=_("Due next quarter ({quarter})").format(quarter=current.next()),
                    whole=whole,
                ),
            )
        ),
    ]


def days_late(days: int) -> str:
    """'237 days late', in the current language."""
    return ngettext("{days} day late", "{days} days late", days).format(days=days)
