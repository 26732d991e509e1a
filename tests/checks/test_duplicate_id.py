"""duplicate-id: every action, goal, promise, document and partij code is defined once, across
all files."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import duplicate_id
from tests.checks.common import found, problems

TWO_ACTIES = """\
acties:
  - id: H2.1
    titel: Eerste
    doelen: [1]
    bron: {document: realisatieagenda, sectie: x}
  - id: H2.2
    titel: Tweede
    doelen: [1]
    bron: {document: realisatieagenda, sectie: x}
"""


def test_distinct_ids_pass(tmp_path: Path) -> None:
    assert found(duplicate_id, TWO_ACTIES, tmp_path) == []


def test_a_repeated_actie_id_is_reported_at_its_second_definition(tmp_path: Path) -> None:
    acties = TWO_ACTIES.replace("id: H2.2", "id: H2.1")
    assert found(duplicate_id, acties, tmp_path) == [
        ("duplicate-id", 6, 9, "acties[H2.1].id"),
    ]


def test_the_message_points_at_the_first_definition(tmp_path: Path) -> None:
    acties = TWO_ACTIES.replace("id: H2.2", "id: H2.1")
    [problem] = problems(duplicate_id, acties, tmp_path)
    first = tmp_path / "data" / "acties.yaml"
    assert problem.message == f"actie 'H2.1' is already defined at {first}:2"


def test_every_later_repeat_is_reported_against_the_first(tmp_path: Path) -> None:
    third = """\
  - id: H2.1
    titel: Derde
    doelen: [1]
    bron: {document: realisatieagenda, sectie: x}
"""
    acties = TWO_ACTIES.replace("id: H2.2", "id: H2.1") + third
    found_problems = problems(duplicate_id, acties, tmp_path)
    assert [(p.line, p.col) for p in found_problems] == [(6, 9), (10, 9)]
    assert all(p.message.endswith("acties.yaml:2") for p in found_problems)


def test_an_id_repeated_in_another_acties_file_is_reported_there(tmp_path: Path) -> None:
    regio = """\
acties:
  - id: H2.2
    titel: Regionaal, zelfde id als landelijk
    regio: West
    doelen: [1]
    bron: {document: visie-vgz, sectie: RESV}
"""
    [problem] = problems(duplicate_id, TWO_ACTIES, tmp_path, regio_yaml={"regio-west.yaml": regio})
    data = tmp_path / "data"
    assert (problem.file, problem.line, problem.col) == (str(data / "acties/regio-west.yaml"), 2, 9)
    assert problem.message == f"actie 'H2.2' is already defined at {data / 'acties.yaml'}:6"


DOELEN = """\
doelen:
  - id: 1
    titel: Minder druk
    bron: {document: visie-vgz, sectie: doel 1}
  - id: "4"
    titel: Capaciteit
    bron: {document: visie-vgz, sectie: doel 4}
  - id: "1"
    titel: Nog eens doel 1, als tekst geschreven
    bron: {document: visie-vgz, sectie: doel 1}
"""


def test_a_goal_id_written_as_number_and_as_text_is_one_id(tmp_path: Path) -> None:
    assert found(duplicate_id, TWO_ACTIES, tmp_path, doelen_yaml=DOELEN) == [
        ("duplicate-id", 8, 9, "doelen[1].id"),
    ]


ZORGBELOFTE = """\
zorgbelofte:
  - nummer: 1
    titel: Ik weet bij wie ik terechtkan
    doelen: [1]
    bron: {document: realisatieagenda, sectie: "H1, belofte 1"}
  - nummer: 1
    titel: Ik heb rechtstreeks toegang
    doelen: [4]
    bron: {document: realisatieagenda, sectie: "H1, belofte 2"}
"""


def test_a_repeated_promise_number_is_reported(tmp_path: Path) -> None:
    assert found(duplicate_id, TWO_ACTIES, tmp_path, zorgbelofte_yaml=ZORGBELOFTE) == [
        ("duplicate-id", 6, 13, "zorgbelofte[1].nummer"),
    ]


PARTIJEN = """\
partijen:
  - code: ZIN
    naam: Zorginstituut Nederland
    aliassen: [ZINL]
    bron: {document: realisatieagenda, sectie: titelblad}
  - code: ZINL
    naam: Een andere partij met de alias als code
    bron: {document: realisatieagenda, sectie: titelblad}
  - code: ZN
    naam: Zorgverzekeraars Nederland
    aliassen: [ZN]
    bron: {document: realisatieagenda, sectie: titelblad}
"""


def test_an_alias_may_not_repeat_a_code_or_another_alias(tmp_path: Path) -> None:
    found_problems = problems(duplicate_id, TWO_ACTIES, tmp_path, partijen_yaml=PARTIJEN)
    assert [(p.line, p.col, p.yaml_path) for p in found_problems] == [
        (6, 11, "partijen[ZINL].code"),
        (9, 11, "partijen[ZN].code"),
    ]
    assert found_problems[0].message.startswith("partij code or alias 'ZINL' is already defined")
    assert found_problems[1].message.startswith("partij code or alias 'ZN' is already defined")


def test_a_repeated_document_id_is_reported(tmp_path: Path) -> None:
    documenten = """\
documenten:
  - {id: realisatieagenda, titel: Agenda, soort: agenda, versie: "1"}
  - {id: visie-vgz, titel: Webpagina, soort: webpagina, versie: "1"}
  - {id: realisatieagenda, titel: Nieuwe versie, soort: agenda, versie: "2"}
"""
    [problem] = problems(duplicate_id, TWO_ACTIES, tmp_path, documenten_yaml=documenten)
    assert (problem.line, problem.col, problem.yaml_path) == (
        4,
        10,
        "documenten[realisatieagenda].id",
    )
    first = tmp_path / "data" / "documenten.yaml"
    assert problem.message == f"document 'realisatieagenda' is already defined at {first}:2"
