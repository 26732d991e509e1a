"""`check` as a CI gate: which findings fail the run (--fail-on)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REGISTRY, RunCli

AS_OF = ("--as-of", "2026-01-15")


def codes(stdout: str) -> list[str]:
    """The codes of the problem lines, in order."""
    return [line.split("[")[1].split("]")[0] for line in stdout.splitlines() if "[" in line]


def test_opt_in_checks_do_not_run_by_default(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, *AS_OF)
    assert result.exit_code == 1
    assert codes(result.stdout) == ["missing-trekker", "missing-deadline"]


def test_naming_an_opt_in_check_runs_it_and_fails_on_it(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, *AS_OF, "--fail-on", "overdue-mijlpaal")
    assert result.exit_code == 1
    assert codes(result.stdout) == [
        "overdue-mijlpaal",
        "missing-trekker",
        "overdue-mijlpaal",
        "missing-deadline",
    ]
    assert result.stdout.splitlines()[0] == (
        f"{REGISTRY}/acties.yaml:20:19: warning[overdue-mijlpaal] "
        "acties[H2.2].mijlpalen[0].deadline: mijlpaal 1 van H2.2 moest af in Q3 2025 "
        "(uiterlijk 30 september 2025) en is open"
    )


def test_findings_not_named_are_printed_but_pass(run_cli: RunCli) -> None:
    # Before Q1 2025 ends nothing is overdue; the default findings still print.
    result = run_cli(
        "check", "--data", REGISTRY, "--as-of", "2025-01-15", "--fail-on", "overdue-mijlpaal"
    )
    assert result.exit_code == 0
    # The fixture's progress entries of later in 2025 do not count yet, and say so.
    found = codes(result.stdout)
    assert [c for c in found if c != "future-voortgang"] == ["missing-trekker", "missing-deadline"]
    assert found.count("future-voortgang") == 4
    assert result.stdout.endswith("0 fouten, 6 waarschuwingen in 6 bestanden.\n")


def test_fail_on_repeats_or_takes_a_comma_list(run_cli: RunCli) -> None:
    repeated = run_cli(
        "check", "--data", REGISTRY, *AS_OF,
        "--fail-on", "missing-status", "--fail-on", "overdue-mijlpaal",
    )  # fmt: skip
    listed = run_cli(
        "check", "--data", REGISTRY, *AS_OF, "--fail-on", "missing-status, overdue-mijlpaal"
    )
    assert repeated.exit_code == listed.exit_code == 1
    assert repeated.stdout == listed.stdout
    assert set(codes(listed.stdout)) == {
        "missing-status",
        "overdue-mijlpaal",
        "missing-trekker",
        "missing-deadline",
    }


def test_unknown_fail_on_code_is_a_usage_error_with_a_suggestion(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, "--fail-on", "missing-trekker,overdue")
    assert result.exit_code == 2
    assert (
        "onbekende code van een bevinding: 'overdue'; bedoelt u 'overdue-mijlpaal'?"
        in result.output
    )
    assert "Traceback" not in result.output


def test_an_error_code_cannot_be_a_fail_on_code(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, "--fail-on", "duplicate-id")
    assert result.exit_code == 2
    assert (
        "'duplicate-id' is een fout, en een fout laat de controle altijd falen (exit 2)"
        in result.output
    )


def test_cli_spells_out_the_cores_defaults() -> None:
    # The CLI writes these out so that --help need not import the core; they must agree.
    from eerstelijn import baseline, checks
    from eerstelijn.checks import stale_mijlpaal
    from eerstelijn.cli import ci_commands as checking
    from eerstelijn.registry import schema

    assert ",".join(checks.DEFAULT_FAIL_ON) == checking.DEFAULT_FAIL_ON_TEXT
    assert checking.BASELINE_FILE == baseline.BASELINE_FILE
    assert checking.SCHEMA_DIR == schema.SCHEMA_DIR
    assert checking.STALE_DAYS == stale_mijlpaal.STALE_DAYS


def test_help_does_not_load_the_core() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from eerstelijn.cli import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'ruamel', 'rich')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_files_that_are_not_read_are_named_with_what_to_do(
    run_cli: RunCli, registry_copy: Path, tmp_path: Path
) -> None:
    (registry_copy / "acties" / "utrecht.yml").write_text("acties: []\n", encoding="utf-8")
    (registry_copy / "nieuw.yaml").write_text("acties: []\n", encoding="utf-8")
    (registry_copy / "LEESMIJ.txt").write_text("notes\n", encoding="utf-8")
    (registry_copy / ".editorconfig.yml").write_text("x: 1\n", encoding="utf-8")
    # With a cache: a stray file changes no file the cache key hashes, and is still named.
    env = {"EERSTELIJN_NO_CACHE": "", "EERSTELIJN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli("check", "--data", registry_copy, *AS_OF, env=env)
    result = run_cli("check", "--data", registry_copy, *AS_OF, env=env)
    lines = [line for line in result.stdout.splitlines() if "ignored-file" in line]
    assert lines == [
        f"{registry_copy}/acties/utrecht.yml: warning[ignored-file] utrecht.yml wordt niet "
        "gelezen, dus niets erin telt; hernoem het naar acties/utrecht.yaml (alleen "
        ".yaml-bestanden worden gelezen)",
        f"{registry_copy}/nieuw.yaml: warning[ignored-file] nieuw.yaml wordt niet gelezen, dus "
        "niets erin telt; het register leest documenten.yaml, doelen.yaml, partijen.yaml, "
        "acties.yaml, zorgbelofte.yaml en acties/*.yaml: zet de acties erin in "
        "acties/nieuw.yaml, of verwijder het",
    ]
    assert result.exit_code == 1  # warnings; the default --fail-on findings decide the exit
    query = run_cli("overdue", "--data", registry_copy, *AS_OF)
    assert query.exit_code == 0
    assert "warning[ignored-file] utrecht.yml wordt niet gelezen" in query.stderr
    assert "warning[ignored-file] nieuw.yaml wordt niet gelezen" in query.stderr


def test_a_yml_twin_of_a_registry_file_says_to_merge_it(
    run_cli: RunCli, registry_copy: Path
) -> None:
    (registry_copy / "acties.yml").write_text("acties: []\n", encoding="utf-8")
    result = run_cli("check", "--data", registry_copy, *AS_OF)
    assert (
        "acties.yml wordt niet gelezen, dus niets erin telt; het register leest acties.yaml: "
        "voeg het samen met dat bestand en verwijder dit" in result.stdout
    )


def test_ci_can_fail_on_a_file_that_is_not_read(run_cli: RunCli, registry_copy: Path) -> None:
    """A region's file saved as .yml holds actions nobody sees: CI may make that fail."""
    clean = run_cli("check", "--data", registry_copy, *AS_OF, "--fail-on", "ignored-file")
    assert clean.exit_code == 0, clean.output
    (registry_copy / "acties" / "utrecht.yml").write_text("acties: []\n", encoding="utf-8")
    assert (
        run_cli("check", "--data", registry_copy, *AS_OF, "--fail-on", "ignored-file").exit_code
        == 1
    )
    named_other = run_cli("check", "--data", registry_copy, *AS_OF, "--fail-on", "stale-mijlpaal")
    assert named_other.exit_code == 0  # shown, but not failing
    assert "warning[ignored-file]" in named_other.stdout
