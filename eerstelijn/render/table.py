"""Rich tables for people: overdue rows red, rows due this quarter yellow (colour only on a TTY)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.columns import Columns
from rich.console import COLOR_SYSTEMS, Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from eerstelijn.controls import visible
from eerstelijn.i18n import N_, _
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.render.listing import RowStyle, Section, cell, flat

if TYPE_CHECKING:
    # Only the timeline needs queries (and through it pydantic and the models): `check`, which
    # imports this package for its problem formats, does not pay for them.
    from eerstelijn.history.versions import Comparison, Version
    from eerstelijn.queries import TimelineRow

TIMELINE_TITLE = 12  # the narrowest title column the timeline keeps
QUARTER_WIDTH = 3  # a timeline column: 'Q1' under '26, room for three marks
LONGEST_WORD = 16  # a word longer than this may be shortened with an ellipsis on a narrow terminal
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
    section = section.for_people()
    if not section.records:
        return Text(visible(f"{section.title}: {section.empty}", one_line=True), style="dim")
    if len(section.records) >= LONG_TABLE:
        long = LongTable(section, show_title=show_title)
        if section.notes:
            return Group(long, *(Text(note, style="dim") for note in section.notes))
        return long
    table = _WordTable(
        title=Text(visible(section.title, one_line=True)) if show_title else None,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
    )
    rows = [[cell(record, c) for c in section.columns] for record in section.records]
    for index, column in enumerate(section.columns):
        # Text wraps at spaces only; a column is kept as wide as its longest word (up to a
        # point), so a narrow terminal shortens a word with an ellipsis only where it must.
        texts = [row[index] for row in rows]
        words = [len(w) for text in texts for w in ([text] if column.no_wrap else text.split())]
        longest = max([len(column.header), *words])
        table.add_column(
            column.header,
            no_wrap=column.no_wrap,
            justify=column.justify,
            overflow="ellipsis",
            min_width=longest if column.no_wrap else min(longest, LONGEST_WORD),
        )
    styles = section.styles or [""] * len(section.records)
    above: list[str] = []
    for cells, style in zip(rows, styles, strict=True):
        # A group's value is shown once, on the first of its rows.
        shown = [
            "" if c.group and above and text == above[i] else text
            for i, (c, text) in enumerate(zip(section.columns, cells, strict=True))
        ]
        above = cells
        table.add_row(*(_cell_text(c) for c in shown), style=ROW_STYLES[style] or None)
    if section.notes:
        return Group(table, *(Text(note, style="dim") for note in section.notes))
    return table


def _cell_text(text: str) -> Text:
    # A link is folded onto the next lines rather than shortened: it has no spaces to wrap
    # at, and every character of it counts. Words (Dutch compounds too) get an ellipsis.
    # Like data_cell: never markup, control characters written visibly.
    if any("://" in word or word.startswith("www.") for word in text.split()):
        return Text(visible(text), overflow="fold")
    return Text(visible(text))


class _WordTable(Table):
    """A table whose columns are as wide as their longest word while the terminal allows.

    Rich wraps cell text at spaces and shortens what does not fit with an ellipsis (never a
    word split in two), but it narrows a column below its longest word before it narrows its
    neighbours. The minimum widths are shrunk here, widest first, until they fit the width
    the table is given, so no column is cut off the right edge.
    """

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType | Segment]:
        # Whole ids and dates (no_wrap columns) keep their width; wrapping columns give way.
        padding = sum(self._get_padding_width(i) for i in range(len(self.columns)))
        budget = options.max_width - self._extra_width - padding
        wants = [c.min_width or 0 for c in self.columns]
        shrinkable = [i for i, c in enumerate(self.columns) if not c.no_wrap]
        while sum(wants) > budget and any(wants[i] > 1 for i in shrinkable):
            widest = max(shrinkable, key=lambda i: wants[i])
            wants[widest] -= 1
        for column, want in zip(self.columns, wants, strict=True):
            column.min_width = want or None
        yield from super().__rich_console__(console, options)


def _shown(section: Section) -> list[list[str]]:
    """The cells of each row as a table shows them: the column's blank for no value, a group
    column's value once per run of equal values, control characters written visibly."""
    rows: list[list[str]] = []
    above: list[str] = []
    for record in section.records:
        cells = [cell(record, c) for c in section.columns]
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
        styles: dict[str, Style | None] = {
            name: Style.parse(style) if style else None for name, style in ROW_STYLES.items()
        }
        styles["header"] = Style(bold=True)
        for line, style in self.lines(options.max_width):
            yield Segment(line, styles[style])
            yield Segment.line()

    def lines(self, max_width: int) -> Iterator[tuple[str, str]]:
        """The table as whole lines, each with its style's name ("header", a row style or "")."""
        widths = self._widths(max_width)
        total = _total(widths)
        if self.title is not None:
            # Plain, as rich shows a Text title (main passes the title as Text, never markup).
            yield self.title.ljust(total - cell_len(self.title) + len(self.title)), ""
        yield " " * total, ""
        headers = [c.header for c in self.columns]
        for line in self._row(headers, widths, bottom=True):
            yield line, "header"
        yield " " + "─" * (total - 2) + " ", ""
        for row, style in zip(self.rows, self.styles, strict=True):
            for line in self._row(row, widths):
                yield line, style
        yield " " * total, ""

    def write(self, console: Console) -> None:
        """Print the table on `console` line by line, coloured as `console` allows.

        What rich does with the segments of `__rich_console__` (splitting them into lines,
        cropping and measuring each again) cost more than laying the table out; the lines are
        already as wide as the console, so they are written as they are.
        """
        ansi = _ansi(console)
        write = console.file.write
        for line, style in self.lines(console.width):
            write(_styled(ansi, line, style) + "\n")
        console.file.flush()

    def _row(self, cells: list[str], widths: list[int], *, bottom: bool = False) -> Iterator[str]:
        lines = [
            [_fold(cell, width)[0]] if column.no_wrap else self._wrap(cell, width)
            for column, cell, width in zip(self.columns, cells, widths, strict=True)
        ]
        height = max(len(cell) for cell in lines)
        if height == 1:  # most rows: one line, nothing to align below
            pads = zip(self._right, lines, widths, strict=True)
            yield " " + "   ".join(_pad(cell[0], width, right) for right, cell, width in pads) + " "
            return
        padded = []
        for right, wrapped, width in zip(self._right, lines, widths, strict=True):
            blank = [" " * width] * (height - len(wrapped))
            column = [_pad(text, width, right) for text in wrapped]
            # Headers sit on the rule, as rich aligns them; cells start at the top.
            padded.append(blank + column if bottom else column + blank)
        for parts in zip(*padded, strict=True):
            yield " " + "   ".join(parts) + " "

    @staticmethod
    def _wrap(text: str, width: int) -> list[str]:
        if "\n" not in text and _width(text) <= width:
            return [text]
        return [line for part in text.split("\n") for line in _wrap_line(part, width)]


