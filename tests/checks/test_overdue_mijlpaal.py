"""overdue-mijlpaal: milestones past their deadline quarter and not done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eerstelijn.checks import overdue_mijlpaal
from tests.checks.common import found

ACTIES = """\
acties:
  - id: A.1
    titel: Een actie
    doelen: [1]
    trekker: [ZN]
    mijlpalen:
      - omschrijving: Onderzoek
        deadline: Q3 2025
      - omschrijving: Verslag
        deadline: Q3 2025
        status: gereed
      - omschrijving: Zonder termijn
      - omschrijving: Alleen een start
        deadline: vanaf Q1 2025
      - omschrijving: Later
        deadline: Q2 2026
    bron: {document: realisatieagenda, sectie: x}
"""


def test_an_open_milestone_past_its_quarter_is_overdue(tmp_path: Path) -> None:
    assert found(overdue_mijlpaal, ACTIES, tmp_path) == [
        ("overdue-mijlpaal", 8, 19, "acties[A.1].mijlpalen[0].deadline")
    ]


def test_the_deadline_is_met_through_the_quarters_last_day(tmp_path: Path) -> None:
    assert found(overdue_mijlpaal, ACTIES, tmp_path, as_of=date(2025, 9, 30)) == []
    assert len(found(overdue_mijlpaal, ACTIES, tmp_path, as_of=date(2025, 10, 1))) == 1


def test_milestones_of_a_done_action_are_not_reported(tmp_path: Path) -> None:
    done = ACTIES.replace("    bron:", "    status: vervallen\n    bron:")
    assert found(overdue_mijlpaal, done, tmp_path) == []
