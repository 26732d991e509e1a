"""The JSON Schemas: generated from the models, committed, and true to the data as written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from eerstelijn.kwartaal import TIMING_PATTERN, Termijn, TimingError
from eerstelijn.registry.schema import SCHEMA_MODELS, schema_files
from tests.conftest import FIXTURES, REAL_DATA, REGISTRY, RunCli

SCHEMAS = REAL_DATA.parent / "schemas"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_name(path: Path) -> str:
    """Which schema a data file answers to: its own name, or acties for acties/*.yaml."""
    return "acties" if path.parent.name == "acties" else path.stem


def errors(path: Path, text: str | None = None) -> list[str]:
    document: Any = YAML(typ="safe").load(text or path.read_text(encoding="utf-8"))
    # An editor reads YAML 1.2's core schema, where `datum: 2025-11-20` is text.
    document = json.loads(json.dumps(document, default=str))
    return [e.message for e in validator(schema_name(path)).iter_errors(document)]


def test_committed_schemas_are_what_the_models_generate() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert committed == schema_files(), "schemas/ is out of date: run eerstelijn schema"


def test_schema_command_writes_them(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("schema", "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert result.stdout == f"Wrote 5 schemas to {tmp_path / 'out'}/.\n"
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()}
    assert written == schema_files()


def test_schema_command_reports_an_unwritable_directory(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run_cli("schema", "--out", tmp_path / "file")
    assert result.exit_code == 2
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "path",
    [*sorted(REAL_DATA.rglob("*.yaml")), *sorted(REGISTRY.rglob("*.yaml"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_valid_data_validates_as_written(path: Path) -> None:
    # Integers where the models coerce (`doelen: [1, 6A]`, `deadline: 2025`) included.
    assert errors(path) == []


@pytest.mark.parametrize("name", SCHEMA_MODELS)
def test_each_data_file_names_its_schema_on_its_first_line(name: str) -> None:
    first = (REAL_DATA / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"
    assert (REAL_DATA / first.split("=", 1)[1]).is_file()


def _schema_cases() -> list[Path]:
    """Invalid fixtures whose every expected problem is a schema problem."""
    cases = []
    for path in sorted((FIXTURES / "invalid").glob("*.yaml")):
        codes = set(re.findall(r"^# expect: ([a-z-]+) ", path.read_text(encoding="utf-8"), re.M))
        if codes and codes <= {"schema", "unknown-field", "empty-file"}:
            cases.append(path)
    return cases


def test_there_are_schema_cases() -> None:
    assert len(_schema_cases()) >= 5


@pytest.mark.parametrize("path", _schema_cases(), ids=lambda p: p.stem)
def test_invalid_fixtures_fail_the_schema_too(path: Path) -> None:
    target = Path(path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# target: "))
    text = path.read_text(encoding="utf-8")
    assert errors(target, text) != [], "the schema accepts what the loader refuses"


# No deadline: drawing from a regex this size can take over 200 ms on a busy machine; 20,000
# examples found no timing the loader refuses.
@settings(deadline=None)
@given(st.from_regex(TIMING_PATTERN, fullmatch=True))
def test_every_timing_the_schema_accepts_the_loader_reads(text: str) -> None:
    Termijn.parse(text)


@pytest.mark.parametrize(
    "text",
    ["Q1 2026", "q1-2026", "2026-Q1", "2026Q1", "2025", "in 2025", "voor Q3 2025",
     "Voor de zomer van 2024", "vanaf Q1 2026", "vanaf 2025", "na Q4 2025", "per 2027",
     "mogelijk al in 2025", "verwacht al in 2024", "Verwacht in Q3 2025"],
)  # fmt: skip
def test_the_schema_accepts_the_readmes_timings(text: str) -> None:
    Termijn.parse(text)
    assert re.fullmatch(TIMING_PATTERN, text)


@pytest.mark.parametrize("text", ["Q5 2025", "Q1 26", "eind 2025", "voor de herfst van 2025"])
def test_the_schema_refuses_what_the_loader_refuses(text: str) -> None:
    with pytest.raises(TimingError):
        Termijn.parse(text)
    assert not re.fullmatch(TIMING_PATTERN, text)
