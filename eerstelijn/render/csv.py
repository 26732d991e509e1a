"""CSV: one section only, a header row of record keys, list values joined with "; ".

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
single quote before it (OWASP's advice against CSV injection): a spreadsheet would otherwise
run it as a formula. Other control characters are written visibly (`\\x1b`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from eerstelijn.controls import escape
from eerstelijn.i18n import _
from eerstelijn.render.listing import Section, flat, shown_keys

# What makes a spreadsheet read a cell as a formula (or hide its start).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters but tab, newline and carriage return, which a quoted cell holds as data.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class SeveralSections(ValueError):
    """CSV holds one table; this output has several."""


def render_sections(sections: Sequence[Section]) -> str:
    """The single section as CSV."""
    if len(sections) != 1:
        raise SeveralSections(_("this output has several tables: use --format json or markdown"))
    section = sections[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # With "\n" as line end, the csv module leaves a carriage return unquoted, and a reader
    # would start a row there: a row holding one is quoted whole.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    # A column that shows another key for people (a groep's leden) keeps it as its own column.
    keys = shown_keys(section.columns)
    writer.writerow(keys)
    for record in section.records:
        row = [_cell(record.get(key)) for key in keys]
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if type(value) is str:  # most cells: no lists to join nor words to choose
        text = value
    elif isinstance(value, list | tuple):
        text = "; ".join(flat(v, for_people=False) for v in value)
    else:
        text = flat(value, for_people=False)
    if text.startswith(FORMULA_START):
        text = "'" + text
    # Printable text holds no control character: the search is left to the rare rest.
    return text if text.isprintable() else _CONTROLS.sub(escape, text)
