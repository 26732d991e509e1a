"""Read a data directory into a Registry, turning every mistake into a located Problem."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, NoReturn

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from eerstelijn.models import (
    Actie,
    ActiesFile,
    Belofte,
    Bron,
    Doel,
    DoelenFile,
    Mijlpaal,
    Partij,
    PartijenFile,
    Registry,
    ZorgbelofteFile,
)
from eerstelijn.problems import Origin, Path, Problem, Severity, format_path, suggest

__all__ = ["MAX_FILE_BYTES", "InvalidRegistry", "RegistryFiles", "load_registry"]

MAX_FILE_BYTES = 20 * 1024 * 1024

# Which key names a list item, so that paths read `acties[H3.4]` rather than `acties[7]`.
_ID_KEYS = ("id", "code", "nummer")

_FILES: dict[str, type[BaseModel]] = {
    "doelen.yaml": DoelenFile,
    "partijen.yaml": PartijenFile,
    "acties.yaml": ActiesFile,
    "zorgbelofte.yaml": ZorgbelofteFile,
}
_MODELS: tuple[type[BaseModel], ...] = (Doel, Partij, Actie, Mijlpaal, Bron, Belofte)
_ALL_FIELDS = sorted({name for model in _MODELS for name in model.model_fields})


class InvalidRegistry(Exception):
    """The data directory cannot be read as a registry; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the registry")
        self.problems = sorted(problems)


@dataclass
class SourceMap:
    """Positions of one file's keys and values, 1-based, and the ids that name its list items."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    labels: dict[Path, str] = field(default_factory=dict)

    def origin(self, path: Path) -> Origin:
        """An Origin for the item at `path`."""
        return Origin(self.file, path, self.values, self.labels)


@dataclass(frozen=True)
class RegistryFiles:
    """The data files of a registry directory, in load order."""

    root: FsPath
    files: tuple[FsPath, ...]

    @classmethod
    def find(cls, root: FsPath) -> RegistryFiles:
        """The four fixed files, then `acties/*.yaml` in name order."""
        extra = sorted((root / "acties").glob("*.yaml")) if (root / "acties").is_dir() else []
        return cls(root, (*(root / name for name in _FILES), *extra))


def load_registry(root: FsPath, overrides: Mapping[FsPath, bytes] | None = None) -> Registry:
    """Load and validate every file below `root`; raise InvalidRegistry with all problems.

    `overrides` gives the bytes of some files instead of what is on disk, so that an edit can
    be validated before it is written.
    """
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a directory"
        raise _fail(str(root), 0, 0, "missing-directory", f"registry directory {what}")
    problems: list[Problem] = []
    parts: dict[str, list[Any]] = {"doelen": [], "partijen": [], "acties": [], "zorgbelofte": []}
    inside = root.resolve()
    for path in RegistryFiles.find(root).files:
        model = _FILES.get(path.name, ActiesFile) if path.parent == root else ActiesFile
        try:
            # A link out of the data directory could make CI on a fork read any file.
            if path.exists() and not path.resolve().is_relative_to(inside):
                raise _fail(
                    str(path), 0, 0, "outside-link", "links to a file outside the data directory"
                )
            items = _load_file(path, model, (overrides or {}).get(path))
        except InvalidRegistry as invalid:
            problems.extend(invalid.problems)
            continue
        for key, values in items.items():
            parts[key].extend(values)
    if problems:
        raise InvalidRegistry(problems)
    return Registry(**parts)


def _load_file(
    path: FsPath, model: type[BaseModel], override: bytes | None = None
) -> dict[str, list[Any]]:
    plain, source = _read_yaml(path, override)
    try:
        validated = model.model_validate(plain)
    except ValidationError as error:
        raise InvalidRegistry(
            [_schema_problem(e, source, model) for e in error.errors(include_url=False)]
        ) from None
    out: dict[str, list[Any]] = {}
    for key in type(validated).model_fields:
        items = getattr(validated, key)
        for index, item in enumerate(items):
            item._origin = source.origin((key, index))
        out[key] = items
    return out


def _fail(file: str, line: int, col: int, code: str, message: str) -> InvalidRegistry:
    return InvalidRegistry([Problem(file, line, col, "", code, Severity.ERROR, message)])


def _read_yaml(path: FsPath, override: bytes | None = None) -> tuple[Any, SourceMap]:
    """Read one YAML file safely, with the positions of everything in it."""
    file = str(path)
    raw = _read_bytes(path) if override is None else override
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
    try:
        document = YAML(typ="rt").load(text)
    except DuplicateKeyError as error:
        raise _marked(file, error, "duplicate-key") from None
    except MarkedYAMLError as error:
        raise _marked(file, error, "yaml-syntax") from None
    except YAMLError as error:
        raise _fail(file, 1, 1, "yaml-syntax", str(error)) from None
    except RecursionError:
        raise _fail(file, 1, 1, "yaml-syntax", "nested too deeply") from None
    except TypeError:
        # ruamel's constructor fails this way on a key that is itself a mapping or a list.
        line, col = _complex_key_position(text)
        raise _fail(file, line, col, "yaml-syntax", "a key must be plain text") from None
    if document is None:
        raise _fail(file, 1, 1, "empty-file", "file is empty: expected a mapping with a list")
    source = SourceMap(file)
    source.values[()] = (1, 1)
    try:
        plain = _Walker(source).convert(document, ())
    except _Refused as refused:
        raise InvalidRegistry([refused.problem]) from None
    return plain, source


def _complex_key_position(text: str) -> tuple[int, int]:
    """Where the first key that is not a scalar stands; only read on that error's path."""
    pending = [YAML(typ="rt").compose(text)]
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    return key.start_mark.line + 1, key.start_mark.column + 1
                pending.append(value)
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
    return 1, 1


