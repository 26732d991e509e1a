"""The layout of the data files, kept through edits: key order, quoting, comments.

ruamel.yaml's round-trip tree keeps comments, blank lines and quoting, but it attaches each
comment to a neighbouring node. When an edit inserts an item, adds a key or re-indents, the
functions here move those comments so that each stays with what it describes, and put keys
in the order of the models' fields. edit.py decides what changes; this module decides how it
is written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from eerstelijn.kwartaal import Kwartaal, TimingError
from eerstelijn.models import (
    ITEM_MODELS,
    Begrip,
    Bron,
    DocumentHoofdstuk,
    Mijlpaal,
    Periode,
    Voetnoot,
)

__all__ = [
    "Levels",
    "append_entry",
    "canonicalise",
    "flow",
    "insert_item",
    "normalise_termijn",
    "put",
    "reindent_comments",
    "round_trip_yaml",
    "text",
]

# Which model describes the items under a key, for the canonical key order.
_ITEMS: dict[str, type[BaseModel]] = dict(ITEM_MODELS)
_NESTED: dict[str, type[BaseModel]] = {
    "mijlpalen": Mijlpaal,
    "bron": Bron,
    "hoofdstukken": DocumentHoofdstuk,
    "perioden": Periode,
    "voetnoten": Voetnoot,
    "begrippen": Begrip,
}


# Canonical layout: the indentation of data/ (mapping 2, sequence 4 with the dash at 2).
# Long titles stay on one line: the width is never reached.
_WIDTH = 4096
# A comment indented this far or more, after a top-level list item, belongs to that item.
_ITEM_COLUMN = 4

_QUARTER = re.compile(r"[Qq]\d\s*[-/ ]?\s*\d{4}|\d{4}\s*[- ]?\s*[Qq]\d")


def normalise_termijn(text: str) -> str:
    """Write each quarter in a timing as 'Q1 2026': 'voor q3-2025' becomes 'voor Q3 2025'."""

    def canonical(match: re.Match[str]) -> str:
        try:
            return str(Kwartaal.parse(match[0]))
        except TimingError:
            return match[0]

    return _QUARTER.sub(canonical, text)


def round_trip_yaml() -> YAML:
    """ruamel.yaml's round-trip reader and writer, set to the layout of data/."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def flow(values: Iterable[Any]) -> CommentedSeq:
    """A list written on one line, as the data writes codes and goals: `[ZN, VWS]`."""
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def put(node: CommentedMap, key: str, value: Any, model: type[BaseModel]) -> None:
    """Set `key`; a new key goes where the model's field order puts it."""
    if key in node:
        node[key] = value
        return
    order = list(model.model_fields)
    rank = order.index(key)
    later = [i for i, k in enumerate(node) if k in order and order.index(k) > rank]
    if later:
        node.insert(later[0], key, value)
        return
    last = list(node)[-1] if node else None
    node[key] = value
    if last is not None:
        _move_trailing_comment(node, last, key)


def _move_trailing_comment(
    node: CommentedMap, old: Any, new: Any, target: CommentedMap | None = None
) -> None:
    """Full-line comments after the last key of a mapping follow whatever key is last now.

    ruamel.yaml keeps them with the key before them; a key added after it would land below
    them. An end-of-line comment stays on its line. `target` is the mapping that now holds
    the last key, when that is another one (the new item of a list added at the end).
    """
    entry = node.ca.items.get(old)
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    eol, _, rest = token.value.partition("\n")
    if not rest:
        return
    entry[2] = CommentToken(eol + "\n", token.start_mark, None) if eol else None
    holder = node if target is None else target
    holder.ca.items.setdefault(new, [None, None, None, None])[2] = CommentToken(
        "\n" + rest, CommentMark(0), None
    )


def append_entry(node: CommentedMap, key: str, item: CommentedMap, model: type[BaseModel]) -> None:
    """Append `item` to the list under `key` (made where the model's field order puts it).

    Full-line comments that closed the mapping (or the list) stay below the new item, as a
    note at the end of a milestone stays at its end.
    """
    items = node.get(key)
    last_key = list(item)[-1]
    if isinstance(items, CommentedSeq) and items:
        previous = items[-1]
        items.append(item)
        if isinstance(previous, CommentedMap) and previous:
            _move_trailing_comment(previous, list(previous)[-1], last_key, item)
        return
    items = CommentedSeq()
    put(node, key, items, model)
    items.append(item)
    _move_trailing_comment(node, key, last_key, item)


def text(value: str, *, flow: bool = False) -> str:
    """Text as the data writes it: plain where YAML allows, else in double quotes."""
    probe = CommentedMap(k=value)
    if flow:
        probe.fa.set_flow_style()
    out = io.StringIO()
    round_trip_yaml().dump(probe, out)
    written = out.getvalue().removeprefix("{").removeprefix("k: ")
    return DoubleQuotedScalarString(value) if written[:1] in ("'", '"') else value


