"""Shared fixtures: the small test registry, a scratch copy of it, and a CLI runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import Result
from hypothesis import settings
from typer.testing import CliRunner

if TYPE_CHECKING:
    from playwright.sync_api import Browser

from eerstelijn.cli import app
from eerstelijn.registry.cache import CACHE_DIR_ENV, NO_CACHE_ENV

# No hypothesis deadline: it is a timed assertion, and a busy machine (CI beside other work)
# made property tests fail at random on time alone; the benchmarks measure speed instead.
settings.register_profile("eerstelijn", deadline=None)
settings.load_profile("eerstelijn")

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY = FIXTURES / "registry"
REAL_DATA = Path(__file__).parent.parent / "data"

# A fixed environment for asserted output: no colour, a known width.
CLI_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb", "GITHUB_ACTIONS": ""}

RunCli = Callable[..., Result]


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI runs in tests load afresh (the library uses a cache only when given one)."""
    monkeypatch.setenv(NO_CACHE_ENV, "1")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Turn the cache on, in a fresh directory."""
    directory = tmp_path / "cache"
    monkeypatch.delenv(NO_CACHE_ENV)
    monkeypatch.setenv(CACHE_DIR_ENV, str(directory))
    return directory


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture registry."""
    target = tmp_path / "data"
    shutil.copytree(REGISTRY, target)
    return target


@pytest.fixture
def run_cli() -> RunCli:
    """Run the CLI in-process with a fixed environment; exceptions are not swallowed."""

    def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
        runner = CliRunner()
        argv: Sequence[str] = [str(a) for a in args]
        return runner.invoke(app, argv, env={**CLI_ENV, **(env or {})}, catch_exceptions=False)

    return run


GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/*.txt from the current output instead of comparing.",
    )


Golden = Callable[[str, str], None]


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare `text` with tests/golden/<name>.txt, or rewrite it under --update-golden."""

    def compare(name: str, text: str) -> None:
        path = GOLDEN / f"{name}.txt"
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8")

    return compare


# --- Browser tests ---------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the tests marked `browser` (skipped where it is
    missing, unless CI requires it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


_SKIPPED_BROWSER = pytest.StashKey[int]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the `browser` tests where Debian's chromium is missing, and remember how many."""
    if CHROMIUM.exists():
        return
    browser = [item for item in items if "browser" in item.keywords]
    if not browser:
        return
    reason = f"{CHROMIUM} is missing: install Debian's package (apt-get install chromium)"
    if os.environ.get("EERSTELIJN_REQUIRE_BROWSER"):
        # CI installs Chromium (.ci/run): there a skipped browser test would be a silent hole.
        raise pytest.UsageError(f"EERSTELIJN_REQUIRE_BROWSER is set, but {reason}")
    for item in browser:
        item.add_marker(pytest.mark.skip(reason=reason))
    config.stash[_SKIPPED_BROWSER] = len(browser)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Say loudly that the report was not tested in a browser, so a green run cannot hide it."""
    skipped = config.stash.get(_SKIPPED_BROWSER, 0)
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{skipped} BROWSER TESTS DID NOT RUN: {CHROMIUM} is missing "
            "(apt-get install chromium; .ci/run installs it)",
            red=True,
            bold=True,
        )


@pytest.fixture(autouse=True)
def _dutch() -> None:
    """Every test starts in the default language, whatever the test before it asked for."""
    from eerstelijn import i18n

    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def english() -> None:
    """Texts in the source language: unit tests of the core assert its wording in English,
    the source of every translation; command-line tests and golden files assert Dutch."""
    from eerstelijn import i18n

    i18n.set_language("en")
