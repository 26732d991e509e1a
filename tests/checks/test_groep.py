"""invalid-groep: a groep has members and does not contain itself; only a groep has members."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import groep
from tests.checks.common import found, problems

NO_ACTIES = "acties: []\n"

BRON = "bron: {document: realisatieagenda, sectie: titelblad}"


def partijen(*items: str) -> str:
    """partijen.yaml with VWS, NZa and ZIN (alias ZINL), then `items`, each a list item."""
    head = f"""\
partijen:
  - {{code: VWS, naam: Ministerie van VWS, {BRON}}}
  - {{code: NZa, naam: Nederlandse Zorgautoriteit, {BRON}}}
  - {{code: ZIN, naam: Zorginstituut Nederland, aliassen: [ZINL], {BRON}}}
"""
    return head + "".join(items)


def test_a_groep_with_leden_passes(tmp_path: Path) -> None:
    groep_yaml = partijen(
        "  - code: overheidspartijen\n",
        "    naam: Overheidspartijen\n",
        "    soort: groep\n",
        "    leden: [VWS, NZa, ZINL]\n",
        f"    {BRON}\n",
    )
    assert found(groep, NO_ACTIES, tmp_path, partijen_yaml=groep_yaml) == []


def test_a_groep_of_groepen_without_a_cycle_passes(tmp_path: Path) -> None:
    nested = partijen(
        f"  - {{code: toezicht, naam: Toezicht, soort: groep, leden: [NZa], {BRON}}}\n",
        f"  - {{code: overheid, naam: Overheid, soort: groep, leden: [VWS, toezicht], {BRON}}}\n",
    )
    assert found(groep, NO_ACTIES, tmp_path, partijen_yaml=nested) == []


def test_an_empty_groep_is_reported_at_its_code(tmp_path: Path) -> None:
    empty = partijen(
        "  - code: leeg\n",
        "    naam: Lege groep\n",
        "    soort: groep\n",
        "    leden: []\n",
        f"    {BRON}\n",
        f"  - {{code: zonder, naam: Groep zonder leden-sleutel, soort: groep, {BRON}}}\n",
    )
    [first, second] = problems(groep, NO_ACTIES, tmp_path, partijen_yaml=empty)
    assert (first.code, first.line, first.col, first.yaml_path) == (
        "invalid-groep",
        5,
        11,
        "partijen[leeg].code",
    )
    assert first.message == "groep 'leeg' has no leden"
    assert (second.line, second.col, second.yaml_path) == (10, 12, "partijen[zonder].code")


def test_leden_on_a_partij_that_is_no_groep_are_reported(tmp_path: Path) -> None:
    organisatie = partijen(
        "  - code: ZN\n",
        "    naam: Zorgverzekeraars Nederland\n",
        "    leden: [VWS]\n",
        f"    {BRON}\n",
    )
    [problem] = problems(groep, NO_ACTIES, tmp_path, partijen_yaml=organisatie)
    assert (problem.line, problem.col, problem.yaml_path) == (7, 5, "partijen[ZN].leden")
    assert problem.message == "'ZN' has leden but is no groep; add 'soort: groep'"


def test_a_groep_that_contains_itself_through_another_is_reported(tmp_path: Path) -> None:
    cycle = partijen(
        f"  - {{code: A, naam: Groep A, soort: groep, leden: [VWS, B], {BRON}}}\n",
        f"  - {{code: B, naam: Groep B, soort: groep, leden: [A], {BRON}}}\n",
    )
    assert found(groep, NO_ACTIES, tmp_path, partijen_yaml=cycle) == [
        ("invalid-groep", 5, 44, "partijen[A].leden"),
        ("invalid-groep", 6, 44, "partijen[B].leden"),
    ]


def test_a_groep_that_lists_its_own_alias_contains_itself(tmp_path: Path) -> None:
    own_alias = partijen(
        "  - code: overheid\n",
        "    naam: Overheidspartijen\n",
        "    soort: groep\n",
        "    aliassen: [OVH]\n",
        "    leden: [VWS, OVH]\n",
        f"    {BRON}\n",
    )
    [problem] = problems(groep, NO_ACTIES, tmp_path, partijen_yaml=own_alias)
    assert (problem.line, problem.col, problem.yaml_path) == (9, 5, "partijen[overheid].leden")
    assert problem.message == "groep 'overheid' contains itself through its leden"


def test_an_unknown_lid_is_left_to_unknown_partij(tmp_path: Path) -> None:
    unknown = partijen(
        f"  - {{code: overheid, naam: Overheid, soort: groep, leden: [VWX], {BRON}}}\n",
    )
    assert found(groep, NO_ACTIES, tmp_path, partijen_yaml=unknown) == []
