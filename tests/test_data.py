"""The real registry in data/: it loads, it is complete, and it says what the sources say."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from eerstelijn.checks import run_checks
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Actie, Registry, Voortgang
from eerstelijn.problems import Severity
from eerstelijn.queries import is_overdue, overdue, timeline, zorgbelofte_coverage
from eerstelijn.registry.load import load_registry
from tests.conftest import REAL_DATA

BRONNEN = REAL_DATA.parent / "bronnen"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(REAL_DATA)


def actie(registry: Registry, actie_id: str) -> Actie:
    found = registry.actie(actie_id)
    assert found is not None, actie_id
    return found


def deadlines(a: Actie) -> list[str | None]:
    return [str(m.deadline) if m.deadline else None for m in a.mijlpalen]


def test_every_action_of_chapters_h2_to_h5_is_there(registry: Registry) -> None:
    per_chapter = Counter(a.hoofdstuk for a in registry.acties if a.hoofdstuk)
    assert per_chapter == {"H2": 4, "H3": 5, "H4": 8, "H5": 3}


def test_the_insurers_commitments_are_actions_too(registry: Registry) -> None:
    vgz = [a for a in registry.acties if a.bron[0].document == "visie-vgz"]
    assert [a.id for a in vgz] == ["VGZ.1", "VGZ.2", "VGZ.3"]
    assert all(a.hoofdstuk is None for a in vgz)


def test_goals_are_the_six_with_6_split(registry: Registry) -> None:
    assert [d.id for d in registry.doelen] == ["1", "2", "3", "4", "5", "6A", "6B", "6C"]


def test_zorgbelofte_has_ten_promises_each_serving_a_goal(registry: Registry) -> None:
    assert [b.nummer for b in registry.zorgbelofte] == list(range(1, 11))
    assert all(b.doelen for b in registry.zorgbelofte)


def test_real_registry_has_no_errors_and_shows_its_gaps(registry: Registry) -> None:
    problems = run_checks(registry, date(2026, 11, 29))
    assert not [p for p in problems if p.severity is Severity.ERROR]
    gaps = {(p.code, p.yaml_path.split("]")[0].removeprefix("acties[")) for p in problems}
    assert gaps == {
        ("missing-trekker", "H2.4"),
        ("missing-trekker", "H3.1"),
        ("missing-trekker", "H3.3"),
        ("missing-trekker", "VGZ.1"),
        ("missing-trekker", "VGZ.3"),
        ("missing-deadline", "H2.4"),
        ("missing-deadline", "H4.3"),
        ("missing-deadline", "H4.6"),
        ("missing-deadline", "VGZ.1"),
        ("missing-deadline", "VGZ.3"),
    }


# Spot checks against the text of the realisatieagenda.
def test_h2_owners_and_deadlines(registry: Registry) -> None:
    h21 = actie(registry, "H2.1")
    assert h21.trekker == ["ZN"]
    assert h21.deadline_on(date.max) == Kwartaal(2026, 1)
    h22 = actie(registry, "H2.2")
    assert registry.members(h22.trekker[0]) == ["VWS", "NZa", "ZIN"]
    assert h22.deadline_on(date.max) == Kwartaal(2025, 4)
    assert actie(registry, "H2.3").deadline_on(date(2026, 1, 15)) == Kwartaal(2026, 2)


def test_the_action_without_trekker_says_so(registry: Registry) -> None:
    h33 = actie(registry, "H3.3")
    assert h33.trekker == []
    assert h33.deadline_on(date.max) == Kwartaal(2025, 1)


def test_samen_beslissen_has_inventory_plan_and_start(registry: Registry) -> None:
    h34 = actie(registry, "H3.4")
    assert h34.trekker == ["Patiëntenfederatie", "V&VN"]
    assert deadlines(h34) == ["Q1 2025", "Q3 2025", "Q4 2025"]


def test_betrokkenen_bracket_is_not_read_as_trekker(registry: Registry) -> None:
    h31 = actie(registry, "H3.1")
    assert h31.trekker == []
    assert "Thuisarts.nl" in h31.betrokkenen
    assert deadlines(h31) == [None, "in 2025"]


def test_h4_is_owned_by_the_beroepsverenigingen(registry: Registry) -> None:
    h4 = [a for a in registry.acties if a.hoofdstuk == "H4"]
    assert {tuple(a.trekker) for a in h4} == {("beroepsverenigingen",)}
    assert "KNGF" in registry.members("beroepsverenigingen")
    assert deadlines(actie(registry, "H4.8")) == ["Q1 2025", "Q2 2025", "vanaf Q1 2026"]
    assert deadlines(actie(registry, "H4.3")) == [None, "na Q4 2025"]


def test_h5_owners_and_partners(registry: Registry) -> None:
    assert actie(registry, "H5.1").trekker == ["VNG", "SWN", "VWS"]
    assert actie(registry, "H5.2").trekker == ["VNG", "SWN", "InEen"]
    h53 = actie(registry, "H5.3")
    assert h53.trekker == ["Actiz", "ZorgthuisNL", "ZN", "VWS"]
    assert h53.betrokkenen == ["LHV", "Patiëntenfederatie", "V&VN"]


def test_party_facts_are_recorded(registry: Registry) -> None:
    vng = registry.partij("VNG")
    assert vng is not None and vng.aan_tafel is False
    zin = registry.partij("ZINL")
    assert zin is not None and zin.code == "ZIN"
    ppn = registry.partij("PPN")
    assert ppn is not None and len(ppn.vertegenwoordigt) == 6
    vgz = registry.partij("VGZ")
    assert vgz is not None and "Zekur" in vgz.labels
    for code in ("Thuisarts.nl", "IZA-tafel", "BO", "Realisatietafel", "ZonMw", "VGN"):
        assert registry.partij(code) is not None, code


def test_cover_lists_nineteen_parties(registry: Registry) -> None:
    assert len(registry.members("agendapartijen")) == 19


def test_goal_6c_has_no_action_behind_it(registry: Registry) -> None:
    linked = {d for a in registry.acties for d in a.doelen}
    assert {d.id for d in registry.doelen} - linked == {"6C"}


# The readings the README's interpretation rules settle, at the dates that matter.
def test_vgz1_is_an_expectation_never_overdue(registry: Registry) -> None:
    vgz1 = actie(registry, "VGZ.1")
    (mijlpaal,) = vgz1.mijlpalen
    assert mijlpaal.deadline is not None
    assert (str(mijlpaal.deadline), mijlpaal.deadline.soort) == ("verwacht al in 2024", "verwacht")
    assert vgz1.deadline_on(date.max) is None
    for day in (date(2025, 1, 1), date(2026, 1, 15), date(2030, 1, 1)):
        assert not is_overdue(mijlpaal, day)
        assert "VGZ.1" not in {row.actie.id for row in overdue(registry, day)}


def test_vgz1_is_not_tied_to_rho_regions(registry: Registry) -> None:
    vgz1 = actie(registry, "VGZ.1")
    assert "RHO" not in vgz1.titel
    assert "uitgangspunt" in (vgz1.toelichting or "")  # the division is VGZ's own start


def test_vgz2_is_led_by_vgz_whose_page_says_wij(registry: Registry) -> None:
    assert actie(registry, "VGZ.2").trekker == ["VGZ"]
    assert actie(registry, "VGZ.2").betrokkenen == []
    # Where the page only expects or foresees what others do, VGZ takes part and leads nothing.
    assert [actie(registry, i).trekker for i in ("VGZ.1", "VGZ.3")] == [[], []]


def test_vgz2_first_milestone_is_done_as_the_agenda_of_2024_12_18_reports(
    registry: Registry,
) -> None:
    vgz2 = actie(registry, "VGZ.2")
    uitgewerkt = vgz2.mijlpalen[0]
    (entry,) = uitgewerkt.voortgang
    assert (entry.datum, entry.status) == (date(2024, 12, 18), "gereed")
    assert entry.bron is not None and str(entry.bron[0]) == "realisatieagenda H2, inleiding"
    assert is_overdue(uitgewerkt, date(2024, 12, 17))  # nothing reported yet: overdue then
    assert uitgewerkt.stand(date(2024, 12, 18)).done
    assert not is_overdue(uitgewerkt, date(2026, 1, 15))
    assert vgz2.status_on(date(2024, 12, 18)) == "lopend"  # informing providers remains
    assert "VGZ.2" not in {row.actie.id for row in overdue(registry, date(2026, 1, 15))}


def test_h42_is_a_state_due_by_q1_2025_and_overdue_after(registry: Registry) -> None:
    h42 = actie(registry, "H4.2")
    (mijlpaal,) = h42.mijlpalen
    assert str(mijlpaal.deadline) == "vanaf Q1 2025" and mijlpaal.toestand
    assert h42.deadline_on(date.max) == Kwartaal(2025, 1)
    assert not is_overdue(mijlpaal, date(2025, 3, 31))
    assert is_overdue(mijlpaal, date(2025, 4, 1))
    bron = {"document": "realisatieagenda", "sectie": "H4, actie 2"}
    report = Voortgang.model_validate({"datum": "2025-05-01", "status": "gereed", "bron": bron})
    reported = mijlpaal.model_copy(update={"voortgang": [report]})
    assert is_overdue(reported, date(2025, 4, 30))
    assert not is_overdue(reported, date(2025, 5, 1))
    # Re-planned to a later 'vanaf', the state is due then: the milestone's reading holds.
    replan = Voortgang.model_validate(
        {"datum": "2025-03-01", "deadline": "vanaf Q3 2025", "reden": "later", "bron": bron}
    )
    later = mijlpaal.model_copy(update={"voortgang": [replan]})
    assert not is_overdue(later, date(2025, 9, 30)) and is_overdue(later, date(2025, 10, 1))


def test_h48_starts_work_from_q1_2026_and_is_never_overdue_for_it(registry: Registry) -> None:
    start = actie(registry, "H4.8").mijlpalen[2]
    assert str(start.deadline) == "vanaf Q1 2026" and not start.toestand
    assert start.deadline is not None and start.deadline.deadline is None
    assert not is_overdue(start, date(2027, 1, 1))


def test_h24_per_2027_dates_what_is_needed_not_the_inventory(registry: Registry) -> None:
    h24 = actie(registry, "H2.4")
    assert "per 2027" in h24.titel
    assert deadlines(h24) == [None]
    rows = timeline(registry, Kwartaal(2024, 1), Kwartaal(2028, 4))
    assert "H2.4" not in {row.actie.id for row in rows}


def _says(a: Actie, *words: str) -> bool:
    text = " ".join([a.titel, a.toelichting or "", *(m.omschrijving for m in a.mijlpalen)])
    return any(w in text.lower() for w in words)


def test_goal_links_follow_one_rule(registry: Registry) -> None:
    # A further goal when the action's text names its subject (README, "Goals").
    for a in registry.acties:
        if _says(a, "resv"):
            assert "6A" in a.doelen, a.id
        if _says(a, "sociaal domein", "sociale kaart", "buiten de zorg"):
            assert "6B" in a.doelen, a.id
        if "3" in a.doelen and a.hoofdstuk != "H3":
            assert _says(a, "hybride", "digitale zorg"), a.id
    assert actie(registry, "H5.1").doelen == ["5", "6A", "6B"]
    assert "6B" in actie(registry, "H3.2").doelen and "6B" in actie(registry, "H3.3").doelen
    assert "3" not in actie(registry, "H4.7").doelen  # data exchange is not digital care


def test_zorgbelofte_records_who_promises(registry: Registry) -> None:
    belover = {b.nummer: b.belover for b in registry.zorgbelofte}
    assert {n for n, who in belover.items() if who == "patient"} == {2, 3, 5}
    assert belover[7] == "beide"
    coverage = {c.belofte.nummer: c for c in zorgbelofte_coverage(registry)}
    assert [coverage[n].acties for n in (2, 3, 5)] == [[], [], []]
    assert coverage[7].acties


def test_the_sources_are_described_as_they_describe_themselves(registry: Registry) -> None:
    agenda, page = registry.documenten[:2]
    text = (BRONNEN / "realisatieagenda.txt").read_text(encoding="utf-8")
    assert (agenda.id, agenda.soort, agenda.datum) == (
        "realisatieagenda",
        "agenda",
        date(2024, 12, 18),
    )
    assert f"Versie {agenda.versie}" in text
    assert f"Opdrachtgever {agenda.opdrachtgever}" in text
    assert agenda.status is not None
    assert "werkdocument" in agenda.status and "levend document" in agenda.status
    assert "een werkdocument" in text and "een levend document" in text
    assert [h.id for h in agenda.hoofdstukken] == ["H1", "H2", "H3", "H4", "H5"]
    assert all(f"\n{h.id} " in text for h in agenda.hoofdstukken)
    # The insurer's page names no date, so none is recorded: its versie names our copy.
    vgz = (BRONNEN / "visie-vgz.txt").read_text(encoding="utf-8")
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2} \w+ 20\d\d", vgz)
    assert (page.id, page.soort, page.datum, page.uitgever) == (
        "visie-vgz",
        "webpagina",
        None,
        "VGZ",
    )
    assert page.versie is not None and (REAL_DATA.parent / page.versie).is_file()
    assert agenda.url is None and page.url is None  # neither text gives its address


def _texts(node: Any, key: str = "") -> Iterator[str]:
    # Names of parties and section headings are quoted on purpose; everything else is ours.
    if key in ("naam", "sectie", "labels", "code", "aliassen"):
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _texts(v, key)
    elif isinstance(node, str):
        yield node


def _shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_data_is_in_our_own_words() -> None:
    source = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in BRONNEN.iterdir()))
    copied = []
    for path in sorted(Path(REAL_DATA).glob("*.yaml")):
        for text in _texts(YAML(typ="safe").load(path.read_text(encoding="utf-8"))):
            if _shingles(text) & source:
                copied.append(f"{path.name}: {text[:60]}")
    assert copied == []


def test_the_agendas_details_are_data(registry: Registry) -> None:
    agenda = registry.document("realisatieagenda")
    assert agenda is not None
    text = (BRONNEN / "realisatieagenda.txt").read_text(encoding="utf-8")
    assert agenda.opdrachtgever_sectie == "titelblad, colofon onder de versie"
    # It contradicts itself on its period: 2024-2026 in H1, 2025 and 2026 in the reading guide.
    assert [(p.van, p.tot) for p in agenda.perioden] == [(2024, 2026), (2025, 2026)]
    assert "periode 2024-2026" in text and "agenda voor 2025 en 2026" in text
    h3, h4 = agenda.hoofdstuk("H3"), agenda.hoofdstuk("H4")
    assert h3 is not None and (h3.werkgroep, h3.onderwerp) == (
        "werkgroep 3",
        "preventie, digitalisering en betere toeleiding",
    )
    assert h4 is not None and len(h4.afspraken) == 7
    assert h4.toelichting is not None and "geen actie" in h4.toelichting
    assert [v.nummer for v in agenda.voetnoten] == [1, 2, 3, 4]
    assert [f"\n{v.nummer} " in text for v in agenda.voetnoten] == [True] * 4
    assert "burgers en cliënten" in agenda.voetnoten[3].tekst
    (begrip,) = agenda.begrippen
    assert begrip.term == "coördinerend mechanisme" and begrip.term in text


def test_h23_follows_the_public_record_of_its_funding(registry: Registry) -> None:
    # Kamerbrief of 10 November 2025 (voorhang), NZa's experimentbekostiging of 3 February 2026.
    (mijlpaal,) = actie(registry, "H2.3").mijlpalen
    assert mijlpaal.stand(date(2025, 11, 9)).status == "open"
    assert mijlpaal.stand(date(2025, 11, 10)).status == "lopend"
    done = mijlpaal.stand(date(2026, 2, 3))
    assert done.status == "gereed" and done.slip_kwartalen == 0
    cited = {b.document for v in mijlpaal.voortgang for b in v.bron or []}
    for document_id in cited:
        document = registry.document(document_id)
        assert document is not None and document.url and document.datum, document_id


def test_no_milestone_is_done_without_a_dated_entry_with_a_source(registry: Registry) -> None:
    for a in registry.acties:
        for m in a.mijlpalen:
            assert m.status == "open", f"{a.id}: a bare status has no date"
            for entry in m.voortgang:
                if entry.status in ("gereed", "vervallen"):
                    assert entry.bron, f"{a.id}: {entry.status} without a source"
