"""The reference reader: ruamel's round-trip tree to plain data, with every position.

It reads about 0.2 MB/s, so load.py reads with fastyaml first and comes here only for what
fastyaml leaves alone. Its errors are the ones users see: they name the problem in YAML's words
and where it is.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping, Set
from datetime import date, datetime
from typing import Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eerstelijn.i18n import _
from eerstelijn.problems import ID_KEYS, KeyPath, Problem, Severity, SourceMap, format_path

__all__ = ["Refused", "read", "syntax_problem"]


def read(text: str, file: str) -> tuple[Any, SourceMap]:
    """The plain data of one YAML document and its source map; raise Refused when unfit."""
    try:
        with warnings.catch_warnings():
            # A reused anchor is refused below like every anchor; ruamel's warning adds nothing.
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            document = YAML(typ="rt").load(text)
    except DuplicateKeyError as error:
        raise _marked(file, error, "duplicate-key") from None
    except MarkedYAMLError as error:
        raise _marked(file, error, "yaml-syntax", text) from None
    except YAMLError as error:
        raise _refused(file, 1, 1, "yaml-syntax", str(error)) from None
    except RecursionError:
        raise _refused(file, 1, 1, "yaml-syntax", _("nested too deeply")) from None
    except TypeError:  # ruamel cannot hash a mapping or list used as a key
        line, col = _first_complex_key(text)
        message = _("a key must be plain text")
        raise _refused(file, line, col, "yaml-syntax", message) from None
    except ValueError as error:  # a timestamp of a day that does not exist: 2024-02-30
        line, col, value = _first_impossible_date(text)
        message = str(error)
        if value:
            message = _("{value!r} is not a date that exists ({error})").format(
                value=value, error=error
            )
        raise _refused(file, line, col, "yaml-syntax", message) from None
    if document is None:
        message = _("file is empty: expected a mapping with a list")
        raise _refused(file, 1, 1, "empty-file", message)
    source = SourceMap(file)
    source.values[()] = (1, 1)
    return _Walker(source, text).convert(document, ()), source


# A merge key as a key: at the start of a line (or after `- `), or after `{` or `,` in a flow
# mapping; not quoted, as a quoted "<<" is a plain key.
_MERGE_KEY = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)(<<)[ \t]*:", re.MULTILINE)


def _merge_key_at(text: str) -> tuple[int, int] | None:
    """The 1-based position of the first merge key (`<<:`) in `text`, if it has one."""
    match = _MERGE_KEY.search(text)
    if match is None:
        return None
    offset = match.start(1)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _first_complex_key(text: str) -> tuple[int, int]:
    """Where the first key that is not a plain value stands (1-based), from ruamel's node tree."""
    found: list[tuple[int, int]] = []
    pending: list[Node] = [YAML(typ="rt").compose(text)]
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    found.append((key.start_mark.line + 1, key.start_mark.column + 1))
                pending.extend((key, value))
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
    return min(found, default=(1, 1))


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _first_impossible_date(text: str) -> tuple[int, int, str]:
    """Where the first plain scalar that YAML reads as a timestamp but ruamel cannot build
    stands (1-based), and its text."""
    constructor = YAML(typ="rt").constructor
    pending: list[Node] = [YAML(typ="rt").compose(text)]
    found: list[tuple[int, int, str]] = []
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            pending.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, ScalarNode) and node.tag == _TIMESTAMP:
            try:
                constructor.construct_yaml_timestamp(node)
            except ValueError:
                found.append((node.start_mark.line + 1, node.start_mark.column + 1, node.value))
    return min(found, default=(1, 1, ""))


def syntax_problem(file: str, error: Any, text: str) -> Problem:
    """A syntax error of libyaml (PyYAML's MarkedYAMLError, whose marks and words ruamel's
    share) as this reader words its own: where, what, and the hint for its common causes."""
    mark = error.problem_mark
    if error.problem == "mapping values are not allowed in this context":
        error.problem = "mapping values are not allowed here"  # ruamel's words, which _hint knows
    elif mark is not None and text[mark.index : mark.index + 1] == "\t":
        error.problem = "found character '\\t' that cannot start any token"
    return _marked(file, error, "yaml-syntax", text).problem


