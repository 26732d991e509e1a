"""Text: `file:line:col: severity[code] path: message`, one problem a line, as compilers write."""

from __future__ import annotations

from rich.console import Console

from eerstelijn.problems import Problem, Severity
from eerstelijn.render.text import location, problem_lines, render_problems

ERROR = Problem(
    "data/doelen.yaml", 4, 5, "doelen[1].bronn", "unknown-field", Severity.ERROR, "no such field"
)
WARNING = Problem(
    "data/acties.yaml",
    30,
    5,
    "acties[H3.1].trekker",
    "missing-trekker",
    Severity.WARNING,
    "action H3.1 has no trekker",
)
WHOLE_FILE = Problem(
    "data/acties.yaml", 0, 0, "", "unreadable", Severity.ERROR, "Permission denied"
)


def test_each_problem_is_one_line_with_its_location_first() -> None:
    assert problem_lines([ERROR, WARNING]) == (
        "data/doelen.yaml:4:5: error[unknown-field] doelen[1].bronn: no such field\n"
        "data/acties.yaml:30:5: warning[missing-trekker] acties[H3.1].trekker: "
        "action H3.1 has no trekker\n"
    )


def test_a_problem_about_a_whole_file_names_only_the_file_and_no_path() -> None:
    assert location(WHOLE_FILE) == "data/acties.yaml"
    assert problem_lines([WHOLE_FILE]) == "data/acties.yaml: error[unreadable] Permission denied\n"


def test_no_problems_print_nothing() -> None:
    assert problem_lines([]) == ""


def test_the_rich_text_reads_as_the_plain_lines() -> None:
    console = Console(width=200, color_system=None, force_terminal=False, highlight=False)
    with console.capture() as captured:
        console.print(render_problems([ERROR, WARNING, WHOLE_FILE]))
    assert captured.get() == problem_lines([ERROR, WARNING, WHOLE_FILE])


def test_only_the_severity_and_code_are_coloured_on_every_line() -> None:
    text = render_problems([ERROR, WARNING, WHOLE_FILE])
    coloured = [(text.plain[s.start : s.end], str(s.style)) for s in text.spans]
    assert coloured == [
        ("error[unknown-field]", "bold red"),
        ("warning[missing-trekker]", "yellow"),
        ("error[unreadable]", "bold red"),
    ]
