"""The shape every listing has before it is formatted: titled sections of records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from eerstelijn.i18n import _, ngettext

ISO_QUARTER = re.compile(r"\d{4}-Q[1-4]")
RowStyle = Literal["", "overdue", "due", "gap"]


@dataclass(frozen=True)
class Column:
    """A column of the flat views (table, CSV, Markdown): a record key and its header."""

    key: str
    header: str
    no_wrap: bool = False
    justify: Literal["left", "right"] = "left"
    quarter: bool = False  # holds quarters: 'Q4 2025' for people, '2025-Q4' for machines
    blank: str = ""  # what a table for people shows for no value (CSV and JSON keep it empty)
    group: bool = False  # a table for people shows it once per run of equal values
    # For people, another key's value in brackets in the same cell: a groep with its leden.
    also: str | None = None
    # Values a table for people shows as words of the current language (marked with N_):
    # JSON and CSV keep the value itself.
    words: tuple[tuple[str, str], ...] = ()


def shown_keys(columns: tuple[Column, ...]) -> list[str]:
    """The record keys that a table, CSV or Markdown reads for these columns."""
    return [k for c in columns for k in (c.key, c.also) if k]


def only(record: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """The record with just these keys (those it has)."""
    return {k: record[k] for k in keys if k in record}


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
    # For people (table, Markdown): at most this many rows, then a note of how many more and
    # of `more`, the command that lists them all. JSON and CSV hold every record.
    limit: int | None = None
    more: str = ""

    def trimmed(self) -> Section:
        """The section with only the keys its columns show: all that a table, CSV or
        Markdown reads (JSON shows whole records), so a kept answer is small to read back."""
        keys = shown_keys(self.columns)
        return replace(self, records=[only(record, keys) for record in self.records])

    def for_people(self) -> Section:
        """The section as a reader is shown it: cut at `limit`, with a note of the rest."""
        if self.limit is None or len(self.records) <= self.limit:
            return self
        rest = len(self.records) - self.limit
        note = ngettext(
            "... and {n} more; all of them: {command}",
            "... and {n} more; all of them: {command}",
            rest,
        )
        return replace(
            self,
            records=self.records[: self.limit],
            styles=self.styles[: self.limit],
            notes=(note.format(n=rest, command=self.more), *self.notes),
            limit=None,
        )


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


def cell(record: dict[str, Any], column: Column) -> str:
    """A record's value as people read it: quarters written as the sources do ('Q4 2025'),
    nothing as the column's `blank`."""
    value = record.get(column.key)
    if column.quarter and isinstance(value, str) and ISO_QUARTER.fullmatch(value):
        return f"Q{value[-1]} {value[:4]}"
    text = flat(value)
    if column.words and (word := dict(column.words).get(text)):
        return _(word)  # its words in the current language
    if column.also and (extra := flat(record.get(column.also))):
        return f"{text} ({extra})"
    return text or column.blank
