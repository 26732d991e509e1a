"""A fast reader for registry files: libyaml's events to plain data and a source map.

ruamel's round-trip loader reads about 0.2 MB/s, too slow for registries with regional agendas.
libyaml (through PyYAML's C binding) reads events about fifty times faster, and each event
carries its line and column, counted in characters as ruamel counts them. This reader builds
from them the plain data and positions that the round-trip walk (rtyaml) builds, for the plain
YAML that registry files hold. On anything else it raises Unsupported, and the caller reads the
file with the round-trip loader, which is the reference and words every error: a syntax error,
a tag, an anchor or alias, a duplicate key, a second document, a scalar that YAML 1.2 reads as
something other than text, a decimal int, a bool or null.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from yaml import YAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from eerstelijn.problems import ID_KEYS, KeyPath, SourceMap

__all__ = ["TooManyKeys", "Unsupported", "read"]

try:
    from yaml._yaml import CParser
except ImportError:  # a PyYAML built without libyaml: the round-trip reader reads everything
    _LIBYAML = False
else:
    _LIBYAML = True


class TooManyKeys(Exception):
    """A mapping with more keys than allowed: refused at the first key too many, unbuilt."""

    def __init__(self, path: KeyPath, at: tuple[int, int], limit: int) -> None:
        super().__init__(f"more than {limit} keys in one mapping")
        self.path, self.at, self.limit = path, at, limit


class Unsupported(Exception):
    """The file holds something the fast reader leaves to the round-trip loader."""


# libyaml and ruamel agree on line breaks and printable characters as far as registry files go;
# for the rest the round-trip loader decides: tabs (ruamel refuses some that libyaml accepts
# inside plain scalars), NEL and the Unicode line separators (YAML 1.1 and 1.2 count lines
# differently), a BOM inside the text, control characters.
_ODD_CHARACTER = (
    "[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)

# A plain scalar resolves as ruamel's round-trip loader resolves it under YAML 1.2 (its
# VersionedResolver): these are the only non-text forms the fast path builds itself ...
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"~", "null", "Null", "NULL"})
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# ... and a plain scalar matching one of YAML 1.2's other implicit types (floats, other ints,
# timestamps, merge and value keys) goes to the round-trip loader, which builds it exactly.
_OTHER_IMPLICIT = re.compile(
    r"""
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |<<
    |=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
     (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    """,
    re.VERBOSE,
)
_IMPLICIT_START = frozenset("-+.0123456789<=")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Compiled on first use: a run served by the cache never needs it (4 ms).
    return re.compile(pattern)


def read(text: str, source: SourceMap, *, max_keys: int = 1_000_000) -> Any:
    """The plain data of one YAML document, filling `source` with its positions.

    Raise Unsupported where the round-trip loader must read the file instead, and TooManyKeys
    at the first mapping with more than `max_keys` keys (building a million keys, and
    validating them, would take minutes).
    """
    if not _LIBYAML:
        raise Unsupported("PyYAML has no libyaml here")
    if _compiled(_ODD_CHARACTER).search(text):
        raise Unsupported("a character the round-trip loader judges")
    parser = CParser(text)
    try:
        return _Builder(source, max_keys).build(parser)
    except YAMLError as error:
        raise Unsupported(str(error)) from None
    finally:
        parser.dispose()


class _Frame:
    """An open mapping or list: its data, its path and, in a mapping, the key waiting a value."""

    __slots__ = ("data", "key", "key_at", "path")

    def __init__(self, data: dict[str, Any] | list[Any], path: KeyPath) -> None:
        self.data = data
        self.path = path
        self.key: str | None = None
        self.key_at = (0, 0)


class _Builder:
    """Builds the plain data from the events, one at a time, with a stack of open containers."""

    def __init__(self, source: SourceMap, max_keys: int) -> None:
        self.source = source
        self.max_keys = max_keys
        self.stack: list[_Frame] = []
        self.root: Any = None

    def build(self, parser: CParser) -> Any:
        documents = 0
        stack = self.stack
        while True:
            # Dispatched on the exact type, which is cheaper than isinstance but lets mypy
            # narrow nothing: hence Any.
            event: Any = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise Unsupported("an anchor or a tag")
                mark = event.start_mark
                at = (mark.line + 1, mark.column + 1)
                frame = stack[-1] if stack else None
                if frame is not None and frame.key is None and isinstance(frame.data, dict):
                    key = _key(event)
                    if key in frame.data:
                        raise Unsupported("duplicate key")
                    if len(frame.data) >= self.max_keys:
                        raise TooManyKeys((*frame.path, key), at, self.max_keys)
                    frame.key = key
                    frame.key_at = at
                else:
                    self._place(_scalar(event), at, container=False)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    raise Unsupported("an anchor or a tag")
                mark = event.start_mark
                data: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
                path = self._place(data, (mark.line + 1, mark.column + 1), container=True)
                stack.append(_Frame(data, path))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                if isinstance(frame.data, dict) and frame.path and isinstance(frame.path[-1], int):
                    self._label(frame.data, frame.path)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1 or event.version is not None or event.tags:
                    raise Unsupported("a second document or a directive")
            elif kind is StreamEndEvent:
                break
            elif kind is AliasEvent:
                raise Unsupported("an alias")
        if self.root is None:
            raise Unsupported("an empty document")
        return self.root

    def _place(self, value: Any, at: tuple[int, int], *, container: bool) -> KeyPath:
        """Put a value under its parent and record where it stands; return its path."""
        source = self.source
        if not self.stack:
            self.root = value
            source.values[()] = (1, 1)
            return ()
        parent = self.stack[-1]
        data = parent.data
        if isinstance(data, dict):
            key = parent.key
            if key is None:  # a mapping or list where a key belongs
                raise Unsupported("a key that is not text")
            child: KeyPath = (*parent.path, key)
            source.keys[child] = parent.key_at
            # A container's position is its key's, as in the round-trip walk.
            source.values[child] = parent.key_at if container else at
            data[key] = value
            parent.key = None
        else:
            child = (*parent.path, len(data))
            source.values[child] = at
            data.append(value)
        return child

    def _label(self, item: dict[str, Any], path: KeyPath) -> None:
        label = next((item[k] for k in ID_KEYS if k in item), None)
        if isinstance(label, str | int) and not isinstance(label, bool):
            self.source.labels[path] = str(label)


def _key(event: ScalarEvent) -> str:
    value = _scalar(event)
    if not isinstance(value, str):
        raise Unsupported("a key that is not text")
    return value


def _scalar(event: ScalarEvent) -> str | int | bool | date | None:
    value = event.value
    if event.style:  # quoted, literal or folded: always text (plain style is "")
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if not value:
        # Empty values: libyaml and ruamel place them differently; ruamel decides.
        raise Unsupported("an empty value")
    if value[0] in _IMPLICIT_START:
        if _DECIMAL.fullmatch(value):
            return int(value)
        if _DATE.fullmatch(value):
            # A date such as a progress entry's `datum`: what ruamel builds, datetime.date.
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise Unsupported("a date that is no date") from None
        if _OTHER_IMPLICIT.fullmatch(value):
            raise Unsupported("a scalar YAML 1.2 reads as another type")
    return value
