"""Baseline files: written stably, read back exactly, broken ones explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eerstelijn.baseline import (
    STALE_CODE,
    BaselineError,
    Entry,
    apply_baseline,
    dumps_baseline,
    entries_for,
    loads_baseline,
    read_baseline,
)
from eerstelijn.checks import finding_codes
from eerstelijn.problems import Problem, Severity

# Unit tests of the core assert its messages in English, their source.
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path("data")


def finding(code: str, path: str, message: str = "m") -> Problem:
    return Problem("data/acties.yaml", 9, 5, path, code, Severity.WARNING, message)


def test_entries_leave_out_errors_and_name_files_from_the_registry_root() -> None:
    problems = [
        finding("missing-trekker", "acties[B].trekker", "action B has no trekker"),
        Problem(
            "data/acties.yaml", 3, 5, "acties[A].doelen[0]", "unknown-doel", Severity.ERROR, "x"
        ),
        finding("missing-deadline", "acties[A].mijlpalen"),
        finding("missing-trekker", "acties[A].trekker"),
    ]
    assert entries_for(problems, ROOT) == [
        Entry("missing-deadline", "acties[A].mijlpalen", "acties.yaml", "m"),
        Entry("missing-trekker", "acties[A].trekker", "acties.yaml", "m"),
        Entry("missing-trekker", "acties[B].trekker", "acties.yaml", "action B has no trekker"),
    ]


# Messages are one line of text: no control characters or line separators.
_messages = st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=40)
_entries = st.lists(
    st.builds(
        Entry,
        code=st.sampled_from(finding_codes()),
        path=st.from_regex(r"\Aacties\[[A-Za-z0-9][A-Za-z0-9._-]{0,8}\]\.[a-z]{1,9}\Z"),
        file=st.sampled_from(["acties.yaml", "acties/regio: oost.yaml", ""]),
        message=_messages,
    ),
    max_size=6,
)


@given(_entries)
def test_a_written_baseline_reads_back_as_the_same_entries(entries: list[Entry]) -> None:
    read = loads_baseline(dumps_baseline(entries), "b.yaml")
    expected = sorted(entries)
    assert [(e.code, e.path, e.file, e.message) for e in read] == [
        (e.code, e.path, e.file, e.message) for e in expected
    ]


def test_order_of_findings_does_not_change_the_file() -> None:
    problems = [finding("missing-trekker", f"acties[{i}].trekker") for i in "CAB"]
    assert dumps_baseline(entries_for(problems, ROOT)) == dumps_baseline(
        entries_for(reversed(problems), ROOT)
    )


def test_known_new_and_stale_findings() -> None:
    entries = [
        Entry("missing-trekker", "acties[A].trekker", line=7),
        Entry("missing-trekker", "acties[GONE].trekker", line=11),
        Entry("overdue-mijlpaal", "acties[A].mijlpalen[0].deadline", line=15),
    ]
    known = finding("missing-trekker", "acties[A].trekker")
    new = finding("missing-trekker", "acties[B].trekker")
    outcome = apply_baseline(entries, [known, new], opt_in=(), baseline_file="b.yaml")
    assert outcome.known == [known]
    assert outcome.new == [new]
    # overdue-mijlpaal did not run, so its entry is not stale.
    assert [(p.file, p.line, p.code, p.yaml_path) for p in outcome.stale] == [
        ("b.yaml", 11, STALE_CODE, "acties[GONE].trekker")
    ]
    ran = apply_baseline(entries, [known], opt_in={"overdue-mijlpaal"}, baseline_file="b.yaml")
    assert [p.line for p in ran.stale] == [11, 15]


def test_errors_pass_through_even_when_listed() -> None:
    error = Problem("f", 1, 1, "acties[A].trekker", "missing-trekker", Severity.ERROR, "x")
    entries = [Entry("missing-trekker", "acties[A].trekker")]
    outcome = apply_baseline(entries, [error], opt_in=(), baseline_file="b.yaml")
    assert outcome.new == [error]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nfindings:\n  - code: x\n   path: y\n", "b.yaml:4: "),
        ("findings: []\n", "b.yaml:1: version: Field required"),
        ("version: 2\nfindings: []\n", "b.yaml:1: version: Input should be 1"),
        ("version: 1\nfindings:\n  - code: missing-trekker\n", "b.yaml:3: findings[0].path: "),
        (
            "version: 1\nfindings:\n  - {code: missing-trekker, path: p, line: 3}\n",
            "b.yaml:3: findings[0].line: Extra inputs are not permitted",
        ),
        (
            "version: 1\nfindings:\n  - {code: missing-trekker, path: 12}\n",
            "b.yaml:3: findings[0].path: Input should be a valid string",
        ),
        (
            "version: 1\nfindings:\n\n  - {code: missing-trekkr, path: p}\n",
            "b.yaml:4: 'missing-trekkr' is not a finding code; did you mean 'missing-trekker'?",
        ),
        ("", "b.yaml:1: Input should be a valid dictionary"),
    ],
)
def test_a_broken_baseline_says_where(text: str, message: str) -> None:
    with pytest.raises(BaselineError) as error:
        loads_baseline(text, "b.yaml")
    assert message in str(error.value)


def test_a_missing_baseline_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="no such file; write one with 'eerstelijn baseline'"):
        read_baseline(tmp_path / "nope.yaml")


def test_a_baseline_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_bytes(b"version: 1\nfindings: [\xff]\n")
    with pytest.raises(BaselineError, match="not UTF-8 text"):
        read_baseline(tmp_path / "b.yaml")
