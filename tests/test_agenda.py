"""The BO agenda: what it lists, in which order, and its golden output on the fixture registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eerstelijn.queries import agenda
from eerstelijn.registry.load import load_registry
from tests.conftest import REAL_DATA, REGISTRY, Golden, RunCli

REPO = Path(__file__).parent.parent
AS_OF = "2026-01-15"


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_golden_agenda(run_cli: RunCli, golden: Golden, fmt: str) -> None:
    result = run_cli(
        "agenda", "--data", "tests/fixtures/registry", "--as-of", AS_OF, "--format", fmt
    )
    assert result.exit_code == 0, result.output
    golden(f"agenda--{fmt}", result.stdout)


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_golden_agenda_in_english(run_cli: RunCli, golden: Golden, fmt: str) -> None:
    result = run_cli(
        "agenda",
        "--data",
        "tests/fixtures/registry",
        "--as-of",
        AS_OF,
        "--format",
        fmt,
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    golden(f"agenda--{fmt}--en", result.stdout)


def test_agenda_groups_by_hoofdstuk_then_action_oldest_first() -> None:
    groups = agenda(load_registry(REAL_DATA), date(2026, 1, 15))
    assert list(groups) == ["H2", "H3", "H4", "H5", "overig"]
    h3 = [(p.actie.id, p.soort, p.mijlpaal) for p in groups["H3"]]
    assert h3[:3] == [
        ("H3.1", "overdue", 1),
        ("H3.1", "geen trekker", None),
        ("H3.2", "overdue", 0),
    ]
    h34 = [p.days for p in groups["H3"] if p.actie.id == "H3.4"]
    assert h34 == sorted(h34, key=lambda d: -(d or 0))
    overig = [p.actie.id for p in groups["overig"]]
    assert overig == sorted(overig)


def test_agenda_orders_ids_by_number_not_by_text() -> None:
    groups = agenda(load_registry(REAL_DATA), date(2026, 1, 15))
    ids = [p.actie.id for p in groups["H4"]]
    assert ids == sorted(ids, key=lambda i: int(i.split(".")[1]))


def test_done_actions_are_not_on_the_agenda() -> None:
    groups = agenda(load_registry(REGISTRY), date(2030, 1, 1))
    assert "OOST.1" not in {p.actie.id for punten in groups.values() for p in punten}


def test_an_agenda_with_nothing_to_discuss_says_so(run_cli: RunCli, registry_copy: Path) -> None:
    acties = registry_copy / "acties.yaml"
    text = acties.read_text(encoding="utf-8")
    text = text.replace("trekker: []", "trekker: [LHV]").replace("na Q4 2025", "Q4 2026")
    acties.write_text(text, encoding="utf-8")
    result = run_cli("agenda", "--data", registry_copy, "--as-of", "2024-01-01")
    assert result.exit_code == 0
    assert "Niets te bespreken" in result.stdout
    assert "###" not in result.stdout


def test_agenda_refuses_a_bad_date_without_a_traceback(run_cli: RunCli) -> None:
    result = run_cli("agenda", "--data", REGISTRY, "--as-of", "someday")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.output
