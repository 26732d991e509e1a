"""The fast reader and the round-trip reader agree: same data, same positions, same problems."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eerstelijn.problems import Problem, SourceMap
from eerstelijn.registry import fastyaml, rtyaml, scalars
from eerstelijn.registry.load import InvalidRegistry, load_registry
from tests.conftest import FIXTURES, REAL_DATA, REGISTRY
from tests.test_hostile import mutations

VALID_FILES = sorted([*REAL_DATA.rglob("*.yaml"), *REGISTRY.rglob("*.yaml")])
ALL_FILES = sorted([*VALID_FILES, *(FIXTURES / "invalid").glob("*.yaml")])


def typed(value: Any) -> Any:
    """`value` with the type of every scalar spelled out: True and 1 must not compare equal."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def fast(text: str) -> tuple[Any, SourceMap] | None:
    """What the fast reader makes of `text`, or None when it leaves the text alone."""
    source = SourceMap("f.yaml")
    try:
        return typed(fastyaml.read(text, source)), source
    except fastyaml.Unsupported:
        return None


def slow(text: str) -> tuple[Any, SourceMap] | Problem:
    """What the round-trip reader makes of `text`: data and positions, or the problem."""
    try:
        plain, source = rtyaml.read(text, "f.yaml")
    except rtyaml.Refused as refused:
        return refused.problem
    return typed(plain), source


def assert_agree(text: str) -> bool:
    """Assert the fast reader agrees with the round-trip reader; True when it read the text."""
    quick = fast(text)
    if quick is None:
        return False
    reference = slow(text)
    assert not isinstance(reference, Problem), f"fast reader accepted what is refused: {reference}"
    assert quick[0] == reference[0]
    assert quick[1] == reference[1]
    return True


@pytest.mark.parametrize(
    "path", ALL_FILES, ids=lambda p: str(p.relative_to(FIXTURES.parent.parent))
)
def test_fast_and_round_trip_readers_agree_on_every_file(path: Path) -> None:
    assert_agree(path.read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_the_fast_reader_reads_the_real_data_itself(path: Path) -> None:
    assert fast(path.read_text(encoding="utf-8")) is not None


def problems(root: Path) -> list[Problem] | str:
    """The problems loading `root` reports, or the registry's JSON when it loads."""
    try:
        return load_registry(root).model_dump_json()
    except InvalidRegistry as invalid:
        return invalid.problems


def round_trip_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, source: SourceMap, **options: Any) -> Any:
        raise fastyaml.Unsupported("test: round-trip reader only")

    monkeypatch.setattr(fastyaml, "read", refuse)


