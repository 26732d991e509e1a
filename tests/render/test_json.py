"""JSON: problems with their fields unchanged, listings as records, keys in a stable order."""

from __future__ import annotations

import json

from eerstelijn.problems import Problem, Severity
from eerstelijn.render.json import render_problems, render_sections
from eerstelijn.render.listing import Column, Section

PROBLEM = Problem(
    "data/partijen.yaml",
    5,
    11,
    "partijen[ZINL].code",
    "duplicate-id",
    Severity.ERROR,
    "partij code or alias 'ZINL' is already defined at data/partijen.yaml:3",
)


def test_a_problem_is_an_object_of_its_documented_fields_in_order() -> None:
    [record] = json.loads(render_problems([PROBLEM]))
    assert list(record) == ["file", "line", "col", "path", "code", "severity", "message"]
    assert record == {
        "file": "data/partijen.yaml",
        "line": 5,
        "col": 11,
        "path": "partijen[ZINL].code",
        "code": "duplicate-id",
        "severity": "error",
        "message": "partij code or alias 'ZINL' is already defined at data/partijen.yaml:3",
    }


def test_output_is_indented_utf8_with_a_trailing_newline() -> None:
    problem = Problem("doelën.yaml", 0, 0, "", "unreadable", Severity.WARNING, "‘niet’ leesbaar")
    text = render_problems([problem])
    assert text.endswith("}\n]\n")
    assert '\n  {\n    "file": "doelën.yaml",\n    "line": 0,\n' in text
    assert '"message": "‘niet’ leesbaar"' in text


def test_no_problems_is_an_empty_list() -> None:
    assert render_problems([]) == "[]\n"


COLUMNS = (Column("id", "id"),)


def test_one_section_is_a_list_of_whole_records() -> None:
    # JSON keeps what the flat views leave out: fields beyond the columns, lists as lists.
    record = {"id": "H2.1", "trekker": ["ZN", "LHV"], "overdue": False, "deadline": None}
    text = render_sections([Section("acties", "Acties", COLUMNS, [record])])
    assert json.loads(text) == [record]
    assert list(json.loads(text)[0]) == ["id", "trekker", "overdue", "deadline"]


def test_several_sections_are_an_object_keyed_by_section() -> None:
    sections = [
        Section("actie", "H2.1", COLUMNS, [{"id": "H2.1"}]),
        Section("mijlpalen", "Mijlpalen", COLUMNS, []),
    ]
    assert json.loads(render_sections(sections)) == {"actie": [{"id": "H2.1"}], "mijlpalen": []}
