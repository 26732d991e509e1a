"""A fast reader for registry files: libyaml's events to plain data and a source map.

ruamel's round-trip loader reads about 0.2 MB/s, too slow for registries with regional agendas.
libyaml (through PyYAML's C binding) reads events about fifty times faster, and each event
carries its line and column, counted in characters as ruamel counts them. This reader builds
from them the plain data and positions that the round-trip walk (rtyaml) builds, for the plain
YAML that registry files hold. On anything else it raises Unsupported, and the caller reads the
file with the round-trip loader, which is the reference and words every error: a syntax error,
a tag, an anchor or alias, a duplicate key, a second document, a scalar that YAML 1.2 reads as
something other than text, a decimal int, a bool or null.

The round-trip loader is slow (0.1 to 0.5 MB/s), so a large file never goes there: read with
`lenient`, this reader takes what is harmless itself (an empty value, a tab in a text, a key
that is a number) and refuses the rest, each Unsupported carrying its line, column, code and
message, worded as the round-trip reader words them where it can.
"""

from __future__ import annotations

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

from eerstelijn.i18n import _
from eerstelijn.problems import ID_KEYS, KeyPath, SourceMap
from eerstelijn.registry.scalars import (
    _DATE,
    _DECIMAL,
    _FALSE,
    _IMPLICIT_START,
    _NOT_IN_A_FILE,
    _NULL,
    _ODD_CHARACTER,
    _OTHER_IMPLICIT,
    _TRUE,
    Unsupported,
    _compiled,
)

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


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _offset_at(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read(text: str, source: SourceMap, *, max_keys: int = 1_000_000, lenient: bool = False) -> Any:
    """The plain data of one YAML document, filling `source` with its positions.

    Raise Unsupported where the round-trip loader must read the file instead, and TooManyKeys
    at the first mapping with more than `max_keys` keys (building a million keys, and
    validating them, would take minutes). With `lenient`, build what is harmless and raise
    Unsupported, located, only for what a registry file may not hold.
    """
    if not _LIBYAML:
        raise Unsupported("PyYAML has no libyaml here")
    if odd := _compiled(_NOT_IN_A_FILE).search(text):
        char = f"U+{ord(odd.group()):04X}"
        message = _("character {char} is not allowed in a registry file").format(char=char)
        at = _offset_at(text, odd.start())
        declined = Unsupported("a character YAML refuses", at, message=message)
        declined.final = True  # no reader takes it: these words are the error, whatever the size
        raise declined
    if not lenient and _compiled(_ODD_CHARACTER).search(text):
        raise Unsupported("a character the round-trip loader judges")
    parser = CParser(text)
    try:
        return _Builder(source, max_keys, lenient).build(parser)
    except YAMLError as error:
        raise _syntax_error(error) from None
    finally:
        parser.dispose()


def _syntax_error(error: YAMLError) -> Unsupported:
    """libyaml's syntax error, where it found it; the caller words it (rtyaml.syntax_problem)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    declined = Unsupported(str(error), _at(mark) if mark is not None else (1, 1))
    declined.error = error
    return declined


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

    def __init__(self, source: SourceMap, max_keys: int, lenient: bool = False) -> None:
        self.source = source
        self.max_keys = max_keys
        self.lenient = lenient
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
                    raise _anchor_or_tag(event)
                mark = event.start_mark
                at = (mark.line + 1, mark.column + 1)
                frame = stack[-1] if stack else None
                if frame is not None and frame.key is None and isinstance(frame.data, dict):
                    key = _key(event, self.lenient)
                    if key in frame.data:
                        first = self.source.keys.get((*frame.path, key), at)[0]
                        message = _("found duplicate key {key!r}").format(key=key) + _(
                            " (first defined on line {line})"
                        ).format(line=first)
                        raise Unsupported("duplicate key", at, "duplicate-key", message)
                    if len(frame.data) >= self.max_keys:
                        raise TooManyKeys((*frame.path, key), at, self.max_keys)
                    frame.key = key
                    frame.key_at = at
                else:
                    self._place(_scalar(event, self.lenient), at, container=False)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _anchor_or_tag(event)
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
                    message = _("a registry file holds one YAML document, without directives")
                    raise Unsupported(
                        "a second document or a directive", _at(event.start_mark), message=message
                    )
            elif kind is StreamEndEvent:
                break
            elif kind is AliasEvent:
                message = _("anchors and aliases are not allowed (alias *{name})").format(
                    name=event.anchor
                )
                raise Unsupported("an alias", _at(event.start_mark), "yaml-alias", message)
        if self.root is None:
            message = _("file is empty: expected a mapping with a list")
            raise Unsupported("an empty document", (1, 1), "empty-file", message)
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
                message = _("a key must be plain text")
                raise Unsupported("a key that is not text", at, message=message)
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


def _anchor_or_tag(event: Any) -> Unsupported:
    at = _at(event.start_mark)
    if event.anchor is not None:
        message = _("anchors and aliases are not allowed (anchor &{name})").format(
            name=event.anchor
        )
        return Unsupported("an anchor", at, "yaml-alias", message)
    message = _("tag {tag!r} is not allowed in registry files").format(tag=event.tag)
    return Unsupported("a tag", at, "yaml-tag", message)


def _key(event: ScalarEvent, lenient: bool = False) -> str:
    if lenient and not event.style and event.value == "<<":
        message = _("merge keys (<<) are not allowed")
        raise Unsupported("a merge key", _at(event.start_mark), "yaml-alias", message)
    value = _scalar(event, lenient)
    if not isinstance(value, str):
        if lenient:  # as the round-trip walk writes a key that is a number, a bool or a date
            return str(value)
        raise Unsupported("a key that is not text")
    return value


def _scalar(event: ScalarEvent, lenient: bool = False) -> str | int | bool | date | None:
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
        # Empty values: libyaml and ruamel place them differently; ruamel decides, unless
        # the file is too large for it.
        if lenient:
            return None
        raise Unsupported("an empty value")
    if value[0] in _IMPLICIT_START:
        if _DECIMAL.fullmatch(value):
            return int(value)
        if _DATE.fullmatch(value):
            # A date such as a progress entry's `datum`: what ruamel builds, datetime.date.
            try:
                return date.fromisoformat(value)
            except ValueError as error:
                message = _("{value!r} is not a date that exists ({error})").format(
                    value=value, error=error
                )
                raise Unsupported(
                    "a date that is no date", _at(event.start_mark), message=message
                ) from None
        if _OTHER_IMPLICIT.fullmatch(value):
            message = _(
                "{value!r} is read as a number or a time, not as text: put it in quotes"
            ).format(value=value)
            raise Unsupported(
                "a scalar YAML 1.2 reads as another type", _at(event.start_mark), message=message
            )
    return value
