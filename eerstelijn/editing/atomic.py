"""Writing files so that a reader never sees half a file, and a failure changes nothing."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["registry_lock", "write_atomic"]


@contextlib.contextmanager
def registry_lock(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on the registry directory `root` while the block runs.

    Edits lock each file they replace; this lock spans the whole registry, so that what an
    edit reads and decides (the next free id, counted over every file) still holds when it
    writes: two `add` runs into different files never both take `H3.6`. The lock is taken on
    the directory itself, so no lock file is left in the repository. A directory that cannot
    be opened (it does not exist yet) is not locked; the edit then fails on its own.
    """
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # also releases the lock


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    exclusive: bool = False,
    keep_mode: bool = False,
) -> None:
    """Write `data` to `path` through a temporary file in the same directory and a rename.

    The temporary file is written whole and fsynced before the rename, so a reader (an editor,
    a web server, a calendar polling the file) sees the old or the new version, never a mix;
    on any failure the temporary file is removed and `path` stays as it was. `mode` sets the
    permissions (default: those of a new file under the umask). With `exclusive`, `path` must
    not exist: the whole file appears at once, or FileExistsError is raised and nothing is
    written. With `keep_mode`, an existing file keeps its permissions. Raises OSError.
    """
    if keep_mode and mode is None:
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(path.stat().st_mode)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        # mkstemp creates the file for its owner only; the result is meant to be shared.
        temporary.chmod(_new_file_mode() if mode is None else mode)
        if exclusive:
            _link_new(temporary, path)
        else:
            temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_directory(path.parent)


def _link_new(temporary: Path, path: Path) -> None:
    # A hard link is created whole or not at all, and never over an existing file.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: claim the name, then rename over the claim. A
        # reader may see the empty claim for that moment, never a partial file.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        temporary.replace(path)
        return
    temporary.unlink()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable; some file systems refuse, and the data is already safe.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
