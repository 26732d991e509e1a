"""The command line as a user meets it: output, exit codes, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eerstelijn.cli import app
from tests.conftest import REGISTRY, RunCli


def test_check_lists_findings_and_exits_1(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{REGISTRY}/acties.yaml:42:5: warning[missing-trekker] acties[H3.1].trekker: "
        "actie H3.1 heeft geen trekker",
        f"{REGISTRY}/acties.yaml:53:5: warning[missing-deadline] acties[H4.1].mijlpalen: "
        "actie H4.1 heeft geen deadline (alleen: na Q4 2025)",
        "0 fouten, 2 waarschuwingen in 6 bestanden.",
    ]


def test_check_on_a_clean_registry_exits_0(run_cli: RunCli, registry_copy: Path) -> None:
    acties = registry_copy / "acties.yaml"
    text = acties.read_text(encoding="utf-8")
    text = text.replace("trekker: []", "trekker: [ZN]").replace("na Q4 2025", "Q1 2026")
    acties.write_text(text, encoding="utf-8")
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 0
    assert result.stdout == "Geen problemen in 6 bestanden.\n"


def test_invalid_registry_exits_2_with_location(run_cli: RunCli, registry_copy: Path) -> None:
    (registry_copy / "doelen.yaml").write_text("doelen:\n  - id: 1\n    titel: x\n    bronn: y\n")
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    assert (
        f"{registry_copy}/doelen.yaml:4:5: error[unknown-field] doelen[1].bronn: " in result.stdout
    )
    assert "bedoelt u 'bron'?" in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("where", [".", "data", "data/acties", "deep/er"])
def test_the_registry_is_found_from_a_subfolder(
    run_cli: RunCli, registry_copy: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    # registry_copy is <tmp>/data: as in a clone, run from the top, from data/ or below.
    (registry_copy.parent / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(registry_copy.parent / where)
    result = run_cli("overdue", "--as-of", "2026-01-15", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "H3.1" in result.stdout


def test_advice_after_an_invalid_registry_carries_the_same_data(
    run_cli: RunCli, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (registry_copy / "doelen.yaml").write_text("doelen: [", encoding="utf-8")
    monkeypatch.chdir(registry_copy.parent)
    given = run_cli("overdue", "--data", "data/../data")
    assert given.exit_code == 2
    assert "Zie 'eerstelijn check --data data/../data' voor de details." in given.stderr
    monkeypatch.chdir(registry_copy)
    found = run_cli("overdue")
    assert found.exit_code == 2
    assert "Zie 'eerstelijn check --data .' voor de details." in found.stderr
    assert run_cli("check", "--data", ".").exit_code == 2  # the advice runs as given


def test_missing_data_directory_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("check", "--data", tmp_path / "nope")
    assert result.exit_code == 2
    assert "de map van het register bestaat niet" in result.stdout


def test_check_json_is_a_list_of_located_problems(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "file": f"{REGISTRY}/acties.yaml",
        "line": 42,
        "col": 5,
        "path": "acties[H3.1].trekker",
        "code": "missing-trekker",
        "severity": "warning",
        "message": "actie H3.1 heeft geen trekker",
    }


def test_check_github_annotates_lines(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, "--format", "github")
    first = result.stdout.splitlines()[0]
    assert first == (
        f"::warning file={REGISTRY}/acties.yaml,line=42,col=5,title=missing-trekker::"
        "acties[H3.1].trekker: actie H3.1 heeft geen trekker"
    )


def test_bad_as_of_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("check", "--data", REGISTRY, "--as-of", "gisteren")
    assert result.exit_code == 2
    assert "'gisteren' is geen datum" in result.output


def test_colour_only_when_asked_for(run_cli: RunCli) -> None:
    plain = run_cli("check", "--data", REGISTRY)
    assert "\x1b[" not in plain.stdout
    forced = run_cli(
        "check", "--data", REGISTRY, env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"}
    )
    assert "\x1b[" in forced.stdout


def _commands() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_text(run_cli: RunCli, command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    summary = result.stdout.split("Options")[0]
    assert len(summary.split()) > 4, summary


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.stdout.startswith("eerstelijn ")


def test_a_mistyped_command_is_a_usage_error_with_one_suggestion(run_cli: RunCli) -> None:
    result = run_cli("overdu")
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert last == "Fout: Onbekende opdracht 'overdu'. Bedoelt u 'overdue'?"


def _built_by_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[list[str], str]:
    """The commands the console script built to run `args`, and what it printed."""
    import sys

    import typer.main

    from eerstelijn import cli

    built: list[str] = []
    real = typer.main.get_command_from_info

    def counting(command_info: typer.models.CommandInfo, **kwargs: object) -> object:
        command = real(command_info, **kwargs)  # type: ignore[arg-type]
        built.append(str(command.name))
        return command

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)
    monkeypatch.setattr(sys, "argv", ["eerstelijn", *args])
    for name in ("NO_COLOR", "COLUMNS"):
        monkeypatch.setenv(name, {"NO_COLOR": "1", "COLUMNS": "100"}[name])
    with pytest.raises(SystemExit):
        cli.main()
    return built, capsys.readouterr().out


def test_the_console_script_builds_only_the_command_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], run_cli: RunCli
) -> None:
    """Building every command costs a third of a cached check; the answer is the same."""
    registered = len(app.registered_commands)
    args = ("check", "--data", str(REGISTRY), "--as-of", "2026-01-15")
    built, out = _built_by_main(monkeypatch, capsys, *args)
    assert built == ["check"]
    assert out == run_cli(*args).stdout
    built, out = _built_by_main(monkeypatch, capsys, "export", "ics", "--help")
    assert built == ["ics"] and "--out" in out
    # The overview of commands, and a suggestion for a typo, need them all.
    built, out = _built_by_main(monkeypatch, capsys, "--help")
    assert len(built) == registered + 1 and "overdue" in out and "zorgbelofte" in out
    assert len(app.registered_commands) == registered  # the app is left as it was
