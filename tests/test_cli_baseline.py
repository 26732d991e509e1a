"""The baseline life cycle through the CLI: known findings pass, new ones fail, stale reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REGISTRY, RunCli

AS_OF = ("--as-of", "2026-01-15")


def edit(registry: Path, old: str, new: str) -> None:
    acties = registry / "acties.yaml"
    text = acties.read_text(encoding="utf-8")
    assert old in text
    acties.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def baseline(run_cli: RunCli, registry_copy: Path, tmp_path: Path) -> Path:
    """A baseline of the fixture registry's two findings."""
    out = tmp_path / "baseline.yaml"
    result = run_cli("baseline", "--data", registry_copy, "--out", out, *AS_OF)
    assert result.exit_code == 0
    assert result.stdout == f"Wrote 2 findings to {out}.\n"
    return out


def test_baseline_lists_findings_by_code_and_path(baseline: Path) -> None:
    assert baseline.read_text(encoding="utf-8").split("version: 1\n")[1] == (
        "findings:\n"
        "  - code: missing-deadline\n"
        "    path: acties[H4.1].mijlpalen\n"
        "    file: acties.yaml\n"
        "    message: 'action H4.1 has no deadline (only: na Q4 2025)'\n"
        "  - code: missing-trekker\n"
        "    path: acties[H3.1].trekker\n"
        "    file: acties.yaml\n"
        "    message: action H3.1 has no trekker\n"
    )


def test_rewriting_the_baseline_gives_the_same_bytes(
    run_cli: RunCli, registry_copy: Path, baseline: Path
) -> None:
    before = baseline.read_bytes()
    # Moving an action and shifting every line changes nothing in the baseline.
    edit(registry_copy, "acties:\n", "# a comment that shifts every line\nacties:\n")
    run_cli("baseline", "--data", registry_copy, "--out", baseline, *AS_OF)
    assert baseline.read_bytes() == before


def test_known_findings_pass(run_cli: RunCli, registry_copy: Path, baseline: Path) -> None:
    result = run_cli("check", "--data", registry_copy, "--baseline", baseline, *AS_OF)
    assert result.exit_code == 0
    assert result.stdout == (
        "No problems in 6 files. Baseline: 2 known findings accepted, 0 stale entries.\n"
    )


def test_a_new_finding_fails(run_cli: RunCli, registry_copy: Path, baseline: Path) -> None:
    edit(registry_copy, "trekker: [ZN]", "trekker: []")
    result = run_cli("check", "--data", registry_copy, "--baseline", baseline, *AS_OF)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{registry_copy}/acties.yaml:6:5: warning[missing-trekker] acties[H2.1].trekker: "
        "action H2.1 has no trekker",
        "0 errors, 1 warning in 6 files. Baseline: 2 known findings accepted, 0 stale entries.",
    ]


def test_a_fixed_finding_is_reported_stale_without_failing(
    run_cli: RunCli, registry_copy: Path, baseline: Path
) -> None:
    edit(registry_copy, "trekker: []", "trekker: [ZN]")
    result = run_cli("check", "--data", registry_copy, "--baseline", baseline, *AS_OF)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{baseline}:11:1: warning[stale-baseline] acties[H3.1].trekker: "
        "missing-trekker no longer occurs here; delete this entry from the baseline",
        "0 errors, 1 warning in 6 files. Baseline: 1 known finding accepted, 1 stale entry.",
    ]


def test_stale_entries_are_annotated_in_json_and_github(
    run_cli: RunCli, registry_copy: Path, baseline: Path
) -> None:
    edit(registry_copy, "trekker: []", "trekker: [ZN]")
    args = ("check", "--data", registry_copy, "--baseline", baseline, *AS_OF)
    problems = json.loads(run_cli(*args, "--format", "json").stdout)
    assert [(p["file"], p["line"], p["code"]) for p in problems] == [
        (str(baseline), 11, "stale-baseline")
    ]
    github = run_cli(*args, "--format", "github").stdout
    assert github.startswith("::warning file=")
    assert "line=11,col=1,title=stale-baseline::acties[H3.1].trekker: " in github


def test_opt_in_findings_enter_the_baseline_when_named(
    run_cli: RunCli, registry_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "b.yaml"
    named = ("--fail-on", "overdue-mijlpaal")
    run_cli("baseline", "--data", registry_copy, "--out", out, *AS_OF, *named)
    assert "code: overdue-mijlpaal" in out.read_text(encoding="utf-8")
    with_it = run_cli("check", "--data", registry_copy, "--baseline", out, *AS_OF, *named)
    assert with_it.exit_code == 0
    # A run without the opt-in check leaves its entries alone: they are not stale.
    without = run_cli("check", "--data", registry_copy, "--baseline", out, *AS_OF)
    assert without.exit_code == 0
    assert "0 stale entries" in without.stdout


def test_a_broken_baseline_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    broken = tmp_path / "b.yaml"
    broken.write_text("version: 1\nfindings:\n  - code: [\n", encoding="utf-8")
    result = run_cli("check", "--data", REGISTRY, "--baseline", broken)
    assert result.exit_code == 2
    assert f"Error: invalid baseline: {broken}:4: " in result.output
    assert "Traceback" not in result.output


def test_baseline_writes_to_the_current_directory_by_default(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("baseline", "--data", REGISTRY, *AS_OF)
    assert result.exit_code == 0
    assert (tmp_path / "eerstelijn-baseline.yaml").is_file()


def test_an_invalid_registry_gets_no_baseline(
    run_cli: RunCli, registry_copy: Path, tmp_path: Path
) -> None:
    edit(registry_copy, "doelen: [4]", "doelen: [7]")
    out = tmp_path / "b.yaml"
    result = run_cli("baseline", "--data", registry_copy, "--out", out)
    assert result.exit_code == 2
    assert "error[unknown-doel]" in result.output
    assert not out.exists()


def test_an_unwritable_baseline_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("baseline", "--data", REGISTRY, "--out", tmp_path / "no" / "b.yaml")
    assert result.exit_code == 2
    assert "cannot write" in result.output
    assert "Traceback" not in result.output
