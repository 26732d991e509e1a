"""unknown-doel: every goal an action or a promise links to is defined in doelen.yaml."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import unknown_doel
from tests.checks.common import found, problems

# The fixture's doelen.yaml defines goals 1, 4 and 6C.
ACTIES = """\
acties:
  - id: A.1
    titel: Een actie
    doelen: [1, 6C]
    bron: {document: realisatieagenda, sectie: x}
"""


def test_links_to_defined_goals_pass(tmp_path: Path) -> None:
    assert found(unknown_doel, ACTIES, tmp_path) == []


def test_a_link_to_an_undefined_goal_is_reported_at_the_item(tmp_path: Path) -> None:
    unknown = ACTIES.replace("[1, 6C]", "[1, 7]")
    [problem] = problems(unknown_doel, unknown, tmp_path)
    assert (problem.code, problem.line, problem.col, problem.yaml_path) == (
        "unknown-doel",
        4,
        17,
        "acties[A.1].doelen[1]",
    )
    assert problem.message == "unknown doel '7'; goals are 1, 4, 6C"


def test_a_close_id_gets_a_suggestion_instead_of_the_list(tmp_path: Path) -> None:
    [problem] = problems(unknown_doel, ACTIES.replace("6C", "6"), tmp_path)
    assert problem.message == "unknown doel '6'; did you mean '6C'?"


def test_a_goal_defined_in_doelen_yaml_is_known(tmp_path: Path) -> None:
    doelen = """\
doelen:
  - {id: "1", titel: Minder druk, bron: {document: visie-vgz, sectie: doel 1}}
  - {id: "4", titel: Capaciteit, bron: {document: visie-vgz, sectie: doel 4}}
  - {id: 6A, titel: Digitale zorg, bron: {document: visie-vgz, sectie: doel 6A}}
"""
    six_a = ACTIES.replace("6C", "6A")
    assert found(unknown_doel, six_a, tmp_path) == [
        ("unknown-doel", 4, 17, "acties[A.1].doelen[1]")
    ]
    assert found(unknown_doel, six_a, tmp_path, doelen_yaml=doelen) == []


def test_a_promise_linking_an_undefined_goal_is_reported(tmp_path: Path) -> None:
    zorgbelofte = """\
zorgbelofte:
  - nummer: 3
    titel: Ik krijg zorg dichtbij
    doelen:
      - 4
      - 5
    bron: {document: realisatieagenda, sectie: "H1, belofte 3"}
"""
    assert found(unknown_doel, ACTIES, tmp_path, zorgbelofte_yaml=zorgbelofte) == [
        ("unknown-doel", 6, 9, "zorgbelofte[3].doelen[1]")
    ]
