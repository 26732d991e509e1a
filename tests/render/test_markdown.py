"""Markdown: pipe tables that stay tables whatever the cells hold."""

from __future__ import annotations

import pytest

from eerstelijn.render.listing import Column, Section
from eerstelijn.render.markdown import render_document, render_sections

COLUMNS = (
    Column("id", "id"),
    Column("titel", "titel"),
    Column("aantal", "acties", justify="right"),
)


def section(*records: dict[str, object], key: str = "acties", title: str = "Acties") -> Section:
    return Section(key, title, COLUMNS, list(records), empty="no actions")


def test_one_section_is_a_bare_table_with_right_aligned_numbers() -> None:
    text = render_sections([section({"id": "H2.1", "titel": "Handreiking", "aantal": 2})])
    assert text == ("| id | titel | acties |\n| --- | --- | ---: |\n| H2.1 | Handreiking | 2 |\n")


def test_a_pipe_in_a_cell_does_not_add_a_column() -> None:
    text = render_sections([section({"id": "H2.1", "titel": "Huisarts | wijkteam", "aantal": 1})])
    assert text.splitlines()[2] == "| H2.1 | Huisarts \\| wijkteam | 1 |"


def test_a_backslash_before_a_pipe_cannot_undo_its_escape() -> None:
    # Were only the pipe escaped, `a\|b` would become `a\\|b`: a literal backslash, then a pipe.
    text = render_sections([section({"id": "H2.1", "titel": "a\\|b", "aantal": 1})])
    assert text.splitlines()[2] == "| H2.1 | a\\\\\\|b | 1 |"


def test_line_breaks_in_a_cell_keep_the_row_on_one_line() -> None:
    titel = "Eerste regel\nTweede regel\r\nDerde\rVierde"
    text = render_sections([section({"id": "H2.1", "titel": titel, "aantal": 1})])
    assert text.splitlines()[2] == "| H2.1 | Eerste regel Tweede regel Derde Vierde | 1 |"
    assert "\r" not in text


def test_lists_nothing_and_booleans_read_as_text() -> None:
    columns = (Column("trekker", "trekker"), Column("regio", "regio"), Column("klaar", "klaar"))
    records: list[dict[str, object]] = [{"trekker": ["ZN", "LHV"], "regio": None, "klaar": True}]
    text = render_sections([Section("acties", "Acties", columns, records)])
    assert text.splitlines()[2] == "| ZN, LHV |  | ja |"


def test_an_empty_section_says_so_in_italics() -> None:
    assert render_sections([section()]) == "_no actions_\n"


def test_several_sections_each_get_a_heading() -> None:
    sections = [
        section({"id": "H2.1", "titel": "Handreiking", "aantal": 1}, title="Due this quarter"),
        section(key="later", title="Due next quarter"),
    ]
    assert render_sections(sections) == (
        "### Due this quarter\n"
        "\n"
        "| id | titel | acties |\n"
        "| --- | --- | ---: |\n"
        "| H2.1 | Handreiking | 1 |\n"
        "\n"
        "### Due next quarter\n"
        "\n"
        "_no actions_\n"
    )


def test_a_document_has_a_title_an_intro_and_headed_sections() -> None:
    text = render_document(
        "Agenda BO", "Wat besproken moet worden.", [section(title="Hoofdstuk H2")]
    )
    assert text == "# Agenda BO\n\nWat besproken moet worden.\n\n### Hoofdstuk H2\n\n_no actions_\n"


@pytest.mark.usefixtures("english")
def test_a_change_summary_holds_no_markup_of_the_data() -> None:
    from eerstelijn.history.diff import Change
    from eerstelijn.history.versions import WORKING_TREE, Comparison, Version
    from eerstelijn.render.markdown import render_changes

    title = "titel now '<img src=x> *vet* [link](http://x) a|b'\nnext\u2028\x1b[31mrood"
    change = Change("actie", "H2.1", "titel", title, "data/acties.yaml", 3)
    here = Version(WORKING_TREE, WORKING_TREE, None)
    text = render_changes(Comparison(here, here, [change]))
    assert text == (
        "## What changed in the registry\n\n"
        "From the working tree to the working tree: 1 change.\n\n"
        "### Acties\n\n"
        "- **H2.1** titel now '\\<img src=x> \\*vet\\* \\[link\\](http://x) a\\|b' next "
        "\\[31mrood\n"  # the escape character itself is dropped
    )
