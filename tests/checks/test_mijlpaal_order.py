"""mijlpaal-order: an action's milestones are listed in date order."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import mijlpaal_order
from tests.checks.common import found, problems


def acties(*mijlpalen: str) -> str:
    """acties.yaml with one action A.1 whose milestones are `mijlpalen`, from line 5 on."""
    items = "".join(f"      - {m}\n" for m in mijlpalen)
    return f"""\
acties:
  - id: A.1
    titel: Een actie
    mijlpalen:
{items}    doelen: [1]
    bron: {{document: realisatieagenda, sectie: x}}
"""


def test_milestones_in_date_order_pass(tmp_path: Path) -> None:
    in_order = acties(
        "{omschrijving: Inventarisatie, deadline: Q1 2025}",
        "{omschrijving: Plan van aanpak, deadline: Q3 2025}",
        "{omschrijving: Zelfde kwartaal, deadline: Q3 2025}",
    )
    assert found(mijlpaal_order, in_order, tmp_path) == []


def test_a_milestone_before_the_one_above_it_is_reported(tmp_path: Path) -> None:
    swapped = acties(
        "{omschrijving: Plan van aanpak, deadline: Q3 2025}",
        "{omschrijving: Inventarisatie, deadline: Q1 2025}",
    )
    [problem] = problems(mijlpaal_order, swapped, tmp_path)
    assert (problem.code, problem.line, problem.col, problem.yaml_path) == (
        "mijlpaal-order",
        6,
        50,
        "acties[A.1].mijlpalen[1].deadline",
    )
    assert problem.message == (
        "milestone 2 of A.1 (Q1 2025) comes before an earlier-listed milestone (Q3 2025); "
        "list milestones in date order"
    )


def test_milestones_without_timing_are_skipped_not_compared(tmp_path: Path) -> None:
    gap = acties(
        "{omschrijving: Plan, deadline: Q3 2025}",
        "{omschrijving: Zonder termijn}",
        "{omschrijving: Uitvoering, deadline: Q4 2025}",
    )
    assert found(mijlpaal_order, gap, tmp_path) == []
    early = gap.replace("Q4 2025", "Q2 2025")
    assert found(mijlpaal_order, early, tmp_path) == [
        ("mijlpaal-order", 7, 46, "acties[A.1].mijlpalen[2].deadline")
    ]


def test_a_start_is_placed_at_its_start_quarter(tmp_path: Path) -> None:
    starts = acties(
        "{omschrijving: Voorbereiding, deadline: Q4 2025}",
        "{omschrijving: Invoering, deadline: na Q4 2025}",
        "{omschrijving: Uitrol, deadline: vanaf Q1 2026}",
    )
    assert found(mijlpaal_order, starts, tmp_path) == []
    before = acties(
        "{omschrijving: Voorbereiding, deadline: Q2 2026}",
        "{omschrijving: Uitrol, deadline: vanaf Q1 2026}",
    )
    assert found(mijlpaal_order, before, tmp_path) == [
        ("mijlpaal-order", 6, 42, "acties[A.1].mijlpalen[1].deadline")
    ]


def test_each_milestone_is_compared_with_the_latest_above_it(tmp_path: Path) -> None:
    # One milestone listed too early makes every later, earlier-dated one out of order.
    early_last = acties(
        "{omschrijving: Evaluatie, deadline: Q4 2026}",
        "{omschrijving: Plan, deadline: Q1 2025}",
        "{omschrijving: Uitvoering, deadline: Q3 2025}",
    )
    assert [p.line for p in problems(mijlpaal_order, early_last, tmp_path)] == [6, 7]


def test_a_year_is_placed_at_its_last_quarter(tmp_path: Path) -> None:
    # "in 2025" is met through Q4 2025, so a Q3 2025 milestone below it is out of order.
    year_first = acties(
        "{omschrijving: Jaarplan, deadline: in 2025}",
        "{omschrijving: Tussenstand, deadline: Q3 2025}",
    )
    assert [p.yaml_path for p in problems(mijlpaal_order, year_first, tmp_path)] == [
        "acties[A.1].mijlpalen[1].deadline"
    ]
