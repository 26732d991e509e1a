"""CSV: one section only, a header row of record keys, list values joined with "; "."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from eerstelijn.i18n import _
from eerstelijn.render.listing import Section, flat


class SeveralSections(ValueError):
    """CSV holds one table; this output has several."""


def render_sections(sections: Sequence[Section]) -> str:
    """The single section as CSV."""
    if len(sections) != 1:
        raise SeveralSections(_("this output has several tables: use --format json or markdown"))
    section = sections[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in section.columns])
    for record in section.records:
        writer.writerow([_cell(record.get(c.key)) for c in section.columns])
    return out.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(flat(v, for_people=False) for v in value)
    return flat(value, for_people=False)
