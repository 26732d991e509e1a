"""The HTML progress report for the bestuurlijk overleg: one self-contained `index.html`.

The page has its CSS, script and SVG inline and loads nothing, so it works from a file:// URL,
on GitHub Pages, and on paper. It is built from the queries alone; nothing here imports the
terminal stack.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eerstelijn.editing.atomic import write_atomic
from eerstelijn.models import Registry
from eerstelijn.report.page import Figure, build_page, headline_figures

if TYPE_CHECKING:
    from eerstelijn.history.versions import Comparison

__all__ = ["Figure", "build_page", "headline_figures", "write_report"]


def write_report(
    registry: Registry,
    as_of: date,
    out: Path,
    *,
    version: str,
    comparison: Comparison | None = None,
) -> Path:
    """Write the page to `out` when it names an .html file, else to `out/index.html`.

    With `comparison`, the page has a section of what changed since its older side. The
    directory is created where missing; the write is atomic. Returns the file's path.
    Raises OSError when it cannot be created or written.
    """
    target = (
        out if out.suffix.lower() in {".html", ".htm"} and not out.is_dir() else out / "index.html"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(
        target, build_page(registry, as_of, version=version, comparison=comparison).encode("utf-8")
    )
    return target