def _read_bytes(path: FsPath) -> bytes:
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


def _marked(file: str, error: MarkedYAMLError, code: str) -> InvalidRegistry:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    message = error.problem or error.context or "invalid YAML"
    if code == "duplicate-key" and error.context_mark is not None:
        message += f" (first defined on line {error.context_mark.line + 1})"
    return _fail(file, line, col, code, message)


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null")
)
# Deeper than this, no registry file goes; far deeper, ruamel's parser takes seconds to find out.
MAX_NESTING = 64


class _Refused(Exception):
    """The walk met something registry files may not hold; `problem` says what and where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Walker:
    """Turns ruamel's round-trip tree into plain Python and records positions on the way.

    Anchors (and so aliases and merge keys) and tags are refused, at the first one met: the data
    needs none of them, an alias can make a small file expand without bound, and a tag asks a
    loader to build objects. An alias always follows its anchor, so refusing anchors is enough.
    """

    def __init__(self, source: SourceMap) -> None:
        self.source = source

    def _refuse(self, path: Path, code: str, message: str) -> NoReturn:
        line, col = self.source.values.get(path, (1, 1))
        yaml_path = format_path(path, self.source.labels)
        raise _Refused(
            Problem(self.source.file, line, col, yaml_path, code, Severity.ERROR, message)
        )

    def convert(self, node: Any, path: Path) -> Any:
        tag = getattr(getattr(node, "tag", None), "value", None)
        if tag is not None and tag not in _PLAIN_TAGS:
            self._refuse(path, "yaml-tag", f"tag {tag!r} is not allowed in registry files")
        anchor = node.yaml_anchor() if hasattr(node, "yaml_anchor") else None
        if anchor is not None:
            message = f"anchors and aliases are not allowed (anchor &{anchor.value})"
            self._refuse(path, "yaml-alias", message)
        if isinstance(node, CommentedMap):
            return dict(self._mapping(node, path))
        if isinstance(node, CommentedSeq):
            return [self._item(node, index, path) for index in range(len(node))]
        if isinstance(node, bool | int | float | str) or node is None:
            return _plain_scalar(node)
        if isinstance(node, Mapping | Set):  # !!omap, !!set and the like, written without a tag
            self._refuse(path, "yaml-tag", "only mappings, lists and plain values are allowed")
        # Dates and timestamps: keep them as text so the schema can say why they do not fit.
        return str(node)

    def _mapping(self, node: CommentedMap, path: Path) -> Iterator[tuple[str, Any]]:
        positions = node.lc.data
        for key in node:
            child = (*path, str(key))
            if key not in positions:  # only a merge key (<<) brings keys without a position
                self._refuse(path, "yaml-alias", "merge keys (<<) are not allowed")
            key_line, key_col, value_line, value_col = positions[key]
            key_at = (key_line + 1, key_col + 1)
            self.source.keys[child] = key_at
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq):
                self.source.values[child] = key_at
            else:
                self.source.values[child] = (value_line + 1, value_col + 1)
            yield str(key), self.convert(value, child)

    def _item(self, node: CommentedSeq, index: int, path: Path) -> Any:
        child = (*path, index)
        at = _one_based(node.lc.item(index)) or self.source.values.get(path, (1, 1))
        self.source.values[child] = at
        value = node[index]
        if isinstance(value, CommentedMap):
            label = next((value[k] for k in _ID_KEYS if k in value), None)
            if isinstance(label, str | int) and not isinstance(label, bool):
                self.source.labels[child] = str(label)
        return self.convert(value, child)


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


def _one_based(position: tuple[int, int] | None) -> tuple[int, int] | None:
    """ruamel's 0-based (line, col) as 1-based; ruamel has none for some tagged nodes."""
    return None if position is None else (position[0] + 1, position[1] + 1)


