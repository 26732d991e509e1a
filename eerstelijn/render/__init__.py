"""Turning problems and query results into text: one module per output format.

Machine formats (json, csv, github) return plain strings; human formats return rich
renderables, which the CLI prints on a console that knows about TTYs and NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import RenderableType

from eerstelijn.problems import Problem, Severity
from eerstelijn.render import csv, github, json, markdown, table, text
from eerstelijn.render.csv import SeveralSections
from eerstelijn.render.listing import Section

__all__ = ["LISTING_FORMATS", "PROBLEM_FORMATS", "SeveralSections", "summary"]

LISTING_FORMATS: dict[str, Callable[[Sequence[Section]], RenderableType]] = {
    "table": table.render_sections,
    "json": json.render_sections,
    "csv": csv.render_sections,
    "markdown": markdown.render_sections,
}

PROBLEM_FORMATS: dict[str, Callable[[Sequence[Problem]], RenderableType]] = {
    "text": text.render_problems,
    "json": json.render_problems,
    "github": github.render_problems,
}


def summary(problems: Sequence[Problem], files: int) -> str:
    """One line: how many errors and warnings in how many files."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"No problems in {files} files."
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {files} files."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
