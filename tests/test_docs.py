"""The documentation keeps up with the code: every command and check code is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from eerstelijn.checks import CHECKS
from eerstelijn.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _command_names(group: typer.Typer, prefix: str = "") -> list[str]:
    names = [
        f"{prefix}{c.name or c.callback.__name__}" for c in group.registered_commands if c.callback
    ]
    for sub in group.registered_groups:
        if sub.typer_instance is not None and sub.name:
            names += _command_names(sub.typer_instance, f"{prefix}{sub.name} ")
    return names


@pytest.mark.parametrize("command", _command_names(app))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"eerstelijn {command}" in README


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_every_check_code_is_in_the_readme(code: str) -> None:
    assert f"`{code}`" in README


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_every_check_documents_itself_with_examples(code: str) -> None:
    doc = CHECKS[code].__doc__ or ""
    assert doc.startswith(f"{code}:")
    assert "Passing::" in doc and "Failing::" in doc
