"""The report in a real browser: headless Chromium (Debian's package) driven by Playwright.

The page is opened from disk as a file:// URL, as someone would open an attachment. These
tests never download a browser (`playwright install` is not used): conftest.py skips them, and
says so in the summary, where /usr/bin/chromium is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize
from typer.testing import CliRunner

from eerstelijn.cli import app
from tests.conftest import CLI_ENV, REAL_DATA

pytestmark = pytest.mark.browser

AS_OF = "2026-01-15"
DOCS_SCREENSHOT = Path(__file__).parent.parent / "docs" / "report.png"
VISIBLE_ROWS = (
    "rows => rows.filter(r => getComputedStyle(r).display !== 'none')"
    ".map(r => r.getAttribute('data-actie'))"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    argv = ["report", "--data", str(REAL_DATA), "--as-of", AS_OF, "--out", str(out)]
    result = CliRunner().invoke(app, argv, env=CLI_ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out / "index.html"


@pytest.fixture
def page(browser: Browser, report: Path) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(report.as_uri())
    yield opened
    context.close()
    assert errors == []
    assert requests == [report.as_uri()], "the report must load nothing but itself"


def _timeline_rows(page: Page) -> list[str]:
    rows: list[str] = page.locator("#timeline-svg .tl-row").evaluate_all(VISIBLE_ROWS)
    return rows


def test_figures_and_overdue_rows_are_visible(page: Page) -> None:
    figure = page.locator("#figure-overdue-mijlpalen dd")
    assert figure.is_visible()
    assert figure.inner_text() == "16"
    assert page.locator("#figure-acties dd").inner_text() == "23"
    rows = page.locator("#overdue-mijlpalen tbody tr")
    assert rows.count() == 16
    assert rows.first.is_visible()
    assert rows.first.locator("th").inner_text() == "H3.3"
    h33 = page.locator("#overdue-mijlpalen tbody tr", has_text="H3.3")
    assert h33.is_visible()
    assert "290" in h33.inner_text()


def test_filter_by_partij_and_hoofdstuk_changes_the_timeline(page: Page, tmp_path: Path) -> None:
    assert page.locator("#timeline-filter").is_visible()
    everything = _timeline_rows(page)
    assert len(everything) == 21
    page.select_option("#filter-partij", "LHV")
    lhv = _timeline_rows(page)
    assert lhv == ["H3.2", "H4.1", "H4.2", "H4.3", "H4.4", "H4.5", "H4.7", "H4.8"]
    assert page.locator("#filter-status").inner_text() == "8 van 21 acties getoond"
    page.select_option("#filter-hoofdstuk", "H3")
    assert _timeline_rows(page) == ["H3.2"]
    page.select_option("#filter-partij", "-")  # no trekker
    assert _timeline_rows(page) == ["H3.1", "H3.3"]
    page.click("#timeline-filter button[type=reset]")
    page.wait_for_function("document.getElementById('filter-status').textContent.startsWith('21')")
    assert _timeline_rows(page) == everything
    page.screenshot(path=str(tmp_path / "filtered.png"))
    assert (tmp_path / "filtered.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_shown_rows_close_up(page: Page) -> None:
    def top(actie: str) -> float:
        box = page.locator(f'#timeline-svg .tl-row[data-actie="{actie}"]').bounding_box()
        assert box is not None
        return box["y"]

    first, height = top("H2.1"), page.locator("#timeline-svg").bounding_box()
    page.select_option("#filter-hoofdstuk", "H5")
    assert top("H5.1") == first
    smaller = page.locator("#timeline-svg").bounding_box()
    assert height is not None and smaller is not None
    assert smaller["height"] < height["height"]


def test_filters_work_from_the_keyboard(page: Page) -> None:
    page.focus("#filter-partij")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-hoofdstuk"
    page.keyboard.press("ArrowDown")
    assert page.locator("#filter-hoofdstuk").input_value() == "H2"
    assert _timeline_rows(page) == ["H2.1", "H2.2", "H2.3"]


def test_without_javascript_everything_shows(browser: Browser, report: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report.as_uri())
    assert not page.locator("#timeline-filter").is_visible()
    assert len(_timeline_rows(page)) == 21
    assert page.locator("#overdue-mijlpalen tbody tr").first.is_visible()
    context.close()


def test_readable_on_a_phone(browser: Browser, report: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(report.as_uri())
    # Wide tables and the timeline scroll inside their own box; the page does not.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.locator("#figure-overdue-acties").is_visible()
    context.close()


def test_prints_to_pdf_without_the_controls(page: Page, tmp_path: Path) -> None:
    page.emulate_media(media="print")
    assert not page.locator("#timeline-filter").is_visible()
    assert not page.locator("nav").is_visible()
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_screenshot(page: Page, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The screenshot in the README; `pytest --update-golden` refreshes docs/report.png."""
    shot = tmp_path / "report.png"
    page.set_viewport_size({"width": 1100, "height": 1500})
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if request.config.getoption("--update-golden"):
        shutil.copyfile(shot, DOCS_SCREENSHOT)


PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, report: Path) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(report.as_uri())
    yield opened
    context.close()
    assert errors == []


def test_on_a_phone_no_table_is_wider_than_the_screen(phone: Page) -> None:
    tables = phone.locator("table")
    assert tables.count() > 10
    too_wide = tables.evaluate_all(
        "ts => ts.filter(t => t.getBoundingClientRect().right > window.innerWidth + 0.5)"
        ".map(t => t.querySelector('caption')?.textContent)"
    )
    assert too_wide == []
    # Nor does the page scroll sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_an_overdue_row_shows_deadline_days_late_and_trekker(phone: Page) -> None:
    row = phone.locator("#overdue-mijlpalen tbody tr").first
    row.scroll_into_view_if_needed()
    cells = row.locator("td")
    labels = cells.evaluate_all("cs => cs.map(c => c.getAttribute('data-label'))")
    assert {"deadline", "dagen te laat", "trekker"} <= set(labels)
    for index in range(cells.count()):
        cell = cells.nth(index)
        if not cell.inner_text().strip():
            continue
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # Each value is named: the column header is shown beside it.
    before = cells.first.evaluate("c => getComputedStyle(c, '::before').content")
    assert labels[0] in before


def test_on_a_phone_the_timeline_opens_at_today(phone: Page) -> None:
    wrap = phone.locator(".timeline-wrap")
    wrap.scroll_into_view_if_needed()
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # it does scroll sideways
    visible = wrap.evaluate(
        "w => { const l = w.querySelector('.tl-asof').getBoundingClientRect();"
        " const b = w.getBoundingClientRect(); return l.left >= b.left && l.right <= b.right; }"
    )
    assert visible, "the as-of line (today) must be in view when the page opens"
    assert wrap.evaluate("w => w.scrollLeft") > 0


def test_the_burnup_chart_renders_within_a_phone_screen(phone: Page) -> None:
    chart = phone.locator("#burnup-chart")
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None
    assert 200 < box["width"] <= PHONE["width"]
    assert box["height"] > 80
    # The three lines are drawn, the gereed line with a point per known quarter.
    assert phone.locator("#burnup-chart polyline").count() == 3
    assert phone.locator("#burnup-chart circle.bu-done").count() > 0
