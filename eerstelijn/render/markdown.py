"""Markdown pipe tables, for pull-request comments and reports."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eerstelijn.controls import LINE_CONTROLS
from eerstelijn.i18n import _, ngettext
from eerstelijn.render.listing import Section, cell

if TYPE_CHECKING:
    from eerstelijn.history.diff import Change
    from eerstelijn.history.versions import Comparison, Version


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
    section = section.for_people()
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


_CHANGE_GROUPS = {
    "actie": "Acties",
    "partij": "Partijen",
    "doel": "Doelen",
    "document": "Documenten",
    "belofte": "Zorgbelofte",
}


def _inline(text: str) -> str:
    """Text safe inside a Markdown list item: no markup, links or HTML of its own."""
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = LINE_CONTROLS.sub("", text.replace("\u2028", " ").replace("\u2029", " "))
    return re.sub(r"([\\`*_\[\]<|~])", r"\\\1", text)


def describe_version(version: Version) -> str:
    """A version for a sentence: `` `main` (`3f2a1c9e0d`, 2026-01-10) `` or the working tree."""
    commit = version.commit
    if commit is None:
        return _("the working tree")
    if version.names_hash:
        return f"`{commit.short}` ({commit.datum})"
    if version.how == "revision":
        return f"`{_code(version.asked)}` (`{commit.short}`, {commit.datum})"
    return f"`{commit.short}` ({_inline(version.how)}, {commit.datum})"


def _code(text: str) -> str:
    """Text for a code span, which shows backslashes as they are and ends at a backtick."""
    return LINE_CONTROLS.sub(" ", text.replace("`", "'"))


def render_changes(comparison: Comparison) -> str:
    """The change summary of a pull request, or for the BO papers: a heading, one sentence,
    then per kind of item a list, an action's changes nested under its id.
    """
    changes = _without_repeats(comparison.changes)
    since, until = describe_version(comparison.since), describe_version(comparison.until)
    count = ngettext("{n} change", "{n} changes", len(changes)).format(n=len(changes))
    summary = _("From {since} to {until}: {count}.").format(since=since, until=until, count=count)
    lines = ["## " + _("What changed in the registry"), "", summary]
    for soort, heading in _CHANGE_GROUPS.items():
        group = [c for c in changes if c.soort == soort]
        if not group:
            continue
        lines += ["", f"### {heading}", ""]
        if soort != "actie":
            lines += [f"- **{_inline(c.id)}** {_inline(c.tekst)}" for c in group]
            continue
        by_id: dict[str, list[str]] = {}
        for c in group:
            by_id.setdefault(c.id, []).append(_inline(c.tekst))
        for actie_id, texts in by_id.items():
            if len(texts) == 1:
                lines.append(f"- **{_inline(actie_id)}** {texts[0]}")
                continue
            lines.append(f"- **{_inline(actie_id)}**")
            lines += [f"  - {t}" for t in texts]
    return "\n".join(lines) + "\n"


def _without_repeats(changes: Sequence[Change]) -> list[Change]:
    """Leave out a progress entry that says nothing beyond the status, re-planning or
    assessment change it makes, which is listed itself (the JSON keeps both).
    """
    effects = {
        (c.id, c.mijlpaal, c.line)
        for c in changes
        if c.wijziging in ("status", "herplanning", "beoordeling")
    }
    return [
        c
        for c in changes
        if not (
            c.wijziging == "voortgang"
            and (c.id, c.mijlpaal, c.line) in effects
            and not (c.voortgang or {}).get("toelichting")
        )
    ]
