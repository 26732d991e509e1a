"""voortgang-bron: closing or re-planning a milestone cites its source."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import voortgang_bron
from tests.checks.common import found
from tests.checks.logs import BAD, GOOD


def test_a_tidy_log_passes(tmp_path: Path) -> None:
    assert found(voortgang_bron, GOOD, tmp_path) == []


def test_closing_or_replanning_without_a_source_is_refused(tmp_path: Path) -> None:
    assert found(voortgang_bron, BAD, tmp_path) == [
        ("voortgang-bron", 12, 21, "acties[A.1].mijlpalen[0].voortgang[1].datum"),
        ("voortgang-bron", 14, 21, "acties[A.1].mijlpalen[0].voortgang[3].datum"),
    ]
