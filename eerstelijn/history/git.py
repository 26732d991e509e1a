"""The git repository that holds a data directory, read through the git command line.

The command line, not a library: git is there wherever a repository is, it reads every
repository format (packs, worktrees, partial clones) as git itself does, and it costs no
dependency. One `git cat-file --batch` streams every blob of a version, so reading the 10,000
action registry at a revision is one process, not one per file.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from eerstelijn.history.errors import HistoryError
from eerstelijn.i18n import N_, _
from eerstelijn.shape import FILES, REGIONAL_DIR

__all__ = ["UNSHALLOW", "Commit", "Repository"]

# The default branch is looked for in this order; the first that exists is the base.
DEFAULT_BRANCHES = ("origin/HEAD", "main", "master")
_FILE_MODES = (b"100644", b"100755")
UNSHALLOW = N_("fetch the history (git fetch --unshallow; in GitHub Actions, fetch-depth: 0)")


@dataclass(frozen=True)
class Commit:
    """One commit: its full hash, when it was committed (ISO date), its author, its subject."""

    sha: str
    datum: str
    auteur: str
    onderwerp: str

    @property
    def short(self) -> str:
        """The abbreviated hash people recognise."""
        return self.sha[:10]


@dataclass(frozen=True)
class Repository:
    """The repository of a data directory: its top, and the directory's path inside it."""

    top: Path
    prefix: PurePosixPath  # the data directory, relative to the top ('.' at the top itself)
    shallow: bool

    @classmethod
    def containing(cls, directory: Path) -> Repository:
        """The repository whose work tree holds `directory` (which need not exist any more)."""
        existing, missing = directory.absolute(), PurePosixPath()
        while not existing.is_dir() and existing != existing.parent:
            existing, missing = existing.parent, PurePosixPath(existing.name) / missing
        try:
            out = _run(
                existing,
                "rev-parse",
                "--show-toplevel",
                "--show-prefix",
                "--is-shallow-repository",
            )
        except HistoryError:
            message = _("{dir} is not in a git repository").format(dir=directory)
            raise HistoryError(message) from None
        top, prefix, shallow = out.decode().split("\n")[:3]
        return cls(Path(top), PurePosixPath(prefix or ".") / missing, shallow == "true")

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        """The output of a git command run at the top; HistoryError when it fails."""
        return _run(self.top, *args, stdin=stdin)

    def commit(self, revision: str) -> str | None:
        """The full hash of the commit `revision` names, or None when it names none."""
        try:
            out = self.git(
                "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
            )
        except HistoryError:
            return None
        return out.decode().strip() or None

    def commit_on(self, day: date) -> str | None:
        """The last commit on HEAD's history made on or before `day` (committer date)."""
        try:
            out = self.git("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
        except HistoryError:
            return None
        return out.decode().strip() or None

    def default_base(self) -> tuple[str, str]:
        """Where a pull request starts: the merge base of HEAD with the default branch
        (origin/HEAD, else main, else master), else HEAD; with the name of what was used.
        """
        for branch in DEFAULT_BRANCHES:
            if self.commit(branch) is None:
                continue
            try:
                base = self.git("merge-base", "HEAD", branch).decode().strip()
            except HistoryError:
                if self.shallow:
                    raise HistoryError(
                        _(
                            "this shallow clone lacks the merge base of HEAD and {branch}: {advice}"
                        ).format(branch=branch, advice=_(UNSHALLOW))
                    ) from None
                continue
            return base, f"merge-base HEAD {branch}"
        head = self.commit("HEAD")
        if head is None:
            raise HistoryError(_("the repository has no commits yet"))
        return head, "HEAD"

    def describe(self, sha: str) -> Commit:
        """The date, author and subject of a commit."""
        out = self.git("show", "-s", "--format=%H%x00%cs%x00%an%x00%s", sha).decode()
        full, datum, auteur, onderwerp = out.rstrip("\n").split("\0")
        return Commit(full, datum, auteur, onderwerp)

    def files(self, sha: str) -> dict[PurePosixPath, bytes]:
        """The registry's data files at a commit: path below the data directory -> bytes.

        Only what the loader reads is fetched: the fixed files and `acties/*.yaml`. A path
        held as a link or a submodule is left out, as the loader refuses links on disk.
        """
        wanted = {PurePosixPath(f.name) for f in FILES}
        spec = "" if str(self.prefix) == "." else f"{self.prefix}/"
        listing = self.git("ls-tree", "-r", "-z", "--full-tree", sha, "--", spec or ".")
        blobs: dict[PurePosixPath, str] = {}
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, blob = meta.split(b" ")
            path = PurePosixPath(name.decode("utf-8", "surrogateescape"))
            if spec:
                path = path.relative_to(self.prefix)
            regional = path.parent == PurePosixPath(REGIONAL_DIR) and path.suffix == ".yaml"
            if kind == b"blob" and mode in _FILE_MODES and (path in wanted or regional):
                blobs[path] = blob.decode()
        return dict(zip(blobs, self._read_blobs(list(blobs.values())), strict=True))

    def _read_blobs(self, shas: list[str]) -> list[bytes]:
        """The contents of blobs, in order, from one `git cat-file --batch`."""
        if not shas:
            return []
        out = self.git("cat-file", "--batch", stdin="".join(f"{s}\n" for s in shas).encode())
        contents, at = [], 0
        for _sha in shas:
            header_end = out.index(b"\n", at)
            size = int(out[at:header_end].rsplit(b" ", 1)[1])
            start = header_end + 1
            contents.append(out[start : start + size])
            at = start + size + 1  # the object is followed by a newline
        return contents

    def log(self) -> list[Commit]:
        """The commits of HEAD's history that changed the data directory, oldest first."""
        spec = "." if str(self.prefix) == "." else f"{self.prefix}/"
        out = self.git(
            "log", "-z", "--reverse", "--format=%H%x00%cs%x00%an%x00%s", "HEAD", "--", spec
        )
        fields = out.decode(errors="replace").split("\0")
        return [Commit(*fields[i : i + 4]) for i in range(0, len(fields) - 3, 4)]


def _run(where: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in `where`, its output as bytes; HistoryError with git's message on failure."""
    try:
        done = subprocess.run(
            ["git", "-C", str(where), *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise HistoryError(_("git is not installed, or not on the PATH")) from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise HistoryError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout
