"""`file:line:col: severity[code] path: message`, one problem a line, as compilers write them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from eerstelijn.problems import Problem, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def location(problem: Problem) -> str:
    """`file:line:col`, or only the file for problems about a whole file."""
    if problem.line <= 0:
        return problem.file
    return f"{problem.file}:{problem.line}:{problem.col}"


def render_problems(problems: Sequence[Problem]) -> Text:
    """All problems as lines; severity in colour where the console allows it."""
    out = Text()
    for problem in problems:
        out.append(f"{location(problem)}: ")
        out.append(f"{problem.severity.value}[{problem.code}]", style=_STYLE[problem.severity])
        where = f"{problem.yaml_path}: " if problem.yaml_path else ""
        out.append(f" {where}{problem.message}\n")
    out.rstrip()
    return out
