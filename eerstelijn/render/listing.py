"""The shape every listing has before it is formatted: titled sections of records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RowStyle = Literal["", "overdue", "due", "gap"]


@dataclass(frozen=True)
class Column:
    """A column of the flat views (table, CSV, Markdown): a record key and its header."""

    key: str
    header: str
    no_wrap: bool = False
    justify: Literal["left", "right"] = "left"
    blank: str = ""  # what a table for people shows for no value (CSV and JSON keep it empty)
    group: bool = False  # a table for people shows it once per run of equal values


@dataclass(frozen=True)
class Section:
    """One titled listing. JSON shows `records` whole; the flat views show `columns` of them.

    `notes` are lines for people under the table (not in JSON or CSV, whose records say it).
    """

    key: str
    title: str
    columns: tuple[Column, ...]
    records: list[dict[str, Any]]
    styles: list[RowStyle] = field(default_factory=list)
    empty: str = "none"
    notes: tuple[str, ...] = ()


def flat(value: Any) -> str:
    """A record value as one cell: lists joined, nothing as empty, numbers as digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(flat(v) for v in value)
    return str(value)
