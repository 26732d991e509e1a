"""A cache of loaded registries, keyed by the bytes of every data file and by the tool itself.

Reading and validating 10,000 actions takes about a second; unpickling the result a fifth of
that. The key is a hash of the tool (its version and the size and time of each of its source
files, so that an edit of the code misses too), of Python's version and of the installed
pydantic, PyYAML, ruamel.yaml and rich (the size and time of their package files), of the language
of texts for people (problems hold their messages) and of every data file's path as given,
the path it resolves to and its bytes. Any change of content, a renamed,
added or removed file, or a link pointed elsewhere gives a new key, so an entry is never used
for data it was not made from. There is one entry per registry directory and kind of value
(the loaded registry, which `check` does not keep; the registry as queries use it; the
problems of `check` with the date they were judged by; sixteen slots of answers to queries,
each with its question and date; and beside each slot the answer's text as it was last
printed, with the console's setting), overwritten on each miss, so the cache does not grow
with edits, days, questions or terminals.

The cache is a convenience: it is safe to delete at any time, an entry that cannot be read or
unpickled is a miss, and a cache that cannot be written is skipped. Because entries are
pickles, a directory that someone else owns or may write to is not used.

The library uses a cache only when given one (`load_registry(root, cache=...)`); the command
line passes `RegistryCache.find(os.environ)`: $EERSTELIJN_CACHE_DIR, else
$XDG_CACHE_HOME/eerstelijn, else ~/.cache/eerstelijn; EERSTELIJN_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Generator, Iterable, Mapping
from pathlib import Path
from typing import IO

__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "Parts", "RegistryCache", "content_key"]

CACHE_DIR_ENV = "EERSTELIJN_CACHE_DIR"
NO_CACHE_ENV = "EERSTELIJN_NO_CACHE"
_PACKAGE = Path(__file__).resolve().parent.parent  # the eerstelijn package
# Those whose objects the pickles hold, and rich, which laid out the printed texts kept.
_LIBRARIES = ("pydantic", "pydantic_core", "yaml", "ruamel.yaml", "rich")


class Parts:
    """A value kept as a run of pickles, each with a memo of its own.

    Pickling an object graph keeps a memo entry for every object in it until the end: 190 MB
    more at the peak for the registry of 100,000 actions. Kept in parts, the memo holds one
    part's objects at a time. Parts share nothing: an object in two parts comes back as two.
    """

    __slots__ = ("values",)

    def __init__(self, values: Iterable[object]) -> None:
        self.values = values


# The first and last pickle of an entry kept in parts.
_PARTS = "eerstelijn: parts follow"
_END = "eerstelijn: end of parts"


class RegistryCache:
    """The cache directory, found from the environment; `None` from `find` when turned off."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def find(cls, environ: Mapping[str, str]) -> RegistryCache | None:
        """The cache `environ` asks for, or None when it turns it off.

        The library never reads the environment itself: the command line passes os.environ.
        """
        if environ.get(NO_CACHE_ENV, "") not in ("", "0"):
            return None
        if explicit := environ.get(CACHE_DIR_ENV):
            return cls(Path(explicit))
        base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return cls(Path(base) / "eerstelijn")

    def get(self, root: Path, kind: str, key: str) -> object | None:
        """The `kind` of value stored for `root` under `key`, or None on a miss of any kind."""
        entry = self._entry(root, kind)
        try:
            if not self._trusted():
                return None
            # Without blocking, and only a regular file: a FIFO put there must not hang the run.
            fd = os.open(entry, os.O_RDONLY | os.O_NONBLOCK)
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                return None
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb") as stream:
                if stream.read(len(key) + 1) != key.encode("ascii") + b"\n":
                    return None
                value: object = pickle.load(stream)
                if not (isinstance(value, str) and value == _PARTS):
                    return value
                parts: list[object] = []
                while not (isinstance(part := pickle.load(stream), str) and part == _END):
                    parts.append(part)
                return Parts(parts)
        except Exception:  # a missing, truncated or corrupt entry is a miss, never a failure
            return None

    def put(self, root: Path, kind: str, key: str, value: object) -> None:
        """Store `value` as `kind` for `root` under `key`; give up quietly when unwritable."""
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self._trusted():
                return
            # Written aside and renamed, so a reader never sees half an entry; pickled straight
            # into the file, so the pickle is never whole in memory (190 MB at 100,000 actions).
            fd, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(key.encode("ascii") + b"\n")
                    if isinstance(value, Parts):
                        _dump_parts(value, stream)
                    else:
                        pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
                Path(temporary).replace(self._entry(root, kind))
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except Exception:  # the cache is a convenience: failing to fill it must not fail the run
            return

    def _entry(self, root: Path, kind: str) -> Path:
        name = hashlib.sha256(f"{root}\0{root.resolve()}".encode()).hexdigest()[:32]
        return self.directory / f"{name}.{kind}.pickle"

    def _trusted(self) -> bool:
        """True when the directory is ours alone: unpickling what others wrote runs their code."""
        info = self.directory.stat()
        if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
        return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _dump_parts(parts: Parts, stream: IO[bytes]) -> None:
    """Pickle `parts` one after another, between the marks that tell `get` they are parts;
    a generator of them is closed however this ends (its clean-up then runs at once)."""
    try:
        pickle.dump(_PARTS, stream, protocol=pickle.HIGHEST_PROTOCOL)
        for part in parts.values:
            pickle.dump(part, stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(_END, stream, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        if isinstance(parts.values, Generator):
            parts.values.close()


def content_key(files: Iterable[tuple[Path, bytes]]) -> str:
    """The hash of the tool and of every data file's path, resolved path and bytes."""
    digest = hashlib.sha256()
    for part in _tool_fingerprint():
        digest.update(part.encode() + b"\0")
    for path, raw in files:
        digest.update(f"{path}\0{path.resolve()}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def _tool_fingerprint() -> list[str]:
    """The tool's version and sources, and the libraries its kept values depend on.

    The libraries are named by the size and time of their files rather than by importing them
    for a version: a run the cache answers does not import pydantic or PyYAML at all.
    """
    from eerstelijn import __version__, i18n

    # Problems carry their message in the language of the run that made them.
    parts = [__version__, sys.version, i18n.language()]
    sources = sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.mo")])
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            sources.append(Path(spec.origin))
    for source in sources:
        info = source.stat()
        parts.append(f"{source} {info.st_size} {info.st_mtime_ns}")
    return parts
