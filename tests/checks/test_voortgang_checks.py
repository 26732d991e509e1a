"""The checks of progress logs: order, re-planning, sources, undated and future statuses.

One module per check would repeat the same log five times; these checks share one log.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eerstelijn.checks import (
    future_voortgang,
    replan_reden,
    stale_mijlpaal,
    undated_status,
    voortgang_bron,
    voortgang_order,
)
from tests.checks.common import found

GOOD = """\
acties:
  - id: A.1
    titel: Met een nette log
    doelen: [1]
    mijlpalen:
      - omschrijving: Stap
        deadline: Q2 2026
        voortgang:
          - {datum: 2025-10-01, status: lopend, beoordeling: op-koers}
          - {datum: 2025-12-01, deadline: Q4 2026, reden: Later,
             bron: {document: realisatieagenda, sectie: x}}
          - {datum: 2026-01-10, status: gereed, bron: {document: realisatieagenda, sectie: y}}
    bron: {document: realisatieagenda, sectie: x}
"""

BAD = """\
acties:
  - id: A.1
    titel: Met een rommelige log
    doelen: [1]
    status: gereed
    mijlpalen:
      - omschrijving: Stap
        deadline: Q2 2026
        status: lopend
        voortgang:
          - {datum: 2025-12-01, status: lopend}
          - {datum: 2025-10-01, deadline: Q2 2026}
          - {datum: 2025-12-02, beoordeling: risico, reden: Zomaar}
          - {datum: 2026-01-10, status: gereed}
          - {datum: 2027-01-10, status: vervallen, bron: {document: realisatieagenda, sectie: z}}
    bron: {document: realisatieagenda, sectie: x}
"""


# Problems point at the value they are about (the loader's positions are of values).


def test_a_tidy_log_passes_every_check(tmp_path: Path) -> None:
    for module in (voortgang_order, replan_reden, voortgang_bron, undated_status):
        assert found(module, GOOD, tmp_path) == [], module.CODE
    assert found(future_voortgang, GOOD, tmp_path) == []


def test_an_entry_older_than_the_one_above_is_out_of_order(tmp_path: Path) -> None:
    assert found(voortgang_order, BAD, tmp_path) == [
        ("voortgang-order", 12, 21, "acties[A.1].mijlpalen[0].voortgang[1].datum"),
    ]


def test_a_replanning_needs_a_reden_and_a_new_deadline(tmp_path: Path) -> None:
    assert found(replan_reden, BAD, tmp_path) == [
        ("replan-reden", 12, 43, "acties[A.1].mijlpalen[0].voortgang[1].deadline"),
        ("replan-reden", 12, 43, "acties[A.1].mijlpalen[0].voortgang[1].deadline"),
        ("replan-reden", 13, 61, "acties[A.1].mijlpalen[0].voortgang[2].reden"),
    ]


def test_closing_or_replanning_without_a_source_is_refused(tmp_path: Path) -> None:
    assert found(voortgang_bron, BAD, tmp_path) == [
        ("voortgang-bron", 12, 21, "acties[A.1].mijlpalen[0].voortgang[1].datum"),
        ("voortgang-bron", 14, 21, "acties[A.1].mijlpalen[0].voortgang[3].datum"),
    ]


def test_a_bare_status_other_than_open_has_no_date(tmp_path: Path) -> None:
    assert found(undated_status, BAD, tmp_path) == [
        ("undated-status", 5, 13, "acties[A.1].status"),
        ("undated-status", 9, 17, "acties[A.1].mijlpalen[0].status"),
    ]


def test_an_entry_after_the_day_judged_by_does_not_count_yet(tmp_path: Path) -> None:
    assert found(future_voortgang, BAD, tmp_path, date(2026, 6, 1)) == [
        ("future-voortgang", 15, 21, "acties[A.1].mijlpalen[0].voortgang[4].datum"),
    ]
    assert found(future_voortgang, BAD, tmp_path, date(2027, 1, 10)) == []


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
