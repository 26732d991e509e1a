"""Queries over the registry: filters that combine, overdue by date, coverage, lookups."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from eerstelijn.kwartaal import Kwartaal
from eerstelijn.lookup import UnknownName, find_partij
from eerstelijn.models import Registry
from eerstelijn.queries import (
    ActieFilter,
    documenten_usage,
    doelen_coverage,
    overdue,
    overview,
    partij_detail,
    partijen_summary,
    select,
    timeline,
    zorgbelofte_coverage,
)
from eerstelijn.registry.load import load_registry
from tests.conftest import REAL_DATA, REGISTRY

# Unit tests of the core assert its messages in English, their source.
pytestmark = pytest.mark.usefixtures("english")

AS_OF = date(2026, 1, 15)


@pytest.fixture(scope="module")
def fixture() -> Registry:
    return load_registry(REGISTRY)


@pytest.fixture(scope="module")
def real() -> Registry:
    return load_registry(REAL_DATA)


def ids(registry: Registry, **conditions: object) -> list[str]:
    return [a.id for a in select(registry, ActieFilter(**conditions))]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ({}, ["H2.1", "H2.2", "H3.1", "H4.1", "OOST.1"]),
        ({"without": frozenset({"trekker"})}, ["H3.1"]),
        ({"without": frozenset({"deadline"})}, ["H4.1"]),
        ({"without": frozenset({"trekker", "deadline"})}, []),
        ({"partij": "ZN"}, ["H2.1", "OOST.1"]),
        ({"partij": "ZN", "hoofdstuk": "H2"}, ["H2.1"]),
        ({"partij": "VWS"}, ["H2.2"]),  # through the groep 'overheid'
        ({"partij": "ZIN"}, ["H2.2"]),  # a member written as its alias ZINL
        ({"partij": "overheid"}, ["H2.2"]),  # the groep itself
        ({"partij": "LHV", "rol": "betrokken"}, ["H2.1"]),
        ({"partij": "LHV", "rol": "trekker"}, ["H4.1"]),
        ({"doel": "4"}, ["H2.2", "H4.1"]),
        ({"doel": "4", "without": frozenset({"deadline"})}, ["H4.1"]),
        ({"status": "gereed"}, ["OOST.1"]),
        ({"due_before": Kwartaal(2026, 1)}, ["H3.1", "OOST.1"]),
        ({"due_after": Kwartaal(2025, 4)}, ["H2.1", "H2.2"]),
        ({"due_after": Kwartaal(2025, 4), "due_before": Kwartaal(2026, 2)}, ["H2.1"]),
        ({"search": "handreiking"}, ["H2.1"]),
        ({"search": "BELEIDSREGEL"}, ["H2.2"]),  # a milestone's text counts
    ],
)
def test_filters_combine(
    fixture: Registry, conditions: dict[str, object], expected: list[str]
) -> None:
    assert ids(fixture, **conditions) == expected


def test_deadline_is_met_through_the_last_day_of_the_quarter(fixture: Registry) -> None:
    # H2.2's first milestone is due Q3 2025: on time through 30 September.
    on_time = {(r.actie.id, r.index) for r in overdue(fixture, date(2025, 9, 30))}
    late = {(r.actie.id, r.index) for r in overdue(fixture, date(2025, 10, 1))}
    assert ("H2.2", 0) not in on_time
    assert ("H2.2", 0) in late


def test_done_milestones_are_never_overdue(fixture: Registry) -> None:
    assert "OOST.1" not in {r.actie.id for r in overdue(fixture, date(2030, 1, 1))}


def test_overdue_per_partij_expands_groups_and_keeps_ownerless(fixture: Registry) -> None:
    rows = overdue(fixture, AS_OF, per="partij")
    assert [(r.group, r.actie.id) for r in rows] == [
        ("VWS", "H2.2"),
        ("ZIN", "H2.2"),
        (None, "H3.1"),
    ]


def test_incl_betrokken_counts_involved_parties(fixture: Registry) -> None:
    # Nothing LHV takes part in is overdue in the fixture; move the date past H2.1's deadline.
    rows = overdue(fixture, date(2026, 4, 1), per="partij", incl_betrokken=True)
    assert ("LHV", "H2.1") in {(r.group, r.actie.id) for r in rows}
    plain = overdue(fixture, date(2026, 4, 1), per="partij")
    assert ("LHV", "H2.1") not in {(r.group, r.actie.id) for r in plain}


def test_overview_counts(fixture: Registry) -> None:
    view = overview(fixture, AS_OF)
    # H2.2's milestone is lopend, so the action is too: an action follows its milestones.
    assert view.per_status == {"open": 3, "lopend": 1, "gereed": 1, "vervallen": 0}
    assert [a.id for a in view.due_this_quarter] == ["H2.1"]
    # H2.2's Beleidsregel was due Q2 2026, re-planned on 2025-12-15 to Q4 2026.
    assert [a.id for a in view.due_next_quarter] == []
    assert (view.overdue_mijlpalen, view.overdue_zonder_voortgang) == (2, 1)
    assert view.overdue_per_partij == {"VWS": 1, "ZIN": 1, None: 1}


def test_lookup_is_case_and_accent_blind(real: Registry) -> None:
    assert find_partij(real, "patientenfederatie").code == "Patiëntenfederatie"
    assert find_partij(real, "zinl").code == "ZIN"
    assert find_partij(real, "Zorgverzekeraars Nederland").code == "ZN"
    with pytest.raises(UnknownName, match="did you mean 'VWS'"):
        find_partij(real, "VWZ")


def test_partij_detail_lists_next_deadlines_first(real: Registry) -> None:
    detail = partij_detail(real, find_partij(real, "Patiëntenfederatie"))
    assert [a.id for a in detail.trekker] == ["H3.5", "H3.4"]
    assert {g.code for g in detail.groepen} == {"agendapartijen"}


# The real registry answers the questions of the issue as the source does.
def test_real_without_trekker_lists_the_social_map_inventory(real: Registry) -> None:
    assert "H3.3" in ids(real, without=frozenset({"trekker"}))


def test_real_overdue_early_2026(real: Registry) -> None:
    late = {r.actie.id for r in overdue(real, AS_OF)}
    assert {"H3.3", "H3.5", "H5.1", "H5.2", "H5.3", "H2.2"} <= late
    assert "H2.1" not in late  # due Q1 2026: still on time on 15 January


def test_real_goal_without_action_is_6c(real: Registry) -> None:
    empty = [c.doel.id for c in doelen_coverage(real, AS_OF) if not c.acties]
    assert empty == ["6C"]


def test_the_patients_promise_is_delivered_by_no_action(fixture: Registry) -> None:
    coverage = {c.belofte.nummer: c for c in zorgbelofte_coverage(fixture)}
    goal_4 = next(c for c in doelen_coverage(fixture, AS_OF) if c.doel.id == "4")
    assert coverage[2].belofte.doelen == ["4"] and goal_4.acties
    assert coverage[2].belofte.belover == "patient" and coverage[2].acties == []
    assert coverage[1].belofte.belover == "zorgverleners" and coverage[1].acties
    both = fixture.model_copy(
        update={
            "zorgbelofte": [b.model_copy(update={"belover": "beide"}) for b in fixture.zorgbelofte]
        }
    )
    assert [c.acties for c in zorgbelofte_coverage(both)][1] == goal_4.acties


def test_real_every_promise_of_the_providers_has_actions_behind_it(real: Registry) -> None:
    coverage = {c.belofte.nummer: c for c in zorgbelofte_coverage(real)}
    assert {n for n, c in coverage.items() if not c.acties} == {2, 3, 5}  # the patient's
    assert coverage[7].acties  # promised by both: the providers' part counts


@pytest.mark.parametrize("registry_name", ["fixture", "real"])
def test_partijen_counts_agree_with_the_actions_listed_per_partij(
    registry_name: str, request: pytest.FixtureRequest
) -> None:
    """`partijen` counts what `acties --partij X` (and `--rol betrokken`) lists, and the
    overdue among what X leads, for every partij: groups, members and aliases alike."""
    registry: Registry = request.getfixturevalue(registry_name)
    on = date(2026, 6, 1)
    summary = partijen_summary(registry, on)
    assert [s.partij.code for s in summary] == [p.code for p in registry.partijen]
    for row in summary:
        lead = ids(registry, partij=row.partij.code)
        involved = ids(registry, partij=row.partij.code, rol="betrokken")
        late = [r.actie.id for r in overdue(registry, on) if r.actie.id in lead]
        assert (row.trekker, row.betrokken, row.overdue) == (
            len(lead),
            len(involved),
            len(set(late)),
        ), row.partij.code
    assert any(row.trekker and row.overdue for row in summary)
    assert any(row.betrokken for row in summary)


def test_real_beroepsverenigingen_own_h4_for_each_member(real: Registry) -> None:
    for member in ("KNGF", "LHV", "PPN"):
        assert {f"H4.{n}" for n in range(1, 9)} <= set(ids(real, partij=member))


def test_timeline_places_starts_and_deadlines(real: Registry) -> None:
    rows = {r.actie.id: r for r in timeline(real, Kwartaal(2024, 1), Kwartaal(2027, 4))}
    assert Kwartaal(2026, 1) in rows["H4.8"].marks  # 'vanaf Q1 2026': placed at its start
    assert Kwartaal(2024, 2) in rows["VGZ.2"].marks  # 'voor de zomer van 2024'
    assert "H4.6" not in rows  # no timing at all


def test_documenten_count_each_citing_item_once_and_leave_out_later_documents(
    fixture: Registry,
) -> None:
    usage = {u.document.id: u for u in documenten_usage(fixture, AS_OF)}
    assert list(usage) == ["realisatieagenda", "visie-vgz", "kamerbrief-resv"]
    agenda = usage["realisatieagenda"]
    assert [a.id for a in agenda.acties] == ["H2.1", "H2.2", "H3.1", "H4.1"]
    assert [b.nummer for b in agenda.beloften] == [1, 2]
    vgz = usage["visie-vgz"]
    assert ([a.id for a in vgz.acties], [d.id for d in vgz.doelen]) == (
        ["OOST.1"],
        ["1", "4", "6C"],
    )
    assert usage["kamerbrief-resv"].record()["aantal_acties"] == 0
    # The letter is dated 2025-11-10: the day before, it did not exist; undated ones always do.
    before = [u.document.id for u in documenten_usage(fixture, date(2025, 11, 9))]
    assert before == ["realisatieagenda", "visie-vgz"]
    on_the_day = [u.document.id for u in documenten_usage(fixture, date(2025, 11, 10))]
    assert "kamerbrief-resv" in on_the_day


def test_real_sources_are_both_cited_and_cover_every_action(real: Registry) -> None:
    usage = documenten_usage(real, AS_OF)
    assert [u.document.id for u in usage][:2] == ["realisatieagenda", "visie-vgz"]
    sources, evidence = usage[:2], usage[2:]
    assert {a.id for u in sources for a in u.acties} == {a.id for a in real.acties}
    assert all(u.acties and (u.doelen or u.partijen) for u in sources)
    # Later documents are public evidence of progress, cited by an action's log.
    assert evidence and all(u.document.url and u.acties for u in evidence)


def test_documenten_count_an_action_whose_progress_cites_the_document(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    shutil.copytree(REGISTRY, root)
    acties = root / "acties.yaml"
    acties.write_text(
        acties.read_text(encoding="utf-8").replace(
            'bron: {document: realisatieagenda, sectie: "H2, actie 2"}\n    bron:',
            "bron: {document: kamerbrief-resv, sectie: RESV}\n    bron:",
        ),
        encoding="utf-8",
    )
    registry = load_registry(root)

    def citing(as_of: date) -> list[str]:
        usage = {u.document.id: u for u in documenten_usage(registry, as_of)}
        return [a.id for a in usage["kamerbrief-resv"].acties]

    # The entry is dated 2025-12-15: before that day the letter existed but H2.2 did not cite it.
    assert citing(date(2025, 12, 14)) == []
    assert citing(date(2025, 12, 15)) == ["H2.2"]
