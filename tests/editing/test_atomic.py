"""Atomic writes: readers see the old file or the new one, and failures leave nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eerstelijn.editing.atomic import write_atomic


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_written_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    umask = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "index.html"
    target.write_bytes(b"old")

    def refuse(self: Path, other: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_an_exclusive_write_creates_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "regio-west.yaml"
    write_atomic(target, b"acties: []\n", exclusive=True)
    assert target.read_bytes() == b"acties: []\n"
    assert [p.name for p in tmp_path.iterdir()] == ["regio-west.yaml"]


def test_an_exclusive_write_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "regio-west.yaml"
    target.write_bytes(b"theirs")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"ours", exclusive=True)
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["regio-west.yaml"]


def test_an_exclusive_write_works_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "regio-west.yaml"
    write_atomic(target, b"ours", exclusive=True)
    assert target.read_bytes() == b"ours"
    assert [p.name for p in tmp_path.iterdir()] == ["regio-west.yaml"]
    with pytest.raises(FileExistsError):
        write_atomic(target, b"again", exclusive=True)
    assert target.read_bytes() == b"ours"
