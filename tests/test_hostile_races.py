"""Hostile input, kind 5: races and faults across files.

Ids are reserved across the registry (a lock over the directory, from reading to writing);
`baseline --out` and `schema --out` write atomically; a read-only data file is refused; what
a kill leaves behind is ignored by the loader.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eerstelijn.editing.atomic import registry_lock
from eerstelijn.registry.load import load_registry
from tests.conftest import CLI_ENV, RunCli


def start_add(root: Path, titel: str, *extra: str) -> subprocess.Popen[str]:
    args = ["add", "--data", str(root), "--titel", titel, "--hoofdstuk", "H3", "--doel", "1"]
    return subprocess.Popen(
        [sys.executable, "-m", "eerstelijn", *args, "--bron", "H3, x", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **CLI_ENV, "EERSTELIJN_NO_CACHE": "1"},
    )


def test_two_adds_into_different_files_never_take_the_same_id(registry_copy: Path) -> None:
    regional = registry_copy / "acties" / "regio-oost.yaml"
    with registry_lock(registry_copy):
        # Both start while the registry is locked, as two people pressing enter together.
        runs = [
            start_add(registry_copy, "Landelijk"),
            start_add(registry_copy, "Regionaal", "--file", str(regional), "--regio", "Oost"),
            start_add(registry_copy, "Nog een", "--file", str(regional), "--regio", "Oost"),
        ]
        time.sleep(1.0)
        assert all(run.poll() is None for run in runs), "an add ran while the registry was locked"
    added = []
    for run in runs:
        _, err = run.communicate(timeout=30)
        assert run.returncode == 0, err
        added += re.findall(r"added (\S+)", err)
    assert len(added) == len(set(added)) == 3
    ids = [a.id for a in load_registry(registry_copy).acties]
    assert len(ids) == len(set(ids))


def test_a_read_only_data_file_is_refused(run_cli: RunCli, registry_copy: Path) -> None:
    path = registry_copy / "acties.yaml"
    before = path.read_bytes()
    path.chmod(0o444)
    for args in (["set-status", "H2.1", "lopend"], ["assign", "H3.1", "--trekker", "ZN"]):
        result = run_cli(*args, "--data", registry_copy)
        assert result.exit_code == 2
        assert "read-only; nothing was written" in result.output
    assert path.read_bytes() == before
    assert oct(path.stat().st_mode & 0o777) == oct(0o444)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("eerstelijn.editing.atomic.os.write", no_space)


@pytest.mark.parametrize("command", ["baseline", "schema"])
def test_a_full_disk_leaves_the_old_output_whole(
    run_cli: RunCli,
    registry_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    out = tmp_path / "out"
    if command == "baseline":
        target = out
        args = ["baseline", "--data", registry_copy, "--as-of", "2026-01-15", "--out", out]
    else:
        out.mkdir()
        target = out / "acties.schema.json"
        args = ["schema", "--out", out]
    target.write_text("the old, whole content\n", encoding="utf-8")
    full_disk(monkeypatch)
    result = run_cli(*args)
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert target.read_text(encoding="utf-8") == "the old, whole content\n"
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_what_a_kill_leaves_behind_is_ignored(run_cli: RunCli, registry_copy: Path) -> None:
    # A SIGKILL between writing the temporary file and the rename leaves it; nothing reads it.
    for folder, name in (
        (registry_copy, "acties.yaml"),
        (registry_copy / "acties", "regio-oost.yaml"),
    ):
        (folder / f".{name}.k1ll3d.tmp").write_text("acties: [half", encoding="utf-8")
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 1  # the fixture's findings; the fragments are not read
    assert ".tmp" not in result.output
