"""The line reader gives the data and positions fastyaml gives, or leaves the file to it."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eerstelijn.problems import SourceMap
from eerstelijn.registry import fastyaml, linescan
from eerstelijn.registry.load import MAX_KEYS, MAX_TEXT, InvalidRegistry, load_registry
from tests.conftest import REGISTRY
from tests.registry.test_fastyaml import ALL_FILES, documents, typed

READ_BY_LINES = sorted(REGISTRY.rglob("*.yaml"))


def by_lines(text: str) -> tuple[Any, SourceMap] | None:
    """What the line reader makes of `text`, or None when it leaves the text to fastyaml."""
    source = SourceMap("f.yaml")
    try:
        return typed(linescan.read(text, source, max_keys=MAX_KEYS)), source
    except linescan.Unsupported:
        return None


def assert_agree(text: str) -> bool:
    """Assert the line reader agrees with fastyaml; True when it read the text."""
    quick = by_lines(text)
    if quick is None:
        return False
    source = SourceMap("f.yaml")
    try:
        reference = typed(fastyaml.read(text, source, max_keys=MAX_KEYS))
    except (fastyaml.Unsupported, fastyaml.TooManyKeys) as error:
        pytest.fail(f"the line reader read what fastyaml leaves alone ({error}):\n{text}")
    assert quick[0] == reference
    assert quick[1] == source
    return True


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_line_reader_and_fastyaml_agree_on_every_file(path: Path) -> None:
    assert_agree(path.read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize("path", READ_BY_LINES, ids=lambda p: p.name)
def test_the_line_reader_reads_the_fixture_registry_itself(path: Path) -> None:
    assert by_lines(path.read_text(encoding="utf-8")) is not None


# Values the line reader reads, and values it must leave to fastyaml or read with care
# (drawn less often, so that most documents are read by lines).
SCALARS = [
    "tekst",
    "Patiëntenfederatie",
    "Q1 2026",
    "12",
    "0",
    "true",
    "False",
    "null",
    "~",
    "yes",
    "2026-01-15",
    "a:b",
    "a#b",
    "two  spaces",
    "'quoted'",
    "'it''s'",
    '"double"',
    '"a, b"',
    "[a, 'b', 3]",
    "[]",
    "[2, 6A]",
    "{document: x, sectie: 'y'}",
    "{}",
    "https://example.org/x?y=1#z",
    "x]",
    "Ω\U0001f600 é",
]
ODD_SCALARS = [
    "007",
    "-3",
    "1.5",
    "2026-02-30",
    "a: b",
    "a #b",
    "ends:",
    "trailing ",
    "'open",
    '"with \\" escape"',
    "[a,b]",
    "[a , b]",
    "[[a]]",
    "[a: b]",
    "{a: 1, a: 2}",
    "{a:1}",
    "{a: [b]}",
    "&anchor x",
    "*alias",
    "!tag x",
    "|",
    ">-",
    "?x",
    "@x",
    "",
]
# Folded texts (`key: >-` and lines below), and what the line reader must leave to fastyaml.
FOLDED_HEADS = [">", ">+", "|-", ">2-", ">- # c", ">-  "]
FOLDED_LINES = ["", "  ", "trailing ", "# not a comment", "a: b", "  more indented", "\tx"]
KEYS = ["id", "titel", "code", "nummer", "doelen", "x_1"]
ODD_KEYS = ["true", "Null", "'q'", "a b", "-x", "ë"]


@st.composite
def layouts(draw: st.DrawFn) -> str:
    """A document in fmt's layout, now and then off it: indentation, values, keys, comments."""

    def odd() -> bool:
        return draw(st.integers(0, 40)) == 0

    def scalar() -> str:
        return draw(st.sampled_from(ODD_SCALARS if odd() else SCALARS))

    def pad() -> str:
        return " " * draw(st.integers(1, 3)) if odd() else ""

    def step() -> int:
        return draw(st.sampled_from([0, 1, 3, 4])) if odd() else 2

    def block(indent: int, depth: int) -> list[str]:
        lines: list[str] = []
        pool = KEYS + ODD_KEYS if odd() else KEYS
        keys = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique=not odd()))
        for key in keys:
            kinds = ["scalar", "scalar", "list", "map"] if depth < 3 else ["scalar"]
            kind = draw(st.sampled_from([*kinds, "folded"]))
            here = " " * indent + pad()
            if lines and draw(st.integers(0, 8)) == 0:
                lines.append(here + draw(st.sampled_from(["# c", "", "   ", "#", "  # d"])))
            if kind == "scalar":
                lines.append(f"{here}{key}: {scalar()}")
            elif kind == "folded":
                lines.append(
                    f"{here}{key}: {draw(st.sampled_from(FOLDED_HEADS)) if odd() else '>-'}"
                )
                below = " " * (indent + step())
                for _ in range(draw(st.integers(0 if odd() else 1, 3))):
                    # Often off the form the line reader reads: it must know when it is.
                    off = draw(st.integers(0, 3)) == 0
                    text = draw(st.sampled_from(FOLDED_LINES if off else SCALARS))
                    lines.append(below + pad() + text if text else text)
            elif kind == "map":
                lines.append(f"{here}{key}:")
                lines += block(indent + step(), depth + 1)
            else:
                lines.append(f"{here}{key}:")
                dash = indent + step()
                for _ in range(draw(st.integers(1, 3))):
                    if draw(st.booleans()):
                        lines.append(" " * dash + "- " + scalar())
                    else:
                        first, *rest = block(dash + 2, depth + 1)
                        lines.append(" " * dash + "- " + first.lstrip(" "))
                        lines += rest
        return lines

    head = draw(st.sampled_from(["", "# kop\n", "\n", "---\n" if odd() else ""]))
    end = draw(st.sampled_from(["\n", "", "\n\n", "\n# eind\n"]))
    return head + "\n".join(block(0, 0)) + end


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(text=layouts())
def test_readers_agree_on_generated_layouts(text: str) -> None:
    assert_agree(text)


