"""The same milestones as a Taskwarrior database, to time `task overdue` against `overdue`.

Taskwarrior judges by today's date and eerstelijn's bench by --as-of 2026-01-15, so every due
date moves by the days between them: the same milestones are overdue in both.

    python bench/taskwarrior.py DATA_DIR TASK_DIR
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

from eerstelijn.queries import is_overdue
from eerstelijn.registry.load import load_registry

AS_OF = date(2026, 1, 15)


def available() -> bool:
    """Whether Taskwarrior is installed here."""
    return shutil.which("task") is not None


def taskrc(directory: Path) -> Path:
    return directory / "taskrc"


def build(data: Path, directory: Path) -> int:
    """Write a Taskwarrior database of `data`'s milestones; return how many are overdue."""
    registry = load_registry(data)
    shift = date.today() - AS_OF
    tasks, late = [], 0
    for actie in registry.acties:
        for number, mijlpaal in enumerate(actie.mijlpalen, start=1):
            stand = mijlpaal.stand(AS_OF)  # its deadline and status as the log has them
            if stand.deadline is None or stand.deadline.deadline is None:
                continue
            due = datetime.combine(stand.deadline.deadline.last_day + shift, time(23, 59))
            late += is_overdue(mijlpaal, AS_OF)
            tasks.append(
                {
                    "description": f"{actie.id} #{number} {mijlpaal.omschrijving}",
                    "project": actie.id.split(".")[0],
                    "status": "completed" if stand.done else "pending",
                    "entry": "20250101T000000Z",
                    **({"end": "20250101T000000Z"} if stand.done else {}),
                    "due": due.strftime("%Y%m%dT%H%M%SZ"),
                }
            )
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    taskrc(directory).write_text(
        f"data.location={directory}\nconfirmation=off\nverbose=nothing\ndefaultwidth=100\n"
        "hooks=off\nnews.version=2.6.2\n",
        encoding="utf-8",
    )
    batch = directory / "tasks.json"
    batch.write_text(json.dumps(tasks), encoding="utf-8")
    subprocess.run(
        ["task", f"rc:{taskrc(directory)}", "import", str(batch)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return late


def overdue_argv(directory: Path) -> list[str]:
    return ["task", f"rc:{taskrc(directory)}", "overdue"]


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2])), "overdue")
