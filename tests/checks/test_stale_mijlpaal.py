"""stale-mijlpaal: a milestone not done whose last report is old."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eerstelijn.checks import stale_mijlpaal
from tests.checks.common import found

STALE = """\
acties:
  - id: A.1
    titel: Lang niets gehoord
    doelen: [1]
    mijlpalen:
      - omschrijving: Gemeld
        deadline: Q4 2026
        voortgang:
          - {datum: 2025-06-01, status: lopend}
      - omschrijving: Nooit gemeld
        deadline: Q4 2026
    bron: {document: realisatieagenda, sectie: x}
"""


def test_a_milestone_whose_last_report_is_old_is_stale(tmp_path: Path) -> None:
    assert found(stale_mijlpaal, STALE, tmp_path) == [
        ("stale-mijlpaal", 9, 21, "acties[A.1].mijlpalen[0].voortgang[0].datum"),
    ]
    # Within the window it is not; a milestone nobody reported on is never stale.
    assert found(stale_mijlpaal, STALE, tmp_path, date(2025, 8, 1)) == []