@settings(max_examples=100)
@given(text=layouts())
def test_readers_agree_on_generated_crlf_layouts(text: str) -> None:
    assert_agree(text.replace("\n", "\r\n"))


@settings(max_examples=200)
@given(text=documents())
def test_readers_agree_on_fastyamls_generated_documents(text: str) -> None:
    assert_agree(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A file of the fixture registry with a few lines mangled, moved or doubled."""
    lines = draw(st.sampled_from(READ_BY_LINES)).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        kind = draw(st.sampled_from(["indent", "dedent", "delete", "double", "insert", "cut"]))
        if kind == "indent":
            lines[at] = " " * draw(st.integers(1, 3)) + line
        elif kind == "dedent":
            lines[at] = line[draw(st.integers(1, 3)) :]
        elif kind == "delete":
            del lines[at]
        elif kind == "double":
            lines.insert(at, line)
        elif kind == "insert":
            where = draw(st.integers(0, len(line)))
            token = draw(st.sampled_from([":", "- ", "[", "]", "{", "'", '"', " #", ",", "  "]))
            lines[at] = line[:where] + token + line[where:]
        else:
            lines[at] = line[: draw(st.integers(0, len(line)))]
    return "\n".join(lines)


@settings(max_examples=400)
@given(text=mutated())
def test_readers_agree_on_mutated_fixture_files(text: str) -> None:
    assert_agree(text)


def test_a_mapping_with_too_many_keys_is_left_to_fastyaml() -> None:
    text = "acties:\n  - id: x\n" + "".join(f"    k{i}: v\n" for i in range(MAX_KEYS))
    assert by_lines(text) is None


def test_an_over_long_text_read_by_lines_is_still_refused(registry_copy: Path) -> None:
    path = registry_copy / "acties" / "regio-oost.yaml"
    text = path.read_text(encoding="utf-8")
    assert by_lines(text) is not None
    long = "x" * (MAX_TEXT + 1)
    path.write_text(text.replace("titel: ", f"titel: {long} ", 1), encoding="utf-8")
    assert by_lines(path.read_text(encoding="utf-8")) is not None
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(registry_copy)
    [problem] = raised.value.problems
    assert (problem.code, problem.line, problem.col) == ("too-long", 4, 12)


def test_a_folded_text_too_long_is_refused_though_every_line_is_short(
    registry_copy: Path,
) -> None:
    """A folded text (`toelichting: >-`) is read by lines, and held to the length limit as
    a whole, not line by line."""
    path = registry_copy / "acties" / "regio-oost.yaml"
    text = path.read_text(encoding="utf-8")
    line = "woord " * 12 + "woord"
    lines = "\n".join("      " + line for _ in range(MAX_TEXT // len(line) + 1))
    long = text.replace("titel: ", f"toelichting: >-\n{lines}\n    titel: ", 1)
    assert by_lines(long) is not None
    path.write_text(long, encoding="utf-8")
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(registry_copy)
    [problem] = raised.value.problems
    assert (problem.code, problem.line, problem.col) == ("too-long", 4, 18)
    shorter = "\n".join(lines.split("\n")[:3])
    path.write_text(text.replace("titel: ", f"toelichting: >-\n{shorter}\n    titel: ", 1))
    [actie] = [a for a in load_registry(registry_copy).acties if a.origin.file == str(path)][:1]
    assert actie.toelichting == " ".join([line] * 3)


def test_a_flow_mapping_with_too_many_keys_is_left_to_fastyaml() -> None:
    flow = ", ".join(f"k{i}: v" for i in range(MAX_KEYS + 1))
    assert by_lines(f"acties:\n  - {{{flow}}}\n") is None
    assert by_lines(f"acties:\n  - {{{flow.rsplit(', ', 1)[0]}}}\n") is not None


def fresh_and_reference(text: str) -> tuple[SourceMap, SourceMap]:
    mine, reference = SourceMap("f.yaml"), SourceMap("f.yaml")
    linescan.read(text, mine, max_keys=MAX_KEYS)
    fastyaml.read(text, reference, max_keys=MAX_KEYS)
    return mine, reference


@settings(max_examples=150)
@given(text=layouts(), data=st.data())
def test_each_position_asked_first_is_the_one_a_full_read_gives(
    text: str, data: st.DataObject
) -> None:
    if by_lines(text) is None:
        return
    _, reference = fresh_and_reference(text)
    for which in ("values", "keys"):
        wanted = getattr(reference, which)
        for path in data.draw(st.lists(st.sampled_from(sorted(wanted, key=repr)), max_size=5)):
            mine, _ = fresh_and_reference(text)  # nothing worked out yet
            assert getattr(mine, which)[path] == wanted[path]
            assert path in getattr(mine, which)
        mine, _ = fresh_and_reference(text)
        assert ("nowhere", 0, "x") not in getattr(mine, which)


@pytest.mark.parametrize("path", READ_BY_LINES, ids=lambda p: p.name)
def test_positions_survive_pickling_before_and_after_being_worked_out(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    mine, reference = fresh_and_reference(text)
    untouched = pickle.loads(pickle.dumps(mine))
    assert untouched == reference
    assert pickle.loads(pickle.dumps(untouched)) == reference  # now worked out whole


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
@pytest.mark.parametrize("path", READ_BY_LINES, ids=lambda p: p.name)
def test_positions_worked_out_from_the_files_bytes_are_the_same(
    path: Path, crlf: bool, bom: bool
) -> None:
    text = path.read_text(encoding="utf-8").replace("titel: ", "titel: Ëën ")
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = ("\ufeff" if bom else "").encode() + text.encode()
    decoded = raw.decode("utf-8-sig")
    mine, reference = SourceMap("f.yaml"), SourceMap("f.yaml")
    linescan.read(decoded, mine, max_keys=MAX_KEYS, raw=raw)
    fastyaml.read(decoded, reference, max_keys=MAX_KEYS)
    assert mine == reference


@settings(max_examples=200)
@given(text=layouts(), stretch=st.integers(0, 40))
def test_lines_matched_a_stretch_at_a_time_are_read_the_same(text: str, stretch: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linescan, "_STRETCH", stretch)
        assert_agree(text)
        assert_agree(text.replace("\n", "\r\n"))
