"""The agenda of the bestuurlijk overleg as a board paper: markdown, a terminal, or Word.

`paper()` turns the query's groups into a format-free paper (parts, headings, numbered items,
each with its trekker, what to discuss and its source); `markdown`, `table` and `docx` only lay
that paper out. Every item leaves room for a proposal (Voorstel) and a decision (Besluit),
which the secretary fills in. python-docx is imported only for the Word document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from eerstelijn.controls import LINE_CONTROLS, visible
from eerstelijn.i18n import _, long_date, short_date
from eerstelijn.models import Bron, Registry
from eerstelijn.queries import (
    AgendaDeel,
    AgendaGroup,
    AgendaItem,
    OverdueRow,
    hoofdstuk_titels,
    not_at_table,
)
from eerstelijn.render.views import NOT_AT_TABLE, days_late

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from rich.console import RenderableType

    from eerstelijn.history.versions import Comparison

__all__ = ["Item", "Paper", "docx", "markdown", "paper", "table"]


@dataclass(frozen=True)
class Item:
    """One numbered agenda item: one action and everything to discuss about it."""

    number: int
    id: str
    titel: str
    trekker: str
    bespreken: tuple[str, ...]
    bron: str
    notes: tuple[str, ...] = ()
    mark: str | None = None  # with --since: "new since ..." or "changed since ..."


@dataclass(frozen=True)
class Heading:
    """A hoofdstuk, a regio or a document, with its items."""

    titel: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Part:
    """The national agenda, the regional agendas, or other documents."""

    titel: str
    headings: tuple[Heading, ...]


@dataclass(frozen=True)
class Paper:
    """The whole agenda: a title, an intro with the counts, and its parts in order."""

    titel: str
    intro: str
    parts: tuple[Part, ...]
    datum: date  # the day the paper speaks of (--as-of)

    @property
    def items(self) -> list[Item]:
        """Every item, in the order of the paper."""
        return [i for p in self.parts for h in p.headings for i in h.items]


def _document_titel(registry: Registry, document_id: str) -> str:
    """A source document by its title (and publisher) in documenten.yaml, else by its id."""
    document = registry.document(document_id)
    if document is None:
        return document_id
    return f"{document.uitgever}: {document.titel}" if document.uitgever else document.titel


def _part_titel(registry: Registry, deel: AgendaDeel) -> str:
    if deel == "hoofdstuk":
        document = registry.document("realisatieagenda")
        label = document.label if document else "realisatieagenda"
        return _("National agenda: {document}").format(document=label)
    if deel == "regio":
        return _("Regional agendas")
    return _("Commitments in other documents")


def _heading_titel(registry: Registry, group: AgendaGroup, chapters: dict[str, str]) -> str:
    if group.deel == "hoofdstuk":
        titel = chapters.get(group.key)
        return f"Hoofdstuk {group.key}: {titel}" if titel else f"Hoofdstuk {group.key}"
    if group.deel == "regio":
        return f"Regio {group.key}"
    return _document_titel(registry, group.key)


def _trekker(registry: Registry, codes: list[str]) -> str:
    """The trekkers; a groep with its leden, so everyone at the table sees their part."""
    if not codes:
        return _("none")
    shown = []
    for code in codes:
        partij = registry.partij(code)
        if partij is not None and partij.soort == "groep":
            shown.append(f"{code} (groep: {', '.join(registry.members(code))})")
        else:
            shown.append(code)
    return ", ".join(shown)


def _overdue_line(row: OverdueRow) -> str:
    """One overdue milestone; 'nothing reported' and 'reported, not done' kept apart."""
    stand = row.stand
    deadline = str(stand.deadline)
    first = stand.oorspronkelijke_deadline
    if first is not None and str(first) != deadline:
        deadline = _("{deadline} (first {first})").format(deadline=deadline, first=first)
    head = _("mijlpaal {number}, {omschrijving}: deadline {deadline}, {late}").format(
        number=row.index + 1,
        omschrijving=row.mijlpaal.omschrijving,
        deadline=deadline,
        late=days_late(row.days),
    )
    if stand.laatste_voortgang is None:
        return _("{head}; nothing reported").format(head=head)
    if stand.beoordeling:
        beoordeling = _("assessed {beoordeling}").format(beoordeling=stand.beoordeling)
    else:
        beoordeling = _("no assessment")
    return _("{head}; last report {datum} ({beoordeling})").format(
        head=head, datum=short_date(stand.laatste_voortgang), beoordeling=beoordeling
    )


def _bespreken(item: AgendaItem) -> tuple[str, ...]:
    lines = [_overdue_line(row) for row in item.overdue]
    if item.geen_trekker:
        lines.append(_("no trekker"))
    if item.geen_deadline:
        lines.append(_("no deadline"))
    return tuple(lines)


def _bron(registry: Registry, bronnen: list[Bron], named: str | None) -> str:
    return "; ".join(b.sectie if b.document == named else registry.cite(b) for b in bronnen)


def _new_mark() -> str:
    return _("new since {since}")


def _marks(comparison: Comparison | None, ids: list[str]) -> dict[str, str]:
    """Per action id: "new since X" when added since the older version, "changed since X"
    when anything of it changed (a move to another file alone is no change to discuss)."""
    if comparison is None:
        return {}
    since = comparison.since.label
    marks: dict[str, str] = {}
    for change in comparison.changes:
        if change.soort != "actie" or change.id not in ids or change.wijziging == "verplaatst":
            continue
        if change.wijziging == "toegevoegd":
            marks[change.id] = _new_mark().format(since=since)
        else:
            marks.setdefault(change.id, _("changed since {since}").format(since=since))
    return marks


def paper(
    registry: Registry,
    groups: list[AgendaGroup],
    as_of: date,
    changes: Comparison | None = None,
) -> Paper:
    """The agenda as a paper: items numbered through the whole agenda, parts in order.

    With `changes` (agenda --since), each item new or changed since its older version is
    marked so, and the intro counts them.
    """
    items = [item for group in groups for item in group.items]
    marks = _marks(changes, [item.actie.id for item in items])
    if items:
        rows = [row for item in items for row in item.overdue]
        silent = sum(1 for row in rows if not row.gemeld)
        intro = _(
            "Actions to discuss: {items}. Overdue milestones: {overdue} (nothing reported: "
            "{silent}). Without trekker: {trekker}. Without deadline: {deadline}."
        ).format(
            items=len(items),
            overdue=len(rows),
            silent=silent,
            trekker=sum(i.geen_trekker for i in items),
            deadline=sum(i.geen_deadline for i in items),
        )
    else:
        intro = _(
            "Nothing to discuss: no overdue milestones, every action has a trekker and a deadline."
        )
    if changes is not None:
        new_mark = _new_mark().format(since=changes.since.label)
        new = sum(mark == new_mark for mark in marks.values())
        until = _("the working tree") if changes.until.commit is None else changes.until.label
        intro += " " + _("Since {since}: {new} new, {changed} changed, up to {until}.").format(
            since=changes.since.label, new=new, changed=len(marks) - new, until=until
        )
    parts: list[Part] = []
    chapters = hoofdstuk_titels(registry)
    number = 0
    for group in groups:
        # The document the headings above already name: its bron needs only the section.
        named = {"hoofdstuk": "realisatieagenda", "regio": None, "document": group.key}[group.deel]
        numbered = []
        for item in group.items:
            number += 1
            numbered.append(
                Item(
                    number,
                    item.actie.id,
                    item.actie.titel,
                    _trekker(registry, item.actie.trekker),
                    _bespreken(item),
                    _bron(registry, item.actie.bron, named),
                    tuple(
                        f"{p.code}: {_(NOT_AT_TABLE)}."
                        for p in not_at_table(registry, item.actie.trekker)
                    ),
                    marks.get(item.actie.id),
                )
            )
        heading = Heading(_heading_titel(registry, group, chapters), tuple(numbered))
        titel = _part_titel(registry, group.deel)
        if parts and parts[-1].titel == titel:
            parts[-1] = Part(titel, (*parts[-1].headings, heading))
        else:
            parts.append(Part(titel, (heading,)))
    titel = _("Agenda bestuurlijk overleg, {date}").format(date=long_date(as_of))
    return Paper(titel, intro, tuple(parts), as_of)


# --- Text that stays text --------------------------------------------------------------------

# Whitespace that would start a new line or a new cell: newlines, tabs, line separators.
_SPACE = re.compile(r"\s+")
# Characters that make inline structure in CommonMark and GitHub's Markdown (emphasis, code,
# links, tables, strikethrough, headings); an entity such as &amp; is one too. `<` (raw HTML)
# becomes &lt;, as in render/markdown.py, so that no `<` reaches a rendered comment.
_MARKDOWN = re.compile(r"[\\`*_\[\]<>#|~]|&(?=#?\w+;)")


# Characters XML (so Word) cannot hold at all: lone surrogates and the two non-characters.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _one_line(text: str) -> str:
    return _NOT_XML.sub("\ufffd", _SPACE.sub(" ", text).strip())


def _plain(text: str) -> str:
    """One line: whitespace runs become one space, other control characters visible (`\\x1b`)."""
    return visible(_one_line(text), one_line=True)


def _md(text: str) -> str:
    """Data text for Markdown: one line, no character that would make structure, and control
    characters dropped, as render/markdown.py drops them (they show nothing there)."""
    text = LINE_CONTROLS.sub("", _one_line(text))
    return _MARKDOWN.sub(lambda m: "&lt;" if m[0] == "<" else "\\" + m[0], text)


# --- Markdown --------------------------------------------------------------------------------


def markdown(agenda: Paper) -> str:
    """The paper in Markdown: `#` title, `##` parts, `###` headings, numbered items."""
    lines = [f"# {_md(agenda.titel)}", "", _md(agenda.intro), ""]
    for part in agenda.parts:
        lines += [f"## {_md(part.titel)}", ""]
        for heading in part.headings:
            lines += [f"### {_md(heading.titel)}", ""]
            for item in heading.items:
                mark = f" — _{_md(item.mark)}_" if item.mark else ""
                lines += [
                    f"**{item.number}. {_md(item.id)} {_md(item.titel)}**{mark}",
                    "",
                    f"- Trekker: {_md(item.trekker)}",
                    "- " + _("To discuss:"),
                    *(f"  - {_md(line)}" for line in item.bespreken),
                    f"- Bron: {_md(item.bron)}",
                    "",
                    *(line for note in item.notes for line in (f"_{_md(note)}_", "")),
                    "**Voorstel:**",
                    "",
                    "**Besluit:**",
                    "",
                ]
    return "\n".join(lines)


# --- A terminal ------------------------------------------------------------------------------

LABEL_WIDTH = 10


def table(agenda: Paper) -> RenderableType:
    """The paper for a terminal: the same structure in plain text, wrapped at spaces."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [
        Text(_plain(agenda.titel), style="bold"),
        Text(_plain(agenda.intro)),
    ]
    for part in agenda.parts:
        titel = _plain(part.titel)
        parts += [Text(""), Text(titel, style="bold"), Text("=" * min(len(titel), 80))]
        for heading in part.headings:
            titel = _plain(heading.titel)
            parts += [Text(""), Text(titel, style="bold"), Text("-" * min(len(titel), 80))]
            for item in heading.items:
                grid = Table.grid(padding=(0, 1))
                grid.add_column(justify="right", no_wrap=True)
                grid.add_column(no_wrap=True, min_width=LABEL_WIDTH)
                grid.add_column()
                grid.add_row(
                    Text(f"{item.number}."),
                    Text(_plain(item.id), style="bold"),
                    Text(_plain(item.titel), style="bold"),
                )
                if item.mark:
                    grid.add_row("", "", Text(f"[{_plain(item.mark)}]", style="italic"))
                grid.add_row("", "trekker", Text(_plain(item.trekker)))
                for index, line in enumerate(item.bespreken):
                    grid.add_row("", _("to discuss") if index == 0 else "", Text(_plain(line)))
                grid.add_row("", "bron", Text(_plain(item.bron)))
                for note in item.notes:
                    grid.add_row("", _("note"), Text(_plain(note)))
                grid.add_row("", "voorstel", "")
                grid.add_row("", "besluit", "")
                parts += [Text(""), grid]
    return Group(*parts)


