"""`check` on a directory: load the registry and run every check, with the outcome cached.

Kept apart from checks/ and light to import: a run whose outcome is in the cache reads the files,
hashes them and unpickles a list of problems, without pydantic, the models or a YAML parser.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from datetime import date
from pathlib import Path

from eerstelijn.problems import InvalidRegistry, Problem
from eerstelijn.registry.cache import RegistryCache
from eerstelijn.registry.load import Snapshot, ignored_files

__all__ = ["check_directory"]


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
    detail = " ".join([as_of.isoformat(), f"stale={stale_days}", *sorted(opt_in)])
    hit = snapshot.cached("checks", detail)
    if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[1], list):
        valid, cached = hit[0], [p for p in hit[1] if isinstance(p, Problem)]
        if len(cached) == len(hit[1]):
            if valid is True:
                return cached
            if valid is False and cached:
                raise InvalidRegistry(cached)
    try:
        registry = snapshot.registry()
    except InvalidRegistry as invalid:
        snapshot.store("checks", (False, invalid.problems), detail)
        raise
    from eerstelijn.checks import run_checks

    days = {} if stale_days is None else {"stale_days": stale_days}
    problems = run_checks(registry, as_of, opt_in=opt_in, **days)
    snapshot.store("checks", (True, problems), detail)
    return problems