def insert_item(
    items: CommentedSeq, index: int, node: CommentedMap, *, spaced: bool | None = None
) -> None:
    """Insert a list item, keeping comments with the items they belong to.

    ruamel.yaml stores the comments between two items as the pre-comment of the second (at
    the end: as the list's end comment). An indented run at their start belongs to the item
    above, so it stays above the new item; the rest (a blank line, a heading) stays with the
    item below. The new item gets a blank line before it when the items are spaced that way
    (`spaced`, when `items` is only part of the list and cannot tell).
    """
    at_end = index >= len(items)
    between: list[Any] = list(items.ca.end or []) if at_end else _pre_comments(items, index)
    split = next(
        (n for n, t in enumerate(between) if _column(t) < _ITEM_COLUMN),
        len(between),
    )
    above, below = between[:split], between[split:]
    items.insert(index, node)
    if spaced is None:
        spaced = _spaced(items)
    own = [*above, *([CommentToken("\n", CommentMark(0), None)] if spaced else [])]
    if at_end:
        items.ca.end = below or None
    elif index + 1 in items.ca.items:
        items.ca.items[index + 1][1] = below or None
    if own:
        items.ca.items[index] = [None, own, None, None]


def _pre_comments(items: CommentedSeq, index: int) -> list[Any]:
    entry = items.ca.items.get(index)
    return list(entry[1] or []) if entry and len(entry) > 1 else []


def _column(token: Any) -> int:
    if not token.value.lstrip(" ").startswith("#"):
        return 0  # a blank line
    mark = token.start_mark
    return int(mark.column) if mark is not None else 0


def _spaced(items: CommentedSeq) -> bool:
    """True when the items of this list are separated by blank lines."""
    return any(
        tokens and tokens[0].value.startswith("\n")
        for index in range(1, len(items))
        if (tokens := _pre_comments(items, index))
    )


def canonicalise(tree: Any) -> None:
    if not isinstance(tree, CommentedMap):
        return
    for key, model in _ITEMS.items():
        items = tree.get(key)
        if isinstance(items, CommentedSeq):
            for item in items:
                _canonical_item(item, model)


def _canonical_item(node: Any, model: type[BaseModel]) -> None:
    if not isinstance(node, CommentedMap):
        return
    _reorder(node, list(model.model_fields))
    for key, child_model in _NESTED.items():
        if key in model.model_fields:
            for child in _each(node.get(key)):
                _canonical_item(child, child_model)
    deadline = node.get("deadline") if model is Mijlpaal else None
    if isinstance(deadline, str):
        normal = normalise_termijn(deadline)
        if normal != deadline:
            # Keep the quoting the file used.
            node["deadline"] = (
                type(deadline)(normal) if isinstance(deadline, ScalarString) else normal
            )


Levels = tuple[tuple[int, int], ...]


def reindent_comments(node: Any, levels: Levels, column: int) -> None:
    """Move full-line comments along when fmt re-indents the lines around them.

    `levels` pairs the original column of each enclosing mapping's keys and list's dashes with
    its canonical column (`column` for this node); a comment at one of those columns moves
    with it. An end-of-line comment moves as far as the start of its line.
    """
    if not isinstance(node, CommentedMap | CommentedSeq) or node.fa.flow_style():
        return
    if node.lc.col is not None:
        levels = (*levels, (int(node.lc.col), column))
    slots: list[Any] = [node.ca.comment, *node.ca.items.values(), [node.ca.end]]
    for slot in slots:
        if isinstance(slot, list):
            _reindent_slot(slot, levels)
    for child in node.values() if isinstance(node, CommentedMap) else node:
        reindent_comments(child, levels, column + 2)


def _reindent_slot(slot: list[Any], levels: Levels) -> None:
    """A token in the slot itself follows a value (its first line is that value's end);
    tokens in a list within it are whole lines."""
    for index, entry in enumerate(slot):
        if isinstance(entry, CommentToken):
            slot[index] = _reindent_token(entry, levels, whole_line=False)
        elif isinstance(entry, list):
            entry[:] = [
                _reindent_token(t, levels, whole_line=True) if isinstance(t, CommentToken) else t
                for t in entry
            ]


def _reindent_token(token: Any, levels: Levels, *, whole_line: bool) -> Any:
    first, newline, rest = token.value.partition("\n")
    lines = [
        _new_column(len(line) - len(line.lstrip(" ")), levels) * " " + line.lstrip(" ")
        if line.lstrip(" ").startswith("#")
        else line
        for line in rest.splitlines(keepends=True)
    ]
    value = first + newline + "".join(lines)
    mark = token.start_mark
    column = int(mark.column) if mark is not None else 0
    if whole_line and first.startswith("#"):
        column = _new_column(column, levels)
    elif first.startswith("#") and levels:
        # An end-of-line comment keeps its distance from the start of its line.
        column = max(0, column + levels[-1][1] - levels[-1][0])
    if value == token.value and (mark is None or column == mark.column):
        return token
    return CommentToken(value, CommentMark(column), None)


def _new_column(column: int, levels: Levels) -> int:
    """The canonical column for a comment at `column`: it keeps its place after the deepest
    level at or before it."""
    below = [(old, new) for old, new in levels if old <= column]
    if not below:
        return column
    deepest = max(old for old, _ in below)
    new = [n for old, n in below if old == deepest][-1]
    return new + column - deepest


def _each(value: Any) -> Iterator[Any]:
    if isinstance(value, CommentedSeq):
        yield from value
    elif value is not None:
        yield value


def _reorder(node: CommentedMap, order: list[str]) -> None:
    keys = list(node)
    wanted = [k for k in order if k in node] + [k for k in keys if k not in order]
    if keys == wanted:
        return
    for key in wanted:
        node.move_to_end(key)
    if keys[-1] != wanted[-1]:
        _move_trailing_comment(node, keys[-1], wanted[-1])
