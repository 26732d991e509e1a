"""Markdown pipe tables, for pull-request comments and reports."""

from __future__ import annotations

from collections.abc import Sequence

from eerstelijn.controls import LINE_CONTROLS
from eerstelijn.render.listing import Section, cell


def _escape(text: str) -> str:
    # A carriage return ends a Markdown line as a newline does, and would cut the row in two;
    # so would a line separator. Other control characters are dropped, as they show nothing.
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = text.replace("\u2028", " ").replace("\u2029", " ")
    text = LINE_CONTROLS.sub("", text)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    # Raw HTML (`<script>`, `<img onerror>`, `<!--`) would be markup in a rendered comment.
    return text.replace("<", "&lt;")


def render_section(section: Section, *, heading: bool) -> str:
    """One section; with `heading`, under a `###` title."""
    lines = [f"### {_escape(section.title)}", ""] if heading else []
    if not section.records:
        return "\n".join([*lines, f"_{_escape(section.empty)}_", ""])
    lines.append("| " + " | ".join(_escape(c.header) for c in section.columns) + " |")
    lines.append(
        "| " + " | ".join("---:" if c.justify == "right" else "---" for c in section.columns) + " |"
    )
    for record in section.records:
        lines.append("| " + " | ".join(_escape(cell(record, c)) for c in section.columns) + " |")
    if section.notes:
        lines += ["", *(f"_{_escape(note)}_" for note in section.notes)]
    return "\n".join([*lines, ""])


def render_sections(sections: Sequence[Section]) -> str:
    """All sections; titles as headings when there are several."""
    several = len(sections) > 1
    return "\n".join(render_section(s, heading=several) for s in sections)


def render_document(title: str, intro: str, sections: Sequence[Section]) -> str:
    """A standalone document: a `#` title, an intro paragraph, every section under a heading."""
    parts = [f"# {_escape(title)}", "", _escape(intro), ""]
    parts += [render_section(s, heading=True) for s in sections]
    return "\n".join(parts)
