"""`report`: the HTML page's content on the real data at a fixed date, its form, and its file."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from eerstelijn import __version__
from eerstelijn.queries import overdue
from eerstelijn.registry.load import load_registry
from eerstelijn.report import build_page
from tests.conftest import REAL_DATA, REGISTRY, Golden, RunCli
from tests.report_html import Node, parse

AS_OF = date(2026, 1, 15)


@pytest.fixture(scope="module")
def html() -> str:
    return build_page(load_registry(REAL_DATA), AS_OF, version=__version__)


@pytest.fixture(scope="module")
def page(html: str) -> Node:
    return parse(html)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("acties", "23"),
        ("gereed", "0"),
        ("overdue-acties", "12"),
        ("overdue-mijlpalen", "16"),
        ("without-trekker", "5"),
        ("without-deadline", "5"),
        ("doelen-without-acties", "1"),
    ],
)
def test_headline_figures(page: Node, key: str, value: str) -> None:
    figure = page.by_id(f"figure-{key}")
    assert next(figure.iter("dd")).text() == value


def test_overdue_rows_are_the_overdue_milestones(page: Node) -> None:
    rows = page.by_id("overdue-mijlpalen").rows()
    expected = overdue(load_registry(REAL_DATA), AS_OF)
    assert [(r[0], r[2].split(".")[0], r[4]) for r in rows] == [
        (o.actie.id, str(o.index + 1), str(o.days)) for o in expected
    ]
    h33 = next(r for r in rows if r[0] == "H3.3")
    assert h33[2:7] == [
        "1. Inventarisatie opgeleverd",
        "Q1 2025",
        "290",
        "niets gemeld",
        "geen",
    ]
    tr = list(page.by_id("overdue-mijlpalen").iter("tr"))[1:]
    assert all("overdue" in t.classes for t in tr)


def test_overdue_per_partij(page: Node) -> None:
    rows = {r[0]: r[2] for r in page.by_id("overdue-per-partij").rows()}
    assert rows["V&VN"] == "5"
    assert rows["VWS"] == "3"  # through the groep overheidspartijen
    assert rows["geen trekker"] == "2"


def test_gaps_name_the_actions_without_trekker_or_deadline(page: Node) -> None:
    without_trekker = [r[0] for r in page.by_id("without-trekker").rows()]
    assert without_trekker == ["H2.4", "H3.1", "H3.3", "VGZ.1", "VGZ.3"]
    without_deadline = [r[0] for r in page.by_id("without-deadline").rows()]
    assert without_deadline == ["H2.4", "H4.3", "H4.6", "VGZ.1", "VGZ.3"]


def test_goal_without_actions_stands_out(page: Node) -> None:
    table = page.by_id("doelen-table")
    rows = list(table.iter("tr"))[1:]
    gaps = [tr for tr in rows if "gap" in tr.classes]
    assert [next(g.iter("th")).text() for g in gaps] == ["6C"]
    assert "geen acties" in gaps[0].text()


def test_zorgbelofte_shows_each_promise_with_goals_actions_and_done(page: Node) -> None:
    rows = page.by_id("zorgbelofte-table").rows()
    assert [r[0] for r in rows] == [str(n) for n in range(1, 11)]
    patients = {"2", "3", "5"}
    for row in rows:
        if row[0] in patients:  # what the patient promises, no actie delivers
            assert (row[3], row[4]) == ("de belofte van de patiënt", "")
        else:
            assert re.fullmatch(r"0 van \d+", row[4])
    assert rows[6][1].endswith("wederzijds")  # promise 7: both sides promise
    assert rows[0][2].replace(" ", "") == "5,6A,6B"
    table = list(page.by_id("zorgbelofte-table").iter("tr"))[1:]
    assert not [tr for tr in table if "gap" in tr.classes]


def test_every_action_has_a_detail_with_its_bron(page: Node) -> None:
    registry = load_registry(REAL_DATA)
    for actie in registry.acties:
        article = page.by_id(f"actie-{actie.id}")
        assert article.tag == "article"
        for bron in actie.bron:
            assert bron.sectie in article.text()
    h33 = page.by_id("actie-H3.3").text()
    assert "trekker geen" in h33
    assert "Realisatieagenda visie eerstelijnszorg 2030, versie 2024-12-18, H3, actie 3" in h33


def test_the_header_names_the_cited_sources_from_documenten_yaml() -> None:
    # The fixture also lists a letter no action cites: it is not a source of this page.
    fixture = parse(build_page(load_registry(REGISTRY), AS_OF, version=__version__))
    meta = next(n for n in fixture.iter("p") if "meta" in n.classes).text()
    assert meta == (
        "Stand op 15 januari 2026. Bronnen: Realisatieagenda visie eerstelijnszorg 2030, versie "
        "2024-12-18, VGZ, webpagina 'Visie eerstelijnszorg', versie bronnen/visie-vgz.txt."
    )


def test_timeline_marks_every_milestone_and_the_overdue_ones(page: Node) -> None:
    svg = page.by_id("timeline-svg")
    rows = {g.attrs["data-actie"]: g for g in svg.iter("g", "tl-row")}
    assert "H4.6" not in rows  # its milestone has no timing at all
    assert "H2.4" not in rows  # nor has its inventory: "per 2027" dates what is needed
    assert len(rows) == 21
    assert len(list(svg.iter("polygon", "m-overdue"))) == 16
    assert "LHV" in (rows["H3.2"].attrs["data-partijen"] or "").split()
    assert rows["H3.3"].attrs["data-partijen"] == "-"
    assert "15 januari 2026" in svg.text()


def test_filters_are_labelled_and_hidden_until_the_script_runs(page: Node) -> None:
    form = page.by_id("timeline-filter")
    assert "hidden" in form.attrs
    labels = {lab.attrs["for"] for lab in form.iter("label")}
    assert labels == {s.attrs["id"] for s in form.iter("select")}
    options = [o.attrs["value"] for o in page.by_id("filter-partij").iter("option")]
    assert {"", "LHV", "ZN", "-"} <= set(options)


def test_page_is_accessible_in_form(page: Node) -> None:
    assert next(page.iter("html")).attrs["lang"] == "nl"
    for tag in ("header", "main", "footer", "nav"):
        assert list(page.iter(tag)), tag
    for table in page.iter("table"):
        assert list(table.iter("caption")), table.attrs
        assert all(th.attrs.get("scope") in ("col", "row") for th in table.iter("th"))
    assert [h.tag for h in page.iter("h1")] == ["h1"]


def test_page_is_self_contained(html: str) -> None:
    assert "<link" not in html
    assert " src=" not in html
    # The SVG namespace is a name, not a request.
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"]
    assert "@media print" in html
    assert "@media (max-width" in html


def test_page_is_the_same_for_the_same_data() -> None:
    registry = load_registry(REAL_DATA)
    assert build_page(registry, AS_OF, version="x") == build_page(registry, AS_OF, version="x")


def test_text_from_the_data_is_escaped(registry_copy: Path) -> None:
    acties = registry_copy / "acties.yaml"
    hostile = "<script>alert('x')</script> & \"quoted\""
    text = acties.read_text(encoding="utf-8")
    # JSON's string syntax is YAML's double-quoted scalar.
    acties.write_text(text.replace("titel: Handreiking", f"titel: {json.dumps(hostile)}"), "utf-8")
    html = build_page(load_registry(registry_copy), AS_OF, version="x")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;" in html
    parse(html)


def test_report_command_writes_index_html(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "site" / "report"
    result = run_cli("report", "--data", REGISTRY, "--as-of", "2026-01-15", "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # no temporary file left
    assert "Geschreven: " in result.stderr
    first = (out / "index.html").read_bytes()
    run_cli("report", "--data", REGISTRY, "--as-of", "2026-01-15", "--out", out)
    assert (out / "index.html").read_bytes() == first


def test_report_out_ending_in_html_is_the_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "papers" / "bo-rapport.html"
    result = run_cli("report", "--data", REGISTRY, "--as-of", "2026-01-15", "--out", out)
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in out.parent.iterdir()) == ["bo-rapport.html"]
    assert f"Geschreven: {out}" in result.stderr.replace("\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "someday"], "--as-of"),
        (["--out", "{file}"], "kan de rapportage niet schrijven"),
    ],
)
def test_report_bad_input_exits_2(
    run_cli: RunCli, tmp_path: Path, args: list[str], message: str
) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("", encoding="utf-8")
    argv = [a.replace("{file}", str(a_file)) for a in args]
    result = run_cli("report", "--data", REGISTRY, *argv)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "paper"),
        ("muted", "paper"),
        ("muted", "band"),
        ("accent", "paper"),
        ("accent", "red-bg"),  # links in overdue rows
        ("ink", "red-bg"),
        ("red", "paper"),
        ("red", "red-bg"),  # alarming figures
        ("paper", "red"),  # the 'overdue' badge
        ("gap-ink", "gap-bg"),
        ("ink", "gap-bg"),
        ("accent", "gap-bg"),
        ("green", "paper"),
    ],
)
def test_colours_meet_wcag_aa_contrast(html: str, text: str, background: str) -> None:
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6});", html))
    assert _contrast(colours[text], colours[background]) >= 4.5


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_report(run_cli: RunCli, golden: Golden, tmp_path: Path, lang: str) -> None:
    """The whole page on the fixture registry, in Dutch (the default) and with --lang en."""
    out = tmp_path / "report"
    args = ["report", "--data", REGISTRY, "--as-of", "2026-01-15", "--out", out]
    result = run_cli(*args, "--lang", lang)
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html
    golden("report--html" + ("--en" if lang == "en" else ""), html)


# What the board saw in the English report: none of it may be left in the Dutch one.
ENGLISH_PHRASES = [
    "Headline figures",
    "acties done",
    "done",
    "days late",
    "most days late first",
    "Show all",
    "to discuss",
    "no trekker",
    "nothing reported",
    "overdue",
    "Overdue",
    "Timeline",
    "without",
    "Skip to",
    "Sources",
    "acties shown",
    "As of",
    "January",
]


def _visible_text(html: str) -> str:
    """The page's text and attribute values for people, without its CSS, script and classes."""
    html = re.sub(r"<(style|script)>.*?</\1>", "", html, flags=re.S)
    html = re.sub(r'\s(class|id|href|for|data-partijen|aria-labelledby)="[^"]*"', "", html)
    return html


