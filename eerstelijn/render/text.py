"""`file:line:col: severity[code] path: message`, one problem a line, as compilers write them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eerstelijn.controls import visible
from eerstelijn.problems import Problem, Severity

if TYPE_CHECKING:
    from rich.text import Text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def location(problem: Problem) -> str:
    """`file:line:col`, or only the file for problems about a whole file."""
    file = visible(problem.file, one_line=True)
    if problem.line <= 0:
        return file
    return f"{file}:{problem.line}:{problem.col}"


def _line(problem: Problem) -> tuple[str, str]:
    # One problem, one line: a newline in a file name, path or message is written as `\\n`,
    # so data cannot forge a line (a CI log reads `::error` at the start of any line).
    head = f"{location(problem)}: "
    where = f"{visible(problem.yaml_path, one_line=True)}: " if problem.yaml_path else ""
    message = visible(problem.message, one_line=True)
    return head, f"{problem.severity.value}[{problem.code}] {where}{message}"


def problem_lines(problems: Sequence[Problem]) -> str:
    """All problems as plain lines, for output that cannot show colour anyway."""
    return "".join(f"{head}{rest}\n" for head, rest in map(_line, problems))


def render_problems(problems: Sequence[Problem]) -> Text:
    """All problems as lines; severity in colour where the console allows it."""
    from rich.text import Span, Text

    # One string and a list of spans: appending piece by piece to a Text costs ~40 µs a
    # problem, a lot when a large registry has thousands of warnings.
    lines: list[str] = []
    spans: list[Span] = []
    offset = 0
    for problem in problems:
        head, rest = _line(problem)
        severity = f"{problem.severity.value}[{problem.code}]"
        line = head + rest
        start = offset + len(head)
        spans.append(Span(start, start + len(severity), _STYLE[problem.severity]))
        lines.append(line)
        offset += len(line) + 1
    return Text("\n".join(lines), spans=spans)
