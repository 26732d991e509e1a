"""Problems: one located message each, shared by loading, checks and every output format."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ID_KEYS",
    "KeyPath",
    "Origin",
    "Problem",
    "Severity",
    "SourceMap",
    "format_path",
]

KeyPath = tuple[str | int, ...]

# Which key names a list item, so that paths read `acties[H3.4]` rather than `acties[7]`.
ID_KEYS = ("id", "code", "nummer")


class Severity(StrEnum):
    """How much a problem matters: errors make the registry invalid, warnings are findings."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the registry, at a 1-based line and column of a file."""

    file: str
    line: int
    col: int
    yaml_path: str
    code: str
    severity: Severity
    message: str


def format_path(path: KeyPath, labels: Mapping[KeyPath, str] | None = None) -> str:
    """Write a key path as `acties[H3.4].mijlpalen[1].deadline`.

    A list item is named by its id where `labels` knows one, so the path survives reordering.
    """
    out = ""
    for depth, part in enumerate(path):
        if isinstance(part, int):
            label = (labels or {}).get(path[: depth + 1])
            out += f"[{label if label is not None else part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class Origin:
    """Where an item of the registry was written: its file, its key path and the file's positions.

    `positions` maps key paths to 1-based (line, col) of the key (or list item);
    `labels` maps list-item paths to the id that names them.
    """

    file: str
    path: KeyPath
    positions: Mapping[KeyPath, tuple[int, int]] = field(repr=False, compare=False)
    labels: Mapping[KeyPath, str] = field(repr=False, compare=False)

    def locate(self, *sub: str | int) -> tuple[int, int]:
        """Position of `sub` below this item, falling back to the nearest parent that has one."""
        path = self.path + sub
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)

    def problem(self, code: str, severity: Severity, message: str, *sub: str | int) -> Problem:
        """A Problem located at `sub` below this item."""
        line, col = self.locate(*sub)
        yaml_path = format_path(self.path + sub, self.labels)
        return Problem(self.file, line, col, yaml_path, code, severity, message)


@dataclass
class SourceMap:
    """Positions of one file's keys and values, 1-based, and the ids that name its list items.

    A dict, or a map that works positions out when first asked (registry/positions.py).
    """

    file: str
    values: MutableMapping[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: MutableMapping[KeyPath, tuple[int, int]] = field(default_factory=dict)
    labels: dict[KeyPath, str] = field(default_factory=dict)

    def origin(self, path: KeyPath) -> Origin:
        """An Origin for the item at `path`."""
        return Origin(self.file, path, self.values, self.labels)


class InvalidRegistry(Exception):
    """The data directory cannot be read as a registry; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the registry")
        self.problems = sorted(problems)