# --- Word ------------------------------------------------------------------------------------

# Room to write by hand in a printed paper, or to type into in Word.
ROOM = 2.5  # cm per row of the Voorstel/Besluit table


def docx(agenda: Paper) -> bytes:
    """The paper as a Word document: Heading 1 to 3, numbered items, a Voorstel/Besluit table.

    Items are Heading 4 paragraphs that carry their number in the text, so the number is the
    same in Word, LibreOffice, a printout and a search; the navigation pane lists them all.
    """
    import io

    from docx import Document
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    document = Document()
    document.core_properties.title = _plain(agenda.titel)
    document.add_heading(_plain(agenda.titel), level=1)
    document.add_paragraph(_plain(agenda.intro))
    for part in agenda.parts:
        document.add_heading(_plain(part.titel), level=2)
        for heading in part.headings:
            document.add_heading(_plain(heading.titel), level=3)
            for item in heading.items:
                document.add_heading(
                    f"{item.number}. {_plain(item.id)} {_plain(item.titel)}", level=4
                )
                if item.mark:
                    mark = _plain(item.mark)
                    document.add_paragraph().add_run(mark[:1].upper() + mark[1:]).italic = True
                _labelled(document, "Trekker", item.trekker)
                _labelled(document, _("To discuss"), "")
                for line in item.bespreken:
                    document.add_paragraph(_plain(line), style="List Bullet")
                _labelled(document, "Bron", item.bron)
                for note in item.notes:
                    document.add_paragraph().add_run(_plain(note)).italic = True
                room = document.add_table(rows=2, cols=2)
                room.style = "Table Grid"
                for row, label in zip(room.rows, ("Voorstel", "Besluit"), strict=True):
                    row.height = Cm(ROOM)
                    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
                    row.cells[0].width = Cm(3)
                    row.cells[1].width = Cm(13)
                    row.cells[0].paragraphs[0].add_run(label).bold = True
                document.add_paragraph()
    # The same paper gives the same bytes: dated by its day, not by the clock, inside and out.
    moment = datetime.combine(agenda.datum, time())
    document.core_properties.created = moment
    document.core_properties.modified = moment
    buffer = io.BytesIO()
    document.save(buffer)
    return _restamped(buffer.getvalue(), moment)


def _restamped(package: bytes, moment: datetime) -> bytes:
    """The zip package with every member dated `moment` (zip stores the time of writing)."""
    import io
    import zipfile

    out = io.BytesIO()
    stamp = (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member))
    return out.getvalue()


def _labelled(document: WordDocument, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}:").bold = True
    if text:
        paragraph.add_run(f" {_plain(text)}")
