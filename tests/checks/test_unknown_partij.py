"""unknown-partij: every party an action or a partij names is defined in partijen.yaml."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import unknown_partij
from tests.checks.common import found, problems

# The fixture's partijen.yaml defines ZN, VWS, ZIN (alias ZINL), LHV and the groep overheid.
ACTIES = """\
acties:
  - id: A.1
    titel: Een actie
    doelen: [1]
    trekker: [ZN, ZINL]
    betrokkenen: [overheid, LHV]
    bron: {document: realisatieagenda, sectie: x}
"""


def test_codes_aliases_and_groepen_are_known(tmp_path: Path) -> None:
    assert found(unknown_partij, ACTIES, tmp_path) == []


def test_a_code_in_the_wrong_case_is_unknown_with_a_suggestion(tmp_path: Path) -> None:
    [problem] = problems(unknown_partij, ACTIES.replace("[ZN, ZINL]", "[Zn, ZINL]"), tmp_path)
    assert (problem.code, problem.line, problem.col, problem.yaml_path) == (
        "unknown-partij",
        5,
        15,
        "acties[A.1].trekker[0]",
    )
    assert problem.message == "unknown partij 'Zn'; did you mean 'ZN'?"


def test_betrokkenen_are_checked_too(tmp_path: Path) -> None:
    typo = ACTIES.replace("[overheid, LHV]", "[overheid, LHX, Xyzzy]")
    found_problems = problems(unknown_partij, typo, tmp_path)
    assert [(p.line, p.col, p.yaml_path) for p in found_problems] == [
        (6, 29, "acties[A.1].betrokkenen[1]"),
        (6, 34, "acties[A.1].betrokkenen[2]"),
    ]
    assert [p.message for p in found_problems] == [
        "unknown partij 'LHX'; did you mean 'LHV'?",
        "unknown partij 'Xyzzy'",
    ]


def test_leden_and_vertegenwoordigt_of_a_partij_are_checked(tmp_path: Path) -> None:
    partijen = """\
partijen:
  - code: ZN
    naam: Zorgverzekeraars Nederland
    vertegenwoordigt: [verzekeraars]
    bron: {document: realisatieagenda, sectie: titelblad}
  - code: LHV
    naam: Landelijke Huisartsen Vereniging
    bron: {document: realisatieagenda, sectie: titelblad}
  - code: ZIN
    naam: Zorginstituut Nederland
    aliassen: [ZINL]
    bron: {document: realisatieagenda, sectie: titelblad}
  - code: overheid
    naam: Overheidspartijen
    soort: groep
    leden:
      - ZINL
      - VWS
    bron: {document: realisatieagenda, sectie: H2}
"""
    assert found(unknown_partij, ACTIES, tmp_path, partijen_yaml=partijen) == [
        ("unknown-partij", 4, 24, "partijen[ZN].vertegenwoordigt[0]"),
        ("unknown-partij", 18, 9, "partijen[overheid].leden[1]"),
    ]
