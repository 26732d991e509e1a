"""A baseline: findings accepted for now, so that `check --baseline` fails only on new ones.

The file is YAML that people review in a pull request. Each entry names a finding by its
code and its yaml_path (`acties[H3.3].trekker`), never by line number: paths name list items
by id, and ids are unique across files, so an entry survives edits elsewhere, reordering and
moving an action to another file. `file` and `message` are there for the reviewer only.
Errors are never accepted: a baseline holds findings (warnings) only.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from eerstelijn.checks import CHECKS, OPT_IN, finding_codes
from eerstelijn.controls import visible
from eerstelijn.lookup import suggest
from eerstelijn.problems import Problem, Severity

__all__ = [
    "BASELINE_FILE",
    "STALE_CODE",
    "BaselineError",
    "Entry",
    "Outcome",
    "apply_baseline",
    "dumps_baseline",
    "entries_for",
    "loads_baseline",
    "read_baseline",
]

BASELINE_FILE = "eerstelijn-baseline.yaml"
STALE_CODE = "stale-baseline"

_HEADER = """\
eerstelijn baseline: findings accepted for now. `eerstelijn check --baseline FILE` lets
these pass and fails on new ones. Review each entry; once a gap is fixed, check reports
its entry as stale-baseline: delete it. An entry is keyed by code and path; file and
message are for the reader. Written by `eerstelijn baseline`.
"""


class BaselineError(Exception):
    """The baseline file cannot be read or does not have the baseline's form."""


@dataclass(frozen=True, order=True)
class Entry:
    """One accepted finding; `line` is where it stands in the baseline file (0 before writing)."""

    code: str
    path: str
    file: str = ""
    message: str = ""
    line: int = 0

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the finding: its code and yaml_path."""
        return (self.code, self.path)


@dataclass(frozen=True)
class Outcome:
    """A check run seen through a baseline.

    `new`: problems the baseline does not list (errors always among them); `known`: findings it
    lists; `stale`: its entries for checks that ran but found nothing there, as problems
    located in the baseline file.
    """

    new: list[Problem]
    known: list[Problem]
    stale: list[Problem]


def entries_for(problems: Iterable[Problem], root: FsPath) -> list[Entry]:
    """The findings among `problems` as baseline entries, one per key, in a stable order.

    `file` is written relative to the registry directory `root`.
    """
    entries: dict[tuple[str, str], Entry] = {}
    for problem in problems:
        if problem.severity is Severity.ERROR:
            continue
        entry = Entry(
            problem.code, problem.yaml_path, _relative(problem.file, root), problem.message
        )
        entries.setdefault(entry.key, entry)
    return sorted(entries.values())


def _relative(file: str, root: FsPath) -> str:
    try:
        return FsPath(file).relative_to(root).as_posix()
    except ValueError:
        return file


def dumps_baseline(entries: Sequence[Entry]) -> str:
    """The baseline file's text: the same entries always give the same bytes."""
    findings = CommentedSeq()
    for entry in sorted(entries):
        item = CommentedMap(code=entry.code, path=entry.path)
        if entry.file:
            item["file"] = entry.file
        if entry.message:
            item["message"] = entry.message
        findings.append(item)
    document = CommentedMap(version=1, findings=findings)
    document.yaml_set_start_comment(_HEADER)
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # one entry field a line, however long the message
    return yaml


class _EntryModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    code: str
    path: str
    file: str = ""
    message: str = ""


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    version: Literal[1]
    findings: list[_EntryModel]


def read_baseline(path: FsPath) -> list[Entry]:
    """The entries of a baseline file; raise BaselineError saying `file:line: what` otherwise.

    The file gets the protections of a data file: only a regular file of at most
    MAX_FILE_BYTES is read, a link may not lead out of the folder the link stands in, and
    anchors, aliases and tags are refused before anything is built.
    """
    from eerstelijn.registry.load import MAX_FILE_BYTES, read_regular_file

    name = visible(str(path), one_line=True)
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
            raise BaselineError(f"{name}: links to a file outside its folder; it is not read")
        text = read_regular_file(path, MAX_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{name}: no such file; write one with 'eerstelijn baseline'") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{name}: not UTF-8 text") from None
    except OSError as error:
        raise BaselineError(f"{name}: {error.strerror or error}") from None
    return loads_baseline(text, name)


