"""The documentation keeps up with the code: every command and problem code is in the README,
and docs/checks.md is what the generator makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from eerstelijn.checks import CHECKS, OPT_IN
from eerstelijn.cli import app
from tools.checks_doc import checks_markdown

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CHECKS_MD = ROOT / "docs" / "checks.md"
ALL_CHECKS = {**CHECKS, **OPT_IN}


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


@pytest.mark.parametrize("code", sorted(ALL_CHECKS))
def test_every_check_code_is_in_the_readme(code: str) -> None:
    assert f"`{code}`" in README


@pytest.mark.parametrize("code", sorted(ALL_CHECKS))
def test_every_check_documents_itself_with_examples(code: str) -> None:
    doc = ALL_CHECKS[code].__doc__ or ""
    assert doc.startswith(f"{code}:")
    assert "Passing::" in doc and "Failing::" in doc


def documented_codes(markdown: str) -> set[str]:
    return set(re.findall(r"^## ([a-z-]+)$", markdown, flags=re.MULTILINE))


def test_checks_md_is_generated() -> None:
    assert CHECKS_MD.read_text(encoding="utf-8") == checks_markdown(), (
        "docs/checks.md is out of date: run python -m tools.checks_doc > docs/checks.md"
    )


def test_every_code_in_the_readme_table_is_documented_and_back() -> None:
    first_cells = re.findall(r"^\| (`[^|]*) \|", README, flags=re.MULTILINE)
    codes = {c for cell in first_cells for c in re.findall(r"`([a-z]+(?:-[a-z0-9]+)*)`", cell)}
    assert codes == documented_codes(checks_markdown())


def test_every_code_the_invalid_fixtures_expect_is_documented() -> None:
    expected = {
        match
        for path in (ROOT / "tests" / "fixtures" / "invalid").glob("*.yaml")
        for match in re.findall(r"^# expect: ([a-z-]+) ", path.read_text(encoding="utf-8"), re.M)
    }
    assert expected
    assert expected <= documented_codes(checks_markdown())


@pytest.mark.parametrize("code", sorted(ALL_CHECKS))
def test_checks_md_shows_each_checks_examples_as_yaml(code: str) -> None:
    section = checks_markdown().split(f"\n## {code}\n")[1].split("\n## ")[0]
    assert "\nPassing:\n" in section
    assert "\nFailing:\n" in section
    assert section.count("```yaml") == 2


def test_make_run_installs_without_the_setuptools_editable_warning() -> None:
    # `make run` printed 15 lines of setuptools' BuildBackendWarning (a UserWarning) about the
    # compat editable mode before the overview; each install silences warnings in the build.
    import subprocess

    dry = subprocess.run(
        ["make", "-n", "-B", ".venv/.installed", ".venv/.installed-dev"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installs = [line for line in dry.splitlines() if "pip install" in line and " -e " in line]
    assert len(installs) == 2
    assert all(line.startswith("PYTHONWARNINGS=ignore::UserWarning ") for line in installs)
