"""replan-reden: a re-planning says why, and moves the deadline."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import replan_reden
from tests.checks.common import found
from tests.checks.logs import BAD, GOOD


def test_a_tidy_log_passes(tmp_path: Path) -> None:
    assert found(replan_reden, GOOD, tmp_path) == []


def test_a_replanning_needs_a_reden_and_a_new_deadline(tmp_path: Path) -> None:
    assert found(replan_reden, BAD, tmp_path) == [
        ("replan-reden", 12, 43, "acties[A.1].mijlpalen[0].voortgang[1].deadline"),
        ("replan-reden", 12, 43, "acties[A.1].mijlpalen[0].voortgang[1].deadline"),
        ("replan-reden", 13, 61, "acties[A.1].mijlpalen[0].voortgang[2].reden"),
    ]
