"""Read a data directory into a Registry, turning every mistake into a located Problem."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from eerstelijn.problems import InvalidRegistry, Problem, Severity, SourceMap
from eerstelijn.registry.cache import RegistryCache, content_key
from eerstelijn.shape import FILES, REGIONAL_DIR

if TYPE_CHECKING:
    from eerstelijn.models import Registry

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_NESTING",
    "InvalidRegistry",
    "ParsedFiles",
    "RegistryFiles",
    "Snapshot",
    "load_registry",
    "parse_yaml",
]

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class RegistryFiles:
    """The data files of a registry directory, in load order."""

    root: FsPath
    files: tuple[FsPath, ...]

    @classmethod
    def find(cls, root: FsPath, *, new: Iterable[FsPath] = ()) -> RegistryFiles:
        """The four fixed files, then `acties/*.yaml` in name order, counting the `acties/*.yaml`
        among `new` (files an edit is about to create) as if they were there.
        """
        regional = root / REGIONAL_DIR
        extra = set(regional.glob("*.yaml")) if regional.is_dir() else set()
        extra |= {p for p in new if p.parent == regional and p.suffix == ".yaml"}
        return cls(root, (*(root / f.name for f in FILES), *sorted(extra)))


def load_registry(
    root: str | os.PathLike[str],
    overrides: Mapping[FsPath, bytes] | None = None,
    *,
    cache: RegistryCache | None = None,
) -> Registry:
    """Load and validate every file below `root`; raise InvalidRegistry with all problems.

    `overrides` gives the bytes of some files instead of what is on disk, so that an edit can
    be validated before it is written. With a `cache`, a registry loaded before from the same
    bytes is taken from it, and a new one is stored in it. Loading has no other effect.
    """
    return Snapshot.read(root, overrides, cache=cache).registry()


@dataclass(frozen=True)
class Snapshot:
    """The bytes of a registry directory's files, each read once, and what could not be read.

    The cache key hashes these very bytes, the ones that are parsed, so an edit made during a
    run cannot put a result under the wrong key.
    """

    root: FsPath
    files: list[tuple[FsPath, bytes]]
    problems: list[Problem]
    cache: RegistryCache | None
    key: str
    # The cache holds one registry per directory and slot: an older version read from git
    # takes its own slot, so comparing it with the working tree evicts neither.
    slot: str = "registry"

    @classmethod
    def read(
        cls,
        root: str | os.PathLike[str],
        overrides: Mapping[FsPath, bytes] | None = None,
        *,
        cache: RegistryCache | None = None,
    ) -> Snapshot:
        """Read every data file of `root`, or its bytes in `overrides`; raise InvalidRegistry
        when there is no directory.
        """
        root = FsPath(root)
        if not root.is_dir():
            what = "does not exist" if not root.exists() else "is not a directory"
            raise _fail(str(root), 0, 0, "missing-directory", f"registry directory {what}")
        problems: list[Problem] = []
        files: list[tuple[FsPath, bytes]] = []
        inside = root.resolve()
        for path in RegistryFiles.find(root, new=overrides or ()).files:
            try:
                # A link out of the data directory could make CI on a fork read any file.
                if path.exists() and not path.resolve().is_relative_to(inside):
                    raise _fail(
                        str(path),
                        0,
                        0,
                        "outside-link",
                        "links to a file outside the data directory",
                    )
                override = (overrides or {}).get(path)
                files.append((path, _read_bytes(path) if override is None else override))
            except InvalidRegistry as invalid:
                problems.extend(invalid.problems)
        # Runs with unreadable files are quick to fail and not worth caching, and an edit's
        # preview would only push the files' own entry out.
        if problems or overrides:
            cache = None
        return cls(root, files, problems, cache, content_key(files) if cache else "")

    @classmethod
    def given(
        cls,
        root: str | os.PathLike[str],
        contents: Mapping[FsPath, bytes],
        *,
        cache: RegistryCache | None = None,
        slot: str = "registry",
        absent_ok: bool = False,
    ) -> Snapshot:
        """The snapshot of files given as bytes (a version of `root` read from git), as if
        they were `root`'s files; a required file not among them is a problem, or with
        `absent_ok` an empty list (a version from before the file was introduced).

        Nothing is read from disk, so the directory need not exist.
        """
        root = FsPath(root)
        regional = root / REGIONAL_DIR
        extra = sorted(p for p in contents if p.parent == regional and p.suffix == ".yaml")
        problems: list[Problem] = []
        files: list[tuple[FsPath, bytes]] = []
        for path in (*(root / f.name for f in FILES), *extra):
            raw = contents.get(path)
            if raw is None and absent_ok:
                continue
            if raw is None:
                problems.extend(
                    _fail(str(path), 0, 0, "missing-file", "required file is missing").problems
                )
            elif len(raw) > MAX_FILE_BYTES:
                message = f"{len(raw)} bytes; the limit is {MAX_FILE_BYTES}"
                problems.extend(_fail(str(path), 0, 0, "file-too-large", message).problems)
            else:
                files.append((path, raw))
        if problems:
            cache = None
        return cls(root, files, problems, cache, content_key(files) if cache else "", slot)

    def cached(self, kind: str, detail: str = "") -> object | None:
        """What the cache holds for these files (and `detail`) under `kind`, or None."""
        if self.cache is None:
            return None
        return self.cache.get(self.root, kind, f"{self.key}:{detail}")

    def store(self, kind: str, value: object, detail: str = "") -> None:
        """Keep `value` in the cache for these files (and `detail`) under `kind`."""
        if self.cache is not None:
            self.cache.put(self.root, kind, f"{self.key}:{detail}", value)

    def registry(self, parsed: ParsedFiles | None = None) -> Registry:
        """The registry these files make; raise InvalidRegistry with all their problems.

        `parsed` keeps each file's validated items by its path and bytes, so that two versions
        of a registry read in one run parse a file they share once.
        """
        from eerstelijn.models import Registry

        hit = self.cached(self.slot)
        if isinstance(hit, Registry):
            return hit
        if isinstance(hit, list) and hit and all(isinstance(p, Problem) for p in hit):
            raise InvalidRegistry(hit)
        problems = list(self.problems)
        registry = _parse_registry(self.root, self.files, problems, parsed)
        self.store(self.slot, problems or registry)
        if problems:
            raise InvalidRegistry(problems)
        return registry


# A file's validated items (or its problems) by its path and bytes: see Snapshot.registry.
ParsedFiles = dict[tuple[FsPath, bytes], dict[str, list[Any]] | list[Problem]]


def _parse_registry(
    root: FsPath,
    files: list[tuple[FsPath, bytes]],
    problems: list[Problem],
    parsed: ParsedFiles | None = None,
) -> Registry:
    """The registry the files make, adding what is wrong with them to `problems`."""
    # Imported here: pydantic and the models are import time a cached run does not need.
    from eerstelijn.registry import validate

    parts: dict[str, list[Any]] = {f.key: [] for f in FILES}
    for path, raw in files:
        known = None if parsed is None else parsed.get((path, raw))
        if known is None:
            try:
                plain, source = _parse_file(str(path), raw)
                known = validate.validate_file(plain, source, validate.model_for(path, root))
            except InvalidRegistry as invalid:
                known = invalid.problems
            if parsed is not None:
                parsed[path, raw] = known
        if isinstance(known, list):
            problems.extend(known)
            continue
        items = known
        for key, values in items.items():
            parts[key].extend(values)
    return validate.registry(parts)


def _fail(file: str, line: int, col: int, code: str, message: str) -> InvalidRegistry:
    return InvalidRegistry([Problem(file, line, col, "", code, Severity.ERROR, message)])


def _read_bytes(path: FsPath) -> bytes:
    """The bytes of one data file, refusing a missing, unreadable or too large one."""
    file = str(path)
    if not path.exists():
        raise _fail(file, 0, 0, "missing-file", "required file is missing")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(
                file, 0, 0, "file-too-large", f"{size} bytes; the limit is {MAX_FILE_BYTES}"
            )
        return path.read_bytes()
    except OSError as error:
        raise _fail(file, 0, 0, "unreadable", error.strerror or str(error)) from None


def _parse_file(file: str, raw: bytes) -> tuple[Any, SourceMap]:
    """Read one file's bytes safely as YAML, with the positions of everything in it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _fail(file, line, col, "encoding", "file is not UTF-8 text") from None
    if "\0" in text:
        raise _fail(file, 1, 1, "encoding", "file holds binary data (NUL bytes), not text")
    if deep := _nesting_too_deep(text):
        raise _fail(file, *deep, "yaml-syntax", f"nested more than {MAX_NESTING} levels deep")
    return parse_yaml(text, file)


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """The plain data of one file's text and its source map; raise InvalidRegistry when unfit.

    fastyaml reads what registry files normally hold; the round-trip reader, the reference,
    takes the rest and words every error.
    """
    from eerstelijn.registry import fastyaml

    source = SourceMap(file)
    try:
        return fastyaml.read(text, source), source
    except fastyaml.Unsupported:
        pass
    # Imported here: ruamel costs import time that a run over clean files does not need.
    from eerstelijn.registry import rtyaml

    try:
        return rtyaml.read(text, file)
    except rtyaml.Refused as refused:
        raise InvalidRegistry([refused.problem]) from None


# Deeper than this, no registry file goes; far deeper, ruamel's parser takes seconds to find out.
MAX_NESTING = 64


def _nesting_too_deep(text: str) -> tuple[int, int] | None:
    """Where flow brackets first nest deeper than MAX_NESTING, counted without parsing.

    Brackets inside quoted text count too: a false alarm needs 64 unclosed brackets in strings.
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_NESTING:
            offset = match.start()
            line = text.count("\n", 0, offset) + 1
            return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
    return None


_BRACKETS = re.compile(r"[\[\]{}]")