def _refused(file: str, line: int, col: int, code: str, message: str) -> Refused:
    return Refused(Problem(file, line, col, "", code, Severity.ERROR, message))


def _marked(file: str, error: MarkedYAMLError, code: str, text: str = "") -> Refused:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    message = error.problem or error.context or _("invalid YAML")
    if code == "duplicate-key" and error.context_mark is not None:
        first = _(" (first defined on line {line})").format(line=error.context_mark.line + 1)
        message += first
    if code == "yaml-syntax" and (hint := _hint(error, message, text.splitlines(), line, col)):
        message = _("{hint} (YAML: {message})").format(hint=hint, message=message)
    return _refused(file, line, col, code, message)


def _hint(error: MarkedYAMLError, message: str, lines: list[str], line: int, col: int) -> str:
    """What to do about the common causes of a syntax error, in plain words; '' for others.

    The parser's words ("mapping values are not allowed here") name a symptom; these name
    the cause: a colon in an unquoted value, a line indented wrongly, a quote never closed,
    a tab.
    """
    at = lines[line - 1] if 0 < line <= len(lines) else ""
    if "'\\t'" in message or "\t" in message:
        return _(
            "YAML indents with spaces, never tabs: replace the tab on line {line} by spaces"
        ).format(line=line)
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        opened = error.context_mark
        quote = lines[opened.line][opened.column] if opened.line < len(lines) else '"'
        return _(
            "the {quote} opened on line {line}, column {col} is never closed: end the text with "
            "{quote} on that line"
        ).format(quote=quote, line=opened.line + 1, col=opened.column + 1)
    flows = {
        "while parsing a flow sequence": ("[", "]"),
        "while parsing a flow mapping": ("{", "}"),
    }
    if error.context in flows and error.context_mark is not None:
        opened, closing = flows[error.context]
        return _(
            "the {open} opened on line {line}, column {col} is never closed: end it with {close}, "
            "and separate its items with commas"
        ).format(
            open=opened,
            close=closing,
            line=error.context_mark.line + 1,
            col=error.context_mark.column + 1,
        )
    if message == "mapping values are not allowed here":
        key, sep, value = at.partition(": ")
        if sep and len(key) + 2 < col - 1:  # an earlier ': ' on the line: the value holds one
            quoted = _quoted(value.strip())
            return _("a value with ': ' in it must be quoted: {key}: {quoted}").format(
                key=key.strip(), quoted=quoted
            )
        return _indentation(lines, line)
    if message.startswith("expected <block end>") or "expected key" in message:
        return _indentation(lines, line)
    return ""


