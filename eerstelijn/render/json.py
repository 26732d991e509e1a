"""JSON output: stable keys, UTF-8, two-space indentation, a trailing newline.

Problems are a list of `{file, line, col, path, code, severity, message}`; `line` and `col` are
0 for problems about a whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eerstelijn.problems import Problem
from eerstelijn.render.listing import Section

if TYPE_CHECKING:
    from eerstelijn.history.versions import Comparison, Version

# JSON escapes C0 itself; DEL and C1 (0x9b starts a sequence in some terminals) it writes raw.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def dumps(data: Any) -> str:
    """The one JSON writer: every JSON output goes through here.

    Every control character is written as an escape (`\\u001b`), so the text prints safely
    on a terminal and still decodes to the data.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render_problems(problems: Sequence[Problem]) -> str:
    """Problems as a JSON list."""
    return dumps(
        [
            {
                "file": p.file,
                "line": p.line,
                "col": p.col,
                "path": p.yaml_path,
                "code": p.code,
                "severity": p.severity.value,
                "message": p.message,
            }
            for p in problems
        ]
    )


def render_sections(sections: Sequence[Section]) -> str:
    """A single section as a list of records; several as an object keyed by section."""
    if len(sections) == 1:
        return dumps(sections[0].records)
    return dumps({s.key: s.records for s in sections})


def render_changes(comparison: Comparison) -> str:
    """`changes --format json`: the two versions and the list of changes (docs/json-output.md)."""
    return dumps(
        {
            "van": _version(comparison.since),
            "tot": _version(comparison.until),
            "wijzigingen": [c.record() for c in comparison.changes],
        }
    )


def _version(version: Version) -> dict[str, Any]:
    commit = version.commit
    return {
        "gevraagd": version.asked,
        "hoe": version.how,
        "revisie": commit.sha if commit else None,
        "datum": commit.datum if commit else None,
        "onderwerp": commit.onderwerp if commit else None,
    }
