"""The HTML progress report for the bestuurlijk overleg: a self-contained `index.html`.

The page has its CSS, script and SVG inline and loads nothing, so it works from a file:// URL,
on GitHub Pages, and on paper. A registry with lists longer than `max_rows` rows also gets
pages of their own, in a folder beside the page (`site.py`). It is built from the queries
alone; nothing here imports the terminal stack. The package loads its modules when they are
first asked for, so that writing pages kept in the cache (`files.py`) needs no models.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eerstelijn.history.versions import Comparison
    from eerstelijn.models import Registry
    from eerstelijn.report.page import Figure, build_page, build_report, headline_figures
    from eerstelijn.report.site import DEFAULT_MAX_ROWS

__all__ = [
    "DEFAULT_MAX_ROWS",
    "Figure",
    "build_page",
    "build_report",
    "headline_figures",
    "write_report",
]

_LAZY = {
    "DEFAULT_MAX_ROWS": "eerstelijn.report.site",
    "Figure": "eerstelijn.report.page",
    "build_page": "eerstelijn.report.page",
    "build_report": "eerstelijn.report.page",
    "headline_figures": "eerstelijn.report.page",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def write_report(
    registry: Registry,
    as_of: date,
    out: Path,
    *,
    version: str,
    comparison: Comparison | None = None,
    max_rows: int | None = None,
) -> Path:
    """Write the page to `out` when it names an .html file, else to `out/index.html`; pages of
    their own go to the folder beside it named after it (`index-pages/`), as
    `files.write_pages` writes them. With `comparison`, the page has a section of what changed
    since its older side. Returns the main page's path; raises OSError when it cannot write.
    """
    from eerstelijn.report.files import report_target, write_pages
    from eerstelijn.report.page import build_report
    from eerstelijn.report.site import DEFAULT_MAX_ROWS

    target = report_target(out)
    pages = build_report(
        registry,
        as_of,
        version=version,
        comparison=comparison,
        max_rows=DEFAULT_MAX_ROWS if max_rows is None else max_rows,
        main=target.name,
    )
    return write_pages(pages, target)