@pytest.mark.parametrize(
    "case", sorted((FIXTURES / "invalid").glob("*.yaml")), ids=lambda p: p.stem
)
def test_both_paths_report_the_same_problems(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    shutil.copytree(REGISTRY, root)
    target = root / case.read_text(encoding="utf-8").splitlines()[0].removeprefix("# target: ")
    shutil.copyfile(case, target)
    quick = problems(root)
    round_trip_only(monkeypatch)
    assert quick == problems(root)


@pytest.mark.parametrize("root", [REAL_DATA, REGISTRY], ids=["data", "registry"])
def test_both_paths_give_the_same_registry_and_origins(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = load_registry(root)
    round_trip_only(monkeypatch)
    reference = load_registry(root)
    assert quick == reference
    mine_items = [*quick.acties, *quick.partijen, *quick.doelen, *quick.zorgbelofte]
    their_items = [
        *reference.acties,
        *reference.partijen,
        *reference.doelen,
        *reference.zorgbelofte,
    ]
    for mine, theirs in zip(mine_items, their_items, strict=True):
        assert mine.origin == theirs.origin
        assert mine.origin.positions == theirs.origin.positions
        assert mine.origin.labels == theirs.origin.labels


# Scalars of every kind YAML 1.2 (and YAML 1.1 readers) might read differently: those the fast
# reader builds itself, and those it leaves to the round-trip reader (drawn less often, so that
# most documents exercise the fast reader).
SCALARS = [
    "tekst",
    "Patiëntenfederatie",
    "V&VN",
    "Q1 2026",
    "voor de zomer van 2024",
    "12",
    "-3",
    "0",
    "yes",
    "no",
    "on",
    "true",
    "False",
    "TRUE",
    "null",
    "Null",
    "~",
    "'quoted: yes'",
    "'12'",
    '"double \\u00e9 \\t tab"',
    '"true"',
    "'it''s'",
    "a # comment after",
    "word:word",
    "http://example.org/x?y=1",
    "[a, 'b', 3]",
    "[]",
    "{}",
    "{document: visie-vgz, sectie: x}",
    "{a: 1, b: [2, 3]}",
    ">-\n  folded\n  over lines\n",
    "|\n  literal\n   kept\n",
    ">\n  keep\n\n  para\n",
    "|+\n  keep\n\n",
    "\n  on the next line",
    "'two\n  lines'",
]
ODD_SCALARS = [
    "",
    "007",
    "0o17",
    "0x1F",
    "1_000",
    "+5",
    "1.5",
    "1e3",
    ".inf",
    ".NaN",
    "2026-01-15",
    "2026-01-15 10:00:00",
    "<<",
    "=",
    "&a x",
    "*a",
    "!!str 3",
    "!custom x",
    "! x",
]
KEYS = ["id", "titel", "code", "nummer", "doelen", "trekker", "x", "'q'", '"dq"']
ODD_KEYS = ["1", "true", "~", "? complex"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A YAML document in the shape of a registry file, its values drawn from SCALARS."""

    def keys(most: int) -> list[str]:
        pool = KEYS + ODD_KEYS if draw(st.integers(0, 10)) == 5 else KEYS
        return draw(st.lists(st.sampled_from(pool), min_size=1, max_size=most, unique=True))

    def value(depth: int) -> str:
        kind = draw(
            st.sampled_from(["scalar", "scalar", "list", "map"] if depth < 3 else ["scalar"])
        )
        indent = "  " * (depth + 1)
        if kind == "scalar":
            pool = ODD_SCALARS if draw(st.integers(0, 30)) == 15 else SCALARS
            return " " + draw(st.sampled_from(pool)).replace("\n", "\n" + indent)
        if kind == "list":
            items = draw(st.lists(st.just(None), min_size=1, max_size=3))
            return "".join(f"\n{indent}-{value(depth + 1)}" for _ in items)
        return "".join(f"\n{indent}{key}:{value(depth + 1)}" for key in keys(4))

    actions = draw(st.integers(1, 3))
    body = ""
    for _ in range(actions):
        first, *rest = keys(5)
        body += f"  - {first}:{value(2)}\n" + "".join(f"    {k}:{value(2)}\n" for k in rest)
    comment = draw(st.sampled_from(["", "# kop\n", "---\n", "\n\n"]))
    return f"{comment}acties:\n{body}"


@settings(max_examples=300, deadline=None)
@given(text=documents())
def test_readers_agree_on_generated_documents(text: str) -> None:
    assert_agree(text)


@settings(max_examples=40, deadline=None)
@given(text=documents())
def test_readers_agree_on_generated_crlf_documents(text: str) -> None:
    assert_agree(text.replace("\n", "\r\n"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_readers_agree_on_mutated_real_data(mutation: tuple[str, bytes]) -> None:
    _, content = mutation
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    if "\0" not in text:
        assert_agree(text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=documents())
def test_both_paths_report_the_same_on_generated_registries(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    root = tmp_path_factory.mktemp("generated") / "data"
    shutil.copytree(REGISTRY, root)
    (root / "acties" / "regio-gegenereerd.yaml").write_text(text, encoding="utf-8")
    quick = problems(root)
    with pytest.MonkeyPatch.context() as monkeypatch:
        round_trip_only(monkeypatch)
        assert quick == problems(root)


@pytest.mark.parametrize(
    "text",
    [
        "a: [é, b]\n",
        "ë: 1\nb: [Patiëntenfederatie, 'x', c]\n",
        "a: [\U0001f600, b]\n",
        "a:\r\n  - é\r\n  - b\r\n",
    ],
)
def test_columns_count_characters_not_bytes(text: str) -> None:
    assert assert_agree(text)


def test_the_refused_characters_are_the_complement_of_the_allowed_ones() -> None:
    """The classes of refused characters are written as what is refused (quick to compile);
    over every code point they match what YAML's printable set leaves out."""
    import re

    allowed = "\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff"
    every = "".join(chr(c) for c in range(0x110000))
    for refused, complement in (
        (scalars._ODD_CHARACTER, f"[^{allowed}]|\t|\ufeff"),
        (scalars._NOT_IN_A_FILE, f"[^\t{allowed}]"),
    ):
        found = [m.start() for m in re.finditer(refused, every)]
        assert found == [m.start() for m in re.finditer(complement, every)]
        assert 2000 < len(found) < 2200
