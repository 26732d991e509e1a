"""`report --max-rows`: long lists on pages of their own beside the main page.

A registry of 100,000 acties cannot be one page; the real registry must stay one. These tests
split the real registry with a small threshold, so that every part of the split shows on 23
acties, and check what a reader relies on: the main page keeps the first rows and says where
the rest is, every link lands on an element that exists, every actie is on exactly one page,
and the set is written whole or not at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from eerstelijn.queries import overdue
from eerstelijn.registry.load import load_registry
from eerstelijn.report import build_page, build_report, write_report
from tests.conftest import REAL_DATA, REGISTRY, RunCli
from tests.report_html import Node, parse

AS_OF = date(2026, 1, 15)
MAX_ROWS = 4


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real registry's report with at most four rows a list: the main page's path."""
    out = tmp_path_factory.mktemp("split")
    write_report(load_registry(REAL_DATA), AS_OF, out, version="x", max_rows=MAX_ROWS)
    return out / "index.html"


def _pages(main: Path) -> dict[Path, Node]:
    folder = main.parent / "index-pages"
    files = [main, *sorted(folder.iterdir())]
    return {path: parse(path.read_text(encoding="utf-8")) for path in files}


def _ids(node: Node) -> set[str]:
    return {n.attrs["id"] or "" for n in node.iter() if "id" in n.attrs}


