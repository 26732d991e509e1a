"""Writing the report's files: the main page and its folder of pages, whole or not at all.

Apart from the building of the pages (page.py, site.py), and light to import: a report
answered from the cache writes its pages without the models or the queries.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from eerstelijn.editing.atomic import write_atomic
from eerstelijn.i18n import _
from eerstelijn.report.site import pages_folder

__all__ = ["report_target", "write_pages"]


def report_target(out: Path) -> Path:
    """The main page's path: `out` when it names an .html file, else `out/index.html`."""
    if out.suffix.lower() in {".html", ".htm"} and not out.is_dir():
        return out
    return out / "index.html"


def write_pages(pages: Iterable[tuple[str | None, str]], target: Path) -> Path:
    """Write the main page (the one named None) to `target` and the other pages to the folder
    beside it named after it (`index-pages/`); return `target`.

    The directory is created where missing. The set is written whole before any of it shows: the
    pages into a temporary folder that replaces the old one by a rename, then the main page
    through a temporary file and a rename; a folder left by an earlier, longer report is
    removed. Raises OSError when it cannot be written, or when the folder holds anything the
    report does not write.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.parent / pages_folder(target.name)
    _check_ours(folder)
    staging: Path | None = None
    old: Path | None = None
    placed = False
    try:
        page = b""
        for name, html in pages:
            if name is None:
                page = html.encode("utf-8")
            else:
                staging = staging or _staging(folder)
                _write_new(staging / name, html.encode("utf-8"))
        old = _set_aside(folder)
        if staging is not None:
            staging.rename(folder)
            staging, placed = None, True
        write_atomic(target, page)
    except BaseException:
        # Put back what was there: the old pages with the old main page.
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if placed:
            shutil.rmtree(folder, ignore_errors=True)
        if old is not None:
            with contextlib.suppress(OSError):
                old.rename(folder)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target


def _check_ours(folder: Path) -> None:
    """Refuse a pages folder that holds anything but the report's own pages."""
    if not folder.exists() and not folder.is_symlink():
        return
    ours = folder.is_dir() and not folder.is_symlink()
    if ours:
        ours = all(p.is_file() and p.suffix == ".html" for p in folder.iterdir())
    if not ours:
        raise OSError(
            0,
            _(
                "{folder} holds files the report did not write; move them, or choose another --out"
            ).format(folder=folder),
        )


def _staging(folder: Path) -> Path:
    """A new, empty folder beside `folder`, readable as a new directory is (mkdtemp makes it
    private)."""
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def _write_new(path: Path, data: bytes) -> None:
    """Write a file in the staging folder, to disk before the folder is renamed into place."""
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _set_aside(folder: Path) -> Path | None:
    """Move an existing pages folder out of the way (removed once the new report is in)."""
    if not folder.exists():
        return None
    aside = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".old"))
    try:
        folder.rename(aside)  # rename(2) replaces the empty directory
    except BaseException:
        with contextlib.suppress(OSError):
            aside.rmdir()
        raise
    return aside
