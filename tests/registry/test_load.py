"""Loading: every kind of mistake becomes a located problem, and good data loads."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from eerstelijn.checks import run_checks
from eerstelijn.problems import Problem
from eerstelijn.registry.load import InvalidRegistry, load_registry
from tests.conftest import FIXTURES, REGISTRY

AS_OF = date(2026, 1, 15)
_EXPECT = re.compile(r"^# expect: (?P<code>[a-z-]+) (?P<line>\d+):(?P<col>\d+) (?P<text>.+)$")


@dataclass(frozen=True)
class Case:
    """An invalid-input fixture: which registry file it replaces and what it must report."""

    path: Path
    target: str
    expected: list[tuple[str, int, int, str]]


def _cases() -> list[Case]:
    cases = []
    for path in sorted((FIXTURES / "invalid").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        target = lines[0].removeprefix("# target: ").strip()
        expected = [
            (m["code"], int(m["line"]), int(m["col"]), m["text"])
            for m in map(_EXPECT.match, lines[1:])
            if m
        ]
        cases.append(Case(path, target, expected))
    return cases


def problems_of(root: Path) -> list[Problem]:
    """Everything `check` would report: load problems, else check problems."""
    try:
        registry = load_registry(root)
    except InvalidRegistry as invalid:
        return invalid.problems
    return run_checks(registry, AS_OF)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.path.stem)
def test_invalid_fixture_reports_exactly_its_problems(case: Case, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(REGISTRY, root)
    target = root / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case.path, target)

    found = [p for p in problems_of(root) if p.file == str(target)]

    assert [(p.code, p.line, p.col) for p in found] == [
        (code, line, col) for code, line, col, _ in case.expected
    ], "\n".join(f"{p.line}:{p.col} {p.code} {p.message}" for p in found)
    for problem, (_, _, _, text) in zip(found, case.expected, strict=True):
        assert text in problem.message


def test_every_invalid_fixture_expects_something() -> None:
    assert all(case.expected for case in _cases())


def test_fixture_registry_loads_with_its_regional_file() -> None:
    registry = load_registry(REGISTRY)
    assert [a.id for a in registry.acties] == ["H2.1", "H2.2", "H3.1", "H4.1", "OOST.1"]
    oost = registry.actie("OOST.1")
    assert oost is not None and oost.regio == "Oost"
    assert oost.origin.file.endswith("acties/regio-oost.yaml")


def test_documents_read_dates_versions_and_urls_as_written(registry_copy: Path) -> None:
    (registry_copy / "documenten.yaml").write_text(
        """\
documenten:
  - {id: realisatieagenda, titel: Agenda, soort: agenda, versie: 2}
  - id: visie-vgz
    titel: Webpagina
    soort: webpagina
    datum: 2025-03-01
    url: https://example.org/visie
  - {id: brief, titel: Brief, soort: kamerbrief, datum: 2025-11-10, url: "geen adres"}
