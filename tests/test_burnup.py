"""The burn-up and the slip table, with exact numbers on the fixture registry."""

from __future__ import annotations

from datetime import date

import pytest

from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Registry
from eerstelijn.registry.load import load_registry
from eerstelijn.report.burnup import burnup, gereed_on, slips
from tests.conftest import REGISTRY

AS_OF = date(2026, 1, 15)


@pytest.fixture(scope="module")
def fixture() -> Registry:
    return load_registry(REGISTRY)


def test_burnup_counts_per_quarter(fixture: Registry) -> None:
    # Deadlines first agreed: H3.1 Q1 2025, H2.2#1 Q3 2025, OOST.1 Q4 2025 ('in 2025'),
    # H2.1 Q1 2026, H2.2#2 Q2 2026 (re-planned to Q4 2026 on 2025-12-15); H4.1 'na Q4 2025'
    # has no deadline quarter. OOST.1 became gereed on 2025-09-30.
    points = [
        (str(p.kwartaal), p.gereed, p.gepland_oorspronkelijk, p.gepland_huidig)
        for p in burnup(fixture, AS_OF)
    ]
    assert points == [
        ("Q1 2025", 0, 1, 1),
        ("Q2 2025", 0, 1, 1),
        ("Q3 2025", 1, 2, 2),
        ("Q4 2025", 1, 3, 3),
        ("Q1 2026", 1, 4, 4),
        ("Q2 2026", None, 5, 4),
        ("Q3 2026", None, 5, 4),
        ("Q4 2026", None, 5, 5),
    ]


def test_burnup_before_the_replanning_follows_the_first_deadline(fixture: Registry) -> None:
    points = burnup(fixture, date(2025, 12, 1))
    assert points[-1].kwartaal == Kwartaal(2026, 2)
    assert [p.gepland_huidig for p in points] == [p.gepland_oorspronkelijk for p in points]
    assert [p.gereed for p in points][2:4] == [1, 1]


def test_burnup_before_the_completion_counts_nothing_done(fixture: Registry) -> None:
    assert {p.gereed for p in burnup(fixture, date(2025, 9, 29))} == {0, None}


def test_gereed_on_is_the_day_of_the_entry(fixture: Registry) -> None:
    oost = fixture.actie("OOST.1")
    assert oost is not None
    assert gereed_on(oost.mijlpalen[0], AS_OF) == date(2025, 9, 30)
    assert gereed_on(oost.mijlpalen[0], date(2025, 9, 29)) is None


def test_slips_name_the_replanned_milestone(fixture: Registry) -> None:
    rows = slips(fixture, AS_OF)
    assert [
        (r.actie.id, r.index, r.oorspronkelijk, r.huidig, r.kwartalen, r.reden, r.datum)
        for r in rows
    ] == [("H2.2", 1, "Q2 2026", "Q4 2026", 2, "Wetgeving vertraagd", date(2025, 12, 15))]
    assert slips(fixture, date(2025, 12, 14)) == []
