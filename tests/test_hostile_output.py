"""Hostile input, kind 2: text from the data is data in every output.

Whatever a titel, an id or a file name holds (rich markup, escape sequences, newlines, formula
starts, HTML), no output gains a row, a line, a cell, an annotation, a tag or a terminal
escape from it. The hypothesis tests put any text through every format; the CLI tests run
the payloads a hostile pull request would send.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from rich.console import Console

from eerstelijn import __version__, queries
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity
from eerstelijn.registry.load import load_registry
from eerstelijn.render import agenda as agenda_paper
from eerstelijn.render import csv as csv_format
from eerstelijn.render import github, markdown, table, text, views
from eerstelijn.render import json as json_format
from eerstelijn.render.ics import render_ics
from eerstelijn.render.listing import Section
from eerstelijn.report import build_page
from tests.conftest import REAL_DATA, REGISTRY, RunCli

AS_OF = date(2026, 1, 15)
# What a terminal, a log or a spreadsheet would act on: every control character but newline.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")

PAYLOADS = [
    "[/bold]",
    "[link=https://evil.example]klik[/link]",
    "[bold red]alarm",
    "\x1b[31mrood\x1b[0m",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31mC1 CSI",
    "bel\x07 nul\x00 del\x7f",
    "twee\nregels\r\nen CR\rterug",
    "::error file=x::forged",
    '=HYPERLINK("https://evil.example","x")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tTab first",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "a | b | c",
    "\u2028line separator\u2029",
]

texts = st.one_of(st.sampled_from(PAYLOADS), st.text(min_size=1, max_size=40))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(REGISTRY)


def with_titel(registry: Registry, titel: str) -> Registry:
    """The registry with the first action's titel and milestone replaced by `titel`."""
    first = registry.acties[0]
    mijlpalen = [m.model_copy(update={"omschrijving": titel}) for m in first.mijlpalen]
    changed = first.model_copy(update={"titel": titel, "mijlpalen": mijlpalen, "trekker": []})
    changed._origin = first._origin
    return registry.model_copy(update={"acties": [changed, *registry.acties[1:]]})


def printed(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=120, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue()


def section(titel: str) -> list[Section]:
    return [Section("s", "S", views.ACTIE_COLUMNS[:2], [{"id": "H2.1", "titel": titel}])]


@given(titel=texts)
def test_table_cells_are_never_markup_or_escapes(titel: str) -> None:
    shown = printed(table.render_sections(section(titel)))
    assert not RAW_CONTROL.search(shown)
    if titel in PAYLOADS[:3]:
        assert titel in shown  # the markup is shown as written, not obeyed


@given(titel=texts)
def test_csv_keeps_one_row_and_runs_no_formula(titel: str) -> None:
    out = csv_format.render_sections(section(titel))
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 2
    assert rows[0] == ["id", "titel"]
    cell = rows[1][1]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", cell)
    if titel.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert cell.startswith("'")


@given(titel=texts)
def test_json_gives_back_the_text_exactly(titel: str) -> None:
    out = json_format.render_sections(section(titel))
    assert not RAW_CONTROL.search(out)
    assert json.loads(out) == [{"id": "H2.1", "titel": titel}]


CELL = re.compile(r"\|((?:\\.|[^|\\])*)")


@given(titel=texts)
def test_markdown_keeps_one_row_of_two_cells_and_no_html(titel: str) -> None:
    out = markdown.render_sections(section(titel))
    lines = out.splitlines()
    assert len(lines) == 3
    assert len(CELL.findall(lines[2].rstrip("|").rstrip())) == 2
    assert "<" not in out
    assert not RAW_CONTROL.search(out)


@given(name=texts)
def test_problem_formats_keep_one_line_per_problem(name: str) -> None:
    problem = Problem(name, 3, 4, f"acties[{name}].titel", "schema", Severity.ERROR, name)
    for out in (text.problem_lines([problem]), text.render_problems([problem]).plain + "\n"):
        assert out.count("\n") == 1
        assert not RAW_CONTROL.search(out)
    annotation = github.render_problems([problem])
    assert annotation.count("\n") == 1
    assert annotation.startswith("::error file=")
    assert not RAW_CONTROL.search(annotation)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)


def tags(html: str) -> list[str]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titel=texts)
def test_calendar_report_and_agenda_gain_no_structure(registry: Registry, titel: str) -> None:
    hostile, plain = with_titel(registry, titel), with_titel(registry, "gewoon")

    calendar = render_ics(hostile, hostile.acties, name="x")
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", calendar)
    events = Calendar.from_ical(calendar).walk("VEVENT")
    assert len(events) == len(
        Calendar.from_ical(render_ics(plain, plain.acties, name="x")).walk("VEVENT")
    )

    assert tags(build_page(hostile, AS_OF, version=__version__)) == tags(
        build_page(plain, AS_OF, version=__version__)
    )

    def agenda(r: Registry) -> str:
        return agenda_paper.markdown(agenda_paper.paper(r, queries.agenda(r, AS_OF), AS_OF))

    hostile_md, plain_md = agenda(hostile), agenda(plain)
    assert len(hostile_md.splitlines()) == len(plain_md.splitlines())
    assert "<" not in hostile_md
    assert not RAW_CONTROL.search(hostile_md)


