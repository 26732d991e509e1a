"""`report --since` and `agenda --since`: what changed since a version in git (the last BO)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from tests.conftest import RunCli
from tests.history.common import Repo, tagged_history
from tests.report_html import Node, parse


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; the Dutch ones are the golden files' concern."""
    monkeypatch.setenv("EERSTELIJN_LANG", "en")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    return tagged_history(tmp_path_factory.mktemp("history") / "repo")


@pytest.fixture
def in_repo(history: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Repo]:
    """A copy of the history as the working directory, so a test may edit it."""
    target = tmp_path / "repo"
    shutil.copytree(history.path, target, symlinks=True)
    monkeypatch.chdir(target)
    yield Repo(target, dict(history.commits))


def report(run_cli: RunCli, *args: str) -> Node:
    result = run_cli("report", "--data", "data", "--as-of", "2026-02-15", "--out", "out", *args)
    assert result.exit_code == 0, result.output
    return parse(Path("out/index.html").read_text(encoding="utf-8"))


def test_the_changes_since_a_tag(in_repo: Repo, run_cli: RunCli) -> None:
    page = report(run_cli, "--since", "bo-januari")
    section = page.by_id("changes")
    short = in_repo.commits["tool"][:10]
    assert page.by_id("changes-h").text() == f"What changed since bo-januari ({short})"
    rows = page.by_id("changes-table").rows()
    assert rows[0][:3] == ["H2.1", "actie", "titel"]
    kinds = {(r[0], r[2]) for r in rows}
    assert ("H4.1", "verplaatst") in kinds
    assert ("H3.1", "verwijderd") in kinds
    assert ("H2.2", "herplanning") in kinds
    assert f"{len(rows)} changes" in section.text()


def test_many_changes_continue_on_pages_of_their_own(in_repo: Repo, run_cli: RunCli) -> None:
    every = report(run_cli, "--since", "bo-januari").by_id("changes-table").rows()
    assert len(every) > 2
    page = report(run_cli, "--since", "bo-januari", "--max-rows", "2")
    assert page.by_id("changes-table").rows() == every[:2]
    assert f"{len(every)} changes" in page.by_id("changes").text()
    listed = []
    for number in range(1, (len(every) + 1) // 2 + 1):
        html = Path(f"out/index-pages/changes-{number}.html").read_text(encoding="utf-8")
        listed += parse(html).by_id("changes-table").rows()
    assert listed == every


def test_a_date_is_the_last_commit_on_or_before_it(in_repo: Repo, run_cli: RunCli) -> None:
    page = report(run_cli, "--since", "2026-01-15")
    assert "last commit on or before 2026-01-15" in page.by_id("changes").text()


def test_a_change_text_is_escaped(in_repo: Repo, run_cli: RunCli) -> None:
    in_repo.edit(
        "acties.yaml",
        "titel: Handreiking regionale samenwerking\n",
        "titel: <b>Handreiking</b> & co\n",
    )
    page = report(run_cli, "--since", "HEAD")
    table = page.by_id("changes-table")
    assert not list(table.iter("b"))
    assert "<b>Handreiking</b> & co" in table.text()


def test_an_unknown_revision_is_invalid_input(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("report", "--data", "data", "--out", "out", "--since", "bo-februari")
    assert result.exit_code == 2, result.output
    last = result.stderr.splitlines()[-1]
    assert last == "Error: unknown revision 'bo-februari': no branch, tag or commit of that name"
    assert not Path("out").exists()


def agenda(run_cli: RunCli, *args: str) -> str:
    result = run_cli("agenda", "--data", "data", "--as-of", "2026-02-15", *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def titles(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("**") and ". " in line]


def test_agenda_marks_an_action_added_since(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli(
        "add", "--data", "data", "--titel", "Nieuw zonder trekker", "--hoofdstuk", "H5",
        "--doel", "1", "--bron", "H5",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    head = in_repo.git("rev-parse", "--short=10", "HEAD").strip()
    paper = agenda(run_cli, "--since", "HEAD")
    # H4.1 (no deadline) was on the agenda before and did not change: no mark.
    assert titles(paper) == [
        "**1. H4.1 Plan zonder deadline**",
        f"**2. H5.2 Nieuw zonder trekker** — _new since HEAD ({head})_",
    ]
    assert f"Since HEAD ({head}): 1 new, 0 changed, up to the working tree." in paper
    # Without --since nothing is marked, and the paper is as before.
    assert "since" not in agenda(run_cli).lower()


def test_agenda_marks_a_changed_action_in_every_format(
    in_repo: Repo, run_cli: RunCli, tmp_path: Path
) -> None:
    # Between the BO of January (the tag) and now, H4.1 moved to another file and got an
    # extra doel by hand: the move alone would not count, the doel does.
    short = in_repo.commits["tool"][:10]
    mark = f"changed since bo-januari ({short})"
    assert titles(agenda(run_cli, "--since", "bo-januari")) == [
        f"**1. H4.1 Plan zonder deadline** — _{mark}_"
    ]
    table = agenda(run_cli, "--since", "bo-januari", "--format", "table")
    assert f"[{mark}]" in " ".join(table.split())
    out = tmp_path / "agenda.docx"
    result = run_cli(
        "agenda", "--data", "data", "--as-of", "2026-02-15", "--since", "bo-januari",
        "--format", "docx", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    heading = paragraphs.index("1. H4.1 Plan zonder deadline")
    assert paragraphs[heading + 1] == mark[:1].upper() + mark[1:]


def test_agenda_since_a_move_alone_marks_nothing(in_repo: Repo, run_cli: RunCli) -> None:
    # From `hand` to `move`, H4.1 only moved to acties/regio.yaml.
    paper = agenda(run_cli, "--since", in_repo.commits["hand"])
    assert titles(paper) == ["**1. H4.1 Plan zonder deadline**"]
    assert ": 0 new, 0 changed, up to the working tree." in paper


def test_agenda_since_an_unknown_revision_is_invalid_input(in_repo: Repo, run_cli: RunCli) -> None:
    result = run_cli("agenda", "--data", "data", "--since", "bo-februari")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    last = result.stderr.splitlines()[-1]
    assert last == "Error: unknown revision 'bo-februari': no branch, tag or commit of that name"
