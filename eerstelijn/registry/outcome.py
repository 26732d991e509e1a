"""`check` on a directory: load the registry and run every check, with the outcome cached.

Kept apart from checks/ and light to import: a run whose outcome is in the cache reads the files,
hashes them and unpickles a list of problems, without pydantic, the models or a YAML parser.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from eerstelijn.problems import InvalidRegistry, KeyPath, Problem
from eerstelijn.registry.cache import Parts, RegistryCache
from eerstelijn.registry.load import Snapshot, ignored_files

if TYPE_CHECKING:
    from eerstelijn.models import Registry

__all__ = ["answer", "check_directory", "printed_answer", "query_registry"]

T = TypeVar("T")
ANSWER_SLOTS = 16  # the most answers (and texts printed of them) kept per registry directory


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
    return _query_registry(Snapshot.read(root, cache=cache), as_of)


def _query_registry(snapshot: Snapshot, as_of: date) -> Registry:
    from eerstelijn.problems import Severity

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
        if isinstance(hit, Parts) and (kept := _from_parts(hit)) is not None:
            return kept
        registry = snapshot.registry(keep=False)  # the query entry below is what is kept
    _for_queries(registry)
    snapshot.store("query", Parts(_in_parts(registry)))
    return registry


# The query entry is kept in parts (see cache.Parts) of whole files' actions, at least this
# many actions each; a file's items share one dict of positions, which a part must not split.
QUERY_PART = 5_000


def _in_parts(registry: Registry) -> Iterator[object]:
    """The registry without its actions, then its actions in parts of whole files.

    The registry is without its actions only while its part is pickled: they are put back
    when the next part is asked for, or when the pickling stops (the cache closes this)."""
    acties = registry.acties
    registry.__dict__["acties"] = []
    try:
        yield registry
    finally:
        registry.__dict__["acties"] = acties
    part: list[object] = []
    file = None
    for actie in acties:
        if len(part) >= QUERY_PART and actie.origin.file != file:
            yield part
            part = []
        part.append(actie)
        file = actie.origin.file
    yield part


def _from_parts(parts: Parts) -> Registry | None:
    """The registry kept by `_in_parts`, or None when the parts are not such a registry."""
    from eerstelijn.models import Actie, Registry

    head, *rest = list(parts.values) or [None]
    if not isinstance(head, Registry):
        return None
    acties: list[Actie] = []
    for part in rest:
        if not isinstance(part, list) or not all(isinstance(actie, Actie) for actie in part):
            return None
        acties += part
    head.__dict__["acties"] = acties
    return head


@dataclass(frozen=True)
class _Answer(Generic[T]):
    """A kept answer, told apart from anything else an entry could hold (None included)."""

    value: T


def answer(
    root: str | os.PathLike[str],
    as_of: date,
    question: str,
    build: Callable[[Registry], T],
    *,
    cache: RegistryCache | None = None,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """What `build` makes of the registry in `root` (fit for queries, as `query_registry`
    gives it), asked as `question` on `as_of`; raise InvalidRegistry as `query_registry` does.

    `question` names everything besides the files and the date that the answer depends on:
    the command and each of its options. With a `cache`, the answer is kept as `check` keeps
    its outcome, under the files' key (which covers the tool and the language of texts), the
    date and the question, so asking again about unchanged files needs neither pydantic nor
    the models: only the files' bytes and the answer are read. `build` must give plain data
    that can be pickled; when it raises, or `keep` says no (an answer too large to keep, say),
    nothing is kept.
    """
    return _answer(Snapshot.read(root, cache=cache), as_of, question, build, keep)


@dataclass(frozen=True)
class _Printed:
    """An answer's text as it was printed in one output setting."""

    text: str


def printed_answer(
    root: str | os.PathLike[str],
    as_of: date,
    question: str,
    build: Callable[[Registry], T],
    show: Callable[[T], tuple[str, bool]],
    *,
    setting: str,
    cache: RegistryCache | None = None,
) -> str:
    """The text `show` makes of the answer to `question` (as `answer` gives it), to be printed
    in `setting`; raise InvalidRegistry as `answer` does.

    `setting` names everything besides the files, the date and the question that the text
    depends on: for a table, the width, colour and encoding of the console. `show` gives the
    text and whether it may be kept for `setting` (no, when it found the console otherwise).
    With a `cache`, the text is kept beside the answer, so that asking again in the same
    setting about unchanged files reads neither the answer nor the models and lays nothing
    out. It is kept in a slot of its own beside the answer's: a text printed in another
    setting replaces it, never an answer.
    """
    snapshot = Snapshot.read(root, cache=cache)
    detail, slot = _asked(as_of, question)
    printed = f"{detail} {_digest(setting)}"
    hit = snapshot.cached(f"printed{slot}", printed)
    if isinstance(hit, _Printed):
        return hit.text
    text, fits = show(_answer(snapshot, as_of, question, build, None))
    if fits:
        snapshot.store(f"printed{slot}", _Printed(text), printed)
    return text


def _digest(text: str) -> str:
    """A short, fixed-size stand-in for a question or a setting in an entry's detail."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _asked(as_of: date, question: str) -> tuple[str, int]:
    """The detail an answer to `question` on `as_of` is kept under, and its slot."""
    asked = _digest(question)
    # A few questions are kept side by side, so that asking in turn does not evict each
    # answer before it is asked again; the slot is the question's, and a collision is a miss.
    return f"{as_of.isoformat()} {asked}", int(asked, 16) % ANSWER_SLOTS


def _answer(
    snapshot: Snapshot,
    as_of: date,
    question: str,
    build: Callable[[Registry], T],
    keep: Callable[[T], bool] | None,
) -> T:
    detail, slot = _asked(as_of, question)
    kind = f"answer{slot}"
    hit = snapshot.cached(kind, detail)
    if isinstance(hit, _Answer):
        kept: T = hit.value
        return kept
    value = build(_query_registry(snapshot, as_of))
    if keep is None or keep(value):
        snapshot.store(kind, _Answer(value), detail)
    return value


def _for_queries(registry: Registry) -> None:
    """Make the registry lighter to keep and to hold, for queries.

    Of each item's origin only what queries use is kept: its file, key path and own position.
    The positions of every key are for the checks, whose outcome is cached apart; at 100,000
    actions they are half the registry's memory and half the time to unpickle it.

    And what is equal is shared (`validate.share_equal`): pickling keeps an object shared, so
    the registry read back from the cache holds one of each.
    """
    from eerstelijn.problems import Origin
    from eerstelijn.registry.validate import share_equal

    # What the checks worked out and kept with the registry (its cached properties, such as
    # every progress log) is not kept with it: a query works it out again if it asks.
    for name in [n for n in registry.__dict__ if n not in type(registry).model_fields]:
        del registry.__dict__[name]
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
    share_equal(registry)


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
    """Load the registry and run the checks, keeping the outcome in the cache.

    The registry itself is not kept: pickling it would make a cold `check` a third slower
    (0.4 s at 10,000 actions) for the sake of a later run, and neither a later `check` (its
    outcome) nor a query (its own entry, see query_registry) reads it.
    """
    try:
        registry = snapshot.registry(keep=False)
    except InvalidRegistry as invalid:
        snapshot.store("checks", (False, invalid.problems), detail)
        raise
    from eerstelijn.checks import run_checks

    days = {} if stale_days is None else {"stale_days": stale_days}
    problems = run_checks(registry, as_of, opt_in=opt_in, **days)
    snapshot.store("checks", (True, problems), detail)
    return registry, problems
