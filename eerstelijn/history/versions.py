"""The two sides of a comparison: which commit a revision or a date names, and the registry
there, read through the same loader and content cache as the working tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eerstelijn.history.diff import Change, changes
from eerstelijn.history.errors import HistoryError
from eerstelijn.history.git import UNSHALLOW, Commit, Repository
from eerstelijn.i18n import _
from eerstelijn.models import Actie, Registry
from eerstelijn.problems import InvalidRegistry
from eerstelijn.registry.cache import RegistryCache
from eerstelijn.registry.load import ParsedFiles, Snapshot

__all__ = [
    "WORKING_TREE",
    "ActieCommit",
    "Comparison",
    "Version",
    "actie_commits",
    "compare",
    "default_since",
    "read_version",
    "resolve",
]

WORKING_TREE = "working tree"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Version:
    """One side of a comparison: a commit, or the working tree (`commit` None)."""

    asked: str  # as the user wrote it, or what the default was
    how: str  # how the commit was found: "revision", "last commit on or before 2026-01-15"
    commit: Commit | None

    @property
    def names_hash(self) -> bool:
        """True when the version was asked for by (a prefix of) its commit's hash."""
        asked = self.asked.lower()
        return self.commit is not None and len(asked) >= 4 and self.commit.sha.startswith(asked)

    @property
    def label(self) -> str:
        """A short name for people: `main (3f2a1c9e0d)`, or `working tree`."""
        if self.commit is None:
            return WORKING_TREE
        if self.names_hash:
            return self.commit.short
        return f"{self.asked} ({self.commit.short})"


def resolve(repo: Repository, text: str, day: date | None) -> Version:
    """The version `text` names: a revision, or, where `day` is the date it reads as, the
    last commit on or before that day.

    An ISO date (2026-01-15) is always a date; any other text is a revision first and a date
    only when no revision has that name (so a branch called `today` still wins).
    """
    if day is not None and (_ISO_DATE.fullmatch(text.strip()) or repo.commit(text) is None):
        sha = repo.commit_on(day)
        if sha is None:
            hint = (
                _("; this clone is shallow: {advice}").format(advice=_(UNSHALLOW))
                if repo.shallow
                else ""
            )
            raise HistoryError(_("no commit on or before {day}").format(day=day.isoformat()) + hint)
        how = _("last commit on or before {day}").format(day=day.isoformat())
        return Version(text, how, repo.describe(sha))
    sha = repo.commit(text)
    if sha is None:
        if repo.shallow:
            raise HistoryError(
                _("unknown revision {text!r}: this clone is shallow; {advice}").format(
                    text=text, advice=_(UNSHALLOW)
                )
            )
        raise HistoryError(
            _("unknown revision {text!r}: no branch, tag or commit of that name").format(text=text)
        )
    return Version(text, "revision", repo.describe(sha))


def default_since(repo: Repository) -> Version:
    """Where a pull request starts: see Repository.default_base."""
    sha, how = repo.default_base()
    return Version(how, how, repo.describe(sha))


def read_version(
    repo: Repository,
    data: Path,
    version: Version,
    *,
    cache: RegistryCache | None = None,
    slot: str = "registry",
    parsed: ParsedFiles | None = None,
) -> Registry:
    """The registry of `data` at `version`; HistoryError naming the version when invalid.

    Files are given to the loader as bytes under the same paths as on disk, so problems and
    changes name `data/acties.yaml` whatever the version; `slot` keeps the cache entry of an
    older version apart from the working tree's; `parsed` is shared by the versions of one
    comparison, so a file they have in common is parsed once.
    """
    try:
        if version.commit is None:
            return Snapshot.read(data, cache=cache).registry(parsed)
        blobs = repo.files(version.commit.sha)
        if not blobs:
            raise HistoryError(
                _("{dir} holds no registry at {version}").format(
                    dir=repo.prefix, version=version.label
                )
            )
        contents = {data.joinpath(*path.parts): raw for path, raw in blobs.items()}
        # A data file added to the tool later (documenten.yaml) is absent from older versions:
        # there it held nothing yet, so its items count as added since.
        snapshot = Snapshot.given(data, contents, cache=cache, slot=slot, absent_ok=True)
        return snapshot.registry(parsed)
    except InvalidRegistry as invalid:
        where = _("the working tree") if version.commit is None else version.label
        message = _("the registry at {where} is invalid").format(where=where)
        raise HistoryError(message, invalid.problems) from None


@dataclass(frozen=True)
class Comparison:
    """Two versions of a registry and what changed from the first to the second."""

    since: Version
    until: Version
    changes: list[Change]


def compare(
    data: Path,
    *,
    since: str | None = None,
    since_day: date | None = None,
    until: str | None = None,
    until_day: date | None = None,
    cache: RegistryCache | None = None,
) -> Comparison:
    """What changed in the registry of `data` from `since` to `until`.

    `until` defaults to the working tree (uncommitted edits count), `since` to where a pull
    request starts (Repository.default_base). `since_day` and `until_day` are the dates the
    texts read as, where they read as one (see `resolve`).
    """
    repo = Repository.containing(data)
    old_version = default_since(repo) if since is None else resolve(repo, since, since_day)
    new_version = (
        Version(WORKING_TREE, WORKING_TREE, None)
        if until is None
        else resolve(repo, until, until_day)
    )
    parsed: ParsedFiles = {}
    old = read_version(repo, data, old_version, cache=cache, slot="registry-since", parsed=parsed)
    new = read_version(repo, data, new_version, cache=cache, slot="registry-until", parsed=parsed)
    return Comparison(old_version, new_version, changes(old, new))


@dataclass(frozen=True)
class ActieCommit:
    """A commit that changed one action, and what it changed (empty: it was added)."""

    commit: Commit
    changes: list[Change]


def actie_commits(data: Path, actie_id: str) -> list[ActieCommit]:
    """Every commit of HEAD's history that changed the action `actie_id`, oldest first.

    Each version of the registry is read through the loader, a file parsed once for all the
    versions that share it; a version that is not a valid registry is passed over, and the
    next valid one is compared with the last valid one before it.
    """
    from eerstelijn.history.diff import actie_changes

    repo = Repository.containing(data)
    parsed: ParsedFiles = {}
    found: list[ActieCommit] = []
    before: Actie | None = None
    for commit in repo.log():
        version = Version(commit.sha, "revision", commit)
        try:
            registry = read_version(repo, data, version, parsed=parsed)
        except HistoryError:
            continue
        now = registry.actie(actie_id)
        if now is None and before is None:
            continue
        if now is None or before is None or now != before or now.origin.file != before.origin.file:
            found.append(ActieCommit(commit, actie_changes(before, now)))
        before = now
    return found
