"""The editing commands as a user meets them: diffs, exit codes, messages, prompts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from eerstelijn import cli
from eerstelijn.cli import edit_commands as editing
from tests.conftest import CLI_ENV, FIXTURES, REAL_DATA, REGISTRY, Golden, RunCli
from tests.editing.test_edit import messy_registry

# Golden diffs name the files as `registry/...`: the commands run in tests/fixtures.
GOLDEN_CASES = {
    "set-status--diff": ["set-status", "H2.1", "lopend", "--datum", "2026-01-10"],
    "set-status-mijlpaal--diff": [
        "set-status",
        "H2.2",
        "gereed",
        "--mijlpaal",
        "1",
        "--datum",
        "2026-01-10",
        "--bron",
        "realisatieagenda",
        "--sectie",
        "H2, actie 2",
    ],
    "update--diff": [
        "update",
        "H2.2",
        "--mijlpaal",
        "1",
        "--status",
        "lopend",
        "--beoordeling",
        "risico",
        "--toelichting",
        "Onderzoek: vertraagd",
        "--datum",
        "2026-01-10",
    ],
    "replan--diff": [
        "replan",
        "H2.1",
        "--deadline",
        "q3 2026",
        "--reden",
        "Meer overleg nodig",
        "--datum",
        "2026-01-10",
        "--bron",
        "realisatieagenda",
        "--sectie",
        "H2",
    ],
    "assign--diff": ["assign", "H3.1", "--trekker", "ZN", "--betrokken", "LHV"],
    "assign-remove--diff": ["assign", "H2.1", "--betrokken", "LHV", "--remove"],
    "add--diff": [
        "add",
        "--titel",
        "Regionale kennisdeling",
        "--hoofdstuk",
        "H2",
        "--doel",
        "1",
        "--doel",
        "6C",
        "--trekker",
        "ZN",
        "--mijlpaal",
        "Plan van aanpak",
        "--deadline",
        "q2-2026",
        "--mijlpaal",
        "Uitvoering",
        "--bron",
        "H2, actie 5",
    ],
    "add-regio--diff": [
        "add",
        "--id",
        "OOST.2",
        "--regio",
        "Oost",
        "--titel",
        "Tweede regionale actie",
        "--doel",
        "4",
        "--document",
        "visie-vgz",
        "--bron",
        "RESV",
        "--file",
        "registry/acties/regio-oost.yaml",
    ],
}


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_dry_run_prints_the_diff_and_writes_nothing(
    name: str, run_cli: RunCli, golden: Golden, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES)
    before = {p: p.read_bytes() for p in REGISTRY.rglob("*.yaml")}
    result = run_cli(*GOLDEN_CASES[name], "--data", "registry", "--dry-run")
    assert result.exit_code == 0, result.output
    golden(name, result.stdout)
    assert {p: p.read_bytes() for p in REGISTRY.rglob("*.yaml")} == before


def test_set_status_writes_a_dated_entry(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli(
        "set-status", "H2.1", "gereed", "--datum", "2026-01-10", "--bron", "realisatieagenda",
        "--sectie", "H2", "--data", registry_copy,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # It says what changed, not only which file.
    assert result.stderr.startswith(f"updated {registry_copy}/acties.yaml\n  ")
    assert "  +            status: gereed\n" in result.stderr
    assert (
        "          - datum: 2026-01-10\n            status: gereed\n"
        in (registry_copy / "acties.yaml").read_text()
    )
    shown = run_cli("show", "H2.1", "--format", "json", "--as-of", "2026-01-15",
                    "--data", registry_copy)  # fmt: skip
    assert '"status": "gereed"' in shown.stdout


def test_gereed_without_a_bron_is_refused_and_nothing_written(
    run_cli: RunCli, registry_copy: Path
) -> None:
    before = (registry_copy / "acties.yaml").read_bytes()
    result = run_cli("set-status", "H2.1", "gereed", "--data", registry_copy)
    assert result.exit_code == 2
    assert "error[voortgang-bron]" in result.stdout
    assert "status gereed needs a bron" in result.stdout
    assert (registry_copy / "acties.yaml").read_bytes() == before


def test_assign_prints_the_lines_it_changed(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli("assign", "H3.1", "--trekker", "ZN", "--data", registry_copy)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == ["  -    trekker: []", "  +    trekker: [ZN]"]


def test_assign_warns_when_a_groep_already_covers_the_partij(
    run_cli: RunCli, registry_copy: Path
) -> None:
    # H2.2's trekker is the groep 'overheid' (VWS and ZIN): VWS is already a trekker.
    result = run_cli("assign", "H2.2", "--trekker", "vws", "--data", registry_copy)
    assert result.exit_code == 0, result.output
    assert (
        "Warning: VWS is already in trekker of H2.2 as a member of the groep overheid"
        in result.stderr
    )
    plain = run_cli("assign", "H2.2", "--trekker", "LHV", "--data", registry_copy)
    assert "Warning" not in plain.stderr


def test_add_reports_the_new_id(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli(
        "add", "--titel", "X", "--hoofdstuk", "H4", "--doel", "4", "--bron", "H4",
        "--data", registry_copy,
    )  # fmt: skip
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert "added H4.2" in lines
    # No --mijlpaal with a --deadline: CI would turn red, and the user hears it now.
    assert lines[-1].startswith("Warning: the new action has no milestone with a deadline")


def test_add_starts_a_new_regional_file(run_cli: RunCli, registry_copy: Path) -> None:
    west = registry_copy / "acties" / "regio-west.yaml"
    args = [
        "add", "--titel", "RESV opgericht", "--hoofdstuk", "H2", "--doel", "1",
        "--regio", "West", "--bron", "RESV", "--file", west, "--data", registry_copy,
    ]  # fmt: skip
    preview = run_cli(*args, "--dry-run")
    assert preview.exit_code == 0
    assert preview.stdout.startswith(f"--- /dev/null\n+++ b/{west}\n")
    assert not west.exists()
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"created {west}\nadded H2.3\nWarning: ")
    shown = run_cli("show", "H2.3", "--data", registry_copy, "--format", "json")
    assert '"regio": "West"' in shown.stdout


def test_update_without_anything_to_record_is_refused(run_cli: RunCli) -> None:
    result = run_cli("update", "H2.1", "--toelichting", "x", "--data", REGISTRY)
    assert result.exit_code == 2
    assert "say what changed" in result.stderr


def test_update_on_an_action_of_several_milestones_needs_one(run_cli: RunCli) -> None:
    result = run_cli("update", "H2.2", "--status", "lopend", "--data", REGISTRY)
    assert result.exit_code == 2
    assert "has 2 mijlpalen: say which with --mijlpaal" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["set-status", "H2.9", "open"],
         "Error: unknown actie 'H2.9'; did you mean 'H2.2', 'H2.1', 'H4.1'?"),
        (
            ["set-status", "H2.1", "klaar"],
            "Error: unknown status 'klaar'; use one of open, lopend, gereed, vervallen",
        ),
        (["assign", "H2.1", "--trekker", "VSW"],
         "Error: unknown partij 'VSW'; did you mean 'VWS'?"),
        (
            ["add", "--titel", "x", "--hoofdstuk", "H3", "--doel", "1", "--bron", "s",
             "--trekker", "ZM"],
            "Error: unknown partij 'ZM'; did you mean 'ZN'?",
        ),
        (
            ["add", "--titel", "x", "--hoofdstuk", "H3", "--doel", "1", "--bron", "s",
             "--document", "visie-vzg"],
            "Error: unknown document 'visie-vzg'; did you mean 'visie-vgz'?",
        ),
        (
            ["update", "H2.1", "--status", "gereed", "--datum", "2026-01-10",
             "--bron", "kamerbrief-rsev", "--sectie", "§2"],
            "Error: unknown document 'kamerbrief-rsev'; did you mean 'kamerbrief-resv'?",
        ),
    ],
)  # fmt: skip
def test_unknown_names_exit_2_without_traceback(
    run_cli: RunCli, args: list[str], message: str
) -> None:
    result = run_cli(*args, "--data", REGISTRY)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [message]
    assert "Traceback" not in result.output


def test_an_invalid_result_is_shown_and_not_written(run_cli: RunCli, registry_copy: Path) -> None:
    before = (registry_copy / "acties.yaml").read_bytes()
    result = run_cli(
        "add", "--titel", " ", "--hoofdstuk", "H2", "--doel", "1", "--bron", "s",
        "--data", registry_copy,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "error[schema] acties[H2.3].titel: 'titel' must not be empty text" in result.stdout
    assert result.stderr == (
        "Error: the edit would make the registry invalid (see above); nothing was written\n"
    )
    assert (registry_copy / "acties.yaml").read_bytes() == before


def test_an_invalid_registry_is_not_edited(run_cli: RunCli, registry_copy: Path) -> None:
    (registry_copy / "doelen.yaml").write_text("doelen: []\n")
    result = run_cli("set-status", "H2.1", "lopend", "--data", registry_copy)
    assert result.exit_code == 2
    assert "error[unknown-doel]" in result.stdout
    assert "the registry is not valid (see above); fix it first" in result.stderr


def test_add_without_required_values_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("add", "--titel", "x", "--hoofdstuk", "H2", "--data", REGISTRY)
    assert result.exit_code == 2
    assert "missing --bron, --doel" in result.output


def _interview(
    monkeypatch: pytest.MonkeyPatch, registry_copy: Path, answers: list[str], *args: str
) -> Result:
    monkeypatch.setattr(editing, "_interactive", lambda: True)
    return CliRunner().invoke(
        cli.app,
        ["add", "--data", str(registry_copy), *args],
        input="".join(f"{a}\n" for a in answers),
        env=CLI_ENV,
    )


def test_add_asks_on_a_terminal(monkeypatch: pytest.MonkeyPatch, registry_copy: Path) -> None:
    answers = [
        "Gevraagde actie", "H3", "1, 4", "LHV", "", "Plan", "Q3 2026", "", "", "H3, actie 2", "y",
    ]  # fmt: skip
    result = _interview(monkeypatch, registry_copy, answers)
    assert result.exit_code == 0, result.output
    text = (registry_copy / "acties.yaml").read_text()
    assert (
        "  - id: H3.2\n    titel: Gevraagde actie\n    hoofdstuk: H3\n    doelen: [1, 4]\n"
        "    trekker: [LHV]\n    mijlpalen:\n      - omschrijving: Plan\n"
        '        deadline: Q3 2026\n    bron: {document: realisatieagenda, sectie: "H3, actie 2"}\n'
    ) in text


def test_add_checks_each_answer_as_it_is_given(
    monkeypatch: pytest.MonkeyPatch, registry_copy: Path
) -> None:
    # Each wrong answer is named at once and asked again; nothing typed before is lost.
    answers = [
        "Gevraagde actie",
        "H9", "3",  # no chapter H9; '3' is H3
        "1, 99", "1, 4",  # no doel 99
        "huisartsen", "y",  # a part of LHV's name
        "zorgverzekeraars", "y",  # betrokkenen: a part of ZN's name
        "Plan", "Q7 2026", "Q3 2026",  # no quarter 7
        "Uitvoering", "",  # a second milestone, without deadline
        "",  # no more milestones
        "",  # the document: the default
        "H3, actie 2",
        "y",  # write it
    ]  # fmt: skip
    result = _interview(monkeypatch, registry_copy, answers)
    assert result.exit_code == 0, result.output
    assert "unknown hoofdstuk 'H9'" in result.output
    assert "unknown doel '99'" in result.output
    assert "did you mean LHV (Landelijke Huisartsen Vereniging)?" in result.output
    assert "quarter 7 does not exist" in result.output
    assert "+    betrokkenen: [ZN]\n" in result.output  # the diff, shown before asking
    assert "Write H3.2 to " in result.output
    text = (registry_copy / "acties.yaml").read_text()
    assert "    trekker: [LHV]\n    betrokkenen: [ZN]\n" in text
    assert "      - omschrijving: Uitvoering\n" in text


def test_add_writes_nothing_when_the_diff_is_declined(
    monkeypatch: pytest.MonkeyPatch, registry_copy: Path
) -> None:
    before = (registry_copy / "acties.yaml").read_bytes()
    answers = ["Zonder trekker", "H3", "1", "", "", "", "", "H3, actie 9", "n"]
    result = _interview(monkeypatch, registry_copy, answers)
    assert result.exit_code == 0, result.output
    assert "Warning: the new action has no trekker" in result.output
    assert "Warning: the new action has no milestone with a deadline" in result.output
    assert "nothing written" in result.output
    assert (registry_copy / "acties.yaml").read_bytes() == before


def test_fmt_check_exits_1_with_a_diff(run_cli: RunCli, registry_copy: Path) -> None:
    acties = registry_copy / "acties.yaml"
    messy = acties.read_text().replace("deadline: Q1 2026", "deadline: q1-2026")
    acties.write_text(messy)
    result = run_cli("fmt", "--check", "--data", registry_copy)
    assert result.exit_code == 1
    assert "-        deadline: q1-2026\n+        deadline: Q1 2026\n" in result.stdout
    assert acties.read_text() == messy
    assert run_cli("fmt", "--data", registry_copy).exit_code == 0
    assert run_cli("fmt", "--check", "--data", registry_copy).exit_code == 0


def test_fmt_check_golden_diff(
    run_cli: RunCli, golden: Golden, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messy_registry(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    result = run_cli("fmt", "--check", "--data", "data")
    assert result.exit_code == 1
    golden("fmt-check--diff", result.stdout)


def test_fmt_check_on_the_real_data_is_clean(run_cli: RunCli) -> None:
    result = run_cli("fmt", "--check", "--data", REAL_DATA)
    assert (result.exit_code, result.stdout) == (0, "")


def test_an_edit_of_a_non_canonical_file_points_to_fmt(
    run_cli: RunCli, registry_copy: Path
) -> None:
    acties = registry_copy / "acties.yaml"
    acties.write_bytes(acties.read_bytes().replace(b"\n", b"\r\n"))
    result = run_cli("set-status", "H2.1", "lopend", "--data", registry_copy)
    assert result.exit_code == 2
    assert "is not in canonical form" in result.stderr
    # The advice names the registry this run was given.
    assert f"run `eerstelijn fmt --data {registry_copy}` first" in result.stderr
