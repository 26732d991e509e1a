"""voortgang-order: a progress log lists its entries oldest first."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import voortgang_order
from tests.checks.common import found
from tests.checks.logs import BAD, GOOD


def test_a_tidy_log_passes(tmp_path: Path) -> None:
    assert found(voortgang_order, GOOD, tmp_path) == []


def test_an_entry_older_than_the_one_above_is_out_of_order(tmp_path: Path) -> None:
    assert found(voortgang_order, BAD, tmp_path) == [
        ("voortgang-order", 12, 21, "acties[A.1].mijlpalen[0].voortgang[1].datum"),
    ]
