"""The one error of reading the registry's history."""

from __future__ import annotations

from collections.abc import Sequence

from eerstelijn.problems import Problem

__all__ = ["HistoryError"]


class HistoryError(Exception):
    """The history cannot be read: no repository, an unknown revision, an invalid version.

    `problems` holds the located problems of a version that is not a valid registry.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = sorted(problems)
