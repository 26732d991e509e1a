"""Table: rich tables for people, on an 80-column console without colour unless stated."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console, RenderableType

from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Actie
from eerstelijn.queries import TimelineRow
from eerstelijn.render import table
from eerstelijn.render.listing import Column, RowStyle, Section
from eerstelijn.render.table import LONG_TABLE, render_sections, render_timeline

COLUMNS = (
    Column("id", "id", no_wrap=True),
    Column("titel", "titel"),
    Column("dagen_te_laat", "days late", justify="right"),
)


def show(renderable: RenderableType, *, colour: bool = False) -> list[str]:
    """The lines an 80-column console prints, trailing spaces dropped."""
    console = Console(
        width=80,
        color_system="standard" if colour else None,
        force_terminal=colour,
        highlight=False,
        soft_wrap=False,
    )
    with console.capture() as captured:
        console.print(renderable)
    return [line.rstrip() for line in captured.get().splitlines()]


def section(
    records: list[dict[str, Any]], styles: list[RowStyle] | None = None, title: str = "Overdue"
) -> Section:
    return Section("overdue", title, COLUMNS, records, styles or [], empty="nothing overdue")


def test_a_section_is_a_titled_table_with_numbers_aligned_right() -> None:
    records = [
        {"id": "H3.1", "titel": "Inventarisatie", "dagen_te_laat": 290},
        {"id": "H2.2", "titel": "Onderzoek", "dagen_te_laat": 7},
    ]
    assert show(render_sections([section(records)])) == [
        "Overdue",
        "",
        " id     titel            days late",
        " ─────────────────────────────────",
        " H3.1   Inventarisatie         290",
        " H2.2   Onderzoek                7",
        "",
    ]


def test_an_empty_section_is_one_line_that_says_so() -> None:
    assert show(render_sections([section([])])) == ["Overdue: nothing overdue"]


def test_long_text_wraps_within_80_columns_and_ids_stay_whole() -> None:
    titel = "Een handreiking voor samenwerking in de wijk " * 4
    url = "https://www.rijksoverheid.nl/" + "x" * 90
    records = [
        {"id": "REGIO-OOST.12", "titel": titel, "dagen_te_laat": 1},
        {"id": "H2.1", "titel": url, "dagen_te_laat": 2},
    ]
    lines = show(render_sections([section(records)]))
    assert max(len(line) for line in lines) <= 80
    assert any(line.startswith(" REGIO-OOST.12 ") for line in lines)
    # A word too long for the column is folded onto the next lines, never cut off with "…".
    assert "…" not in "".join(lines)
    start, end = lines[2].index("titel"), lines[2].index("days late")
    first = next(i for i, line in enumerate(lines) if line.startswith(" H2.1 "))
    assert "".join(line[start:end].strip() for line in lines[first:]) == url


def test_overdue_rows_are_red_and_due_rows_yellow_on_a_colour_terminal() -> None:
    records = [
        {"id": "H3.1", "titel": "Te laat", "dagen_te_laat": 9},
        {"id": "H2.1", "titel": "Dit kwartaal", "dagen_te_laat": 0},
        {"id": "H4.1", "titel": "Gewoon", "dagen_te_laat": 0},
    ]
    lines = show(render_sections([section(records, ["overdue", "due", ""])]), colour=True)
    [overdue] = [line for line in lines if "Te laat" in line]
    [due] = [line for line in lines if "Dit kwartaal" in line]
    [plain] = [line for line in lines if "Gewoon" in line]
    assert "\x1b[31m" in overdue
    assert "\x1b[33m" in due
    assert "\x1b[31m" not in plain and "\x1b[33m" not in plain


def test_small_two_column_sections_stand_side_by_side() -> None:
    count = (Column("status", "status"), Column("aantal", "aantal", justify="right"))
    small = [
        Section("per_status", "Per status", count, [{"status": "open", "aantal": 4}]),
        Section("per_hoofdstuk", "Per hoofdstuk", count, [{"status": "H2", "aantal": 2}]),
    ]
    wide = section([{"id": "H3.1", "titel": "Inventarisatie", "dagen_te_laat": 290}])
    lines = show(render_sections([*small, wide]))
    [titles] = [line for line in lines if "Per status" in line]
    assert "Per hoofdstuk" in titles
    assert lines.index(titles) < lines.index("Overdue")


def _actie(actie_id: str, *mijlpalen: dict[str, str]) -> Actie:
    return Actie.model_validate(
        {
            "id": actie_id,
            "titel": "Een actie",
            "doelen": ["1"],
            "mijlpalen": list(mijlpalen),
            "bron": {"document": "realisatieagenda", "sectie": "x"},
        }
    )


def _row(actie: Actie) -> TimelineRow:
    marks: dict[Kwartaal, list[tuple[int, Any]]] = {}
    for index, mijlpaal in enumerate(actie.mijlpalen):
        assert mijlpaal.deadline is not None
        marks.setdefault(mijlpaal.deadline.anchor, []).append((index, mijlpaal))
    return TimelineRow(actie, marks)


def test_the_timeline_marks_each_milestone_in_its_quarter() -> None:
    actie = _actie(
        "H2.1",
        {"omschrijving": "Klaar", "deadline": "Q3 2025", "status": "gereed"},
        {"omschrijving": "Te laat", "deadline": "Q4 2025"},
        {"omschrijving": "Een", "deadline": "Q1 2026"},
        {"omschrijving": "Twee", "deadline": "Q1 2026"},
        {"omschrijving": "Start", "deadline": "vanaf Q2 2026"},
    )
    quarters = [Kwartaal(2025, 3), Kwartaal(2025, 4), Kwartaal(2026, 1), Kwartaal(2026, 2)]
    lines = show(render_timeline([_row(actie)], quarters, date(2026, 1, 15)))
    assert lines[1].split() == ["'25", "'26"]
    assert lines[2].split() == ["actie", "titel", "Q3", "Q4", "Q1", "Q2"]
    # The year stands above the first quarter shown and above each Q1.
    assert lines[1].index("'25") == lines[2].index("Q3")
    assert lines[1].index("'26") == lines[2].index("Q1")
    assert lines[4].split() == ["H2.1", *_actie_titel_words(actie), "✓", "!", "◆◆", "▷"]
    assert lines[-1] == "◆ deadline  ▷ start (geen deadline)  ! te laat  ✓ gereed"


def _actie_titel_words(actie: Actie) -> list[str]:
    return actie.titel.split()


def test_an_empty_timeline_says_so() -> None:
    lines = show(render_timeline([], [Kwartaal(2026, 1)], date(2026, 1, 15)))
    assert lines == ["Geen mijlpalen in deze periode."]


def _long_records(count: int) -> list[dict[str, Any]]:
    words = ["Een", "handreiking", "voor", "de", "Patiëntenfederatie", "wijk", "zorg", "x" * 45]
    return [
        {
            "id": f"R{i % 40:02d}.{i}",
            "titel": " ".join(words[(i * k) % len(words)] for k in range(1, i % 17 + 2)),
            "dagen_te_laat": i * 7 % 400,
        }
        for i in range(count)
    ]


def _look(line: str) -> tuple[str, set[str]]:
    """A coloured line as the reader sees it: its text, and the colours it is printed in."""
    codes = re.findall(r"\x1b\[([0-9;]*)m", line)
    return re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip(), set(codes) - {"0", ""}


def test_a_long_table_looks_as_a_short_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # Long tables are laid out without rich's per-cell measuring; the reader sees no change:
    # the same columns, widths, wrapping and folding as rich gives the same rows.
    records = _long_records(LONG_TABLE)
    cycle: list[RowStyle] = ["overdue", "due", ""]
    styles = [cycle[i % 3] for i in range(LONG_TABLE)]
    long = [_look(line) for line in show(render_sections([section(records, styles)]), colour=True)]
    monkeypatch.setattr(table, "LONG_TABLE", LONG_TABLE + 1)
    short = show(render_sections([section(records, styles)]), colour=True)
    assert [_look(line) for line in short] == long
    assert max(len(line) for line in show(render_sections([section(records)]))) <= 80


@pytest.mark.parametrize(
    ("color_system", "no_color"),
    [("standard", False), ("256", False), ("truecolor", False), ("standard", True), (None, False)],
)
def test_a_long_table_written_directly_shows_what_rich_would_print(
    color_system: Literal["standard", "256", "truecolor"] | None, no_color: bool
) -> None:
    """The command line writes long tables line by line rather than through rich's printing:
    the same text, and the same colours: red overdue, yellow due, bold headers; no colour
    under NO_COLOR (bold stays, as rich keeps it); no escape codes at all in a pipe."""
    records = _long_records(LONG_TABLE)
    cycle: list[RowStyle] = ["overdue", "due", ""]
    styles = [cycle[i % 3] for i in range(LONG_TABLE)]
    long = render_sections([section(records, styles)])
    assert isinstance(long, table.LongTable)
    written, printed = io.StringIO(), io.StringIO()
    for out in (written, printed):
        console = Console(
            file=out,
            width=80,
            color_system=color_system,
            force_terminal=color_system is not None,
            no_color=no_color,
            highlight=False,
            soft_wrap=False,
        )
        if out is written:
            long.write(console)
        else:
            console.print(long)
    lines = written.getvalue().splitlines()
    assert [_look(line) for line in lines] == [
        _look(line) for line in printed.getvalue().splitlines()
    ]
    colours = set().union(*(_look(line)[1] for line in lines))
    if color_system is None:
        assert written.getvalue() == printed.getvalue()
        assert "\x1b" not in written.getvalue()
    elif no_color:
        assert colours == {"1"}
    else:
        assert {"1", "31", "33"} <= colours


def test_sections_with_a_long_table_print_as_rich_prints_them() -> None:
    """An overview of 100,000 actions holds long tables among short ones: printed part by
    part, it reads as rich would print the whole."""
    records = _long_records(LONG_TABLE)
    sections = [
        section(records[:3], title="Kort"),
        section(records, ["overdue"] * len(records), title="Lang"),
        Section("leeg", "Leeg", (Column("id", "id"),), [], empty="geen"),
        section(records[:2], title="Weer kort"),
    ]
    outputs = []
    for way in ("parts", "whole"):
        out = io.StringIO()
        console = Console(
            file=out, width=80, color_system="standard", force_terminal=True, highlight=False
        )
        whole = render_sections(sections)
        if way == "parts":
            table.print_on(console, whole)
        else:
            console.print(whole)
        outputs.append([_look(line) for line in out.getvalue().splitlines()])
    assert outputs[0] == outputs[1]
    assert ("Lang", set()) in outputs[0] and any(colours == {"31"} for _, colours in outputs[0])


def test_a_long_table_fits_a_narrow_screen() -> None:
    console = Console(width=50, color_system=None, highlight=False, soft_wrap=False)
    with console.capture() as captured:
        console.print(render_sections([section(_long_records(LONG_TABLE))]))
    lines = captured.get().splitlines()
    assert max(len(line) for line in lines) <= 50
    assert lines[2].split() == ["id", "titel", "days", "late"]


def test_a_timeline_too_wide_for_80_columns_leaves_out_the_earliest_quarters() -> None:
    actie = _actie(
        "H2.1",
        {"omschrijving": "Oud", "deadline": "Q1 2022"},
        {"omschrijving": "Nu", "deadline": "Q1 2026"},
        {"omschrijving": "Later", "deadline": "Q4 2026"},
    )
    quarters = [Kwartaal(2022, 1).shift(n) for n in range(20)]
    lines = show(render_timeline([_row(actie)], quarters, date(2026, 1, 15)))
    assert max(len(line) for line in lines) <= 80
    header = lines[2].split()
    assert header[:2] == ["actie", "titel"] and header[-1] == "Q4"
    assert "'26" in lines[1]  # today's quarter and what follows stay
    assert "een bredere terminal, of --from en --to" in " ".join(lines)


def _wrapped_by_measuring(text: str, width: int) -> list[str]:
    """The wrapping rule measured from scratch for every word: what _wrap_line must give."""
    from rich.cells import cell_len

    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        if "://" in word or word.startswith("www."):
            pieces = table._fold(word, width)
            lines += pieces[:-1]
            line = pieces[-1]
        else:
            line = table._fold(word, max(width - 1, 1))[0] + "…" if cell_len(word) > width else word
    return [*lines, line] if cell_len(text) > width else [text]


@given(
    text=st.lists(
        st.sampled_from(
            [
                "zorg",
                "wijk",
                "Patiëntenfederatie",
                "https://x.nl/" + "a" * 30,
                "中文字",
                "x" * 45,
                "e\u0301",
                "👍",
            ]
        ),
        max_size=30,
    ).map(" ".join),
    width=st.integers(min_value=1, max_value=60),
)
def test_a_long_tables_wrapping_counts_widths_as_measuring_would(text: str, width: int) -> None:
    assert table._wrap_line(text, width) == _wrapped_by_measuring(text, width)


def _chart_rows(count: int, titel: str) -> list[TimelineRow]:
    rows = []
    statuses = ["gereed", "open", "lopend"]
    for n in range(count):
        actie = Actie.model_validate(
            {
                "id": f"R{n % 7}.{n}",
                "titel": f"{titel} {n}" if n % 5 else f"{titel} {'lang ' * (n % 13)}{n}",
                "doelen": ["1"],
                "mijlpalen": [
                    {"omschrijving": "Een", "deadline": f"Q{n % 4 + 1} 2025", "status": "open"},
                    {
                        "omschrijving": "Twee",
                        "deadline": f"Q{(n + 1) % 4 + 1} 2026",
                        "status": statuses[n % 3],
                    },
                    *(
                        [{"omschrijving": "Drie", "deadline": f"vanaf Q{n % 4 + 1} 2026"}]
                        if n % 4 == 0
                        else []
                    ),
                ],
                "bron": {"document": "realisatieagenda", "sectie": "x"},
            }
        )
        rows.append(_row(actie))
    return rows


@pytest.mark.parametrize("width", [60, 80, 130])
@pytest.mark.parametrize("colour", [True, False])
@pytest.mark.parametrize("titel", ["Wijkverband", "Patiëntenfederatie en 中文 samen"])
def test_a_long_timeline_written_directly_shows_what_rich_would_print(
    width: int, colour: bool, titel: str
) -> None:
    """A chart of 100,000 rows took rich 49 s to lay out; written line by line it must read
    the same: every line's text, and the colours on it."""
    rows = _chart_rows(LONG_TABLE + 5, titel)
    quarters = [Kwartaal(2025, 1).shift(n) for n in range(8)]
    chart = render_timeline(rows, quarters, date(2026, 1, 15))
    assert isinstance(chart, table._Timeline) and chart.long()
    outputs = []
    for way in ("written", "printed"):
        out = io.StringIO()
        console = Console(
            file=out,
            width=width,
            color_system="standard" if colour else None,
            force_terminal=colour,
            highlight=False,
            soft_wrap=False,
        )
        if way == "written":
            table.print_on(console, chart)
        else:
            console.print(chart)
        outputs.append([_look(line) for line in out.getvalue().splitlines()])
    assert outputs[0] == outputs[1]
