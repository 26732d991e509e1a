"""`file:line:col: severity[code] path: message`, one problem a line, as compilers write them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Span, Text

from eerstelijn.problems import Problem, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def location(problem: Problem) -> str:
    """`file:line:col`, or only the file for problems about a whole file."""
    if problem.line <= 0:
        return problem.file
    return f"{problem.file}:{problem.line}:{problem.col}"


def render_problems(problems: Sequence[Problem]) -> Text:
    """All problems as lines; severity in colour where the console allows it."""
    # One string and a list of spans: appending piece by piece to a Text costs ~40 µs a
    # problem, a lot when a large registry has thousands of warnings.
    lines: list[str] = []
    spans: list[Span] = []
    offset = 0
    for problem in problems:
        head = f"{location(problem)}: "
        severity = f"{problem.severity.value}[{problem.code}]"
        where = f"{problem.yaml_path}: " if problem.yaml_path else ""
        line = f"{head}{severity} {where}{problem.message}"
        start = offset + len(head)
        spans.append(Span(start, start + len(severity), _STYLE[problem.severity]))
        lines.append(line)
        offset += len(line) + 1
    return Text("\n".join(lines), spans=spans)
