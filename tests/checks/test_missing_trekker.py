"""missing-trekker: an action that is not done has at least one trekker."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import missing_trekker
from tests.checks.common import found, problems

ACTIES = """\
acties:
  - id: H2.1
    titel: Met trekker
    doelen: [1]
    trekker: [ZN]
    bron: {document: realisatieagenda, sectie: x}
  - id: H3.3
    titel: Trekker leeg gelaten
    doelen: [1]
    trekker: []
    betrokkenen: [LHV]
    bron: {document: realisatieagenda, sectie: x}
  - id: H3.4
    titel: Trekker niet geschreven
    doelen: [1]
    bron: {document: realisatieagenda, sectie: x}
"""


def test_an_action_with_a_trekker_passes(tmp_path: Path) -> None:
    first = ACTIES.split("  - id: H3.3")[0]
    assert found(missing_trekker, first, tmp_path) == []


def test_a_groep_as_trekker_counts(tmp_path: Path) -> None:
    first = ACTIES.split("  - id: H3.3")[0].replace("[ZN]", "[overheid]")
    assert found(missing_trekker, first, tmp_path) == []


def test_empty_and_absent_trekkers_are_reported(tmp_path: Path) -> None:
    # Betrokkenen are no trekker. Without a trekker key, the action's id is the place to point.
    assert found(missing_trekker, ACTIES, tmp_path) == [
        ("missing-trekker", 10, 5, "acties[H3.3].trekker"),
        ("missing-trekker", 13, 9, "acties[H3.4].id"),
    ]


def test_the_message_names_the_action(tmp_path: Path) -> None:
    messages = [p.message for p in problems(missing_trekker, ACTIES, tmp_path)]
    assert messages == ["action H3.3 has no trekker", "action H3.4 has no trekker"]


def test_a_done_action_needs_no_trekker(tmp_path: Path) -> None:
    done = ACTIES.replace("    bron:", "    status: gereed\n    bron:")
    assert found(missing_trekker, done, tmp_path) == []
