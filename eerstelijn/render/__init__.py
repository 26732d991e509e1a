"""Turning problems and query results into text: one module per output format.

Machine formats (json, csv, github) and plain text return strings; human formats return
rich renderables, which the CLI prints on a console that knows about TTYs and NO_COLOR.
A format's module is imported when it is first used: a check in CI never loads rich.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any

from eerstelijn.i18n import ngettext
from eerstelijn.problems import Problem, Severity
from eerstelijn.render.csv import SeveralSections

if TYPE_CHECKING:
    from rich.console import RenderableType

    from eerstelijn.history.versions import Comparison
    from eerstelijn.render.listing import Section

__all__ = [
    "CHANGE_FORMATS",
    "LISTING_FORMATS",
    "PLAIN_PROBLEMS",
    "PROBLEM_FORMATS",
    "SeveralSections",
    "summary",
]


def _on_use(module: str, function: str) -> Callable[[Any], Any]:
    def render(items: Any) -> Any:
        return getattr(import_module(f"eerstelijn.render.{module}"), function)(items)

    render.__doc__ = f"eerstelijn.render.{module}.{function}, imported on first use."
    return render


LISTING_FORMATS: dict[str, Callable[[Sequence[Section]], RenderableType]] = {
    "table": _on_use("table", "render_sections"),
    "json": _on_use("json", "render_sections"),
    "csv": _on_use("csv", "render_sections"),
    "markdown": _on_use("markdown", "render_sections"),
}

PROBLEM_FORMATS: dict[str, Callable[[Sequence[Problem]], RenderableType]] = {
    "text": _on_use("text", "render_problems"),
    "json": _on_use("json", "render_problems"),
    "github": _on_use("github", "render_problems"),
}

# `changes`: what changed between two versions of the registry (eerstelijn.history).
CHANGE_FORMATS: dict[str, Callable[[Comparison], RenderableType]] = {
    "table": _on_use("table", "render_changes"),
    "markdown": _on_use("markdown", "render_changes"),
    "json": _on_use("json", "render_changes"),
    "github": _on_use("github", "render_changes"),
}

# The text format where no colour can show (CI logs, pipes): the same lines, without rich.
PLAIN_PROBLEMS: Callable[[Sequence[Problem]], RenderableType] = _on_use("text", "problem_lines")


def summary(problems: Sequence[Problem], files: int) -> str:
    """One line: how many errors and warnings in how many files."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return ngettext(
            "No problems in {files} file.", "No problems in {files} files.", files
        ).format(files=files)
    return ngettext(
        "{errors}, {warnings} in {files} file.", "{errors}, {warnings} in {files} files.", files
    ).format(
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        files=files,
    )
