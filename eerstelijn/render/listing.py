"""The shape every listing has before it is formatted: titled sections of records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from eerstelijn.i18n import _

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
    # Values a table for people shows as words of the current language (marked with N_):
    # JSON and CSV keep the value itself.
    words: tuple[tuple[str, str], ...] = ()


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
    empty: str = field(default_factory=lambda: _("none"))
    notes: tuple[str, ...] = ()


def cell(column: Column, record: dict[str, Any]) -> str:
    """The cell of `column` in a table for people: its words translated, its blank for none."""
    text = flat(record.get(column.key))
    if column.words and (word := dict(column.words).get(text)):
        return _(word)
    return text or column.blank


def flat(value: Any, *, for_people: bool = True) -> str:
    """A record value as one cell: lists joined, nothing as empty, numbers as digits.

    A yes or no is in the current language for people, 'yes' or 'no' for machines (CSV).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        if not for_people:
            return "yes" if value else "no"
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(flat(v, for_people=for_people) for v in value)
    return str(value)
