"""undated-status: a bare status other than open has no date."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import undated_status
from tests.checks.common import found
from tests.checks.logs import BAD, GOOD


def test_a_tidy_log_passes(tmp_path: Path) -> None:
    assert found(undated_status, GOOD, tmp_path) == []


def test_a_bare_status_other_than_open_has_no_date(tmp_path: Path) -> None:
    assert found(undated_status, BAD, tmp_path) == [
        ("undated-status", 5, 13, "acties[A.1].status"),
        ("undated-status", 9, 17, "acties[A.1].mijlpalen[0].status"),
    ]
