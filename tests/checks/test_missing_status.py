"""missing-status: a status key not written, on an action or a milestone."""

from __future__ import annotations

from pathlib import Path

from eerstelijn.checks import missing_status
from tests.checks.common import found

ACTIES = """\
acties:
  - id: A.1
    titel: Status overal geschreven
    doelen: [1]
    status: open
    mijlpalen:
      - {omschrijving: Stap, deadline: Q1 2026, status: open}
    bron: {document: realisatieagenda, sectie: x}
  - id: A.2
    titel: Status nergens geschreven
    doelen: [1]
    mijlpalen:
      - {omschrijving: Stap een, status: lopend}
      - {omschrijving: Stap twee}
    bron: {document: realisatieagenda, sectie: x}
"""


def test_an_unwritten_status_is_found_even_though_it_reads_as_open(tmp_path: Path) -> None:
    assert found(missing_status, ACTIES, tmp_path) == [
        ("missing-status", 9, 5, "acties[A.2].status"),
        ("missing-status", 14, 9, "acties[A.2].mijlpalen[1].status"),
    ]
