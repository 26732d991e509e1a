"""GitHub: one workflow command per problem, escaped so that a message cannot break out of it."""

from __future__ import annotations

from eerstelijn.problems import Problem, Severity
from eerstelijn.render.github import render_changes, render_problems


def problem(
    *,
    file: str = "data/acties.yaml",
    line: int = 30,
    col: int = 5,
    yaml_path: str = "acties[H3.1].trekker",
    code: str = "missing-trekker",
    severity: Severity = Severity.WARNING,
    message: str = "action H3.1 has no trekker",
) -> Problem:
    return Problem(file, line, col, yaml_path, code, severity, message)


def test_a_warning_is_annotated_at_its_line_and_column() -> None:
    assert render_problems([problem()]) == (
        "::warning file=data/acties.yaml,line=30,col=5,title=missing-trekker::"
        "acties[H3.1].trekker: action H3.1 has no trekker\n"
    )


def test_an_error_is_an_error_annotation() -> None:
    error = problem(severity=Severity.ERROR, code="unknown-partij", message="unknown partij 'Zn'")
    assert render_problems([error]).startswith("::error file=data/acties.yaml,line=30,")


def test_a_multi_line_message_stays_one_command() -> None:
    # The runner reads one command a line: a raw newline would print the rest as plain log.
    message = "expected a timing\r\nsuch as 'Q1 2026'\nor 'in 2025'"
    text = render_problems([problem(message=message)])
    assert text.count("\n") == 1
    assert text.endswith(
        "::acties[H3.1].trekker: expected a timing%0D%0Asuch as 'Q1 2026'%0Aor 'in 2025'\n"
    )


def test_percent_signs_are_escaped_first_so_they_do_not_decode() -> None:
    text = render_problems([problem(message="50% done, not %0A a newline")])
    assert text.endswith("::acties[H3.1].trekker: 50%25 done, not %250A a newline\n")


def test_colons_and_commas_in_the_message_are_kept() -> None:
    text = render_problems([problem(message="a, b:c ::x")])
    assert text.endswith("::acties[H3.1].trekker: a, b:c ::x\n")


def test_commas_and_colons_in_a_file_name_cannot_start_a_new_property() -> None:
    text = render_problems([problem(file="C:/data,line=1/acties%20.yaml")])
    assert text.startswith(
        "::warning file=C%3A/data%2Cline=1/acties%2520.yaml,line=30,col=5,title=missing-trekker::"
    )


def test_a_problem_about_a_whole_file_has_no_line_or_column() -> None:
    whole = problem(
        line=0,
        col=0,
        yaml_path="",
        code="unreadable",
        severity=Severity.ERROR,
        message="Permission denied",
    )
    assert render_problems([whole]) == (
        "::error file=data/acties.yaml,title=unreadable::Permission denied\n"
    )


def test_one_line_per_problem_in_the_order_given() -> None:
    first = problem(line=2)
    second = problem(line=1, severity=Severity.ERROR)
    lines = render_problems([first, second]).splitlines()
    assert [line.split(",")[1] for line in lines] == ["line=2", "line=1"]
    assert render_problems([]) == ""


def test_a_change_cannot_break_out_of_its_notice() -> None:
    from eerstelijn.history.diff import Change
    from eerstelijn.history.versions import WORKING_TREE, Comparison, Version

    change = Change(
        "actie", "H2.1", "titel", "titel now 'A, b: 100%\n::error::x'", "data/a,b:c.yaml", 3
    )
    removed = Change("partij", "ZN", "verwijderd", "removed: ZN", "data/partijen.yaml", None)
    here = Version(WORKING_TREE, WORKING_TREE, None)
    text = render_changes(Comparison(here, here, [change, removed]))
    assert text == (
        "::notice file=data/a%2Cb%3Ac.yaml,line=3,title=actie H2.1%3A titel::"
        "titel now 'A, b: 100%25%0A::error::x'\n"
        "::notice file=data/partijen.yaml,title=partij ZN%3A verwijderd::removed: ZN\n"
    )
