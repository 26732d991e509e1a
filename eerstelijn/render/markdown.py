"""Markdown pipe tables, for pull-request comments and reports."""

from __future__ import annotations

from collections.abc import Sequence

from eerstelijn.render.listing import Section, flat


def _escape(text: str) -> str:
    # A carriage return ends a Markdown line as a newline does, and would cut the row in two.
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return text.replace("\\", "\\\\").replace("|", "\\|")


def render_section(section: Section, *, heading: bool) -> str:
    """One section; with `heading`, under a `###` title."""
    lines = [f"### {section.title}", ""] if heading else []
    if not section.records:
        return "\n".join([*lines, f"_{section.empty}_", ""])
    lines.append("| " + " | ".join(_escape(c.header) for c in section.columns) + " |")
    lines.append(
        "| " + " | ".join("---:" if c.justify == "right" else "---" for c in section.columns) + " |"
    )
    for record in section.records:
        lines.append(
            "| "
            + " | ".join(_escape(flat(record.get(c.key)) or c.blank) for c in section.columns)
            + " |"
        )
    return "\n".join([*lines, ""])


def render_sections(sections: Sequence[Section]) -> str:
    """All sections; titles as headings when there are several."""
    several = len(sections) > 1
    return "\n".join(render_section(s, heading=several) for s in sections)


def render_document(title: str, intro: str, sections: Sequence[Section]) -> str:
    """A standalone document: a `#` title, an intro paragraph, every section under a heading."""
    parts = [f"# {title}", "", intro, ""]
    parts += [render_section(s, heading=True) for s in sections]
    return "\n".join(parts)
