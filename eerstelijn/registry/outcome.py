"""`check` on a directory: load the registry and run every check, with the outcome cached.

Kept apart from checks/ and light to import: a run whose outcome is in the cache reads the files,
hashes them and unpickles a list of problems, without pydantic, the models or a YAML parser.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eerstelijn.problems import InvalidRegistry, KeyPath, Problem
from eerstelijn.registry.cache import RegistryCache
from eerstelijn.registry.load import Snapshot, ignored_files

if TYPE_CHECKING:
    from eerstelijn.models import Registry

__all__ = ["check_directory", "query_registry"]


def check_directory(
    root: str | os.PathLike[str],
    as_of: date,
    *,
    opt_in: Collection[str] = (),
    stale_days: int | None = None,
    cache: RegistryCache | None = None,
) -> list[Problem]:
    """Load the registry in `root` and run every check (and the opt-in ones named); raise
    InvalidRegistry when it is invalid.

    With a `cache`, the outcome is kept with the date it was judged by and the opt-in checks,
    so a second `check` of unchanged files needs neither the registry nor the checks. Files
    that look like data but are not read are warned about (ignored-file) on every run, never
    from the cache: adding one changes no file the cache key hashes.
    """
    ignored = ignored_files(Path(root))
    try:
        problems = _checked(root, as_of, opt_in=opt_in, stale_days=stale_days, cache=cache)
    except InvalidRegistry as invalid:
        raise InvalidRegistry(sorted([*invalid.problems, *ignored])) from None
    return sorted([*problems, *ignored])


def _checked(
    root: str | os.PathLike[str],
    as_of: date,
    *,
    opt_in: Collection[str],
    stale_days: int | None,
    cache: RegistryCache | None,
) -> list[Problem]:
    snapshot = Snapshot.read(root, cache=cache)
    detail = _detail(as_of, opt_in, stale_days)
    hit = _cached(snapshot, detail)
    if hit is not None:
        return hit
    return _judge(snapshot, as_of, opt_in, stale_days, detail)[1]


def query_registry(
    root: str | os.PathLike[str], as_of: date, *, cache: RegistryCache | None = None
) -> Registry:
    """The registry in `root`, fit for queries; raise InvalidRegistry with its errors when it is
    invalid or fails an integrity check (a duplicate id, an unknown partij or doel, ...).

    With a `cache`, the checks' outcome is the one `check` keeps (and this keeps it for
    `check`), so a query of unchanged files runs no check; and the registry comes from an
    entry of its own that keeps each item's file and line but not the position of every key
    (see `_for_queries`): half the bytes to read and hold.
    """
    from eerstelijn.models import Registry
    from eerstelijn.problems import Severity

    snapshot = Snapshot.read(root, cache=cache)
    detail = _detail(as_of, (), None)  # what a plain `check` keeps, so each finds the other's
    problems = _cached(snapshot, detail)
    if problems is None:
        registry, problems = _judge(snapshot, as_of, (), None, detail)
    else:
        registry = None
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise InvalidRegistry(errors)
    if registry is None:
        hit = snapshot.cached("query")
        if isinstance(hit, Registry):
            return hit
        registry = snapshot.registry()
    _for_queries(registry)
    snapshot.store("query", registry)
    return registry


def _for_queries(registry: Registry) -> None:
    """Keep of each item's origin only what queries use: its file, key path and own position.

    The positions of every key are for the checks, whose outcome is cached apart; at 100,000
    actions they are half the registry's memory and half the time to unpickle it.
    """
    from eerstelijn.problems import Origin

    kept: dict[int, dict[KeyPath, tuple[int, int]]] = {}
    for name in type(registry).model_fields:  # every data file's list of items
        for item in getattr(registry, name):
            private = getattr(item, "__pydantic_private__", None) or {}
            origin = private.get("_origin")
            if not isinstance(origin, Origin):
                continue
            positions = kept.setdefault(id(origin.positions), {})
            if origin.path in origin.positions:
                positions[origin.path] = origin.positions[origin.path]
            private["_origin"] = Origin(origin.file, origin.path, positions, {})


# checks.OPT_IN's codes, spelled out so that a cached run imports no check module
# (tests/registry/test_outcome.py asserts that the two agree).
OPT_IN_CODES = frozenset({"overdue-mijlpaal", "missing-status", "stale-mijlpaal"})


def _detail(as_of: date, opt_in: Collection[str], stale_days: int | None) -> str:
    """What the outcome of the checks depends on besides the files: the date, the opt-in checks
    run and, only when stale-mijlpaal is among them, its number of days. Codes that name no
    opt-in check change nothing, so `check --fail-on ...` and a query share one entry."""
    chosen = sorted(OPT_IN_CODES.intersection(opt_in))
    days = [f"stale={stale_days}"] if "stale-mijlpaal" in chosen else []
    return " ".join([as_of.isoformat(), *chosen, *days])


def _cached(snapshot: Snapshot, detail: str) -> list[Problem] | None:
    """The problems of a valid registry the cache holds for `detail`; raise InvalidRegistry
    when it holds those of an invalid one; None on a miss."""
    hit = snapshot.cached("checks", detail)
    if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[1], list):
        valid, cached = hit[0], [p for p in hit[1] if isinstance(p, Problem)]
        if len(cached) == len(hit[1]):
            if valid is True:
                return cached
            if valid is False and cached:
                raise InvalidRegistry(cached)
    return None


def _judge(
    snapshot: Snapshot,
    as_of: date,
    opt_in: Collection[str],
    stale_days: int | None,
    detail: str,
) -> tuple[Registry, list[Problem]]:
    """Load the registry and run the checks, keeping the outcome in the cache."""
    try:
        registry = snapshot.registry()
    except InvalidRegistry as invalid:
        snapshot.store("checks", (False, invalid.problems), detail)
        raise
    from eerstelijn.checks import run_checks

    days = {} if stale_days is None else {"stale_days": stale_days}
    problems = run_checks(registry, as_of, opt_in=opt_in, **days)
    snapshot.store("checks", (True, problems), detail)
    return registry, problems