def test_the_dutch_report_and_agenda_hold_no_english(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "report"
    common = ["--data", REGISTRY, "--as-of", "2026-01-15"]
    assert run_cli("report", *common, "--out", out).exit_code == 0
    texts = {"report": _visible_text((out / "index.html").read_text(encoding="utf-8"))}
    for fmt in ("markdown", "table"):
        texts[f"agenda {fmt}"] = run_cli("agenda", *common, "--format", fmt).stdout
    found = [
        (name, phrase)
        for name, text in texts.items()
        for phrase in ENGLISH_PHRASES
        if re.search(rf"\b{re.escape(phrase)}\b", text)
    ]
    assert not found, found


def test_a_trekker_not_at_the_table_is_marked_in_words(page: Node) -> None:
    h51 = page.by_id("actie-H5.1").text()
    assert "VNG niet aan tafel" in " ".join(h51.split())
    marks = [s for s in page.iter("span", "note") if s.text() == "niet aan tafel"]
    assert marks and all("tijdelijk" in (s.attrs.get("title") or "") for s in marks)
    assert "ZN niet aan tafel" not in " ".join(page.by_id("actie-H2.1").text().split())


def test_chapters_are_named_by_their_titles(page: Node) -> None:
    h33 = " ".join(page.by_id("actie-H3.3").text().split())
    assert "hoofdstuk H3 Passende zorg en ondersteuning voor iedere patiënt" in h33
    options = [o.text() for o in page.by_id("filter-hoofdstuk").iter("option")]
    assert "H4 Professionals laten doen waarin zij het sterkst zijn" in options


def test_progress_has_the_burnup_numbers_and_the_slip_table(english: None) -> None:
    fixture = parse(build_page(load_registry(REGISTRY), AS_OF, version=__version__))
    section = fixture.by_id("progress")
    chart = fixture.by_id("burnup-chart")
    title = next(chart.iter("title")).text()
    assert chart.attrs["role"] == "img"
    assert chart.attrs["aria-label"] == title
    assert title == (
        "Burn-up of milestones from Q1 2025 to Q4 2026: 1 gereed by Q1 2026, "
        "5 planned by the first agreed deadlines, 5 by the current ones."
    )
    # Three lines, each named in the text legend.
    assert len(list(chart.iter("polyline"))) == 3
    legend = next(section.iter("ul", class_="legend")).text()
    assert "planned, by the first agreed deadlines" in legend
    assert "planned, by the current deadlines" in legend
    assert "milestones gereed" in legend
    # H2.2's Beleidsregel moved from Q2 to Q4 2026: the two planned lines part there.
    assert fixture.by_id("burnup-numbers").rows()[4:] == [
        ["Q1 2026", "1", "4", "4"],
        ["Q2 2026", "", "5", "4"],
        ["Q3 2026", "", "5", "4"],
        ["Q4 2026", "", "5", "5"],
    ]
    assert fixture.by_id("slips").rows() == [
        ["H2.2", "2. Beleidsregel", "Q2 2026", "Q4 2026", "+2", "Wetgeving vertraagd (2025-12-15)"]
    ]


def test_progress_before_any_replanning_says_none_was(english: None) -> None:
    fixture = parse(build_page(load_registry(REGISTRY), date(2025, 12, 1), version="x"))
    assert "Re-planned milestones: none re-planned." in fixture.by_id("progress").text()


def test_without_since_the_page_has_no_changes_section(page: Node) -> None:
    assert not [n for n in page.iter("section") if n.attrs.get("id") == "changes"]
    assert [n.attrs.get("href") for n in page.iter("a") if n.attrs.get("href") == "#progress"]
