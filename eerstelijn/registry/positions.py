"""The positions of a file the line reader read, worked out one list item at a time, on demand.

A registry of 100,000 actions has about three million keys and values; their positions, as a
dict of key paths, took more memory than the registry itself, and a third of the time to
pickle it. Only problems need a position below an item, and a check finds problems in a few
items of many. So the line reader records the positions of the top three levels (each
file's key, every item of its list, where `show` and the JSON output place an action, and
the values of the item's own keys, where most problems stand: see linescan._EAGER) and where
each item's lines begin; the rest of an item's positions are read again from those lines the
first time one of them is asked for, by the same reader, so they are the very ones a full
read gives. Pickled, the map is the file's text and what was worked out so far.

Kept free of the readers' imports: a registry unpickled from the cache needs no YAML parser
until a problem below an item must be placed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, MutableMapping
from typing import Any

from eerstelijn.problems import KeyPath

__all__ = ["FileScan", "Positions"]

Position = tuple[int, int]


class FileScan:
    """One file's text (or its UTF-8 bytes), the positions known so far and where each item's
    lines begin and end.

    `units` maps the path of each item of a top-level list (or key of a top-level mapping) to
    its first line, its column, its index in its list (None in a mapping) and the line after
    its last.
    """

    __slots__ = ("_starts", "keys", "keys_scanned", "scanned", "text", "units", "values")

    def __init__(
        self,
        text: str | bytes,
        units: dict[KeyPath, tuple[int, int, int | None, int]],
        values: dict[KeyPath, Position],
        keys: dict[KeyPath, Position],
    ) -> None:
        self.text, self.units, self.values, self.keys = text, units, values, keys
        # The items whose values' (and keys') positions are all known.
        self.scanned: set[KeyPath] = set()
        self.keys_scanned: set[KeyPath] = set()
        self._starts: array[int] | None = None

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.text, self.units, self.values, self.keys, self.scanned, self.keys_scanned)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.text, self.units, self.values, self.keys, self.scanned, self.keys_scanned = state
        self._starts = None

    def unit(self, path: KeyPath, *, keys: bool = False) -> None:
        """Work out every value's (or key's) position in the item that `path` lies in, once."""
        if len(path) > 2:
            self._read(path[:2], keys=keys)

    def everything(self, *, keys: bool = False) -> None:
        """Work out every value's (or key's) position in the file."""
        for head in self.units:
            self._read(head, keys=keys)

    def _read(self, head: KeyPath, *, keys: bool) -> None:
        # Keys' positions are asked for only to place a schema error: a values' reread
        # leaves them out, so that they take no memory in a registry that loaded.
        done = self.keys_scanned if keys else self.scanned
        if head in done or head not in self.units:
            return
        done.add(head)
        self.scanned.add(head)
        first, column, index, end = self.units[head]
        starts = self._line_starts()
        chunk = self.text[starts[first - 1] : starts[end - 1] if end <= len(starts) else None]
        if isinstance(chunk, bytes):  # no item begins on the first line, so no BOM is in it
            chunk = chunk.decode("utf-8").replace("\r\n", "\n")
        from eerstelijn.registry import linescan

        linescan.rescan(chunk, first, column, head, index, self.values, self.keys if keys else {})

    def _line_starts(self) -> array[int]:
        if self._starts is None:
            text = self.text
            newline = re.compile(b"\n" if isinstance(text, bytes) else "\n")
            starts = array("q", [0])
            starts.extend(m.end() for m in newline.finditer(text))  # type: ignore[arg-type]
            self._starts = starts
        return self._starts


class Positions(MutableMapping[KeyPath, Position]):
    """The values' (or keys') positions of a FileScan, each item's read on first use."""

    __slots__ = ("_keys", "_known", "_scan")

    def __init__(self, scan: FileScan, *, keys: bool = False) -> None:
        self._scan, self._keys = scan, keys
        self._known = scan.keys if keys else scan.values

    def __reduce__(self) -> tuple[Any, ...]:
        return (_positions, (self._scan, self._keys))

    def __getitem__(self, path: KeyPath) -> Position:
        known = self._known
        if path not in known:
            self._scan.unit(path, keys=self._keys)
        return known[path]

    def __contains__(self, path: object) -> bool:
        known = self._known
        if path in known:
            return True
        if not isinstance(path, tuple):
            return False
        self._scan.unit(path, keys=self._keys)
        return path in known

    def __setitem__(self, path: KeyPath, at: Position) -> None:
        self._known[path] = at

    def __delitem__(self, path: KeyPath) -> None:
        self._scan.everything(keys=self._keys)
        del self._known[path]

    def __iter__(self) -> Iterator[KeyPath]:
        self._scan.everything(keys=self._keys)
        return iter(self._known)

    def __len__(self) -> int:
        self._scan.everything(keys=self._keys)
        return len(self._known)

    def __repr__(self) -> str:
        return f"Positions({len(self._known)} known of {len(self._scan.units)} items' lines)"


def _positions(scan: FileScan, keys: bool) -> Positions:
    return Positions(scan, keys=keys)