def _wrap_line(text: str, width: int) -> list[str]:
    """One line of a cell wrapped at spaces; a word longer than `width` starts a line of its
    own and is folded, as rich does it. (A line's width is counted as words are added: the
    cells of a text are the sum of its characters'.)"""
    if _width(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = _width(word)
        if (used + 1 + size if line else size) <= width:
            line, used = (f"{line} {word}", used + 1 + size) if line else (word, size)
            continue
        if line:
            lines.append(line)
        if "://" in word or word.startswith("www."):  # a link is folded, every character counts
            pieces = _fold(word, width)
            lines += pieces[:-1]
            line = pieces[-1]
        elif size > width:  # a word is shortened with an ellipsis, as the short tables do
            room = max(width - 1, 1)
            line = (word[:room] if word.isascii() else _fold(word, room)[0]) + "…"
        else:
            line = word
        used = _width(line)
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


def _pad(text: str, width: int, right: bool) -> str:
    """`text` padded with spaces to `width` cells, on the left when `right`."""
    if text.isascii():  # one character, one cell
        return text.rjust(width) if right else text.ljust(width)
    space = " " * (width - cell_len(text))
    return space + text if right else text + space


def _width(text: str) -> int:
    """The cells `text` takes (its control characters made visible): one a character where
    it is ASCII, which rich would measure a character at a time."""
    return len(text) if text.isascii() else cell_len(text)


def print_on(console: Console, output: RenderableType) -> None:
    """Print `output` on `console` as rich would, long tables (also inside a group of
    sections) written line by line (see LongTable.write)."""
    if isinstance(output, LongTable) or (isinstance(output, _Timeline) and output.long()):
        output.write(console)
    elif isinstance(output, Group) and _holds_long_table(output):
        for part in output.renderables:
            print_on(console, part)
    else:
        # Problem lines must stay one per line for editors and grep; tables may wrap.
        console.print(output, soft_wrap=isinstance(output, Text))


def _holds_long_table(group: Group) -> bool:
    return any(
        isinstance(part, LongTable) or (isinstance(part, Group) and _holds_long_table(part))
        for part in group.renderables
    )


def _ansi(console: Console) -> dict[str, tuple[str, str]]:
    """The escape codes that open and close each style of `lines` on `console`, by the
    style's name ("header" and the row styles)."""
    named: dict[str, str] = {name: text for name, text in ROW_STYLES.items() if text}
    named["header"] = "bold"
    codes = _ansi_of(console, list(named.values()))
    return {name: codes[text] for name, text in named.items() if text in codes}


Mark = tuple[str, str]  # a milestone's sign in a quarter, and its style


def _centre(text: str, width: int) -> str:
    """`text` centred in `width` cells as rich centres a cell: the odd space on the right."""
    left = (width - cell_len(text)) // 2
    return " " * left + text + " " * (width - cell_len(text) - left)


def _centre_marks(marks: list[str], count: int, width: int) -> str:
    """Styled marks of one cell each, centred in `width` as `_centre` centres their text."""
    left = (width - count) // 2
    return " " * left + "".join(marks) + " " * (width - count - left)


def _styled(ansi: dict[str, tuple[str, str]], text: str, style: str) -> str:
    """`text` between the escape codes of `style` (from `_ansi` or `_ansi_of`), if it has any."""
    codes = ansi.get(style)
    return f"{codes[0]}{text}{codes[1]}" if codes else text


def _ansi_of(console: Console, styles: list[str]) -> dict[str, tuple[str, str]]:
    """The escape codes that open and close each style on `console`, as rich would write
    them: none without a colour system (a pipe, TERM=dumb), no colours under NO_COLOR."""
    if console.color_system is None:
        return {}
    system = COLOR_SYSTEMS[console.color_system]  # its name: 'standard', '256', 'truecolor'
    codes = {}
    for text in styles:
        style = Style.parse(text)
        if console.no_color:
            style = style.without_color
        start, _mark, end = style.render("\0", color_system=system).partition("\0")
        if start or end:
            codes[text] = (start, end)
    return codes


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
    return render_chart(chart_rows(rows, as_of), quarters, as_of)


def render_chart(
    rows: Sequence[ChartRow], quarters: Sequence[Kwartaal], as_of: date
) -> RenderableType:
    """The timeline of rows already marked (`chart_rows`, which a cache can keep)."""
    if not rows:
        return Text(_("No milestones in this range."), style="dim")
    return _Timeline(rows, quarters, as_of)


@dataclass(frozen=True)
class ChartRow:
    """A row of the timeline as plain data: its action's id and title, and the marks of its
    milestones per quarter, as they stood on the chart's date."""

    id: str
    titel: str
    marks: dict[Kwartaal, tuple[Mark, ...]]


def chart_rows(rows: Sequence[TimelineRow], as_of: date) -> list[ChartRow]:
    """Each row's milestones marked: ✓ done, ! overdue, ▷ a start without deadline, ◆ else."""
    from eerstelijn.queries import is_overdue

    current = Kwartaal.from_date(as_of)
    charted = []
    for row in rows:
        marks: dict[Kwartaal, tuple[Mark, ...]] = {}
        for quarter, mijlpalen in row.marks.items():
            cell: list[Mark] = []
            for _index, mijlpaal in mijlpalen:
                if mijlpaal.stand(as_of).done:
                    cell.append(("✓", "green"))
                elif is_overdue(mijlpaal, as_of):
                    cell.append(("!", "bold red"))
                elif mijlpaal.deadline is not None and mijlpaal.deadline.deadline is None:
                    cell.append(("▷", "cyan"))
                else:
                    cell.append(("◆", "yellow" if quarter == current else ""))
            marks[quarter] = tuple(cell)
        charted.append(ChartRow(row.actie.id, row.actie.titel, marks))
    return charted


class _Timeline:
    """The terminal Gantt, laid out for the width it is given.

    Each quarter takes three characters ('Q1', the year as '26 above the first quarter of a
    year); ids are whole; the title gets what is left, shortened with an ellipsis. When the
    quarters do not fit beside a title of TIMELINE_TITLE characters, the earliest ones are
    left out (today's quarter stays), and a note says how to see them.
    """

    def __init__(self, rows: Sequence[ChartRow], quarters: Sequence[Kwartaal], as_of: date) -> None:
        self.rows = rows
        self.quarters = list(quarters)
        self.as_of = as_of

    def _fitting(self, width: int) -> list[Kwartaal]:
        ids = max(len("actie"), *(len(row.id) for row in self.rows))
        # Two edges and a separator after the id and the title; each quarter and its separator.
        room = (width - 2 - ids - 1 - TIMELINE_TITLE - 1) // (QUARTER_WIDTH + 1) + 1
        shown = list(self.quarters)
        current = Kwartaal.from_date(self.as_of)
        while len(shown) > max(room, 1):
            # Drop the past first, but never today's quarter; then the far future.
            shown = shown[1:] if shown[0] < current else shown[:-1]
        return shown

    def _marks(self, quarters: list[Kwartaal]) -> Iterator[tuple[ChartRow, list[list[Mark]]]]:
        """Each row with a milestone in `quarters`, and its marks per quarter.

        A row's own few quarters are looked up among those shown, rather than each quarter
        shown in the row: a quarter hashes in Python, and 100,000 rows of 12 quarters asked
        1.2 million lookups."""
        shown = {q: i for i, q in enumerate(quarters)}
        for row in self.rows:
            cells: list[list[Mark]] | None = None
            for quarter, marks in row.marks.items():
                at = shown.get(quarter)
                if at is not None:
                    if cells is None:
                        cells = [[] for _ in quarters]
                    cells[at] = list(marks)
            if cells is not None:
                yield row, cells

    def _notes(self, quarters: list[Kwartaal]) -> Iterator[Text]:
        if quarters[0] != self.quarters[0] or quarters[-1] != self.quarters[-1]:
            yield Text(
                _(
                    "Showing {first} to {last} of {start} to {end}: a wider terminal, or --from "
                    "and --to, shows the rest."
                ).format(
                    first=quarters[0],
                    last=quarters[-1],
                    start=self.quarters[0],
                    end=self.quarters[-1],
                ),
                style="dim",
            )
        yield Text(_("◆ deadline  ▷ start (no deadline)  ! overdue  ✓ done"), style="dim")

    def long(self) -> bool:
        """Whether the chart is long enough to be written line by line (see `write`)."""
        return len(self.rows) >= LONG_TABLE

    def write(self, console: Console) -> None:
        """Print a long chart line by line, as rich's table would lay it out, without
        measuring every cell (49 s for 100,000 rows): the id column as wide as the longest id,
        the title the rest up to the longest title, each quarter three characters."""
        quarters = self._fitting(console.width)
        current = Kwartaal.from_date(self.as_of)
        rows = list(self._marks(quarters))
        ids = max(len("actie"), *(_width(visible(row.id)) for row, _cells in rows))
        titles = [visible(row.titel, one_line=True) for row, _cells in rows]
        natural = max(TIMELINE_TITLE, len("titel"), *(_width(t) for t in titles))
        fixed = ids + 4 * len(quarters) + 3  # edges, separators, quarters
        width = min(natural, console.width - fixed)
        total = fixed + width
        ansi = _ansi_of(console, ["bold", "bold reverse", "green", "bold red", "cyan", "yellow"])
        out = console.file.write

        years = [
            f"'{q.year % 100:02d}" if i == 0 or q.q == 1 else "" for i, q in enumerate(quarters)
        ]
        out(" " * total + "\n")
        top = " ".join(_centre(year, QUARTER_WIDTH) for year in years)
        out(" " + _styled(ansi, " " * ids + " " + " " * width + " " + top, "bold") + " \n")
        heads = [
            _styled(ansi, f"Q{q.q}", "bold reverse" if q == current else "bold")
            + _styled(ansi, _centre(f"Q{q.q}", QUARTER_WIDTH)[2:], "bold")
            for q in quarters
        ]
        head = _styled(ansi, "actie".ljust(ids) + " " + "titel".ljust(width) + " ", "bold")
        out(" " + head + _styled(ansi, " ", "bold").join(heads) + " \n")
        out(" " + "─" * (total - 2) + " \n")
        empty = " " * QUARTER_WIDTH
        for (row, cells), title in zip(rows, titles, strict=True):
            if _width(title) <= width:
                shown = _pad(title, width, False)
            else:  # cut to one cell less, and the ellipsis
                cut = title[: width - 1] if title.isascii() else set_cell_size(title, width - 1)
                shown = cut + "…"
            parts = [
                _centre_marks(
                    [_styled(ansi, m, style) for m, style in cell], len(cell), QUARTER_WIDTH
                )
                if cell
                else empty
                for cell in cells
            ]
            line = visible(row.id).ljust(ids) + " " + shown
            out(" " + line + " " + " ".join(parts) + " \n")
        out(" " * total + "\n")
        for note in self._notes(quarters):
            console.print(note)

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        quarters = self._fitting(options.max_width)
        current = Kwartaal.from_date(self.as_of)
        # No padding: the box's one-space separators keep the columns apart.
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", padding=0)
        table.add_column("\nactie", no_wrap=True)
        table.add_column("\ntitel", overflow="ellipsis", min_width=TIMELINE_TITLE)
        for index, quarter in enumerate(quarters):
            year = f"'{quarter.year % 100:02d}" if index == 0 or quarter.q == 1 else ""
            style = "reverse" if quarter == current else "bold"
            table.add_column(
                Text(f"{year}\n") + Text(f"Q{quarter.q}", style=style),
                justify="center",
                no_wrap=True,
                width=QUARTER_WIDTH,
            )
        for row, marks in self._marks(quarters):
            cells: list[Text] = [
                data_cell(row.id),
                Text(visible(row.titel, one_line=True), no_wrap=True, overflow="ellipsis"),
            ]
            for cell_marks in marks:
                cell = Text()
                for mark, style in cell_marks:
                    cell.append(mark, style=style)
                cells.append(cell)
            table.add_row(*cells)
        yield table
        yield from self._notes(quarters)


def render_changes(comparison: Comparison) -> RenderableType:
    """The changes as a table for a terminal, under a line naming the two versions."""
    from eerstelijn.render.markdown import describe_version

    def plain(version: Version) -> str:
        return describe_version(version).replace("`", "")

    versions = _("From {since} to {until}").format(
        since=plain(comparison.since), until=plain(comparison.until)
    )
    heading = Text(visible(versions, one_line=True), style="bold")
    if not comparison.changes:
        return Group(heading, Text(_("No changes."), style="dim"))
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for header in ("soort", "id", N_("change"), N_("where")):
        table.add_column(
            _(header) if header in ("change", "where") else header,
            no_wrap=header in ("soort", "id"),
        )
    for c in comparison.changes:
        where = c.file if c.line is None else f"{c.file}:{c.line}"
        table.add_row(*(Text(visible(cell)) for cell in (c.soort, c.id, c.tekst, where)))
    return Group(heading, table)
