"""GitHub Actions workflow commands, so each problem shows as an annotation on the diff."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eerstelijn.controls import visible
from eerstelijn.problems import Problem, Severity

if TYPE_CHECKING:
    from eerstelijn.history.versions import Comparison


def _escape_data(value: str) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(value, one_line=True)


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_problems(problems: Sequence[Problem]) -> str:
    """One `::error` or `::warning` line per problem."""
    lines = []
    for p in problems:
        level = "error" if p.severity is Severity.ERROR else "warning"
        props = [f"file={_escape_property(p.file)}"]
        if p.line > 0:
            props += [f"line={p.line}", f"col={p.col}"]
        props.append(f"title={_escape_property(p.code)}")
        message = f"{p.yaml_path}: {p.message}" if p.yaml_path else p.message
        lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    return "".join(f"{line}\n" for line in lines)


def render_changes(comparison: Comparison) -> str:
    """One `::notice` per change, on the line of the data it is about (newer side)."""
    lines = []
    for c in comparison.changes:
        props = [f"file={_escape_property(c.file)}"]
        if c.line is not None:
            props.append(f"line={c.line}")
        props.append(f"title={_escape_property(f'{c.soort} {c.id}: {c.wijziging}')}")
        lines.append(f"::notice {','.join(props)}::{_escape_data(c.tekst)}")
    return "".join(f"{line}\n" for line in lines)
