"""Shared fixtures: the small test registry, a scratch copy of it, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from eerstelijn.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY = FIXTURES / "registry"
REAL_DATA = Path(__file__).parent.parent / "data"

# A fixed environment for asserted output: no colour, a known width.
CLI_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}

RunCli = Callable[..., Result]


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture registry."""
    target = tmp_path / "data"
    shutil.copytree(REGISTRY, target)
    return target


@pytest.fixture
def run_cli() -> RunCli:
    """Run the CLI in-process with a fixed environment; exceptions are not swallowed."""

    def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
        runner = CliRunner()
        argv: Sequence[str] = [str(a) for a in args]
        return runner.invoke(app, argv, env={**CLI_ENV, **(env or {})}, catch_exceptions=False)

    return run
