"""CSV: one section, a header row of record keys, values quoted as spreadsheets expect."""

from __future__ import annotations

import csv
import io

import pytest

from eerstelijn.render.csv import SeveralSections, render_sections
from eerstelijn.render.listing import Column, Section

COLUMNS = (Column("id", "id"), Column("titel", "titel"), Column("dagen_te_laat", "days late"))


def section(*records: dict[str, object], key: str = "acties") -> Section:
    """A section with the three COLUMNS and these records."""
    return Section(key, "Acties", COLUMNS, list(records))


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_header_row_holds_record_keys_not_display_headers() -> None:
    text = render_sections([section({"id": "H2.1", "titel": "Handreiking", "dagen_te_laat": 3})])
    assert text == "id,titel,dagen_te_laat\nH2.1,Handreiking,3\n"


def test_commas_quotes_and_newlines_survive_a_round_trip() -> None:
    titel = 'Bekostiging, "zorg dichtbij"\nen verder\r\nklaar'
    text = render_sections([section({"id": "H2.2", "titel": titel, "dagen_te_laat": None})])
    assert '"Bekostiging, ""zorg dichtbij""' in text
    assert rows(text) == [["id", "titel", "dagen_te_laat"], ["H2.2", titel, ""]]


def test_list_values_are_joined_with_semicolons_in_one_cell() -> None:
    columns = (Column("id", "id"), Column("trekker", "trekker"))
    records: list[dict[str, object]] = [{"id": "H2.1", "trekker": ["ZN", "LHV"]}]
    text = render_sections([Section("acties", "Acties", columns, records)])
    assert rows(text) == [["id", "trekker"], ["H2.1", "ZN; LHV"]]


def test_only_the_columns_are_written_and_missing_values_are_empty() -> None:
    record = {"id": "H3.1", "titel": "Zonder", "overdue": True, "file": "acties.yaml"}
    assert rows(render_sections([section(record)])) == [
        ["id", "titel", "dagen_te_laat"],
        ["H3.1", "Zonder", ""],
    ]


def test_booleans_read_yes_and_no() -> None:
    columns = (Column("id", "id"), Column("overdue", "overdue"))
    records: list[dict[str, object]] = [{"id": "A", "overdue": True}, {"id": "B", "overdue": False}]
    text = render_sections([Section("timeline", "Timeline", columns, records)])
    assert rows(text)[1:] == [["A", "yes"], ["B", "no"]]


def test_an_empty_section_is_just_the_header() -> None:
    assert render_sections([section()]) == "id,titel,dagen_te_laat\n"


def test_several_sections_are_refused_with_a_hint() -> None:
    with pytest.raises(SeveralSections, match="gebruik --format json of markdown"):
        render_sections([section(key="a"), section(key="b")])