# --- The command line on a registry a hostile pull request wrote ------------------------------


def set_titel(root: Path, titel: str) -> None:
    """Write `titel` (as a YAML double-quoted string, escapes and all) into the first action."""
    path = root / "acties.yaml"
    text_ = path.read_text(encoding="utf-8")
    first = re.search(r"(?m)^    titel: .*$", text_)
    assert first is not None
    quoted = json.dumps(titel, ensure_ascii=True)
    path.write_text(text_[: first.start()] + f"    titel: {quoted}" + text_[first.end() :])


@pytest.mark.parametrize("titel", [*PAYLOADS[:3], "=cmd|' /C calc'!A0", "<b>vet</b>"])
@pytest.mark.parametrize(
    "command",
    [
        ["acties"],
        ["acties", "--format", "csv"],
        ["acties", "--format", "markdown"],
        ["overview"],
        ["show", "H2.1"],
        ["timeline"],
        ["agenda"],
        ["agenda", "--format", "markdown"],
    ],
    ids=" ".join,
)
def test_markup_in_a_titel_is_shown_not_obeyed(
    run_cli: RunCli, registry_copy: Path, titel: str, command: list[str]
) -> None:
    set_titel(registry_copy, titel)
    result = run_cli(*command, "--data", registry_copy, "--as-of", "2026-01-15")
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.stdout)
    assert "<b>" not in result.stdout or "markdown" not in command


@pytest.mark.parametrize(
    ("titel", "char"),
    [
        ("\x1b[31mrood", "U+001B"),
        ("\x1b]8;;https://evil.example\x1b\\x", "U+001B"),
        ("C1 \x9b31m", "U+009B"),
        ("bel\x07", "U+0007"),
        ("nul\x00", "U+0000"),
        ("del\x7f", "U+007F"),
        ("cr\rterug", "U+000D"),
    ],
)
def test_check_refuses_control_characters_at_their_line(
    run_cli: RunCli, registry_copy: Path, titel: str, char: str
) -> None:
    set_titel(registry_copy, titel)
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    [line] = [ln for ln in result.stdout.splitlines() if "control-character" in ln]
    assert re.search(r"acties\.yaml:3:12: error\[control-character\] acties\[H2\.1\]\.titel", line)
    assert char in line
    assert not RAW_CONTROL.search(result.stdout)


FORGED = "x\n::error file=acties.yaml,line=1::forged\n::add-mask::secret"


def test_a_file_name_cannot_forge_ci_lines(run_cli: RunCli, registry_copy: Path) -> None:
    (registry_copy / "acties" / f"{FORGED}.yaml").write_text("acties: 12\n", encoding="utf-8")
    for fmt in ("text", "github"):
        result = run_cli("check", "--data", registry_copy, "--format", fmt)
        assert result.exit_code == 2
        lines = result.stdout.splitlines()
        forged = [ln for ln in lines if ln.startswith(("::add-mask", "::error file=acties"))]
        assert forged == [], result.stdout
        assert sum("forged" in ln for ln in lines) == 1


def test_fmt_check_diff_headers_cannot_forge_ci_lines(run_cli: RunCli, registry_copy: Path) -> None:
    regional = registry_copy / "acties" / f"{FORGED}.yaml"
    body = (REGISTRY / "acties.yaml").read_text(encoding="utf-8")
    # Not canonical (a quarter written q1-2026 is rewritten), and ids of its own.
    body = body.replace("id: H", "id: R").replace("Q1 2026", "q1-2026")
    regional.write_text(body, encoding="utf-8")
    result = run_cli("fmt", "--check", "--data", registry_copy)
    assert result.exit_code == 1, result.output
    headers = [ln for ln in result.stdout.splitlines() if ln.startswith(("---", "+++"))]
    assert headers and all("\\n::error" in h for h in headers)
    assert not any(ln.startswith("::") for ln in result.stdout.splitlines())


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("question", [["overview"], ["acties"], ["timeline"]])
def test_an_output_that_cannot_hold_a_character_is_an_error_not_a_traceback(
    encoding: str, question: list[str]
) -> None:
    """A terminal or file in another encoding than UTF-8 (PYTHONIOENCODING, a file written on
    Windows in its code page) that cannot hold the marks of a table (a title cut short with
    "…" at 80 columns, the timeline's "◆"): the run says what to set and exits 2, without a
    traceback."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "EERSTELIJN_NO_CACHE": "1"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "eerstelijn",
            *question,
            "--data",
            str(REAL_DATA),
            "--as-of",
            AS_OF.isoformat(),
        ],
        capture_output=True,
        env={**env, "NO_COLOR": "1", "COLUMNS": "80"},
        check=False,
    )
    error = run.stderr.decode(encoding)
    assert run.returncode == 2, error
    assert "Traceback" not in error
    assert f"({encoding})" in error and "PYTHONIOENCODING=utf-8" in error
    assert run.stdout == b""
