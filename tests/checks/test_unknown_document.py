"""unknown-document: every `bron` cites a document defined in documenten.yaml."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import unknown_document
from tests.checks.common import found, problems

# The fixture's documenten.yaml defines realisatieagenda, visie-vgz and kamerbrief-resv.
ACTIES = """\
acties:
  - id: A.1
    titel: Een actie
    doelen: [1]
    bron: {document: realisatieagenda, sectie: "H2, actie 1"}
  - id: A.2
    titel: Een actie met twee bronnen
    doelen: [1]
    bron:
      - {document: visie-vgz, sectie: RESV}
      - {document: kamerbrief-resv, sectie: "§2"}
"""


def test_references_to_defined_documents_pass(tmp_path: Path) -> None:
    assert found(unknown_document, ACTIES, tmp_path) == []


def test_an_unknown_document_is_reported_at_its_id(tmp_path: Path) -> None:
    unknown = ACTIES.replace("document: realisatieagenda", "document: bo-verslag-2025")
    [problem] = problems(unknown_document, unknown, tmp_path)
    assert (problem.code, problem.line, problem.col, problem.yaml_path) == (
        "unknown-document",
        5,
        22,
        "acties[A.1].bron.document",
    )
    assert problem.message == (
        "unknown document 'bo-verslag-2025'; documents are realisatieagenda, visie-vgz, "
        "kamerbrief-resv"
    )
    assert problem.severity.value == "error"


def test_a_typo_gets_a_suggestion(tmp_path: Path) -> None:
    typo = ACTIES.replace("document: visie-vgz", "document: visie-vzg")
    [problem] = problems(unknown_document, typo, tmp_path)
    assert (problem.line, problem.col, problem.yaml_path) == (
        10,
        20,
        "acties[A.2].bron[0].document",
    )
    assert problem.message == "unknown document 'visie-vzg'; did you mean 'visie-vgz'?"


def test_a_document_is_known_only_once_documenten_yaml_lists_it(tmp_path: Path) -> None:
    documenten = """\
documenten:
  - {id: realisatieagenda, titel: Agenda, soort: agenda, versie: "2024-12-18"}
  - {id: visie-vgz, titel: Webpagina, soort: webpagina, versie: "1"}
"""
    assert found(unknown_document, ACTIES, tmp_path, documenten_yaml=documenten) == [
        ("unknown-document", 11, 20, "acties[A.2].bron[1].document")
    ]


def test_goals_parties_and_promises_are_checked_too(tmp_path: Path) -> None:
    doelen = """\
doelen:
  - {id: "1", titel: Minder druk, bron: {document: visie, sectie: doel 1}}
"""
    partijen = """\
partijen:
  - code: ZN
    naam: Zorgverzekeraars Nederland
    bron: {document: agenda, sectie: titelblad}
"""
    zorgbelofte = """\
zorgbelofte:
  - nummer: 1
    titel: Ik weet bij wie ik terecht kan
    doelen: [1]
    bron: {document: zorgbelofte, sectie: "H1, belofte 1"}
"""
    acties = ACTIES.replace("doelen: [1]", "doelen: [1]\n    trekker: [ZN]")
    assert found(
        unknown_document,
        acties,
        tmp_path,
        doelen_yaml=doelen,
        partijen_yaml=partijen,
        zorgbelofte_yaml=zorgbelofte,
    ) == [
        ("unknown-document", 2, 52, "doelen[1].bron.document"),
        ("unknown-document", 4, 22, "partijen[ZN].bron.document"),
        ("unknown-document", 5, 22, "zorgbelofte[1].bron.document"),
    ]


def test_a_progress_entry_citing_an_unknown_document_is_reported(tmp_path: Path) -> None:
    acties = """\
acties:
  - id: A.1
    titel: Een actie
    doelen: [1]
    mijlpalen:
      - omschrijving: Klaar
        deadline: Q1 2026
        voortgang:
          - datum: 2025-12-01
            status: gereed
            bron: {document: bo-verslag, sectie: punt 3}
    bron: {document: realisatieagenda, sectie: "H2, actie 1"}
"""
    [problem] = problems(unknown_document, acties, tmp_path)
    assert (problem.line, problem.col, problem.yaml_path) == (
        11,
        30,
        "acties[A.1].mijlpalen[0].voortgang[0].bron.document",
    )
    assert problem.message.startswith("unknown document 'bo-verslag'; documents are ")
