"""`eerstelijn changes` on a temporary git repository with a scripted history."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Golden, RunCli
from tests.history.common import Repo, init_repo, tagged_history


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The scripted history, built once for the module; tests that edit it take a copy."""
    return tagged_history(tmp_path_factory.mktemp("history") / "repo")


@pytest.fixture
def in_repo(history: Repo, monkeypatch: pytest.MonkeyPatch) -> Iterator[Repo]:
    """The shared history as the working directory, so files are named `data/...`."""
    monkeypatch.chdir(history.path)
    yield history
    assert history.git("status", "--porcelain") == "", "a test changed the shared repository"


@pytest.fixture
def own_repo(history: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A copy of the history that a test may edit, as the working directory."""
    target = tmp_path / "repo"
    shutil.copytree(history.path, target, symlinks=True)
    monkeypatch.chdir(target)
    return Repo(target, dict(history.commits))


def changes_json(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("changes", "--data", "data", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def summary(found: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Each change as (soort, id, wijziging, mijlpaal, van, naar)."""
    keys = ("soort", "id", "wijziging", "mijlpaal", "van", "naar")
    return [tuple(c[k] for k in keys) for c in found["wijzigingen"]]


def line_at(repo: Repo, revision: str, change: dict[str, Any]) -> str:
    """The data line a change points at, in the newer version."""
    text = repo.git("show", f"{revision}:{change['file']}")
    line: str = text.splitlines()[change["line"] - 1]
    return line.strip()


def test_edits_made_with_the_tool(in_repo: Repo, run_cli: RunCli) -> None:
    start, tool = in_repo.commits["start"], in_repo.commits["tool"]
    found = changes_json(run_cli, "--since", start, "--until", tool)
    assert summary(found) == [
        ("actie", "H2.1", "voortgang", 1, None, None),
        ("actie", "H2.1", "herplanning", 1, "2026-Q1", "2026-Q3"),
        ("actie", "H2.2", "voortgang", 1, None, None),
        ("actie", "H2.2", "status", 1, "open", "gereed"),
        ("actie", "H3.1", "trekker-toegevoegd", None, None, "LHV"),
        ("actie", "H4.1", "voortgang", 1, None, None),
        ("actie", "H4.1", "beoordeling", 1, None, "risico"),
    ]
    entries = [c["voortgang"] for c in found["wijzigingen"] if c["wijziging"] == "voortgang"]
    assert entries == [
        {
            "datum": "2026-01-11",
            "deadline": "Q3 2026",
            "reden": "Meer overleg nodig",
            "bron": [{"document": "realisatieagenda", "sectie": "H2, actie 1"}],
        },
        {
            "datum": "2026-01-10",
            "status": "gereed",
            "toelichting": "Onderzoek afgerond",
            "bron": [{"document": "realisatieagenda", "sectie": "H2, actie 2"}],
        },
        {"datum": "2026-01-11", "beoordeling": "risico"},
    ]
    replan = found["wijzigingen"][1]
    assert (replan["kwartalen"], replan["reden"]) == (2, "Meer overleg nodig")
    # A change a new entry makes points at that entry, the line a reviewer reads.
    lines = [line_at(in_repo, tool, c) for c in found["wijzigingen"]]
    assert lines == [
        "- datum: 2026-01-11",
        "- datum: 2026-01-11",
        "- datum: 2026-01-10",
        "- datum: 2026-01-10",
        "trekker: [LHV]",
        "- datum: 2026-01-11",
        "- datum: 2026-01-11",
    ]
    assert found["van"]["revisie"] == start
    assert found["tot"] == {
        "gevraagd": tool,
        "hoe": "revision",
        "revisie": tool,
        "datum": "2026-01-12",
        "onderwerp": "tool",
    }


def test_edits_made_by_hand(in_repo: Repo, run_cli: RunCli) -> None:
    hand = in_repo.commits["hand"]
    found = changes_json(run_cli, "--since", in_repo.commits["tool"], "--until", hand)
    assert summary(found) == [
        ("actie", "H2.1", "titel", None, "Handreiking", "Handreiking regionale samenwerking"),
        ("actie", "H2.1", "betrokkene-verwijderd", None, "LHV", None),
        ("actie", "H2.2", "mijlpaal-toegevoegd", 3, None, "Evaluatie"),
        ("actie", "H3.1", "herplanning", 1, "2025-Q1", "2025-Q2"),
        ("actie", "H4.1", "doelen", None, ["4"], ["1", "4"]),
        ("partij", "NZa", "toegevoegd", None, None, "Nederlandse Zorgautoriteit"),
        ("doel", "4", "hernoemd", None, "Capaciteit beter benutten", "Capaciteit benutten"),
        ("belofte", "2", "verwijderd", None, "Ik bereid mijn afspraak voor", None),
    ]
    replan = found["wijzigingen"][3]
    assert (replan["kwartalen"], replan["reden"]) == (1, None)  # by hand: no reden recorded
    lines = [line_at(in_repo, hand, c) if c["line"] else None for c in found["wijzigingen"]]
    assert lines == [
        "titel: Handreiking regionale samenwerking",
        "- id: H2.1",  # a removed betrokkene has no line of its own: the action's
        "- omschrijving: Evaluatie",
        "deadline: Q2 2025",
        "doelen: [1, 4]",
        "- code: NZa",
        "titel: Capaciteit benutten",
        None,  # removed: it stands nowhere in the newer version
    ]
    assert found["wijzigingen"][-1]["file"] == "data/zorgbelofte.yaml"


def test_a_moved_action_is_a_move_not_a_removal_and_an_addition(
    in_repo: Repo, run_cli: RunCli
) -> None:
    move = in_repo.commits["move"]
    found = changes_json(run_cli, "--since", in_repo.commits["hand"], "--until", move)
    assert summary(found) == [
        ("actie", "H2.2", "voortgang", 2, None, None),
        ("actie", "H2.2", "herplanning", 2, "2026-Q4", "2027-Q2"),
        ("actie", "H5.1", "toegevoegd", None, None, "Nieuwe actie"),
        ("actie", "H4.1", "verplaatst", None, "data/acties.yaml", "data/acties/regio.yaml"),
        ("actie", "H3.1", "verwijderd", None, "Inventarisatie zonder trekker", None),
    ]
    replan = found["wijzigingen"][1]
    assert (replan["kwartalen"], replan["reden"]) == (2, "Uitvoeringstoets NZa")
    added, moved, _ = found["wijzigingen"][2:]
    assert line_at(in_repo, move, added) == "- id: H5.1"
    assert (moved["file"], line_at(in_repo, move, moved)) == (
        "data/acties/regio.yaml",
        "- id: H4.1",
    )


def test_the_working_tree_is_the_newer_side(own_repo: Repo, run_cli: RunCli) -> None:
    edited = run_cli("update", "H2.1", "--status", "lopend", "--datum", "2026-02-03")
    assert edited.exit_code == 0, edited.output
    own_repo.edit("acties.yaml", "titel: Bekostiging\n", "titel: Bekostiging RESV\n")
    found = changes_json(run_cli, "--since", "HEAD")
    assert found["tot"]["revisie"] is None
    assert summary(found) == [
        ("actie", "H2.1", "voortgang", 1, None, None),
        ("actie", "H2.1", "status", 1, "open", "lopend"),
        ("actie", "H2.2", "titel", None, "Bekostiging", "Bekostiging RESV"),
    ]
    text = (own_repo.data / "acties.yaml").read_text(encoding="utf-8").splitlines()
    assert [text[c["line"] - 1].strip() for c in found["wijzigingen"]] == [
        "- datum: 2026-02-03",
        "- datum: 2026-02-03",
        "titel: Bekostiging RESV",
    ]


def test_since_defaults_to_the_merge_base_with_the_default_branch(
    in_repo: Repo, run_cli: RunCli
) -> None:
    found = changes_json(run_cli)
    assert found["van"]["revisie"] == in_repo.commits["tool"]
    assert found["van"]["hoe"] == "merge-base HEAD main"
    assert found["tot"]["revisie"] is None
    assert ("actie", "H3.1", "verwijderd", None, "Inventarisatie zonder trekker", None) in summary(
        found
    )


def test_since_defaults_to_head_without_a_default_branch(own_repo: Repo, run_cli: RunCli) -> None:
    own_repo.git("branch", "-q", "-D", "main")
    own_repo.edit("acties/regio.yaml", "titel: Plan zonder deadline\n", "titel: Plan\n")
    found = changes_json(run_cli)
    assert (found["van"]["hoe"], found["van"]["revisie"]) == ("HEAD", own_repo.commits["move"])
    assert summary(found) == [("actie", "H4.1", "titel", None, "Plan zonder deadline", "Plan")]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2026-01-15", "move", ("tool", "move")),  # the last commit on or before the day
        ("bo-januari", "2026-01-20", ("tool", "hand")),  # a tag; a commit made on the day
        ("20 januari 2026", "Q2 2026", ("hand", "move")),  # a written date; 1 April
    ],
)
def test_a_date_means_the_last_commit_on_or_before_it(
    in_repo: Repo, run_cli: RunCli, since: str, until: str, expected: tuple[str, str]
) -> None:
    until = in_repo.commits.get(until, until)
    found = changes_json(run_cli, "--since", since, "--until", until)
    assert (found["van"]["revisie"], found["tot"]["revisie"]) == tuple(
        in_repo.commits[name] for name in expected
    )


