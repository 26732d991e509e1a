"""The gate as others reuse it: the pre-commit hook, our own hooks, the GitHub workflow."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REAL_DATA, RunCli

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def load(name: str) -> Any:
    return YAML(typ="safe").load((ROOT / name).read_text(encoding="utf-8"))


def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], capture_output=True, text=True, cwd=ROOT
    )


def run_command(run_cli: RunCli, command: str, prefix: str) -> Any:
    """Run a hook's or step's `eerstelijn ...` command line in-process, on the real data."""
    assert command.startswith(prefix), command
    args = shlex.split(command.removeprefix(prefix))
    return run_cli(*args, "--data", REAL_DATA)


@pytest.mark.parametrize(
    ("command", "file"),
    [
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ],
)
def test_pre_commit_accepts_the_file(command: str, file: str) -> None:
    result = pre_commit(command, file)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hook_runs_the_installed_check_on_data_only() -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "eerstelijn-check"
    assert hook["entry"] == "eerstelijn check"
    assert hook["entry"].split()[0] in PYPROJECT["project"]["scripts"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/acties.yaml") and files.search("data/acties/regio-oost.yaml")
    assert not files.search("eerstelijn/cli.py")


def _local_hook() -> dict[str, Any]:
    repos = load(".pre-commit-config.yaml")["repos"]
    (local,) = [r for r in repos if r["repo"] == "local"]
    (hook,) = local["hooks"]
    return dict(hook)


def test_our_own_hooks_are_ruff_and_the_check() -> None:
    repos = load(".pre-commit-config.yaml")["repos"]
    ids = [hook["id"] for repo in repos for hook in repo["hooks"]]
    assert ids == ["ruff", "ruff-format", "eerstelijn-check"]


def test_our_check_hook_installs_what_the_package_needs() -> None:
    assert _local_hook()["additional_dependencies"] == PYPROJECT["project"]["dependencies"]


def test_our_check_hook_passes_on_our_data(run_cli: RunCli) -> None:
    result = run_command(run_cli, _local_hook()["entry"], "python -m eerstelijn ")
    assert result.exit_code == 0, result.output


def _workflow() -> dict[str, Any]:
    return dict(load(".github/workflows/registry.yml"))


def test_workflow_runs_on_pull_requests_that_touch_data() -> None:
    workflow = _workflow()
    assert "data/**" in workflow["on"]["pull_request"]["paths"]
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job["runs-on"]
        assert all(("uses" in step) != ("run" in step) for step in job["steps"])


def _runs() -> list[str]:
    return [s["run"] for job in _workflow()["jobs"].values() for s in job["steps"] if "run" in s]


def test_workflow_installs_the_tool_and_annotates(run_cli: RunCli) -> None:
    runs = _runs()
    assert "python -m pip install ." in runs
    (check,) = [r for r in runs if r.startswith("eerstelijn check")]
    assert "--format github" in check
    result = run_command(run_cli, check, "eerstelijn ")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no annotations: every known gap is in the baseline


def test_workflow_keeps_the_data_canonical(run_cli: RunCli) -> None:
    (fmt,) = [r for r in _runs() if r.startswith("eerstelijn fmt")]
    assert fmt == "eerstelijn fmt --check"
    result = run_command(run_cli, fmt, "eerstelijn ")
    assert result.exit_code == 0, result.output


def test_workflow_summarises_the_pull_request(run_cli: RunCli) -> None:
    (checkout,) = [
        s
        for job in _workflow()["jobs"].values()
        for s in job["steps"]
        if "checkout" in s.get("uses", "")
    ]
    assert checkout["with"]["fetch-depth"] == 0  # the base branch's version must be there
    (step,) = [
        s
        for job in _workflow()["jobs"].values()
        for s in job["steps"]
        if s.get("run", "").startswith("eerstelijn changes")
    ]
    changes = step["run"]
    assert changes == 'eerstelijn changes --since "origin/${{ github.base_ref }}" --format github'
    assert step["if"] == "${{ !cancelled() }}"  # runs after a failed check too
    # HEAD against itself (whatever the working tree holds): the step runs, nothing to annotate.
    step = changes.replace("origin/${{ github.base_ref }}", "HEAD") + " --until HEAD"
    result = run_command(run_cli, step, "eerstelijn ")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_committed_baseline_is_what_baseline_writes(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "b.yaml"
    # A day after every entry of the real log: an earlier one would find them in its future.
    run_cli("baseline", "--data", REAL_DATA, "--out", out, "--as-of", "2026-11-29")
    assert out.read_text(encoding="utf-8") == (ROOT / "eerstelijn-baseline.yaml").read_text(
        encoding="utf-8"
    ), "run: eerstelijn baseline (and review the diff)"
