"""The core knows nothing of the terminal: importing it loads neither typer nor rich."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REGISTRY

CORE = [
    "eerstelijn.kwartaal",
    "eerstelijn.problems",
    "eerstelijn.models",
    "eerstelijn.registry.load",
    "eerstelijn.registry.fastyaml",
    "eerstelijn.registry.rtyaml",
    "eerstelijn.registry.cache",
    "eerstelijn.registry.validate",
    "eerstelijn.registry.outcome",
    "eerstelijn.checks",
    "eerstelijn.queries",
    "eerstelijn.editing.atomic",
    "eerstelijn.render.ics",
    "eerstelijn.report",
    "eerstelijn.editing.edit",
    "eerstelijn.editing.yaml_layout",
    "eerstelijn.baseline",
    "eerstelijn.registry.schema",
    "eerstelijn.history.git",
    "eerstelijn.history.diff",
    "eerstelijn.history.versions",
]


def test_core_does_not_import_the_cli_stack() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def _twice(tmp_path: Path, args: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run the console script twice with `args` on the fixture registry, with a fresh cache;
    each run ends with a line on stderr: its exit code and the heavy modules it loaded."""
    code = (
        "import sys\n"
        "from eerstelijn.cli import main\n"
        f"sys.argv = ['eerstelijn', *{args!r}, '--data', {str(REGISTRY)!r},"
        " '--as-of', '2026-01-15']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "heavy = ('pydantic', 'ruamel.yaml', 'yaml', 'eerstelijn.models', 'rich')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "EERSTELIJN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("EERSTELIJN_NO_CACHE", None)
    env.pop("FORCE_COLOR", None)  # plain output, as in a CI log: rich is not needed
    env["NO_COLOR"] = "1"
    return [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]


def test_a_cached_check_needs_no_pydantic_or_yaml_parser(tmp_path: Path) -> None:
    """A second `check` of unchanged files answers from the cache: it must not pay for the
    models, a YAML parser or (through typer) pydantic. This is what keeps `check` in front of
    yamllint; a typer that coerces options through pydantic fails it (see pyproject.toml)."""
    runs = _twice(tmp_path, ["check"])
    first, second = (run.stderr.strip().splitlines()[-1] for run in runs)
    assert runs[0].stdout == runs[1].stdout
    assert "pydantic" in first  # the cold run did load and validate
    assert second.endswith("[]"), f"a cached check (exit, heavy modules) loaded: {second}"
    assert first.split()[0] == second.split()[0]  # same exit code


@pytest.mark.parametrize(
    "question",
    [
        ["overdue"],
        ["overdue", "--per", "partij"],
        ["timeline"],
        ["acties", "--format", "csv"],
        ["overview", "--format", "json"],
    ],
)
def test_a_query_asked_again_needs_no_pydantic_or_yaml_parser(
    tmp_path: Path, question: list[str]
) -> None:
    """A query asked again about unchanged files is answered from the cache, as `check` is:
    without the models, pydantic or a YAML parser, and without rich: a table for people is
    written as it was printed the first time (on a pipe, where no colour is possible)."""
    runs = _twice(tmp_path, question)
    first, second = (run.stderr.strip().splitlines()[-1] for run in runs)
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout
    assert "pydantic" in first
    loaded = second.split(" ", 1)[1]
    assert loaded == "[]", f"a query answered from the cache loaded: {second}"


def test_a_report_written_again_needs_no_pydantic_and_writes_the_same(tmp_path: Path) -> None:
    """A report of a registry of ordinary size is kept in the cache as a query's answer: the
    second run writes its page without the models (rich only says where it wrote)."""
    out = tmp_path / "site"
    runs = _twice(tmp_path, ["report", "--out", str(out)])
    first, second = (run.stderr.strip().splitlines()[-1] for run in runs)
    assert first.startswith("0 ") and "pydantic" in first
    loaded = second.split(" ", 1)[1]
    assert loaded in ("[]", "['rich']"), f"a report answered from the cache loaded: {second}"
    page = (out / "index.html").read_bytes()
    assert b"<html" in page and b"H2.1" in page
