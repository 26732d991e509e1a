"""Control characters in text from the data: found for `check`, made visible for output.

A registry file is untrusted (a pull request from a fork), and its text reaches terminals, CI
logs, spreadsheets, calendars and Markdown. YAML's escapes (`"\\e"`, `"\\x9b"`, `"\\0"`) can put
any control character in a value. `check` refuses them in the data (`control-character`);
every output also neutralises them, so that data stays data even where `check` did not run:
`\\x1b` is printed as the four characters `\\x1b`, never as an escape sequence. Standard
library only: the plain problem formats use it without loading rich.
"""

from __future__ import annotations

import re

__all__ = ["CONTROLS", "LINE_CONTROLS", "escape", "visible"]

# C0 except tab and newline, DEL, and C1 (where 0x9b is a one-byte CSI in some terminals).
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same and tab and newline, and the Unicode line and paragraph separators: for output that
# is one line per item (problem lines, diff headers, annotations).
LINE_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(match: re.Match[str]) -> str:
    """The visible form of one matched control character: `\\n`, `\\x1b`, `\\u2028`."""
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with each control character written as its escape (`\\x1b`); with `one_line`,
    also newlines, tabs and line separators (`\\n`), so the text cannot start a new line.
    """
    pattern = LINE_CONTROLS if one_line else CONTROLS
    if pattern.search(text) is None:  # the usual case, and the quick one
        return text
    return pattern.sub(escape, text)