def _plain_scalar(value: bool | int | float | str | None) -> bool | int | float | str | None:
    """ruamel's scalar subclasses (ScalarInt, ScalarFloat, ...) as the builtin types."""
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return None


def _schema_problem(error: ErrorDetails, source: SourceMap, model: type[BaseModel]) -> Problem:
    path: Path = tuple(error["loc"])
    lookup = source.keys if error["type"] == "extra_forbidden" else source.values
    probe = path
    while probe and probe not in lookup and probe not in source.values:
        probe = probe[:-1]
    line, col = lookup.get(probe) or source.values.get(probe, (1, 1))
    code = "unknown-field" if error["type"] == "extra_forbidden" else "schema"
    message = _message(error, path, model)
    return Problem(
        source.file, line, col, format_path(path, source.labels), code, Severity.ERROR, message
    )


def _message(error: ErrorDetails, path: Path, model: type[BaseModel]) -> str:
    """A pydantic error in words a maintainer of the YAML understands."""
    kind = error["type"]
    value = error.get("input")
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return f"unknown field {field!r}" + suggest(field, _ALL_FIELDS)
    if kind == "missing":
        return f"missing required field {field!r}"
    if kind == "model_type" and not path:
        expected = next(iter(model.model_fields))
        return f"expected a mapping with the key {expected!r} at the top of the file"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping, got {_describe(value)}"
    if kind == "list_type":
        return f"expected a list, got {_describe(value)}"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {_describe(value)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
        return f"{value!r} is not one of {expected}" + suggest(str(value), options)
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid {field}: {_PATTERN_HELP.get(field, 'see the README')}"
    if kind == "too_short":
        return f"{field!r} must not be empty"
    if kind == "string_too_short":
        return f"{field!r} must not be empty text"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg']} (got {_describe(value)})"


_PATTERN_HELP = {
    "doelen": "goal ids are 1 to 5, 6A, 6B or 6C",
    "id": "use letters, digits, '.', '-' and '_' (doel ids: 1 to 5, 6A, 6B, 6C)",
    "code": "a partij code has no spaces, commas or brackets",
    "trekker": "a partij code has no spaces, commas or brackets",
    "betrokkenen": "a partij code has no spaces, commas or brackets",
    "leden": "a partij code has no spaces, commas or brackets",
}


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)
