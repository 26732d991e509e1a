"""Rich tables for people: overdue rows red, rows due this quarter yellow (colour only on a TTY)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich import box
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from eerstelijn.kwartaal import Kwartaal
from eerstelijn.render.listing import RowStyle, Section, flat

if TYPE_CHECKING:
    # Only the timeline needs queries (and through it pydantic and the models): `check`, which
    # imports this package for its problem formats, does not pay for them.
    from eerstelijn.history.versions import Comparison, Version
    from eerstelijn.queries import TimelineRow

ROW_STYLES: dict[RowStyle, str] = {"": "", "overdue": "red", "due": "yellow", "gap": "magenta"}


def render_section(section: Section, *, show_title: bool = True) -> RenderableType:
    """One section as a table, or a one-line note when it has no rows."""
    if not section.records:
        return Text(f"{section.title}: {section.empty}", style="dim")
    table = Table(
        title=section.title if show_title else None,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
    )
    for column in section.columns:
        table.add_column(
            column.header,
            no_wrap=column.no_wrap,
            justify=column.justify,
            overflow="fold",
        )
    styles = section.styles or [""] * len(section.records)
    above: list[str] = []
    for record, style in zip(section.records, styles, strict=True):
        cells = [flat(record.get(c.key)) or c.blank for c in section.columns]
        shown = [
            "" if c.group and above and cell == above[i] else cell
            for i, (c, cell) in enumerate(zip(section.columns, cells, strict=True))
        ]
        above = cells
        table.add_row(*shown, style=ROW_STYLES[style] or None)
    return table


def render_sections(sections: Sequence[Section]) -> RenderableType:
    """Several sections one below the other, runs of small two-column ones side by side."""
    if len(sections) == 1:
        return render_section(sections[0])
    parts: list[RenderableType] = []
    run: list[RenderableType] = []
    for section in sections:
        if len(section.columns) <= 2 and len(section.records) <= 25:
            run.append(render_section(section))
            continue
        parts += _side_by_side(run)
        run = []
        parts += [render_section(section), Text("")]
    parts += _side_by_side(run)
    return Group(*parts)


def _side_by_side(run: list[RenderableType]) -> list[RenderableType]:
    # Small count tables read better in a row, and keep the overview on one screen.
    if not run:
        return []
    return [Columns(run, padding=(0, 4)) if len(run) > 1 else run[0], Text("")]


def render_timeline(
    rows: Sequence[TimelineRow], quarters: Sequence[Kwartaal], as_of: date
) -> RenderableType:
    """Quarters across, actions down; a milestone is ◆ (✓ when done, ! when overdue)."""
    from eerstelijn.queries import is_overdue

    if not rows:
        return Text("No milestones in this range.", style="dim")
    current = Kwartaal.from_date(as_of)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_lines=False)
    table.add_column("actie", no_wrap=True)
    for quarter in quarters:
        label = f"{quarter.year % 100:02d}Q{quarter.q}"
        style = "reverse" if quarter == current else None
        table.add_column(label, justify="center", no_wrap=True, header_style=style or "bold")
    for row in rows:
        cells: list[Text] = [Text(row.actie.id)]
        for quarter in quarters:
            cell = Text()
            for _, mijlpaal in row.marks.get(quarter, []):
                if mijlpaal.stand(as_of).done:
                    cell.append("✓", style="green")
                elif is_overdue(mijlpaal, as_of):
                    cell.append("!", style="bold red")
                elif mijlpaal.deadline is not None and mijlpaal.deadline.deadline is None:
                    cell.append("▷", style="cyan")
                else:
                    cell.append("◆", style="yellow" if quarter == current else "")
            cells.append(cell)
        table.add_row(*cells)
    legend = Text("◆ deadline  ▷ start (no deadline)  ! overdue  ✓ done", style="dim")
    return Group(table, legend)


def render_changes(comparison: Comparison) -> RenderableType:
    """The changes as a table for a terminal, under a line naming the two versions."""
    from eerstelijn.render.markdown import describe_version

    def plain(version: Version) -> str:
        return describe_version(version).replace("`", "")

    heading = Text(f"From {plain(comparison.since)} to {plain(comparison.until)}", style="bold")
    if not comparison.changes:
        return Group(heading, Text("No changes.", style="dim"))
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for header in ("soort", "id", "change", "where"):
        table.add_column(header, no_wrap=header in ("soort", "id"))
    for c in comparison.changes:
        where = c.file if c.line is None else f"{c.file}:{c.line}"
        table.add_row(c.soort, c.id, c.tekst, where)
    return Group(heading, table)