def test_the_real_registry_with_the_default_threshold_is_one_page(tmp_path: Path) -> None:
    registry = load_registry(REAL_DATA)
    written = list(build_report(registry, AS_OF, version="x"))
    assert [name for name, _html in written] == [None]
    assert written[0][1] == build_page(registry, AS_OF, version="x")
    write_report(registry, AS_OF, tmp_path, version="x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_every_page_is_self_contained(split: Path) -> None:
    for path in [split, *(split.parent / "index-pages").iterdir()]:
        html = path.read_text(encoding="utf-8")
        assert "<link" not in html and " src=" not in html, path.name
        assert "@media print" in html, path.name


def test_every_link_lands_on_a_page_and_an_element_that_exist(split: Path) -> None:
    pages = _pages(split)
    ids = {path: _ids(node) for path, node in pages.items()}
    checked = 0
    for path, node in pages.items():
        for link in node.iter("a"):
            href = link.attrs.get("href") or ""
            parts = urlsplit(href)
            assert not parts.scheme, f"{path.name}: {href} leaves the report"
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target in ids, f"{path.name}: {href} names no page"
            if parts.fragment:
                assert unquote(parts.fragment) in ids[target], f"{path.name}: {href} names no id"
            checked += 1
    assert checked > 100


def test_every_actie_is_in_full_on_exactly_one_page_reached_from_the_main_page(
    split: Path,
) -> None:
    pages = _pages(split)
    main = pages.pop(split)
    assert list(main.iter("article")) == []
    found = [a.attrs["id"] or "" for node in pages.values() for a in node.iter("article")]
    expected = [f"actie-{a.id}" for a in load_registry(REAL_DATA).acties]
    assert sorted(found) == sorted(expected)
    # The main page's table of parts links to every page of acties.
    linked = {
        link.attrs["href"] for link in main.by_id("acties-parts").iter("a") if link.attrs["href"]
    }
    acties_pages = {f"index-pages/{p.name}" for p in pages if p.name.startswith("acties-")}
    assert linked == acties_pages
    # A hoofdstuk of four acties is one page of four; one of eight is two.
    rows = main.by_id("acties-parts").rows()
    assert [[*r[0].split()[:2], r[1], r[2].replace(" ,", ",")] for r in rows][:3] == [
        ["Hoofdstuk", "H2", "4", "1"],
        ["Hoofdstuk", "H3", "5", "1, 2"],
        ["Hoofdstuk", "H4", "8", "1, 2"],
    ]


def test_the_main_page_keeps_the_most_overdue_rows_and_links_the_whole_list(split: Path) -> None:
    pages = _pages(split)
    main = pages[split]
    late = overdue(load_registry(REAL_DATA), AS_OF)
    shown = [row[0] for row in main.by_id("overdue-mijlpalen").rows()]
    assert shown == [r.actie.id for r in late[:MAX_ROWS]]
    note = next(p for p in main.iter("p", "more") if "overdue-1.html" in p.text())
    assert f"de eerste {MAX_ROWS} van {len(late)}" in note.text()
    assert "overdue-1.html tot en met overdue-4.html in de map index-pages" in note.text()
    listed = []
    for number in range(1, 5):
        page = pages[split.parent / "index-pages" / f"overdue-{number}.html"]
        listed += [row[0] for row in page.by_id("overdue-mijlpalen").rows()]
    assert listed == [r.actie.id for r in late]


def test_a_list_page_says_where_it_is_and_links_back(split: Path) -> None:
    page = _pages(split)[split.parent / "index-pages" / "overdue-2.html"]
    header = next(page.iter("header"))
    assert "Pagina 2 van 4: rijen 5 tot en met 8 van 16." in header.text()
    hrefs = {link.text(): link.attrs["href"] for link in header.iter("a")}
    assert hrefs["Terug naar de rapportage"] == "../index.html#overdue"
    assert hrefs["Vorige pagina"] == "overdue-1.html"
    assert hrefs["Volgende pagina"] == "overdue-3.html"
    # Links to acties point at their pages of acties.
    first = next(page.by_id("overdue-mijlpalen").iter("a")).attrs["href"] or ""
    assert first.startswith("acties-") and "#actie-" in first


def test_the_timeline_moves_to_the_pages_of_acties(split: Path) -> None:
    pages = _pages(split)
    main = pages.pop(split)
    assert not [n for n in main.iter("svg") if "timeline" in n.classes]
    assert "21 acties hebben mijlpalen op de tijdlijn" in main.by_id("timeline").text()
    rows = [
        row.attrs["data-actie"]
        for node in pages.values()
        for row in node.iter("g", "tl-row")
        if row.attrs.get("data-actie")
    ]
    assert len(rows) == 21 and len(set(rows)) == 21


def test_a_doel_or_promise_with_many_acties_says_where_they_are(split: Path) -> None:
    main = _pages(split)[split]
    cells = [row[2].replace(" ,", ",") for row in main.by_id("doelen-table").rows()]
    assert "9 acties, op eigen pagina's: 1, 2, 3" in cells
    assert "H3.1, H3.3" in cells  # four or fewer stay links
    # A promise's acties are its doelen's: it gives their number and points to the doelen.
    promises = main.by_id("zorgbelofte-table")
    assert promises.rows()[0][3] == "13 acties: die van haar doelen ( Doelen )"
    assert next(a.attrs["href"] for a in promises.iter("a")) == "#doelen"


def test_regional_acties_get_pages_per_regio(tmp_path: Path) -> None:
    registry = load_registry(REGISTRY)
    names = [name for name, _html in build_report(registry, AS_OF, version="x", max_rows=2)]
    assert names[-1] is None
    titles = [
        next(parse(html).iter("h1")).text()
        for name, html in build_report(registry, AS_OF, version="x", max_rows=2)
        if name and name.startswith("acties-")
    ]
    assert titles[-1] == "Acties: Regio Oost"


def test_the_same_data_gives_the_same_files(tmp_path: Path) -> None:
    registry = load_registry(REAL_DATA)

    def written(out: Path) -> dict[str, bytes]:
        write_report(registry, AS_OF, out, version="x", max_rows=MAX_ROWS)
        files = sorted(p for p in out.rglob("*") if p.is_file())
        return {str(p.relative_to(out)): p.read_bytes() for p in files}

    assert written(tmp_path / "a") == written(tmp_path / "b")


def test_out_html_file_gets_a_folder_named_after_it(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "bo-rapport.html"
    args = ["--data", REAL_DATA, "--as-of", "2026-01-15", "--out", out, "--max-rows", "4"]
    result = run_cli("report", *args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bo-rapport-pages", "bo-rapport.html"]
    main = parse(out.read_text(encoding="utf-8"))
    hrefs = [a.attrs.get("href") or "" for a in main.by_id("acties-parts").iter("a")]
    assert hrefs[0] == "bo-rapport-pages/acties-1.html"


def test_a_shorter_report_removes_the_pages_it_no_longer_needs(
    run_cli: RunCli, tmp_path: Path
) -> None:
    common = ["report", "--data", REAL_DATA, "--as-of", "2026-01-15", "--out", tmp_path]
    assert run_cli(*common, "--max-rows", "4").exit_code == 0
    assert (tmp_path / "index-pages" / "acties-1.html").is_file()
    assert run_cli(*common).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_a_folder_with_other_files_is_left_alone(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "index-pages"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    args = ["--data", REAL_DATA, "--as-of", "2026-01-15", "--out", tmp_path, "--max-rows", "4"]
    result = run_cli("report", *args)
    assert result.exit_code == 2
    assert "bevat bestanden die de rapportage niet schreef" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["index-pages", "notes.txt"]


def test_a_failed_write_leaves_the_old_report_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = load_registry(REAL_DATA)
    write_report(registry, AS_OF, tmp_path, version="old", max_rows=MAX_ROWS)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    calls = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        path.write_bytes(data)

    monkeypatch.setattr("eerstelijn.report.files._write_new", failing)
    with pytest.raises(OSError, match="No space"):
        write_report(registry, AS_OF, tmp_path, version="new", max_rows=MAX_ROWS)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index-pages", "index.html"]


def test_a_failed_main_page_puts_the_old_pages_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = load_registry(REAL_DATA)
    write_report(registry, AS_OF, tmp_path, version="old", max_rows=MAX_ROWS)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def failing(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("eerstelijn.report.files.write_atomic", failing)
    with pytest.raises(OSError, match="No space"):
        write_report(registry, AS_OF, tmp_path, version="new", max_rows=2)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index-pages", "index.html"]


def test_max_rows_must_be_positive(run_cli: RunCli, tmp_path: Path) -> None:
    args = ["--data", REAL_DATA, "--out", tmp_path, "--max-rows", "0"]
    result = run_cli("report", *args)
    assert result.exit_code == 2
    assert "--max-rows" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_version_is_on_every_page(split: Path) -> None:
    for node in _pages(split).values():
        assert "eerstelijn x" in next(node.iter("footer")).text()


def test_a_main_page_with_a_space_and_a_hash_in_its_name_is_linked_right(tmp_path: Path) -> None:
    out = tmp_path / "bo #1 januari.html"
    write_report(load_registry(REAL_DATA), AS_OF, out, version="x", max_rows=MAX_ROWS)
    main = parse(out.read_text(encoding="utf-8"))
    first = next(main.by_id("acties-parts").iter("a")).attrs["href"] or ""
    assert first == "bo%20%231%20januari-pages/acties-1.html"
    assert (tmp_path / unquote(first)).is_file()
    page = parse((tmp_path / unquote(first)).read_text(encoding="utf-8"))
    back = {a.text(): a.attrs["href"] or "" for a in next(page.iter("header")).iter("a")}
    assert back["Terug naar de rapportage"] == "../bo%20%231%20januari.html#acties"
