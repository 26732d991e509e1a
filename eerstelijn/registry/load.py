"""Read a data directory into a Registry, turning every mistake into a located Problem."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from eerstelijn.i18n import N_, _
from eerstelijn.problems import (
    InvalidRegistry,
    KeyPath,
    Problem,
    Severity,
    SourceMap,
    format_path,
)
from eerstelijn.registry.cache import RegistryCache, content_key
from eerstelijn.shape import FILES, REGIONAL_DIR

if TYPE_CHECKING:
    from eerstelijn.models import Registry
    from eerstelijn.registry.scalars import Unsupported

__all__ = [
    "IGNORED_FILE",
    "MAX_FILE_BYTES",
    "MAX_KEYS",
    "MAX_NESTING",
    "MAX_TEXT",
    "ROUND_TRIP_LIMIT",
    "InvalidRegistry",
    "ParsedFiles",
    "RegistryFiles",
    "Snapshot",
    "ignored_files",
    "load_registry",
    "parse_yaml",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
# Far above what any registry holds (the longest text in data/ has about 500 characters, an
# action 11 keys), far below what makes a command slow: within these, every command answers
# in about two seconds on a file of MAX_FILE_BYTES.
MAX_TEXT = 5000
MAX_KEYS = 100
# The round-trip reader (ruamel) reads 0.1 to 0.5 MB/s: no file larger than this goes through
# it whole. Such a file is read by the fast reader alone, which refuses what it declines with
# its own located error; an edit round-trips only the item it changes; fmt refuses it.
ROUND_TRIP_LIMIT = 256 * 1024


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
        extra = set(regional.glob("*.yaml")) if _listable(regional) else set()
        extra |= {p for p in new if p.parent == regional and p.suffix == ".yaml"}
        return cls(root, (*(root / f.name for f in FILES), *sorted(extra)))


def _listable(folder: FsPath) -> bool:
    """True when `folder` is a directory whose names can be read (glob would skip it silently)."""
    try:
        with os.scandir(folder):
            return True
    except OSError:
        return False


def _unlistable(root: FsPath) -> list[Problem]:
    """A problem when the regional folder exists but cannot be listed: its actions would vanish."""
    regional = root / REGIONAL_DIR
    if not regional.exists() and not regional.is_symlink():
        return []
    try:
        with os.scandir(regional):
            return []
    except NotADirectoryError:
        message = _("is not a directory; regional agendas go in files inside it")
    except OSError as error:
        message = _("cannot be listed ({reason}); its actions would be missing").format(
            reason=error.strerror or error
        )
    return [Problem(str(regional), 0, 0, "", "unreadable", Severity.ERROR, message)]


# What looks like a data file a user meant the registry to read.
DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".toml", ".csv"})
IGNORED_FILE = "ignored-file"


def ignored_files(root: FsPath) -> list[Problem]:
    """A warning for each file in `root` or its acties/ that looks like data and is not read.

    The registry reads only the four fixed files and acties/*.yaml; a file named acties.yml,
    acties/utrecht.yml or nieuw.yaml would be skipped and its actions would vanish without a
    word. Hidden files (.gitkeep, editor swap files) are left alone.
    """
    if not root.is_dir():
        return []
    read = set(RegistryFiles.find(root).files)
    fixed = ", ".join(f.name for f in FILES)
    problems = []
    for folder in (root, root / REGIONAL_DIR):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path in read or path.name.startswith(".") or not path.is_file():
                continue
            if path.suffix.lower() not in DATA_SUFFIXES:
                continue
            message = _("{name} is not read, so nothing in it counts; ").format(
                name=path.name
            ) + _what_to_do(root, path, fixed)
            problems.append(Problem(str(path), 0, 0, "", IGNORED_FILE, Severity.WARNING, message))
    return problems


def _what_to_do(root: FsPath, path: FsPath, fixed: str) -> str:
    stem = path.stem
    if path.suffix.lower() == ".yml":
        if path.parent == root and any(f.name == f"{stem}.yaml" for f in FILES):
            return _(
                "the registry reads {stem}.yaml: merge it into that file and delete this one"
            ).format(stem=stem)
        if path.parent != root:
            return _("rename it to {dir}/{stem}.yaml (only .yaml files are read)").format(
                dir=REGIONAL_DIR, stem=stem
            )
    if path.parent == root:
        return _(
            "the registry reads {fixed} and {dir}/*.yaml: move its actions to {dir}/{stem}.yaml, "
            "or delete it"
        ).format(fixed=fixed, dir=REGIONAL_DIR, stem=stem)
    return _("write it as YAML in {dir}/{stem}.yaml, or delete it").format(
        dir=REGIONAL_DIR, stem=stem
    )


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
            if root.exists():
                message = _("registry directory is not a directory")
            else:
                message = _("registry directory does not exist")
            raise _fail(str(root), 0, 0, "missing-directory", message)
        problems: list[Problem] = _unlistable(root)
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
                        _("links to a file outside the data directory"),
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

    def registry(self, parsed: ParsedFiles | None = None, *, keep: bool = True) -> Registry:
        """The registry these files make; raise InvalidRegistry with all their problems.

        `parsed` keeps each file's validated items by its path and bytes, so that two versions
        of a registry read in one run parse a file they share once. With `keep` false, a
        registry that is not in the cache is not put there either (see outcome._judge).
        """
        from eerstelijn.models import Registry

        hit = self.cached(self.slot)
        if isinstance(hit, Registry):
            return hit
        if isinstance(hit, list) and hit and all(isinstance(p, Problem) for p in hit):
            raise InvalidRegistry(hit)
        problems = list(self.problems)
        registry = _parse_registry(self.root, self.files, problems, parsed)
        if keep:
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
        raise _fail(file, 0, 0, "missing-file", _("required file is missing"))
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except NotRegularFile as error:
        raise _fail(file, 0, 0, "not-a-file", str(error)) from None
    except TooLarge as error:
        raise _fail(file, 0, 0, "file-too-large", str(error)) from None
    except OSError as error:
        raise _fail(file, 0, 0, "unreadable", error.strerror or str(error)) from None


class NotRegularFile(OSError):
    """A path that is a FIFO, a device, a socket or a directory rather than a file."""


class TooLarge(OSError):
    """A file over the size limit."""


def read_regular_file(path: FsPath, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    A FIFO would make a plain read wait forever and a device would read without end: the file
    is opened without blocking and its kind checked on the open file itself (so it cannot be
    swapped between check and read), then at most `limit` + 1 bytes are read, whatever the
    size said. Raises NotRegularFile, TooLarge or another OSError.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            message = _("not a regular file ({kind}); it is not read")
            raise NotRegularFile(message.format(kind=_(_kind(info.st_mode))))
        if info.st_size > limit:
            raise TooLarge(
                _("{size} bytes; the limit is {limit}").format(size=info.st_size, limit=limit)
            )
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(_("more than {limit} bytes; the limit is {limit}").format(limit=limit))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, N_("a FIFO")),
        (stat.S_ISCHR, N_("a character device")),
        (stat.S_ISBLK, N_("a block device")),
        (stat.S_ISSOCK, N_("a socket")),
        (stat.S_ISDIR, N_("a directory")),
    )
    return next((name for test, name in kinds if test(mode)), N_("not a file"))


def _parse_file(file: str, raw: bytes) -> tuple[Any, SourceMap]:
    """Read one file's bytes safely as YAML, with the positions of everything in it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _fail(file, line, col, "encoding", _("file is not UTF-8 text")) from None
    if (nul := text.find("\0")) >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        message = _("file holds binary data (NUL bytes), not text")
        raise _fail(file, line, col, "encoding", message)
    from eerstelijn.registry import linescan

    source = SourceMap(file)
    try:
        plain = linescan.read(text, source, max_keys=MAX_KEYS, raw=raw)
    except linescan.Unsupported:
        pass
    else:
        # Every key and value the line reader reads stands on one line, but for a folded
        # text, and it reads no escapes: a file with no backslash, no long line and no folded
        # text has no unfit value.
        unsure = "\\" in text or ": >-" in text or linescan.longest_line(text) > MAX_TEXT
        if unsure and (problems := _unfit_values(plain, source, escapes="\\" in text)):
            raise InvalidRegistry(problems)
        return plain, source
    if deep := _nesting_too_deep(text):
        message = _("nested more than {levels} levels deep").format(levels=MAX_NESTING)
        raise _fail(file, *deep, "yaml-syntax", message)
    plain, source = parse_yaml(text, file)
    if problems := _unfit_values(plain, source, escapes="\\" in text):
        raise InvalidRegistry(problems)
    return plain, source


def _unfit_values(plain: Any, source: SourceMap, *, escapes: bool) -> list[Problem]:
    """Texts with control characters (only YAML's escapes can write them, so they are looked
    for only when the file has a backslash), texts longer than MAX_TEXT, and mappings with more
    than MAX_KEYS keys, each located.
    """
    from eerstelijn.controls import CONTROLS

    problems: list[Problem] = []

    def problem(path: KeyPath, code: str, message: str, *, key: bool = False) -> None:
        where = (source.keys if key else source.values).get(path) or source.values.get(
            path[:-1], (1, 1)
        )
        yaml_path = format_path(path, source.labels)
        problems.append(Problem(source.file, *where, yaml_path, code, Severity.ERROR, message))

    def text(path: KeyPath, value: str, *, key: bool = False) -> None:
        if len(value) > MAX_TEXT:
            if key:
                message = _("key of {n} characters; the limit is {limit}")
            else:
                message = _("text of {n} characters; the limit is {limit}")
            problem(path, "too-long", message.format(n=len(value), limit=MAX_TEXT))
        elif escapes and (control := CONTROLS.search(value)):
            char = f"U+{ord(control.group()):04X}"
            if key:
                message = _("key holds the control character {char}, which no registry text needs")
            else:
                message = _("text holds the control character {char}, which no registry text needs")
            problem(path, "control-character", message.format(char=char), key=key)

    stack: list[tuple[KeyPath, Any]] = [((), plain)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if len(value) > MAX_KEYS:
                extra = list(value)[MAX_KEYS]
                problem(
                    (*path, extra),
                    "too-many-keys",
                    _("{n} keys in one mapping; the limit is {limit}").format(
                        n=len(value), limit=MAX_KEYS
                    ),
                    key=True,
                )
                continue
            for name, item in value.items():
                text((*path, name), name, key=True)
                stack.append(((*path, name), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
        elif isinstance(value, str):
            text(path, value)
    return sorted(problems)


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """The plain data of one file's text and its source map; raise InvalidRegistry when unfit.

    fastyaml reads what registry files normally hold; the round-trip reader, the reference,
    takes the rest and words every error.
    """
    from eerstelijn.registry import fastyaml

    source = SourceMap(file)
    large = len(text) > ROUND_TRIP_LIMIT
    try:
        return fastyaml.read(text, source, max_keys=MAX_KEYS, lenient=large), source
    except fastyaml.Unsupported as declined:
        if declined.at is not None and (large or declined.final):
            raise InvalidRegistry([_declined(file, text, declined, source)]) from None
    except fastyaml.TooManyKeys as many:
        message = _("more than {limit} keys in one mapping").format(limit=many.limit)
        yaml_path = format_path(many.path, source.labels)
        problem = Problem(file, *many.at, yaml_path, "too-many-keys", Severity.ERROR, message)
        raise InvalidRegistry([problem]) from None
    # Imported here: ruamel costs import time that a run over clean files does not need.
    from eerstelijn.registry import rtyaml

    try:
        return rtyaml.read(text, file)
    except rtyaml.Refused as refused:
        raise InvalidRegistry([refused.problem]) from None


def _declined(file: str, text: str, declined: Unsupported, source: SourceMap) -> Problem:
    """What the fast reader declined in a file too large for the round-trip reader, located."""
    if declined.error is not None:
        from eerstelijn.registry import rtyaml  # its words for syntax errors; ruamel is imported

        return rtyaml.syntax_problem(file, declined.error, text)
    line, col = declined.at or (1, 1)
    yaml_path = _path_at(source, line)
    return Problem(file, line, col, yaml_path, declined.code, Severity.ERROR, declined.message)


def _path_at(source: SourceMap, line: int) -> str:
    """The path of the last value read at or before `line`: the item a declined thing is in."""
    before = [(at, path) for path, at in source.values.items() if at[0] <= line and path]
    return format_path(max(before, key=lambda b: b[0])[1], source.labels) if before else ""


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
