"""Hostile input: every kind of bad file gives a located error, never a crash or a hang."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eerstelijn.checks import run_checks
from eerstelijn.models import Registry
from eerstelijn.problems import Problem
from eerstelijn.registry import load
from eerstelijn.registry.load import InvalidRegistry, load_registry
from tests.conftest import FIXTURES, REAL_DATA, RunCli

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else 'lol'}]\n"
    for prev, name in zip([None, "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)


def problems_for(root: Path, name: str, content: str | bytes) -> list[Problem]:
    path = root / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(root)
    return raised.value.problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (BOMB, ("yaml-alias", 1, 1, "anchors and aliases are not allowed (anchor &a)")),
        ("doelen: &a\n  - *a\n", ("yaml-alias", 1, 1, "anchors and aliases are not allowed")),
        ("base: &b {titel: x}\ndoelen:\n  - <<: *b\n", ("yaml-alias", 1, 1, "(anchor &b)")),
        (
            "doelen: !!set {a, b}\n",
            ("yaml-tag", 1, 9, "only mappings, lists and plain values are allowed"),
        ),
        ("doelen: !custom [1]\n", ("yaml-tag", 1, 1, "tag '!custom' is not allowed")),
        (
            "doelen: " + "[" * 5000 + "]" * 5000 + "\n",
            ("yaml-syntax", 1, 73, "more than 64 levels"),
        ),
        ("# only\n# comments\n", ("empty-file", 1, 1, "file is empty")),
        ("", ("empty-file", 1, 1, "file is empty")),
        ("just a sentence\n", ("schema", 1, 1, "expected a mapping with the key 'doelen'")),
        ("- 1\n- 2\n", ("schema", 1, 1, "expected a mapping with the key 'doelen'")),
        ("doelen: 12\n", ("schema", 1, 9, "expected a list, got the number 12")),
        (b"doelen:\n  - id: \xff\xfe\n", ("encoding", 2, 9, "file is not UTF-8 text")),
        (b"PNG\r\n\x1a\n\x00\x00IHDR", ("encoding", 3, 1, "binary data")),
        ("doelen:\n\t- id: 1\n", ("yaml-syntax", 2, 1, "found character '\\t'")),
        ("doelen: [1, 2\n", ("yaml-syntax", 2, 1, "expected ',' or ']'")),
    ],
    ids=[
        "billion-laughs",
        "recursive-alias",
        "merge-key",
        "set-tag",
        "custom-tag",
        "deep-nesting",
        "only-comments",
        "empty",
        "top-level-scalar",
        "top-level-list",
        "wrong-type-list",
        "non-utf8",
        "binary",
        "tab",
        "unclosed-flow",
    ],
)
def test_hostile_file_gives_one_located_error(
    registry_copy: Path, content: str | bytes, expected: tuple[str, int, int, str]
) -> None:
    [problem] = problems_for(registry_copy, "doelen.yaml", content)
    code, line, col, text = expected
    assert (problem.code, problem.line, problem.col) == (code, line, col), problem
    assert text in problem.message
    assert problem.file == str(registry_copy / "doelen.yaml")


def test_python_tags_never_construct_anything(registry_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"doelen: !!python/object/apply:os.system ['touch {marker}']\n"
    [problem] = problems_for(registry_copy, "doelen.yaml", payload)
    assert problem.code == "yaml-tag"
    assert not marker.exists()


def test_a_file_over_the_size_limit_is_refused_unread(
    registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = max(p.stat().st_size for p in registry_copy.rglob("*.yaml"))
    monkeypatch.setattr(load, "MAX_FILE_BYTES", limit)
    [problem] = problems_for(registry_copy, "doelen.yaml", "doelen: []\n" + "#" * limit)
    assert problem.code == "file-too-large"
    assert problem.message == f"{limit + 11} bytes; the limit is {limit}"


def test_a_link_out_of_the_data_directory_is_refused(registry_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("acties: []\n", encoding="utf-8")
    (registry_copy / "acties" / "leak.yaml").symlink_to(secret)
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(registry_copy)
    [problem] = raised.value.problems
    assert problem.code == "outside-link"
    assert problem.file.endswith("acties/leak.yaml")


def test_a_link_inside_the_data_directory_is_read(registry_copy: Path) -> None:
    (registry_copy / "acties" / "zz-link.yaml").symlink_to(
        registry_copy / "acties" / "regio-oost.yaml"
    )
    registry = load_registry(registry_copy)
    # Read like any file: its ids now stand twice, which is the duplicate-id check's business.
    problems = run_checks(registry, date(2026, 1, 15))
    assert [
        (p.code, p.file.endswith("zz-link.yaml")) for p in problems if p.code == "duplicate-id"
    ] == [("duplicate-id", True)]


def test_an_unreadable_file_is_named(registry_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = load.read_regular_file

    def refuse(path: Path, limit: int) -> bytes:
        if path.name == "partijen.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path, limit)

    monkeypatch.setattr(load, "read_regular_file", refuse)
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(registry_copy)
    [problem] = raised.value.problems
    assert (problem.code, problem.message) == ("unreadable", "Permission denied")


# Wrong types at every field of an action: each gives a schema problem on that key's line.
WRONG = {
    "id": "[1, 2]",
    "titel": "{a: b}",
    "hoofdstuk": "H9",
    "regio": "[Oost]",
    "doelen": "1",
    "trekker": "ZN",
    "betrokkenen": "7",
    "mijlpalen": "Q1 2026",
    "status": "klaar",
    "toelichting": "[x]",
    "bron": "realisatieagenda",
}


@pytest.mark.parametrize("field", list(WRONG))
def test_wrong_type_at_every_action_field(registry_copy: Path, field: str) -> None:
    lines = {
        "id": "W.1",
        "titel": "Iets",
        "hoofdstuk": "H2",
        "regio": "West",
        "doelen": "[1]",
        "trekker": "[ZN]",
        "betrokkenen": "[LHV]",
        "mijlpalen": "[{omschrijving: Start, deadline: Q1 2026}]",
        "status": "open",
        "toelichting": "uitleg",
        "bron": "{document: visie-vgz, sectie: x}",
    }
    lines[field] = WRONG[field]
    body = "".join(f"    {k}: {v}\n" for k, v in lines.items()).replace("    id:", "  - id:", 1)
    [problem] = problems_for(registry_copy, "acties/regio-west.yaml", f"acties:\n{body}")
    assert problem.code == "schema"
    assert problem.line == 2 + list(lines).index(field)
    assert problem.yaml_path.endswith(field) or field in problem.yaml_path


def test_cli_never_shows_a_traceback(run_cli: RunCli, registry_copy: Path) -> None:
    for case in sorted((FIXTURES / "invalid").glob("*.yaml")):
        target = registry_copy / case.read_text(encoding="utf-8").splitlines()[0].split(": ")[1]
        original = target.read_bytes() if target.exists() else None
        shutil.copyfile(case, target)
        result = run_cli("check", "--data", registry_copy)
        assert result.exit_code == 2, case.name
        assert "Traceback" not in result.output
        assert f"{target}:" in result.stdout
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


# Fuzzing: mutate the real data and demand a registry or located problems, nothing else.
REAL_FILES = sorted(p.name for p in REAL_DATA.glob("*.yaml"))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(REAL_FILES))
    data = bytearray((REAL_DATA / name).read_bytes())
    lines: list[bytes] = bytes(data).split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "delete", "duplicate", "indent", "token", "truncate"]))
        if not lines or not data:
            break
        if kind == "flip":
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
            lines = bytes(data).split(b"\n")
            continue
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "indent":
            lines[at] = b" " * draw(st.integers(1, 3)) + lines[at]
        elif kind == "token":
            token = draw(
                st.sampled_from(
                    [
                        b":",
                        b"- ",
                        b"[",
                        b"]",
                        b"{",
                        b"&x",
                        b"*x",
                        b"!!str",
                        b"'",
                        b'"',
                        b"#",
                        b"\t",
                        b"---",
                        b"...",
                        b"? ",
                    ]
                )
            )
            lines[at] = lines[at][:3] + token + lines[at][3:]
        else:
            lines = lines[:at]
        data = bytearray(b"\n".join(lines))
    return name, bytes(data)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(mutation=mutations())
def test_fuzzed_real_data_gives_a_registry_or_located_problems(
    tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, bytes]
) -> None:
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(REAL_DATA, root)
    name, content = mutation
    (root / name).write_bytes(content)
    try:
        registry = load_registry(root)
    except InvalidRegistry as invalid:
        assert invalid.problems
        for problem in invalid.problems:
            assert Path(problem.file).is_relative_to(root)
            assert problem.line >= 0 and problem.col >= 0 and problem.message
    else:
        assert isinstance(registry, Registry)


def test_fuzz_regressions_stay_fixed(tmp_path: Path) -> None:
    # Inputs the fuzzers once crashed on; each must now give located problems.
    cases = sorted((FIXTURES / "fuzz").glob("*.yaml"))
    assert cases
    for case in cases:
        root = tmp_path / case.stem
        shutil.copytree(REAL_DATA, root)
        (root / "acties.yaml").write_bytes(case.read_bytes())
        with pytest.raises(InvalidRegistry) as raised:
            load_registry(root)
        assert all(p.line >= 1 for p in raised.value.problems), case.name


def test_a_key_that_is_a_mapping_is_located(registry_copy: Path) -> None:
    [problem] = problems_for(registry_copy, "doelen.yaml", "doelen:\n  - id: x\n? \n  - id: y\n")
    assert (problem.code, problem.line, problem.col, problem.message) == (
        "yaml-syntax",
        4,
        3,
        "a key must be plain text",
    )