def test_no_changes(in_repo: Repo, run_cli: RunCli) -> None:
    found = changes_json(run_cli, "--since", "HEAD")
    assert found["wijzigingen"] == []
    table = run_cli("changes", "--data", "data", "--since", "HEAD")
    assert table.exit_code == 0
    assert "Geen wijzigingen." in table.stdout


def test_pull_request_summary(in_repo: Repo, run_cli: RunCli, golden: Golden) -> None:
    result = run_cli("changes", "--data", "data", "--format", "markdown")
    assert result.exit_code == 0, result.output
    base = in_repo.commits["tool"][:10]
    assert f"`{base}`" in result.stdout
    # The hash depends on the fixture registry's bytes; the summary around it must not.
    golden("changes--markdown", result.stdout.replace(base, "<base>"))


def test_github_annotates_each_change_and_writes_the_step_summary(
    in_repo: Repo, run_cli: RunCli, tmp_path: Path
) -> None:
    step_summary = tmp_path / "summary.md"
    step_summary.write_text("earlier step\n", encoding="utf-8")
    since = ["--since", in_repo.commits["tool"], "--until", in_repo.commits["hand"]]
    result = run_cli(
        "changes", "--data", "data", "--format", "github", *since,
        env={"GITHUB_STEP_SUMMARY": str(step_summary)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 8
    assert lines[0] == (
        "::notice file=data/acties.yaml,line=3,title=actie H2.1%3A titel::"
        "titel nu 'Handreiking regionale samenwerking'"
    )
    assert lines[-1] == (
        "::notice file=data/zorgbelofte.yaml,title=belofte 2%3A verwijderd::"
        "verwijderd: Ik bereid mijn afspraak voor"
    )
    markdown = run_cli("changes", "--data", "data", "--format", "markdown", *since).stdout
    assert step_summary.read_text(encoding="utf-8") == f"earlier step\n{markdown}\n"


def test_github_without_a_step_summary_writes_none(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("changes", "--data", "data", "--format", "github", "--since", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("::notice file=data/acties.yaml,line=")


def test_table_for_people(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("changes", "--data", "data", "--since", "bo-januari")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Van bo-januari")
    assert "verplaatst van data/acties.yaml naar" in result.stdout
    assert "data/acties/regio.yaml:2" in result.stdout


# Errors: exit 2 and one message, never a traceback (run_cli lets exceptions through).


def assert_error(result: Any, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"Fout: {message}"


def test_outside_a_git_repository(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli("changes", "--data", registry_copy)
    assert_error(result, f"{registry_copy} staat niet in een git-repository")


def test_an_unknown_revision(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("changes", "--data", "data", "--since", "bo-februari")
    assert_error(
        result, "onbekende revisie 'bo-februari': er is geen branch, tag of commit met die naam"
    )


def test_a_revision_that_looks_like_an_option(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("changes", "--data", "data", "--since=--output=x")
    assert_error(
        result, "onbekende revisie '--output=x': er is geen branch, tag of commit met die naam"
    )
    assert not (in_repo.path / "x").exists()


def test_a_date_before_the_first_commit(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("changes", "--data", "data", "--since", "2025-12-31")
    assert_error(result, "geen commit op of voor 2025-12-31")


def test_a_shallow_clone_that_lacks_the_revision(
    history: Repo, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = Repo(tmp_path / "clone")
    Repo(tmp_path).git("clone", "-q", "--depth", "1", "--branch", "feature",
                       f"file://{history.path}", "clone")  # fmt: skip
    monkeypatch.chdir(clone.path)
    start = history.commits["start"]
    result = run_cli("changes", "--data", "data", "--since", start)
    assert_error(
        result,
        f"onbekende revisie '{start}': deze kloon is ondiep; haal de geschiedenis op "
        "(git fetch --unshallow; in GitHub Actions: fetch-depth: 0)",
    )
    dated = run_cli("changes", "--data", "data", "--since", "2026-01-15")
    assert dated.exit_code == 2
    assert "deze kloon is ondiep" in dated.stderr


def test_an_older_version_that_is_invalid(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init_repo(tmp_path / "repo")
    repo.edit(
        "acties.yaml",
        "        deadline: Q1 2026\n",
        "        deadline: Q1 2026\n        status: klaar\n",
    )
    broken = repo.commit("broken", "2026-01-05")
    repo.edit("acties.yaml", "        status: klaar\n", "")
    repo.commit("fixed", "2026-01-06")
    monkeypatch.chdir(repo.path)
    result = run_cli("changes", "--data", "data", "--since", "HEAD~1")
    assert_error(result, f"het register in HEAD~1 ({broken[:10]}) is ongeldig")
    assert result.stderr.startswith(
        "data/acties.yaml:11:17: error[schema] acties[H2.1].mijlpalen[0].status: 'klaar' is niet"
    )


def test_a_revision_without_the_data_directory(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init_repo(tmp_path / "repo")
    (repo.path / "README").write_text("empty\n", encoding="utf-8")
    repo.git("add", "README")
    repo.git("commit", "-q", "-m", "readme")
    repo.commit("data", "2026-01-06")
    monkeypatch.chdir(repo.path)
    result = run_cli("changes", "--data", "data", "--since", "HEAD~1")
    assert_error(
        result, f"data bevat geen register in HEAD~1 ({repo.git('rev-parse', 'HEAD~1')[:10]})"
    )


def test_history_lists_the_commits_that_changed_an_action(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli(
        "history", "H4.1", "--data", "data", "--commits", "--format", "json",
        "--as-of", "2026-02-10",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    commits = json.loads(result.stdout)["commits"]
    assert [(c["revisie"], c["datum"], c["auteur"], c["wat"]) for c in commits] == [
        (
            in_repo.commits["start"],
            "2026-01-05",
            "Programmabureau",
            "toegevoegd: Plan zonder deadline",
        ),
        (
            in_repo.commits["tool"],
            "2026-01-12",
            "Programmabureau",
            "mijlpaal 1 voortgang 2026-01-11: beoordeling risico; "
            "mijlpaal 1 beoordeling geen -> risico",
        ),
        (in_repo.commits["hand"], "2026-01-20", "Programmabureau", "doelen 4 -> 1, 4"),
        (
            in_repo.commits["move"],
            "2026-02-02",
            "Programmabureau",
            "verplaatst van data/acties.yaml naar data/acties/regio.yaml",
        ),
    ]
    assert [c["wijziging"] for c in commits[1]["wijzigingen"]] == ["voortgang", "beoordeling"]


def test_history_passes_over_an_invalid_version(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init_repo(tmp_path / "repo")
    repo.commit("start", "2026-01-05")
    repo.edit("acties.yaml", "titel: Handreiking\n", "titel: Handreiking\n    kleur: rood\n")
    repo.commit("broken", "2026-01-06")
    repo.edit("acties.yaml", "titel: Handreiking\n    kleur: rood\n", "titel: Handreiking 2\n")
    repo.commit("fixed", "2026-01-07")
    monkeypatch.chdir(repo.path)
    result = run_cli("history", "H2.1", "--commits", "--format", "json", "--as-of", "2026-02-10")
    assert result.exit_code == 0, result.output
    commits = json.loads(result.stdout)["commits"]
    assert [(c["onderwerp"], c["wat"]) for c in commits] == [
        ("start", "toegevoegd: Handreiking"),
        ("fixed", "titel nu 'Handreiking 2'"),
    ]


def test_history_commits_outside_a_git_repository(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli("history", "H2.1", "--commits", "--data", registry_copy)
    assert_error(result, f"{registry_copy} staat niet in een git-repository")


def test_documenten_added_removed_and_renamed(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init_repo(tmp_path / "repo")
    repo.commit("start", "2026-01-05")
    repo.edit("documenten.yaml", "titel: Voorhang bekostiging RESV\n", "titel: Voorhang RESV\n")
    repo.edit(
        "documenten.yaml",
        "  - id: visie-vgz\n",
        "  - id: bo-verslag-2026-01\n    titel: Verslag BO januari\n    soort: bo-verslag\n"
        "    datum: 2026-01-15\n  - id: visie-vgz\n",
    )
    monkeypatch.chdir(repo.path)
    found = changes_json(run_cli, "--since", "HEAD")
    assert summary(found) == [
        ("document", "bo-verslag-2026-01", "toegevoegd", None, None, "Verslag BO januari"),
        (
            "document",
            "kamerbrief-resv",
            "hernoemd",
            None,
            "Voorhang bekostiging RESV",
            "Voorhang RESV",
        ),
    ]
    text = (repo.data / "documenten.yaml").read_text(encoding="utf-8").splitlines()
    assert [(c["file"], text[c["line"] - 1].strip()) for c in found["wijzigingen"]] == [
        ("data/documenten.yaml", "- id: bo-verslag-2026-01"),
        ("data/documenten.yaml", "titel: Voorhang RESV"),
    ]


def test_a_version_from_before_a_data_file_existed(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """documenten.yaml came later than the other files: older versions lack it."""
    repo = init_repo(tmp_path / "repo")
    documenten = (repo.data / "documenten.yaml").read_text(encoding="utf-8")
    (repo.data / "documenten.yaml").unlink()
    repo.commit("before documenten", "2026-01-05")
    (repo.data / "documenten.yaml").write_text(documenten, encoding="utf-8")
    monkeypatch.chdir(repo.path)
    found = changes_json(run_cli, "--since", "HEAD")
    assert [(c["soort"], c["id"], c["wijziging"]) for c in found["wijzigingen"]] == [
        ("document", "realisatieagenda", "toegevoegd"),
        ("document", "visie-vgz", "toegevoegd"),
        ("document", "kamerbrief-resv", "toegevoegd"),
    ]