def loads_baseline(text: str, name: str) -> list[Entry]:
    """The entries of a baseline file's text; `name` is the file to name in errors."""
    from eerstelijn.problems import InvalidRegistry
    from eerstelijn.registry.load import parse_yaml

    first: Problem | None = None
    if (nul := text.find("\0")) >= 0:
        raise BaselineError(f"{name}:{text.count(chr(10), 0, nul) + 1}: holds a NUL byte")
    try:
        # The data files' reader first: it refuses anchors, aliases and tags at the first one.
        parse_yaml(text, name)
    except InvalidRegistry as invalid:
        first = invalid.problems[0]
        if first.code not in ("yaml-alias", "yaml-tag"):  # the rest is worded below
            first = None
    if first is not None:
        message = visible(first.message, one_line=True)
        raise BaselineError(f"{name}:{first.line}: {message}")
    try:
        document = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise BaselineError(f"{name}:{line}: {error.problem or error.context}") from None
    except YAMLError as error:
        raise BaselineError(f"{name}: {error}") from None
    try:
        parsed = _FileModel.model_validate(_plain(document))
    except ValidationError as error:
        lines = [
            f"{name}:{_line(document, e['loc'])}: {_where(e['loc'])}{e['msg']}"
            for e in error.errors(include_url=False)
        ]
        raise BaselineError("\n".join(lines)) from None
    entries = [
        Entry(e.code, e.path, e.file, e.message, _line(document, ("findings", index)))
        for index, e in enumerate(parsed.findings)
    ]
    known = finding_codes()
    for entry in entries:
        if entry.code not in known:
            tip = suggest(entry.code, known) or f"; findings are {', '.join(known)}"
            raise BaselineError(f"{name}:{entry.line}: {entry.code!r} is not a finding code{tip}")
    return entries


def _plain(node: Any) -> Any:
    """ruamel's round-trip tree as builtin types, so that strict validation accepts it."""
    if isinstance(node, CommentedMap):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [_plain(v) for v in node]
    for kind in (bool, int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node


def _where(loc: tuple[int | str, ...]) -> str:
    """`findings[2].code: `, or nothing for the top of the file."""
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    return f"{path}: " if path else ""


def _line(document: Any, loc: tuple[int | str, ...]) -> int:
    """The 1-based line of `loc` in the document, or of its nearest parent that exists."""
    line, node = 1, document
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
        else:
            break
        node = node[part]
    return line


def apply_baseline(
    entries: Sequence[Entry],
    problems: Sequence[Problem],
    *,
    opt_in: Collection[str],
    baseline_file: str,
) -> Outcome:
    """Split a check run (with the opt-in checks `opt_in`) into new, known and stale.

    An entry is stale only when its check ran: a baseline written with an opt-in check stays
    valid for runs without it.
    """
    accepted = {entry.key for entry in entries}
    new: list[Problem] = []
    known: list[Problem] = []
    for problem in problems:
        listed = (problem.code, problem.yaml_path) in accepted
        (known if listed and problem.severity is Severity.WARNING else new).append(problem)
    found = {(p.code, p.yaml_path) for p in known}
    ran = {*CHECKS, *(code for code in OPT_IN if code in opt_in)}
    stale = [
        Problem(
            baseline_file,
            entry.line,
            1 if entry.line else 0,
            entry.path,
            STALE_CODE,
            Severity.WARNING,
            f"{entry.code} no longer occurs here; delete this entry from the baseline",
        )
        for entry in entries
        if entry.code in ran and entry.key not in found
    ]
    return Outcome(new, known, stale)