""",
        encoding="utf-8",
    )
    [problem] = problems_of(registry_copy)
    assert (problem.code, problem.line, problem.yaml_path) == ("schema", 8, "documenten[brief].url")
    text = (registry_copy / "documenten.yaml").read_text(encoding="utf-8")
    (registry_copy / "documenten.yaml").write_text(
        text.replace(', url: "geen adres"', ""), encoding="utf-8"
    )
    registry = load_registry(registry_copy)
    agenda, page, brief = registry.documenten
    assert (agenda.versie, agenda.datum, agenda.label) == ("2", None, "Agenda, versie 2")
    assert (page.datum, page.url) == (date(2025, 3, 1), "https://example.org/visie")
    assert brief.label == "Brief, 2025-11-10"


def test_problems_in_several_files_are_all_reported(registry_copy: Path) -> None:
    (registry_copy / "doelen.yaml").write_text("doelen: [\n", encoding="utf-8")
    (registry_copy / "zorgbelofte.yaml").write_text("", encoding="utf-8")
    codes = sorted((Path(p.file).name, p.code) for p in problems_of(registry_copy))
    assert codes == [("doelen.yaml", "yaml-syntax"), ("zorgbelofte.yaml", "empty-file")]


def test_missing_file_is_named(registry_copy: Path) -> None:
    (registry_copy / "partijen.yaml").unlink()
    [problem] = problems_of(registry_copy)
    assert (problem.code, problem.file) == ("missing-file", str(registry_copy / "partijen.yaml"))


def test_missing_directory_is_a_problem(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nope")
    assert problem.code == "missing-directory"
    assert "does not exist" in problem.message


def test_non_utf8_bytes_are_located(registry_copy: Path) -> None:
    path = registry_copy / "doelen.yaml"
    path.write_bytes(b'doelen:\n  - id: "1"\n    titel: caf\xe9\n')
    [problem] = problems_of(registry_copy)
    assert (problem.code, problem.line, problem.col) == ("encoding", 3, 15)


def test_binary_content_is_refused(registry_copy: Path) -> None:
    (registry_copy / "doelen.yaml").write_bytes(b"doelen:\x00\x01\x02")
    [problem] = problems_of(registry_copy)
    assert problem.code == "encoding"


def test_bom_and_crlf_are_accepted(registry_copy: Path) -> None:
    path = registry_copy / "acties.yaml"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    registry = load_registry(registry_copy)
    assert len(registry.acties) == 5
    # Positions still count lines, not carriage returns.
    h31 = registry.actie("H3.1")
    assert h31 is not None and h31.origin.locate("trekker") == (42, 5)


def test_positions_name_items_by_id(registry_copy: Path) -> None:
    path = registry_copy / "acties.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("deadline: Q3 2025", "deadline: Q7 2025"),
        encoding="utf-8",
    )
    [problem] = problems_of(registry_copy)
    assert problem.yaml_path == "acties[H2.2].mijlpalen[0].deadline"
    assert (problem.line, problem.col) == (20, 19)


SYNTAX_HINTS = {
    # A colon in an unquoted value: the fix, written out.
    "doelen:\n  - id: 1\n    titel: Minder: druk\n": (
        3,
        "a value with ': ' in it must be quoted: titel: \"Minder: druk\" "
        "(YAML: mapping values are not allowed here)",
    ),
    # A key one space short of its siblings.
    "doelen:\n  - id: 1\n    titel: Minder druk\n   bron: x\n": (
        4,
        "check the indentation: line 4 starts after 3 spaces, the key on line 3 after 4",
    ),
    # A key two spaces too deep reads as part of the value above, then meets a colon.
    "doelen:\n  - id: 1\n    titel: Minder druk\n      bron: x\n": (
        4,
        "check the indentation: line 4 starts after 6 spaces, the key on line 3 after 4",
    ),
    # A key under a list item that does not line up with the key after '- '.
    "doelen:\n  - id: 1\n  titel: x\n": (
        3,
        "check the indentation: line 3 starts after 2 spaces, the key on line 2 after 4",
    ),
    'doelen:\n  - id: 1\n    titel: "Minder druk\n  - id: 2\n': (
        5,
        'the " opened on line 3, column 12 is never closed: end the text with " on that line',
    ),
    "doelen:\n  - id: 1\n\ttitel: x\n": (
        3,
        "YAML indents with spaces, never tabs: replace the tab on line 3 by spaces",
    ),
    "doelen:\n  - id: 1\n    doelen: [1, 2\n": (
        4,
        "the [ opened on line 3, column 13 is never closed: end it with ], and separate its "
        "items with commas",
    ),
    "doelen:\n  - {id: 1, titel: x\n  - id: 2\n": (
        3,
        "the { opened on line 2, column 5 is never closed: end it with }, and separate its "
        "items with commas",
    ),
}


@pytest.mark.parametrize(
    "text",
    SYNTAX_HINTS,
    ids=["colon", "short", "deep", "item", "quote", "tab", "flow-list", "flow-mapping"],
)
def test_common_syntax_errors_come_with_a_plain_hint(registry_copy: Path, text: str) -> None:
    (registry_copy / "doelen.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(registry_copy)
    [problem] = [p for p in raised.value.problems if p.code == "yaml-syntax"]
    line, hint = SYNTAX_HINTS[text]
    assert problem.line == line
    assert problem.message.startswith(hint)
    assert "(YAML: " in problem.message  # the parser's words stay, for searching
