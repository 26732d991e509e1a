"""missing-deadline: an action that is not done has at least one milestone with a deadline."""

from __future__ import annotations

from pathlib import Path

import pytest

from eerstelijn.checks import missing_deadline
from tests.checks.common import found, problems

ACTIES = """\
acties:
  - id: A.1
    titel: Een actie
    doelen: [1]
    trekker: [ZN]
    mijlpalen:
      - {omschrijving: Actieplan opgesteld}
      - {omschrijving: Handreiking gereed, deadline: Q1 2026}
    bron: {document: realisatieagenda, sectie: x}
"""


def test_one_milestone_with_a_deadline_is_enough(tmp_path: Path) -> None:
    assert found(missing_deadline, ACTIES, tmp_path) == []


@pytest.mark.parametrize("wording", ["Q1 2026", "in 2025", "2027", "voor de zomer van 2024"])
def test_quarters_years_and_voor_set_a_deadline(tmp_path: Path, wording: str) -> None:
    assert found(missing_deadline, ACTIES.replace("Q1 2026", wording), tmp_path) == []


def test_an_action_without_any_deadline_is_reported_at_its_milestones(tmp_path: Path) -> None:
    none = ACTIES.replace(", deadline: Q1 2026", "")
    [problem] = problems(missing_deadline, none, tmp_path)
    assert (problem.code, problem.line, problem.col, problem.yaml_path) == (
        "missing-deadline",
        6,
        5,
        "acties[A.1].mijlpalen",
    )
    assert problem.message == "action A.1 has no deadline"


@pytest.mark.parametrize("wording", ["vanaf Q1 2026", "na Q4 2025", "per 2027"])
def test_a_start_is_no_deadline_and_the_message_names_it(tmp_path: Path, wording: str) -> None:
    vague = ACTIES.replace("Q1 2026", wording)
    [problem] = problems(missing_deadline, vague, tmp_path)
    assert problem.message == f"action A.1 has no deadline (only: {wording})"


def test_an_action_without_milestones_is_reported_at_the_action(tmp_path: Path) -> None:
    bare = """\
acties:
  - id: A.1
    titel: Zonder mijlpalen
    doelen: [1]
    bron: {document: realisatieagenda, sectie: x}
"""
    assert found(missing_deadline, bare, tmp_path) == [
        ("missing-deadline", 2, 5, "acties[A.1].mijlpalen")
    ]


@pytest.mark.parametrize("status", ["gereed", "vervallen"])
def test_a_done_action_needs_no_deadline(tmp_path: Path, status: str) -> None:
    done = ACTIES.replace(", deadline: Q1 2026", "").replace(
        "    bron:", f"    status: {status}\n    bron:"
    )
    assert found(missing_deadline, done, tmp_path) == []
