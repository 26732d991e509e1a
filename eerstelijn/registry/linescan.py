"""The quickest reader: the layout `eerstelijn fmt` writes, read line by line.

libyaml's event stream costs about a microsecond per event in Python, and a registry of 10,000
actions has half a million of them. Registry files are regular: one key or list item per line,
values on one line (plain, quoted, or a flow list or mapping of scalars). This reader matches
each line with one regular expression and builds the plain data and the source map that
fastyaml builds from libyaml's events, for exactly that subset. On anything else, and on
anything it is not sure of, it raises Unsupported and the caller hands the whole file to
fastyaml: a block scalar, a value over more lines, an anchor, a tag, a comment after a value,
a key that is not a plain word, a sequence not indented under its key, an empty value, a
duplicate key, a mapping with too many keys. tests/registry/test_linescan.py proves it gives
the same data and positions as fastyaml, or declines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from eerstelijn.problems import KeyPath, SourceMap
from eerstelijn.registry.positions import FileScan, Positions
from eerstelijn.registry.scalars import (
    _DATE,
    _DECIMAL,
    _FALSE,
    _IMPLICIT_START,
    _NULL,
    _ODD_CHARACTER,
    _OTHER_IMPLICIT,
    _TRUE,
    Unsupported,
    _compiled,
)

__all__ = ["Unsupported", "longest_line", "read", "rescan"]

# One line: its indentation, a list item's dash, a plain key, and what follows the colon: a
# plain scalar that needs no further look (it starts with no indicator, holds no colon or
# number sign and ends in no space) or anything else. Every line matches once; the groups decide.
_LINE = re.compile(
    r"""^( *)(- )?(?:([A-Za-z_][A-Za-z0-9_]*):(?: |$))?"""
    r"""(?:([^-?:,\[\]{}#&*!|>'"%@`\s][^:#\n]*(?<! ))|(.*))$""",
    re.MULTILINE,
)
# Plain scalars in a block may not start with an indicator (or a space: `-   id:`); those
# starting with '[', '{', "'" or '"' are flow collections or quoted and read apart.
_NOT_FIRST = frozenset("-?:,]}#&*!|>%@` \t")
# In a flow collection: a quoted scalar, or a plain one of one line without flow indicators,
# colons or number signs, not starting or ending with a space.
_FLOW_PLAIN = r"""[^-?:,\[\]{}#&*!|>'"%@`\s](?:[^,\[\]{}#:]*[^,\[\]{}#:\s])?"""
_FLOW_SCALAR = re.compile(rf"""'(?:[^']|'')*'|"[^"\\]*"|{_FLOW_PLAIN}""")
# A flow list of plain scalars only, such as `doelen: [1, 6A]` or `trekker: [ZN, VWS]`: no item
# holds a comma, so its items are what lies between ", ".
_PLAIN_FLOW_LIST = re.compile(rf"\[({_FLOW_PLAIN}(?:, {_FLOW_PLAIN})*)\]")
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): ")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"([^"\\]*)"')
_RESERVED: dict[str, bool | None] = {
    **dict.fromkeys(_NULL),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
_NOT_YET = object()


def longest_line(text: str) -> int:
    """The length of the longest line: no scalar this reader reads is longer."""
    return max(map(len, text.split("\n")))


def read(text: str, source: SourceMap, *, max_keys: int, raw: bytes | None = None) -> Any:
    """The plain data of one file in the layout fmt writes, filling `source` with positions.

    Raise Unsupported where fastyaml must read the file, also at a mapping with `max_keys`
    keys or more, which fastyaml words. The positions below the items of the file's list are
    worked out when first asked for (see positions.py), from `raw`, the UTF-8 bytes `text`
    was decoded from, where given: the caller holds them anyway, and the text would be a copy.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            raise Unsupported("a lone carriage return")
    if _compiled(_ODD_CHARACTER).search(text):
        raise Unsupported("a character the round-trip loader judges")
    root: dict[str, Any] = {}
    values: dict[KeyPath, tuple[int, int]] = {}
    keys: dict[KeyPath, tuple[int, int]] = {}
    items: list[tuple[KeyPath, dict[str, Any]]] = []  # mappings in lists, to label by id
    units: dict[KeyPath, tuple[int, int, int | None, int]] = {}
    lines, folded = _unfold(text, 1)
    _scan(_rows(lines), 0, [(0, root, ())], values, keys, items, max_keys, units, folded)
    if not root:
        raise Unsupported("an empty document")
    values[()] = (1, 1)
    scan = FileScan(text if raw is None else raw, units, values, keys)
    source.values, source.keys = Positions(scan), Positions(scan, keys=True)
    labels = source.labels
    for item_path, mapping in items:
        label = mapping.get("id", _NOT_YET)
        if label is _NOT_YET:
            label = mapping.get("code", _NOT_YET)
            if label is _NOT_YET:
                label = mapping.get("nummer")
        if isinstance(label, str | int) and not isinstance(label, bool):
            labels[item_path] = str(label)
    return root


# Lines are matched a stretch at a time: a list of all of a 2 MB file's matches at once is
# 20 MB of tuples, and reading them back from memory rather than cache cost a fifth more a line.
_STRETCH = 1 << 16


def _rows(text: str) -> Iterator[tuple[str, str, str, str, str]]:
    """The matches of _LINE on every line of `text`, in order, a stretch of lines at a time."""
    findall, size, pos = _LINE.findall, len(text), 0
    while pos < size:
        end = text.find("\n", pos + _STRETCH)
        if end < 0:
            break
        # Ending before a newline and starting after one, each stretch matches whole lines.
        yield from findall(text, pos, end)
        pos = end + 1
    yield from findall(text, pos)


# A key with a folded scalar, `key: >-`, its text on the lines below: how fmt keeps long texts
# that were written so (ruamel keeps a scalar's style). Other block scalars go to fastyaml.
_FOLDED_HEAD = re.compile(r"( *)(- )?[A-Za-z_][A-Za-z0-9_]*: >-")


def _unfold(text: str, first: int) -> tuple[str, dict[int, str]]:
    """`text` (whose first line is line `first`) with the lines of each folded scalar blanked,
    and each one's value by the number of its key's line.

    Read only in the form that folds to one line of text: lines indented alike below the key,
    none blank between them, none more indented, none ending in a space (a blank line, a more
    indented line and trailing spaces each keep something YAML's folding would have to
    decide); the `-` drops the final line break. Anything else raises Unsupported.
    """
    if ": >-\n" not in text:
        return text, {}
    lines = text.split("\n")
    folded: dict[int, str] = {}
    index, count = 0, len(lines)
    while index < count:
        head = _FOLDED_HEAD.fullmatch(lines[index])
        index += 1
        if head is None:
            continue
        below = " " * (len(head.group(1)) + len(head.group(2) or "") + 1)
        start = index
        while index < count and (lines[index].startswith(below) or not lines[index].strip(" ")):
            index += 1
        end = index
        while end > start and not lines[end - 1]:
            end -= 1  # empty lines after the text: dropped by the `-`
        body = lines[start:end]
        if not body:
            raise Unsupported("a folded scalar without text")
        indent = len(body[0]) - len(body[0].lstrip(" "))
        for part in body:
            if (
                not part.strip(" ")
                or len(part) - len(part.lstrip(" ")) != indent
                or part[-1] in " \t"
            ):
                raise Unsupported("a folded scalar the line reader is not sure of")
        folded[first + start - 1] = " ".join(part[indent:] for part in body)
        lines[start:end] = [""] * (end - start)
    return "\n".join(lines), folded


def rescan(
    chunk: str,
    first: int,
    column: int,
    head: KeyPath,
    index: int | None,
    values: dict[KeyPath, tuple[int, int]],
    keys: dict[KeyPath, tuple[int, int]],
) -> None:
    """Record every position of the item at `head` from its lines, `chunk`, the first of
    which is line `first` at `column`; the file was read whole before, so nothing is refused.
    """
    parent: dict[str, Any] | list[Any] = {} if index is None else [None] * index
    stack: list[tuple[int, dict[str, Any] | list[Any], KeyPath]] = [
        (0, {}, ()),
        (column, parent, head[:1]),
    ]
    chunk, folded = _unfold(chunk, first)
    _scan(_LINE.findall(chunk), first - 1, stack, values, keys, [], 1 << 30, None, folded)


# How deep positions are recorded as a file is read: a file's key, its items and their keys,
# where most problems stand; those deeper are worked out from an item's lines when asked for.
_EAGER = 3

# A collection open for lines below: the column of its keys or dashes, the collection, its path.
_Open = tuple[int, dict[str, Any] | list[Any], KeyPath]


def _scan(
    rows: Iterable[tuple[str, str, str, str, str]],
    number: int,
    stack: list[_Open],
    values: dict[KeyPath, tuple[int, int]],
    keys: dict[KeyPath, tuple[int, int]],
    items: list[tuple[KeyPath, dict[str, Any]]],
    max_keys: int,
    units: dict[KeyPath, tuple[int, int, int | None, int]] | None,
    folded: dict[int, str],
) -> None:
    """Build the data of `rows` (the matches of _LINE, after line `number`) into the open
    collections of `stack`, recording positions: with `units`, only of the top _EAGER levels,
    and where each item of the second begins and ends; without, all of them. `folded` holds
    the folded scalars by the number of their key's line (see _unfold).
    """
    # A key whose value is the block below it: its mapping, path, column and position.
    pending: tuple[dict[str, Any], KeyPath, int, tuple[int, int]] | None = None
    reserved, implicit = _RESERVED, _IMPLICIT_START
    # One string per key name: the paths of the source map outlive the file's data, and each
    # line's match is a new string (a fifth of the source map's memory).
    names: dict[str, str] = {}
    everything, eager = units is None, _EAGER
    unit: KeyPath | None = None  # the item whose lines these are, and its first line
    unit_at: tuple[int, int, int | None] = (0, 0, None)
    for indent, dash, key, plain, rest in rows:
        number += 1
        if not key and not dash:
            if not plain and (not rest or rest[0] == "#"):  # blank or a comment
                continue
            raise Unsupported("a line that is not a key or a list item")
        column = len(indent)
        if pending is not None:
            parent, path, below, at = pending
            if column <= below:
                raise Unsupported("an empty value")
            opened: dict[str, Any] | list[Any] = [] if dash else {}
            parent[path[-1]] = opened  # type: ignore[index]
            if everything or len(path) <= eager:
                values[path] = at
            stack.append((column, opened, path))
            pending = None
        top = stack[-1]
        while column < top[0]:
            stack.pop()
            top = stack[-1]
        if column != top[0]:
            raise Unsupported("indentation")
        container, path = top[1], top[2]
        # Positions are recorded to _EAGER levels (or all, when rescanning an item).
        shallow = everything or len(path) < eager
        if units is not None and len(path) < 2:
            if unit is not None:
                units[unit] = (*unit_at, number)
                unit = None
            if path:  # an item of a top-level list, or a key of a top-level mapping, begins
                unit = path + (len(container) if dash else key,)  # noqa: RUF005
                unit_at = (number, column, len(container) if dash else None)
        if dash:
            if type(container) is not list:
                raise Unsupported("a list item among keys")
            # Concatenation: half the time of (*path, index), on every line.
            item_path = path + (len(container),)  # noqa: RUF005
            at = (number, column + 3)
            if shallow:
                values[item_path] = at
            if not key:
                if plain:
                    container.append(
                        _plain(plain) if plain in reserved or plain[0] in implicit else plain
                    )
                elif rest:
                    container.append(
                        _value(
                            rest,
                            number,
                            column + 2,
                            item_path,
                            shallow,
                            everything or len(path) < eager - 1,
                            values,
                            keys,
                            items,
                            max_keys,
                        )
                    )
                else:
                    raise Unsupported("an empty list item")
                continue
            mapping: dict[str, Any] = {}
            container.append(mapping)
            items.append((item_path, mapping))
            column += 2
            stack.append((column, mapping, item_path))
            container, path = mapping, item_path
            shallow = everything or len(path) < eager
        elif type(container) is not dict:
            raise Unsupported("a key among list items")
        if key in container or key in reserved or len(container) >= max_keys:
            raise Unsupported("a duplicate key, a key that is not text, or too many keys")
        # Keys' positions only place schema errors, right after reading: one level less.
        keyed = everything or len(path) < eager - 1
        if plain:  # the most common line, and below an item's keys nothing to record
            container[key] = _plain(plain) if plain in reserved or plain[0] in implicit else plain
            if shallow:
                key = names.setdefault(key, key)
                key_path = path + (key,)  # noqa: RUF005
                if keyed:
                    keys[key_path] = (number, column + 1)
                values[key_path] = (number, column + len(key) + 3)
            continue
        key = names.setdefault(key, key)
        key_path = path + (key,)  # noqa: RUF005
        at = (number, column + 1)
        if keyed:
            keys[key_path] = at
        if rest:
            if rest == ">-" and number in folded:
                if shallow:
                    values[key_path] = (number, column + len(key) + 3)
                container[key] = folded[number]
                continue
            value = _value(
                rest,
                number,
                column + len(key) + 2,
                key_path,
                shallow,
                keyed,
                values,
                keys,
                items,
                max_keys,
            )
            if shallow and (type(value) is list or type(value) is dict):
                values[key_path] = at
            container[key] = value
        else:
            container[key] = None  # keeps the key order
            pending = (container, key_path, column, at)
    if pending is not None:
        raise Unsupported("an empty value")
    if unit is not None and units is not None:
        units[unit] = (*unit_at, number + 1)


def _value(
    rest: str,
    number: int,
    start: int,
    path: KeyPath,
    record: bool,
    inner: bool,
    values: dict[KeyPath, tuple[int, int]],
    keys: dict[KeyPath, tuple[int, int]],
    items: list[tuple[KeyPath, dict[str, Any]]],
    max_keys: int,
) -> Any:
    """The value written on one line from column `start` (0-based); its positions recorded
    if `record`, and those of a flow collection's items if `inner`.
    """
    first = rest[0]
    if first == "[":
        return _flow_list(rest, number, start, path, values if inner else None)
    if first == "{":
        mapping = _flow_mapping(
            rest, number, start, path, (values, keys) if inner else None, max_keys
        )
        if path and type(path[-1]) is int:
            items.append((path, mapping))
        return mapping
    if record:
        values[path] = (number, start + 1)
    if first == "'":
        quoted = _SINGLE.fullmatch(rest)
        if quoted is None:
            raise Unsupported("a quoted scalar over more lines, or text after it")
        return quoted.group(1).replace("''", "'")
    if first == '"':
        quoted = _DOUBLE.fullmatch(rest)
        if quoted is None:
            raise Unsupported("an escape, or a quoted scalar over more lines")
        return quoted.group(1)
    if first in _NOT_FIRST or ": " in rest or " #" in rest or rest[-1] in " :":
        raise Unsupported("a plain scalar the line reader is not sure of")
    return _plain(rest)


def _plain(value: str) -> Any:
    """A plain scalar resolved as fastyaml resolves it."""
    reserved = _RESERVED.get(value, _NOT_YET)
    if reserved is not _NOT_YET:
        return reserved
    if value[0] in _IMPLICIT_START:
        if _DECIMAL.fullmatch(value):
            return int(value)
        if _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise Unsupported("a date that is no date") from None
        if _OTHER_IMPLICIT.fullmatch(value):
            raise Unsupported("a scalar YAML 1.2 reads as another type")
    return value


def _flow_scalar(text: str) -> Any:
    first = text[0]
    if first == "'":
        return text[1:-1].replace("''", "'")
    if first == '"':
        return text[1:-1]
    return _plain(text)


def _flow_list(
    rest: str,
    number: int,
    start: int,
    path: KeyPath,
    values: dict[KeyPath, tuple[int, int]] | None,
) -> list[Any]:
    """`[a, 'b', 3]`: its items, each at its own column (recorded in `values` if given)."""
    if values is None and (simple := _PLAIN_FLOW_LIST.fullmatch(rest)):
        reserved, implicit = _RESERVED, _IMPLICIT_START
        return [
            _plain(item) if item in reserved or item[0] in implicit else item
            for item in simple.group(1).split(", ")
        ]
    out: list[Any] = []
    end = len(rest) - 1
    if rest[end] != "]":
        raise Unsupported("text after a flow list")
    if end == 1:
        return out
    scalar = _FLOW_SCALAR.match
    at = 1
    while True:
        found = scalar(rest, at, end)
        if found is None:
            raise Unsupported("a flow item the line reader is not sure of")
        if values is not None:
            values[(*path, len(out))] = (number, start + at + 1)
        out.append(_flow_scalar(found.group()))
        at = found.end()
        if at == end:
            return out
        if rest.startswith(", ", at):
            at += 2
        else:
            raise Unsupported("a flow list the line reader is not sure of")


def _flow_mapping(
    rest: str,
    number: int,
    start: int,
    path: KeyPath,
    record: tuple[dict[KeyPath, tuple[int, int]], dict[KeyPath, tuple[int, int]]] | None,
    max_keys: int,
) -> dict[str, Any]:
    """`{document: x, sectie: 'y'}`: its keys and values, each at its own column."""
    out: dict[str, Any] = {}
    end = len(rest) - 1
    if rest[end] != "}":
        raise Unsupported("text after a flow mapping")
    if end == 1:
        return out
    scalar, name = _FLOW_SCALAR.match, _FLOW_KEY.match
    at = 1
    while True:
        key = name(rest, at, end)
        if key is None:
            raise Unsupported("a flow key the line reader is not sure of")
        word = key.group(1)
        if word in out or word in _RESERVED or len(out) >= max_keys:
            raise Unsupported("a duplicate key, a key that is not text, or too many keys")
        key_path = (*path, word)
        if record is not None:
            record[1][key_path] = (number, start + at + 1)
        at = key.end()
        found = scalar(rest, at, end)
        if found is None:
            raise Unsupported("a flow value the line reader is not sure of")
        if record is not None:
            record[0][key_path] = (number, start + at + 1)
        out[word] = _flow_scalar(found.group())
        at = found.end()
        if at == end:
            return out
        if rest.startswith(", ", at):
            at += 2
        else:
            raise Unsupported("a flow mapping the line reader is not sure of")
