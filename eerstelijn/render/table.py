"""Rich tables for people: overdue rows red, rows due this quarter yellow (colour only on a TTY)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from eerstelijn.controls import visible
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.render.listing import RowStyle, Section, flat

if TYPE_CHECKING:
    # Only the timeline needs queries (and through it pydantic and the models): `check`, which
    # imports this package for its problem formats, does not pay for them.
    from eerstelijn.queries import TimelineRow

ROW_STYLES: dict[RowStyle, str] = {"": "", "overdue": "red", "due": "yellow", "gap": "magenta"}

# From this many rows on, a section is laid out by LongTable rather than by rich's Table: rich
# measures and wraps every cell (about 0.3 ms a row), which made a table of 6,500 overdue
# milestones take 3 s where its CSV took 0.4 s. Shorter tables keep rich's layout.
LONG_TABLE = 200


def data_cell(value: object) -> Text:
    """A value from the data as a table cell: never read as rich markup (`[link=...]`, `[/b]`),
    its control characters written visibly (`\\x1b`) instead of reaching the terminal.
    """
    return Text(visible(flat(value)))


def render_section(section: Section, *, show_title: bool = True) -> RenderableType:
    """One section as a table, or a one-line note when it has no rows."""
    if not section.records:
        return Text(visible(f"{section.title}: {section.empty}", one_line=True), style="dim")
    if len(section.records) >= LONG_TABLE:
        long = LongTable(section, show_title=show_title)
        if section.notes:
            return Group(long, *(Text(note, style="dim") for note in section.notes))
        return long
    table = Table(
        title=Text(visible(section.title, one_line=True)) if show_title else None,
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
    for cells, style in zip(_shown(section), styles, strict=True):
        table.add_row(*map(Text, cells), style=ROW_STYLES[style] or None)
    if section.notes:
        return Group(table, *(Text(note, style="dim") for note in section.notes))
    return table


def _shown(section: Section) -> list[list[str]]:
    """The cells of each row as a table shows them: the column's blank for no value, a group
    column's value once per run of equal values, control characters written visibly."""
    rows: list[list[str]] = []
    above: list[str] = []
    for record in section.records:
        cells = [flat(record.get(c.key)) or c.blank for c in section.columns]
        rows.append(
            [
                "" if c.group and above and cell == above[i] else visible(cell)
                for i, (c, cell) in enumerate(zip(section.columns, cells, strict=True))
            ]
        )
        above = cells
    return rows


class LongTable:
    """A long section drawn as rich draws the tables above, from widths measured once a column.

    The look is rich's SIMPLE_HEAD table with pad_edge=False: an edge space either side, three
    spaces between columns, a rule under the bold header. Where the columns do not fit the
    width, the widest wrappable ones give way, and their cells wrap at spaces (a word longer
    than its column is folded), as rich's overflow="fold" does.
    """

    def __init__(self, section: Section, *, show_title: bool = True) -> None:
        self.title = visible(section.title, one_line=True) if show_title else None
        self.columns = section.columns
        self.rows = _shown(section)
        self.styles = section.styles or [""] * len(self.rows)
        self._right = [c.justify == "right" for c in section.columns]

    def _natural(self) -> list[int]:
        return [
            max(cell_len(c.header), *(_width(row[i]) for row in self.rows))
            for i, c in enumerate(self.columns)
        ]

    def _widths(self, max_width: int) -> list[int]:
        widths = self._natural()
        excess = _total(widths) - max_width
        # The widest wrappable column gives way first, down to the next widest, and so on;
        # on a very narrow screen the unwrappable ones give way too, and are cut.
        for columns in (
            [i for i, c in enumerate(self.columns) if not c.no_wrap],
            list(range(len(widths))),
        ):
            while excess > 0 and columns:
                widest = max(columns, key=widths.__getitem__)
                if widths[widest] <= 1:
                    break
                runner_up = max((widths[i] for i in columns if i != widest), default=1)
                take = min(excess, max(widths[widest] - runner_up, 1))
                widths[widest] -= take
                excess -= take
        return widths

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = _total(self._natural())
        return Measurement(min(width, options.max_width), min(width, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        widths = self._widths(options.max_width)
        total = _total(widths)
        newline = Segment.line()
        bold = Style(bold=True)
        if self.title is not None:
            # Plain, as rich shows a Text title (main passes the title as Text, never markup).
            yield Segment(self.title.ljust(total - cell_len(self.title) + len(self.title)))
            yield newline
        yield Segment(" " * total)
        yield newline
        headers = [c.header for c in self.columns]
        yield from self._row(headers, widths, bold, bottom=True)
        yield Segment(" " + "─" * (total - 2) + " ")
        yield newline
        styles = {name: Style.parse(style) if style else None for name, style in ROW_STYLES.items()}
        for row, style in zip(self.rows, self.styles, strict=True):
            yield from self._row(row, widths, styles[style])
        yield Segment(" " * total)
        yield newline

    def _row(
        self, cells: list[str], widths: list[int], style: Style | None, *, bottom: bool = False
    ) -> Iterator[Segment]:
        lines = [
            [_fold(cell, width)[0]] if column.no_wrap else self._wrap(cell, width)
            for column, cell, width in zip(self.columns, cells, widths, strict=True)
        ]
        height = max(len(cell) for cell in lines)
        if bottom:  # headers sit on the rule, as rich aligns them
            lines = [[""] * (height - len(cell)) + cell for cell in lines]
        for n in range(height):
            parts = []
            for right, cell, width in zip(self._right, lines, widths, strict=True):
                text = cell[n] if n < len(cell) else ""
                space = " " * (width - _width(text))
                parts.append(space + text if right else text + space)
            yield Segment(" ")
            yield Segment("   ".join(parts), style)
            yield Segment(" ")
            yield Segment.line()

    @staticmethod
    def _wrap(text: str, width: int) -> list[str]:
        if "\n" not in text and _width(text) <= width:
            return [text]
        return [line for part in text.split("\n") for line in _wrap_line(part, width)]


def _wrap_line(text: str, width: int) -> list[str]:
    """One line of a cell wrapped at spaces; a word longer than `width` starts a line of its
    own and is folded, as rich does it."""
    if _width(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if _width(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        pieces = _fold(word, width)
        lines += pieces[:-1]
        line = pieces[-1]
    return [*lines, line]


def _fold(word: str, width: int) -> list[str]:
    if _width(word) == len(word):
        return [word[i : i + width] for i in range(0, len(word), width)] or [""]
    pieces, piece = [], ""  # wide characters (CJK, emoji): fold by cells
    for char in word:
        if piece and cell_len(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _total(widths: list[int]) -> int:
    """A table's width: an edge space either side, three spaces between columns."""
    return sum(widths) + 3 * (len(widths) - 1) + 2


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
        cells: list[Text] = [data_cell(row.actie.id)]
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