def _indentation(lines: list[str], line: int) -> str:
    """The hint for a line indented unlike the lines it belongs with."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = next(
        (
            (n, lines[n - 1])
            for n in range(line - 1, 0, -1)
            if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")
        ),
        None,
    )
    if above is None or not here.strip():
        return ""
    n, previous = above
    indent = len(here) - len(here.lstrip(" "))
    if previous.lstrip().startswith("- "):
        column = len(previous) - len(previous.lstrip(" ")) + 2  # the key after '- '
    else:
        column = len(previous) - len(previous.lstrip(" "))
    return _(
        "check the indentation: line {line} starts after {indent} spaces, the key on line {n} "
        "after {column}; keys of one item start in the same column, spaces only"
    ).format(line=line, indent=indent, n=n, column=column)


def _quoted(value: str) -> str:
    """`value` as a YAML quoted string, in double quotes unless it holds one."""
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null")
)


class Refused(Exception):
    """The file is not YAML a registry may hold; `problem` says what and where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Walker:
    """Turns ruamel's round-trip tree into plain Python and records positions on the way.

    Anchors (and so aliases and merge keys) and tags are refused, at the first one met: the data
    needs none of them, an alias can make a small file expand without bound, and a tag asks a
    loader to build objects. An alias always follows its anchor, so refusing anchors is enough.
    """

    def __init__(self, source: SourceMap, text: str = "") -> None:
        self.source = source
        self.text = text

    def _refuse(self, path: KeyPath, code: str, message: str) -> NoReturn:
        line, col = self.source.values.get(path, (1, 1))
        yaml_path = format_path(path, self.source.labels)
        raise Refused(
            Problem(self.source.file, line, col, yaml_path, code, Severity.ERROR, message)
        )

    def convert(self, node: Any, path: KeyPath) -> Any:
        tag = getattr(getattr(node, "tag", None), "value", None)
        if tag is not None and tag not in _PLAIN_TAGS:
            message = _("tag {tag!r} is not allowed in registry files").format(tag=tag)
            self._refuse(path, "yaml-tag", message)
        anchor = node.yaml_anchor() if hasattr(node, "yaml_anchor") else None
        if anchor is not None:
            message = _("anchors and aliases are not allowed (anchor &{name})").format(
                name=anchor.value
            )
            self._refuse(path, "yaml-alias", message)
        if isinstance(node, CommentedMap):
            return dict(self._mapping(node, path))
        if isinstance(node, CommentedSeq):
            return [self._item(node, index, path) for index in range(len(node))]
        if isinstance(node, bool | int | float | str) or node is None:
            return _plain_scalar(node)
        if isinstance(node, Mapping | Set):  # !!omap, !!set and the like, written without a tag
            message = _("only mappings, lists and plain values are allowed")
            self._refuse(path, "yaml-tag", message)
        if isinstance(node, date) and not isinstance(node, datetime):
            return date(node.year, node.month, node.day)  # a `datum`, as fastyaml builds it
        # Timestamps: keep them as text so the schema can say why they do not fit.
        return str(node)

    def _mapping(self, node: CommentedMap, path: KeyPath) -> Iterator[tuple[str, Any]]:
        if getattr(node, "merge", None):
            # Also when every merged key is written beside it (`<<: {titel: x}` next to
            # `titel:`), which leaves no key without a position: refused where `<<` stands.
            at = _merge_key_at(self.text) or self.source.values.get(path, (1, 1))
            problem = Problem(
                self.source.file,
                *at,
                format_path(path, self.source.labels),
                "yaml-alias",
                Severity.ERROR,
                "merge keys (<<) are not allowed",
            )
            raise Refused(problem)
        positions = node.lc.data
        for key in node:
            child = (*path, str(key))
            if key not in positions:  # only a merge key (<<) brings keys without a position
                self._refuse(path, "yaml-alias", _("merge keys (<<) are not allowed"))
            key_line, key_col, value_line, value_col = positions[key]
            key_at = (key_line + 1, key_col + 1)
            self.source.keys[child] = key_at
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq):
                self.source.values[child] = key_at
            else:
                self.source.values[child] = (value_line + 1, value_col + 1)
            yield str(key), self.convert(value, child)

    def _item(self, node: CommentedSeq, index: int, path: KeyPath) -> Any:
        child = (*path, index)
        at = _one_based(node.lc.item(index)) or self.source.values.get(path, (1, 1))
        self.source.values[child] = at
        value = node[index]
        if isinstance(value, CommentedMap):
            label = next((value[k] for k in ID_KEYS if k in value), None)
            if isinstance(label, str | int) and not isinstance(label, bool):
                self.source.labels[child] = str(label)
        return self.convert(value, child)


def _one_based(position: tuple[int, int] | None) -> tuple[int, int] | None:
    """ruamel's 0-based (line, col) as 1-based; ruamel has none for some tagged nodes."""
    return None if position is None else (position[0] + 1, position[1] + 1)


def _plain_scalar(value: bool | int | float | str | None) -> bool | int | float | str | None:
    """ruamel's scalar subclasses (ScalarInt, ScalarFloat, ...) as the builtin types."""
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return None
