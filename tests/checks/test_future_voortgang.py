"""future-voortgang: an entry after the day judged by does not count yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eerstelijn.checks import future_voortgang
from tests.checks.common import found
from tests.checks.logs import BAD, GOOD


def test_a_tidy_log_passes(tmp_path: Path) -> None:
    assert found(future_voortgang, GOOD, tmp_path) == []


def test_an_entry_after_the_day_judged_by_does_not_count_yet(tmp_path: Path) -> None:
    assert found(future_voortgang, BAD, tmp_path, date(2026, 6, 1)) == [
        ("future-voortgang", 15, 21, "acties[A.1].mijlpalen[0].voortgang[4].datum"),
    ]
    assert found(future_voortgang, BAD, tmp_path, date(2027, 1, 10)) == []
