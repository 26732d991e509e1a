"""A report split over pages (`--max-rows`), read in a real browser from file:// URLs.

The real registry with at most four rows a list stands in for one of 100,000 acties: every
list and the acties in full go to pages of their own. Headless Chromium (Debian's package)
opens them as someone would open the folder from disk; nothing may be fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from typer.testing import CliRunner

from eerstelijn.cli import app
from tests.conftest import CLI_ENV, REAL_DATA
from tests.test_report_browser import VISIBLE_ROWS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("split")
    argv = ["report", "--data", str(REAL_DATA), "--as-of", "2026-01-15", "--out", str(out)]
    result = CliRunner().invoke(app, [*argv, "--max-rows", "4"], env=CLI_ENV)
    assert result.exit_code == 0, result.output
    return out / "index.html"


@pytest.fixture
def page(browser: Browser, report: Path) -> Iterator[Page]:
    """The main page; afterwards, every page it went to loaded nothing but itself."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requests: list[str] = []
    documents: list[str] = []
    errors: list[str] = []
    opened.on("request", lambda request: requests.append(request.url.split("#")[0]))
    opened.on("framenavigated", lambda frame: documents.append(frame.url.split("#")[0]))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(report.as_uri())
    yield opened
    context.close()
    assert errors == []
    assert all(url.startswith("file://") for url in requests)
    assert set(requests) <= set(documents), "a page must load nothing but itself"


def test_the_main_page_shows_the_first_rows_and_the_way_to_the_rest(page: Page) -> None:
    rows = page.locator("#overdue-mijlpalen tbody tr")
    assert rows.count() == 4
    assert rows.first.is_visible()
    more = page.locator("#overdue p.more")
    assert "de eerste 4 van 16" in more.inner_text()
    more.get_by_role("link", name="2", exact=True).click()
    assert page.url.endswith("/index-pages/overdue-2.html")
    assert page.locator("h1").inner_text() == "Mijlpalen te laat, langst te laat eerst"
    assert page.locator("#overdue-mijlpalen tbody tr").count() == 4
    page.get_by_role("link", name="Volgende pagina").click()
    assert page.url.endswith("/index-pages/overdue-3.html")
    page.get_by_role("link", name="Terug naar de rapportage").click()
    assert page.url.endswith("/index.html#overdue")
    assert page.locator("#overdue h2").is_visible()


def test_every_actie_is_reached_from_the_main_page(page: Page, report: Path) -> None:
    links = page.locator("#acties-parts a")
    hrefs = links.evaluate_all("as => as.map(a => a.href)")
    seen: list[str] = []
    for href in hrefs:
        page.goto(href)
        articles = page.locator("article.actie")
        assert articles.first.is_visible()
        seen += articles.evaluate_all("as => as.map(a => a.id)")
    assert len(seen) == 23 == len(set(seen))


def test_an_actie_link_opens_its_page_at_the_actie(page: Page) -> None:
    first = page.locator("#overdue-mijlpalen tbody tr").first.locator("a")
    actie = first.inner_text()
    first.click()
    assert "/index-pages/acties-" in page.url and page.url.endswith(f"#actie-{actie}")
    target = page.locator(f'article[id="actie-{actie}"]')
    assert target.is_visible()
    assert target.evaluate("a => a.matches(':target')")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_a_page_of_acties_has_its_own_filterable_timeline(page: Page) -> None:
    page.locator("#acties-parts a").nth(1).click()  # H3, its first four acties
    assert page.locator("#timeline-filter").is_visible()  # the script ran
    rows = page.locator("#timeline-svg .tl-row")
    assert rows.evaluate_all(VISIBLE_ROWS) == ["H3.1", "H3.2", "H3.3", "H3.4"]
    page.select_option("#filter-partij", "V&VN")
    assert rows.evaluate_all(VISIBLE_ROWS) == ["H3.2", "H3.4"]
    page.select_option("#filter-partij", "-")  # no trekker
    assert rows.evaluate_all(VISIBLE_ROWS) == ["H3.1", "H3.3"]
    assert page.locator("#filter-status").inner_text() == "2 van 4 acties getoond"
    # Its labels link to the acties on the same page.
    assert page.locator('#timeline-svg a[href="#actie-H3.2"]').count() == 1


def test_each_page_prints(page: Page, tmp_path: Path) -> None:
    page.locator("#acties-parts a").first.click()
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()
    assert not page.locator("#timeline-filter").is_visible()
    assert page.locator("article.actie").first.is_visible()
    pdf = tmp_path / "acties.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_page_of_acties_fits_a_phone(browser: Browser, report: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    opened = context.new_page()
    opened.goto((report.parent / "index-pages" / "acties-2.html").as_uri())
    assert opened.locator("article.actie").first.is_visible()
    # The timeline scrolls inside its own box; the page does not scroll sideways.
    assert opened.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
