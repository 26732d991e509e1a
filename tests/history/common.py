"""A temporary git repository with a scripted history of the fixture registry.

Git is configured per command (`-c user.name=...`) and isolated from any global or system
configuration, because CI has none and a developer's may sign commits or set hooks. Commit
dates are fixed, so hashes (and the golden summary that names one) are the same on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from eerstelijn.cli import app
from tests.conftest import CLI_ENV, REGISTRY, RunCli

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Programmabureau",
    "GIT_AUTHOR_EMAIL": "bureau@example.org",
    "GIT_COMMITTER_NAME": "Programmabureau",
    "GIT_COMMITTER_EMAIL": "bureau@example.org",
}


@dataclass
class Repo:
    """A git work tree in `path` whose registry is `path/data`."""

    path: Path
    commits: dict[str, str] = field(default_factory=dict)  # name -> hash

    @property
    def data(self) -> Path:
        return self.path / "data"

    def git(self, *args: str, day: str = "2026-01-05") -> str:
        stamp = f"{day}T12:00:00+00:00"
        env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        done = subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args],
            cwd=self.path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def commit(self, name: str, day: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", name, day=day)
        sha = self.git("rev-parse", "HEAD").strip()
        self.commits[name] = sha
        return sha

    def edit(self, relative: str, old: str, new: str) -> None:
        """Edit a data file by hand: replace the one occurrence of `old`."""
        path = self.data / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def init_repo(path: Path) -> Repo:
    """An empty repository on branch main, holding a copy of the fixture registry uncommitted."""
    path.mkdir(parents=True, exist_ok=True)
    repo = Repo(path)
    repo.git("init", "-q", "-b", "main")
    shutil.copytree(REGISTRY, repo.data)
    return repo


def scripted_history(path: Path, run_cli: RunCli) -> Repo:
    """The history the tests read, one kind of editing per commit:

    - `start` (5 Jan 2026): the fixture registry, on main;
    - `tool` (12 Jan): edits with the tool: progress entries setting a milestone gereed,
      re-planning one and assessing one; a trekker assigned;
    - branch `feature` from there, as a pull request would be;
    - `hand` (20 Jan): edits by hand: titel, betrokkene removed, a deadline edited in place,
      doelen, a milestone added, a partij added, a doel renamed, a belofte removed;
    - `move` (2 Feb): H4.1 moved to acties/regio.yaml, an action added with the tool,
      H3.1 removed, a milestone re-planned a second time.
    """
    repo = init_repo(path)
    repo.commit("start", "2026-01-05")

    def tool(*args: str) -> None:
        result = run_cli(*args, "--data", repo.data)
        assert result.exit_code == 0, result.output

    tool(
        "update", "H2.2", "--mijlpaal", "1", "--status", "gereed", "--datum", "2026-01-10",
        "--toelichting", "Onderzoek afgerond", "--bron", "realisatieagenda",
        "--sectie", "H2, actie 2",
    )  # fmt: skip
    tool(
        "replan", "H2.1", "--deadline", "Q3 2026", "--reden", "Meer overleg nodig",
        "--datum", "2026-01-11", "--bron", "realisatieagenda", "--sectie", "H2, actie 1",
    )  # fmt: skip
    tool("update", "H4.1", "--beoordeling", "risico", "--datum", "2026-01-11")
    tool("assign", "H3.1", "--trekker", "LHV")
    repo.commit("tool", "2026-01-12")
    repo.git("checkout", "-q", "-b", "feature")

    repo.edit("acties.yaml", "titel: Handreiking\n", "titel: Handreiking regionale samenwerking\n")
    repo.edit("acties.yaml", "    betrokkenen: [LHV]\n", "")
    repo.edit("acties.yaml", "deadline: Q1 2025\n", "deadline: Q2 2025\n")
    repo.edit(
        "acties.yaml",
        "    doelen: [4]\n    trekker: [LHV]",
        "    doelen: [1, 4]\n    trekker: [LHV]",
    )
    repo.edit(
        "acties.yaml",
        '\n    bron: {document: realisatieagenda, sectie: "H2, actie 2"}\n',
        "\n      - omschrijving: Evaluatie\n        deadline: Q4 2026"
        '\n    bron: {document: realisatieagenda, sectie: "H2, actie 2"}\n',
    )
    repo.edit(
        "partijen.yaml",
        "  - code: LHV\n",
        "  - code: NZa\n    naam: Nederlandse Zorgautoriteit\n"
        "    bron: {document: realisatieagenda, sectie: titelblad}\n  - code: LHV\n",
    )
    repo.edit("doelen.yaml", "titel: Capaciteit beter benutten\n", "titel: Capaciteit benutten\n")
    beloften = repo.data / "zorgbelofte.yaml"
    text = beloften.read_text(encoding="utf-8")
    beloften.write_text(text[: text.index("  - nummer: 2\n")], encoding="utf-8")  # the last
    repo.commit("hand", "2026-01-20")

    h41 = cut_actie(repo, "H4.1")
    (repo.data / "acties" / "regio.yaml").write_text("acties:\n" + h41, encoding="utf-8")
    tool(
        "add", "--titel", "Nieuwe actie", "--hoofdstuk", "H5", "--doel", "1",
        "--trekker", "ZN", "--mijlpaal", "Start", "--deadline", "Q2 2026", "--bron", "H5",
    )  # fmt: skip
    cut_actie(repo, "H3.1")
    tool(
        "replan", "H2.2", "--mijlpaal", "2", "--deadline", "Q2 2027", "--reden",
        "Uitvoeringstoets NZa", "--datum", "2026-02-01", "--bron", "realisatieagenda",
        "--sectie", "H2, actie 2",
    )  # fmt: skip
    repo.commit("move", "2026-02-02")
    return repo


def cut_actie(repo: Repo, actie_id: str) -> str:
    """Remove an action's block from acties.yaml by hand; return it."""
    path = repo.data / "acties.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {actie_id}\n")
    end = text.find("  - id:", start + 1)
    end = len(text) if end < 0 else end
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return text[start:end].rstrip("\n") + "\n"


def tagged_history(path: Path) -> Repo:
    """The scripted history, its edits made by the command line in this process, with the
    tag `bo-januari` on its `tool` commit: what the history tests share, built once a module."""
    base = {**CLI_ENV, "EERSTELIJN_NO_CACHE": "1", "GITHUB_STEP_SUMMARY": ""}

    def run(*args: str | Path, env: dict[str, str] | None = None) -> Any:
        argv = [str(a) for a in args]
        return CliRunner().invoke(app, argv, env={**base, **(env or {})}, catch_exceptions=False)

    repo = scripted_history(path, run)
    repo.git("tag", "bo-januari", repo.commits["tool"])
    return repo
