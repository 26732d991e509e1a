"""The registry's history: its versions read from git, and what changed between two of them.

`versions` finds the repository of a data directory and reads the registry at a revision or a
date through the same loader (and content cache) as the working tree; `diff` compares two
Registry objects, a pure function. Nothing here prints, reads the clock or exits: errors are a
HistoryError that the command line turns into exit 2.
"""

from __future__ import annotations

from eerstelijn.history.errors import HistoryError

__all__ = ["HistoryError"]
