"""Comment-preserving edits of the registry files: set_status, assign, add and fmt.

Each edit loads the registry, changes one file's round-trip tree (ruamel.yaml keeps comments,
blank lines, quoting and flow style), validates the registry as it would be after the edit,
and returns FileEdits holding the old and the new bytes. Nothing is written until `write`.
How the tree is laid out (key order, quoting, where comments go) is yaml_layout.py's concern.
"""

from __future__ import annotations

import difflib
import fcntl
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from eerstelijn import lookup
from eerstelijn.checks import integrity_problems
from eerstelijn.controls import visible
from eerstelijn.editing import yaml_layout
from eerstelijn.editing.atomic import write_atomic
from eerstelijn.editing.yaml_layout import normalise_termijn
from eerstelijn.i18n import _
from eerstelijn.kwartaal import Termijn, TimingError
from eerstelijn.lookup import suggest
from eerstelijn.models import Actie, Mijlpaal, Registry
from eerstelijn.registry.cache import RegistryCache
from eerstelijn.registry.load import (
    ROUND_TRIP_LIMIT,
    InvalidRegistry,
    RegistryFiles,
    load_registry,
)
from eerstelijn.shape import BEOORDELINGEN, HOOFDSTUKKEN, STATUSES

__all__ = [
    "HOOFDSTUKKEN",
    "STATUSES",
    "ConflictError",
    "EditError",
    "FileEdit",
    "InvalidEdit",
    "NewActie",
    "NewVoortgang",
    "NotCanonical",
    "WriteError",
    "add",
    "assign",
    "fmt",
    "next_id",
    "normalise_termijn",
    "set_status",
    "update",
    "write",
]


# The integrity checks that decide whether a registry may be written do not depend on the
# date; a fixed one keeps the core off the clock.
_ANY_DAY = date(2000, 1, 1)

# A new regional file: its name, the line that points editors at the schema, its first text.
_NEW_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_SCHEMA_LINE = re.compile(r"(?P<prefix>#\s*yaml-language-server:\s*\$schema=)(?P<ref>\S+)\s*")
_NEW_ACTIES_FILE = (
    "# The actions of a regional agenda, beside the national acties.yaml: the same schema,\n"
    "# and ids unique across all files.\n"
    "acties: []\n"
)


class EditError(Exception):
    """An edit that cannot be made; the message says why."""


class InvalidEdit(InvalidRegistry):
    """An edit that would leave the registry invalid; the problems point into the edited text."""


class NotCanonical(EditError):
    """A file whose layout an edit would change beyond the edited lines."""


class ConflictError(EditError):
    """The file changed on disk between reading and writing it."""


class WriteError(EditError):
    """The file could not be written; the original is unchanged."""


@dataclass(frozen=True)
class FileEdit:
    """One file's bytes before and after an edit; `new` when the edit creates the file."""

    path: Path
    before: bytes
    after: bytes
    new: bool = False

    @property
    def changed(self) -> bool:
        """True when the edit changes (or creates) the file."""
        return self.new or self.before != self.after

    def diff(self) -> str:
        """The change as a unified diff, git style (`a/` and `b/` before the path, /dev/null
        for a file that does not exist yet)."""
        # A newline in a file name would let the name forge lines of the output (a CI log
        # reads `::error` at the start of any line): the headers write it as `\\n`.
        name = visible(str(self.path), one_line=True)
        lines = difflib.unified_diff(
            self.before.decode("utf-8").splitlines(keepends=True),
            self.after.decode("utf-8").splitlines(keepends=True),
            fromfile="/dev/null" if self.new else f"a/{name}",
            tofile=f"b/{name}",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class NewActie:
    """What `add` writes: the id is chosen by `add` (next free in its hoofdstuk) unless given.

    `mijlpalen` are (omschrijving, deadline) pairs; the deadline may be None. `document` is
    an id in documenten.yaml; None means the first document listed there.
    """

    titel: str
    doelen: Sequence[str]
    sectie: str
    document: str | None = None
    hoofdstuk: str | None = None
    id: str | None = None
    regio: str | None = None
    trekker: Sequence[str] = ()
    betrokkenen: Sequence[str] = ()
    mijlpalen: Sequence[tuple[str, str | None]] = ()
    toelichting: str | None = None


@dataclass(frozen=True)
class NewVoortgang:
    """What `update` and `replan` append to a progress log: one dated entry."""

    datum: date
    status: str | None = None
    deadline: str | None = None
    reden: str | None = None
    beoordeling: str | None = None
    toelichting: str | None = None
    door: str | None = None
    document: str | None = None
    sectie: str | None = None


def update(
    root: Path,
    actie_id: str,
    entry: NewVoortgang,
    *,
    mijlpaal: int | None = None,
    cache: RegistryCache | None = None,
) -> FileEdit:
    """Append one entry to the progress log of milestone `mijlpaal` (1-based) of an action.

    Without `mijlpaal`, an action of one milestone gets it on that milestone, and an entry
    that only says vervallen goes on the action itself. The edit only adds lines: the log is
    never rewritten. The registry with the entry must be valid (a gereed, vervallen or
    re-planning needs a bron; a re-planning a reden), or nothing is written.
    """
    if entry.status is not None:
        entry = replace(entry, status=lookup.find_choice("status", entry.status, STATUSES))
    if entry.beoordeling is not None:
        found = lookup.find_choice("beoordeling", entry.beoordeling, BEOORDELINGEN)
        entry = replace(entry, beoordeling=found)
    if entry.status is None and entry.deadline is None and entry.beoordeling is None:
        raise EditError(_("say what changed: a status, a new deadline or a beoordeling"))
    if entry.document and not entry.sectie:
        raise EditError(_("--bron needs --sectie: where in that document it is recorded"))
    registry = _load_valid(root, cache)
    actie = _actie(registry, actie_id)
    if entry.document:  # written as documenten.yaml writes it, or refused with the nearest ids
        entry = replace(entry, document=lookup.find_document(registry, entry.document).id)
    doc = _Document.around(actie)
    node = doc.item(actie)
    count = len(actie.mijlpalen)
    target: CommentedMap
    model: type[BaseModel]
    if mijlpaal is None and count == 1:
        mijlpaal = 1
    if mijlpaal is None:
        if entry.status != "vervallen" or entry.deadline or entry.beoordeling:
            raise EditError(
                _(
                    "action {id} has {count} mijlpalen: say which with --mijlpaal "
                    "(only vervallen can be recorded on the action as a whole)"
                ).format(id=actie.id, count=count)
            )
        target, model = node, Actie
    else:
        if not 1 <= mijlpaal <= count:
            if count:
                message = _("action {id} has {count} mijlpalen; --mijlpaal must be 1 to {count}")
            else:
                message = _("action {id} has no mijlpalen; leave --mijlpaal out")
            raise EditError(message.format(id=actie.id, count=count))
        target, model = node["mijlpalen"][mijlpaal - 1], Mijlpaal
    yaml_layout.append_entry(target, "voortgang", _new_entry(entry), model)
    return _finish(root, doc)


def set_status(
    root: Path,
    actie_id: str,
    status: str,
    *,
    datum: date,
    mijlpaal: int | None = None,
    document: str | None = None,
    sectie: str | None = None,
    cache: RegistryCache | None = None,
) -> FileEdit:
    """`update` with only a status: kept for the command line's `set-status`."""
    entry = NewVoortgang(datum, status=status, document=document, sectie=sectie)
    return update(root, actie_id, entry, mijlpaal=mijlpaal, cache=cache)


def _new_entry(entry: NewVoortgang) -> CommentedMap:
    node = CommentedMap(datum=entry.datum)
    if entry.status:
        node["status"] = entry.status
    if entry.deadline:
        try:
            Termijn.parse(entry.deadline)
        except TimingError as error:
            raise EditError(_("deadline: {error}").format(error=error)) from None
        node["deadline"] = normalise_termijn(entry.deadline.strip())
    for key in ("reden", "beoordeling", "toelichting", "door"):
        value = getattr(entry, key)
        if value:
            node[key] = yaml_layout.text(value)
    if entry.document:
        bron = CommentedMap(document=entry.document)
        if entry.sectie:
            bron["sectie"] = yaml_layout.text(entry.sectie, flow=True)
        bron.fa.set_flow_style()
        node["bron"] = bron
    return node


def assign(
    root: Path,
    actie_id: str,
    *,
    trekker: Sequence[str] = (),
    betrokkenen: Sequence[str] = (),
    remove: bool = False,
    cache: RegistryCache | None = None,
) -> FileEdit:
    """Add partij codes to an action's trekker and betrokkenen, or remove them.

    Codes already there are not added twice. A list emptied by `remove` stays, as `[]`.
    """
    if not trekker and not betrokkenen:
        raise EditError(_("name at least one --trekker or --betrokken"))
    registry = _load_valid(root, cache)
    actie = _actie(registry, actie_id)
    doc = _Document.around(actie)
    node = doc.item(actie)
    for key, named in (("trekker", trekker), ("betrokkenen", betrokkenen)):
        codes = _codes(registry, named)
        if remove:
            _remove_codes(registry, node, key, codes, actie.id)
        elif codes:
            _add_codes(registry, node, key, codes)
    return _finish(root, doc)


def covered_by_groep(
    registry: Registry, actie_id: str, key: str, named: Sequence[str]
) -> list[tuple[str, str]]:
    """(code, groep) for each named partij that a groep already in the action's `key` list
    (trekker or betrokkenen) stands for: adding it changes no count, and may be a mistake."""
    actie = _actie(registry, actie_id)
    present: list[str] = list(getattr(actie, key))
    groepen = [
        p.code for c in present if (p := registry.partij(c)) is not None and p.soort == "groep"
    ]
    covered: list[tuple[str, str]] = []
    for code in _codes(registry, named):
        groep = next((g for g in groepen if g != code and code in registry.members(g)), None)
        if groep is not None:
            covered.append((code, groep))
    return covered


def next_id(registry: Registry, hoofdstuk: str) -> str:
    """The next free action id in a chapter: H3.6 after H3.5, across all files."""
    pattern = re.compile(rf"{re.escape(hoofdstuk)}\.(\d+)")
    numbers = [int(m[1]) for a in registry.acties if (m := pattern.fullmatch(a.id))]
    return f"{hoofdstuk}.{max(numbers, default=0) + 1}"


def add(
    root: Path, actie: NewActie, *, file: Path | None = None, cache: RegistryCache | None = None
) -> tuple[FileEdit, str]:
    """Add an action to acties.yaml (or to `file`, one of the registry's acties files, or a
    new `acties/NAME.yaml` that the edit creates, for a regional agenda's first action).

    It goes after the last action of its hoofdstuk in that file, else at the end. Returns the
    edit and the new action's id.
    """
    registry = _load_valid(root, cache)
    target, exists = _acties_file(root, file)
    actie_id = _new_id(registry, actie)
    if not actie.doelen:
        raise EditError(_("give at least one doel (--doel)"))
    actie = replace(
        actie,
        doelen=_doelen(registry, actie.doelen),
        document=_document(registry, actie.document),
        trekker=_codes(registry, actie.trekker),
        betrokkenen=_codes(registry, actie.betrokkenen),
    )
    in_file = _in_file(registry, target) if exists else []
    position = _position(in_file, actie.hoofdstuk)
    if in_file:  # between its neighbours; two before it show how the items are spaced
        doc = _Document.window(target, in_file[0], max(0, position - 2), position + 1)
    else:
        doc = _Document.read(target) if exists else _Document.new_acties_file(root, target)
    items = doc.tree["acties"]
    if not isinstance(items, CommentedSeq):
        raise EditError(_("{file}: 'acties' is not a list").format(file=target))
    if not items:
        items.fa.set_block_style()  # a new file's `acties: []` becomes a list of mappings
    node = _new_node(actie, actie_id)
    yaml_layout.insert_item(items, position - doc.first, node, spaced=doc.spaced())
    return _finish(root, doc), actie_id


def fmt(root: Path, *, cache: RegistryCache | None = None) -> list[FileEdit]:
    """Every registry file in canonical form, comments and blank lines kept.

    Canonical: keys in the order of the model's fields, the indentation of data/, flow
    collections on one line, quarters written as 'Q1 2026'.
    """
    _load_valid(root, cache)
    edits: list[FileEdit] = []
    for path in RegistryFiles.find(root).files:
        _refuse_large(
            path,
            _(
                "{file}:1:1: fmt rewrites a file whole, and this one has {size} KiB, more than "
                "the {limit} KiB that can be rewritten in time; edits of it keep working, item "
                "by item"
            ),
        )
        doc = _Document.read(path, canonical=False)
        yaml_layout.reindent_comments(doc.tree, (), 0)
        yaml_layout.canonicalise(doc.tree)
        edits.append(FileEdit(path, doc.before, doc.dump()))
    changed = {e.path: e.after for e in edits if e.changed}
    if changed:
        _validate(root, changed)
    return edits


def write(edit: FileEdit) -> None:
    """Replace the file by the edited bytes, atomically, unless it changed since it was read.

    The new bytes go to a temporary file in the same directory, are flushed and fsynced, then
    renamed over the original; on any failure the original stays as it was and the temporary
    file is removed. A lock on the original makes the check and the rename one step, so two
    concurrent edits of one file never both win. A new file is created only if no file of
    that name has appeared meanwhile.
    """
    if edit.new:
        _create(edit)
        return
    try:
        fd = os.open(edit.path, os.O_RDONLY)
    except OSError as error:
        message = _("{file}: {reason}; nothing was written")
        raise WriteError(message.format(file=edit.path, reason=error.strerror or error)) from None
    if not os.fstat(fd).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        # A rename would replace it anyway (the directory is writable): someone made it
        # read-only on purpose, and the edit respects that, as an editor would.
        os.close(fd)
        raise WriteError(_("{file} is read-only; nothing was written").format(file=edit.path))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if _changed_on_disk(edit, fd):
            raise ConflictError(
                _(
                    "{file} changed on disk since it was read; nothing was written. "
                    "Run the command again on the new content."
                ).format(file=edit.path)
            )
        # Through a symbolic link, replace the file it points to and keep the link.
        _replace(edit.path.resolve(), edit.after)
    finally:
        os.close(fd)  # also releases the lock


def _changed_on_disk(edit: FileEdit, fd: int) -> bool:
    # Another edit replaces the file rather than changing it, so the locked file may be an
    # old one: compare identities before contents.
    try:
        if edit.path.stat().st_ino != os.fstat(fd).st_ino:
            return True
        current = edit.path.read_bytes()
    except OSError:
        return True
    return hashlib.sha256(current).digest() != hashlib.sha256(edit.before).digest()


def _replace(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data, mode=stat.S_IMODE(path.stat().st_mode))
    except OSError as error:
        message = _("{file}: {reason}; the file is unchanged")
        raise WriteError(message.format(file=path, reason=error.strerror or error)) from None


def _create(edit: FileEdit) -> None:
    try:
        edit.path.parent.mkdir(exist_ok=True)
        write_atomic(edit.path, edit.after, exclusive=True)
    except FileExistsError:
        raise ConflictError(
            _(
                "{file} was created by someone else meanwhile; nothing was written. "
                "Run the command again to add to it."
            ).format(file=edit.path)
        ) from None
    except OSError as error:
        message = _("{file}: {reason}; nothing was written")
        raise WriteError(message.format(file=edit.path, reason=error.strerror or error)) from None


@dataclass
class _Document:
    """One registry file: the bytes read and the round-trip tree made from them.

    The tree holds the whole file, or, for an edit of one item, only a window of its list:
    the items from `first` on, under a `header` line that gives them their context. ruamel
    reads 0.1 to 0.5 MB/s; a window costs what its few items cost, whatever the file's size.
    `head` and `tail` are the text before and after the window, written back as they were.
    """

    path: Path
    before: bytes
    tree: Any
    new: bool = False
    first: int = 0
    head: str = ""
    tail: str = ""
    header: str = ""
    dash: str = ""  # how the window's first item line begins: `  - `

    @classmethod
    def new_acties_file(cls, root: Path, path: Path) -> _Document:
        """An empty acties file at `path`, pointing editors at the schema as acties.yaml does."""
        header = _NEW_ACTIES_FILE
        first = _first_line(root / "acties.yaml")
        if (match := _SCHEMA_LINE.fullmatch(first)) and not _is_url_or_absolute(match["ref"]):
            # One directory deeper than acties.yaml, so one more step up to the schema.
            header = f"{match['prefix']}../{match['ref']}\n" + header
        return cls(path, b"", yaml_layout.round_trip_yaml().load(header), new=True)

    @classmethod
    def read(cls, path: Path, *, canonical: bool = True) -> _Document:
        """Read `path`; with `canonical`, refuse a file that a round trip would change."""
        raw = _read(path)
        doc = cls(path, raw, yaml_layout.round_trip_yaml().load(raw.decode("utf-8-sig")))
        if canonical and doc.dump() != raw:
            raise _not_canonical(path)
        return doc

    @classmethod
    def around(cls, actie: Actie) -> _Document:
        """The window of an action's file that an edit of the action needs: the action and
        the one after it (the comments between them are stored with the next item)."""
        index = actie.origin.path[1]
        assert isinstance(index, int)
        return cls.window(Path(actie.origin.file), actie, index, index + 2)

    @classmethod
    def window(cls, path: Path, holder: Actie, first: int, end: int) -> _Document:
        """Items `first` to `end` (exclusive) of the file's list, read as a document of their
        own; the whole file where its layout gives no clean window. `holder` is an action
        of the file, whose origin knows the file's positions.

        The result dumps to the same bytes as the whole file's round trip would: a window
        starts at the line of an item's dash and ends before the next item's, and a file
        whose window would change in a round trip is refused as not canonical.
        """
        key, positions = holder.origin.path[0], holder.origin.positions
        raw = _read(path)
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            raise _not_canonical(path)  # a round trip writes neither a BOM nor a CR
        text = raw.decode("utf-8")
        end = min(end, _count(positions, key, end))
        start = _dash_line(text, positions.get((key, first)))
        stop = _dash_line(text, positions.get((key, end))) if (key, end) in positions else len(text)
        header = f"{key}:\n"
        if start is None or stop is None or not isinstance(key, str):
            return cls._whole(path, raw)
        try:
            tree = yaml_layout.round_trip_yaml().load(header + text[start:stop])
        except Exception:  # the window is no document of its own: read the whole file
            return cls._whole(path, raw)
        items = tree.get(key) if isinstance(tree, CommentedMap) else None
        if not isinstance(items, CommentedSeq) or len(tree) != 1 or len(items) != end - first:
            return cls._whole(path, raw)
        doc = cls(path, raw, tree, first=first, head=text[:start], tail=text[stop:], header=header)
        doc.dash = text[start : text.index("-", start) + 2]
        if doc.dump() != raw:
            raise _not_canonical(path)
        return doc

    @classmethod
    def _whole(cls, path: Path, raw: bytes) -> _Document:
        message = _(
            "{file}:1:1: its actions do not each start on a line of their own (`  - id: ...`), "
            "so an edit would rewrite the file whole, and it has {size} KiB, more than the "
            "{limit} KiB that can be rewritten in time; run `eerstelijn fmt` on a smaller copy"
        )
        _refuse_large(path, message, raw)
        return cls.read(path)

    def dump(self) -> bytes:
        """The tree as YAML text (the window put back between the text around it)."""
        out = io.StringIO()
        yaml_layout.round_trip_yaml().dump(self.tree, out)
        text = out.getvalue()
        if self.header:
            text = self.head + text.removeprefix(self.header) + self.tail
        return text.encode("utf-8")

    def spaced(self) -> bool | None:
        """For a window: whether the file's items are separated by blank lines, as ruamel
        would judge it from the whole list (a blank line first after an item's last value);
        None when the tree holds the whole file and can tell itself."""
        if not self.header:
            return None
        dash = re.escape(self.dash)
        blank_first = rf"^(?![ \t]*(?:#|$)).*\n[ \t]*\n(?:[ \t]*(?:#.*)?\n)*{dash}"
        return re.search(blank_first, self.before.decode("utf-8"), re.MULTILINE) is not None

    def item(self, actie: Actie) -> CommentedMap:
        """The tree node of an action loaded from this file."""
        key, index = actie.origin.path
        assert isinstance(index, int)
        items = self.tree[key]
        node = items[index - self.first] if 0 <= index - self.first < len(items) else None
        if not isinstance(node, CommentedMap) or str(node.get("id")) != actie.id:
            message = _("{file} changed on disk while it was read; try again")
            raise ConflictError(message.format(file=self.path))
        return node


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise EditError(f"{path}: {error.strerror or error}") from None


def _not_canonical(path: Path) -> NotCanonical:
    return NotCanonical(
        _(
            "{file} is not in canonical form, so an edit would change other lines too; "
            "run `eerstelijn fmt` first (and commit that on its own)"
        ).format(file=path)
    )


def _refuse_large(path: Path, message: str, raw: bytes | None = None) -> None:
    """Refuse to round-trip a whole file larger than the round-trip reader reads in time."""
    try:
        size = len(raw) if raw is not None else path.stat().st_size
    except OSError:
        return  # reading it says why
    if size > ROUND_TRIP_LIMIT:
        limit = ROUND_TRIP_LIMIT // 1024
        raise EditError(message.format(file=path, size=size // 1024, limit=limit))


def _count(positions: Any, key: Any, at_least: int) -> int:
    """How many items the list under `key` has, counted up to `at_least`."""
    return next((i for i in range(at_least + 1) if (key, i) not in positions), at_least)


def _dash_line(text: str, at: tuple[int, int] | None) -> int | None:
    """The offset of the line an item starts on, if it starts there after spaces and a dash
    (`  - id: ...`, as fmt writes items); None for any other layout."""
    if at is None:
        return None
    line, col = at
    offset = 0
    for _n in range(line - 1):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return None
    before = text[offset : offset + col - 1]
    if not _DASH.fullmatch(before):
        return None
    return offset


_DASH = re.compile(r" *- +")


def _in_file(registry: Registry, path: Path) -> list[Actie]:
    """The actions of one file, in its order."""
    wanted = str(path)
    resolved = {
        f: Path(f).resolve() == path.resolve() for f in {a.origin.file for a in registry.acties}
    }
    found = [a for a in registry.acties if a.origin.file == wanted or resolved[a.origin.file]]
    return sorted(found, key=lambda a: int(a.origin.path[1]))


def _finish(root: Path, doc: _Document) -> FileEdit:
    edit = FileEdit(doc.path, doc.before, doc.dump(), new=doc.new)
    if edit.changed:
        _validate(root, {doc.path: edit.after})
    return edit


def _load_valid(root: Path, cache: RegistryCache | None) -> Registry:
    """The registry, or InvalidRegistry when it has errors already: an edit cannot mend it."""
    registry = load_registry(root, cache=cache)
    errors = integrity_problems(registry, _ANY_DAY)
    if errors:
        raise InvalidRegistry(errors)
    return registry


def _validate(root: Path, overrides: dict[Path, bytes]) -> None:
    """Raise InvalidEdit when the registry with these file contents would be invalid."""
    try:
        registry = load_registry(root, overrides)
    except InvalidRegistry as invalid:
        raise InvalidEdit(invalid.problems) from None
    errors = integrity_problems(registry, _ANY_DAY)
    if errors:
        raise InvalidEdit(errors)


# Names on the command line are read as the query commands read them: case- and accent-blind,
# a partij also by alias or name; the file gets the canonical id or code.


def _actie(registry: Registry, actie_id: str) -> Actie:
    return lookup.find_actie(registry, actie_id)


def _codes(registry: Registry, named: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(lookup.find_partij(registry, n).code for n in named))


def _doelen(registry: Registry, named: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(lookup.find_doel(registry, n).id for n in named))


def _canonical(registry: Registry, code: object) -> str:
    partij = registry.partij(str(code))
    return partij.code if partij is not None else str(code)


def _add_codes(registry: Registry, node: CommentedMap, key: str, codes: Sequence[str]) -> None:
    """Append the codes not there yet (also not under an alias)."""
    seq = node.get(key)
    if not isinstance(seq, CommentedSeq):
        yaml_layout.put(node, key, yaml_layout.flow(codes), Actie)
        return
    if not seq:
        seq.fa.set_flow_style()  # `[]` has no style of its own; the data writes codes in flow
    present = {_canonical(registry, entry) for entry in seq}
    seq.extend(code for code in codes if code not in present)


def _remove_codes(
    registry: Registry, node: CommentedMap, key: str, codes: Sequence[str], actie_id: str
) -> None:
    """Remove each code (however it is written in the list); each must be there."""
    seq = node.get(key)
    have = [str(entry) for entry in seq] if isinstance(seq, CommentedSeq) else []
    for code in codes:
        written = [e for e in have if _canonical(registry, e) == code]
        if not written:
            message = _("{code!r} is not in {key} of {id} ({have})").format(
                code=code, key=key, id=actie_id, have=", ".join(have) or _("empty")
            )
            raise EditError(message)
        for entry in written:
            assert isinstance(seq, CommentedSeq)
            seq.remove(entry)
            have.remove(entry)


def _acties_file(root: Path, file: Path | None) -> tuple[Path, bool]:
    """The acties file to add to, as the registry names it, and whether it exists already."""
    files = [
        p
        for p in RegistryFiles.find(root).files
        if (p.parent == root and p.name == "acties.yaml") or p.parent == root / "acties"
    ]
    if file is None:
        return root / "acties.yaml", True
    named = {file.resolve(), (root / file).resolve()}
    for path in files:
        if path.resolve() in named:
            return path, True
    folder = (root / "acties").resolve()
    for candidate in sorted(named):
        if (
            candidate.parent == folder
            and folder.is_relative_to(root.resolve())  # not through a link out of the registry
            and candidate.suffix == ".yaml"
            and _NEW_NAME.fullmatch(candidate.stem)
            and not candidate.exists()
            and not candidate.is_symlink()
        ):
            return root / "acties" / candidate.name, False
    message = _(
        "{file} is not an acties file of the registry in {root}: give acties.yaml, an "
        "existing acties/NAME.yaml, or a new acties/NAME.yaml (letters, digits, '-' and '_')"
    ).format(file=file, root=root)
    raise EditError(message + suggest(str(file), [str(p) for p in files]))


def _first_line(path: Path) -> str:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        return ""


def _is_url_or_absolute(ref: str) -> bool:
    return "://" in ref or ref.startswith("/")


def _new_id(registry: Registry, actie: NewActie) -> str:
    if actie.hoofdstuk is not None and actie.hoofdstuk not in HOOFDSTUKKEN:
        close = lookup.close_matches(actie.hoofdstuk, HOOFDSTUKKEN, n=1)
        raise lookup.UnknownName(
            "hoofdstuk", actie.hoofdstuk, close, choices=", ".join(HOOFDSTUKKEN)
        )
    if actie.id is not None:
        if registry.actie(actie.id) is not None:
            raise EditError(_("action {id!r} already exists").format(id=actie.id))
        return actie.id
    if actie.hoofdstuk is None:
        raise EditError(_("give --hoofdstuk (the id is the next free one in it) or --id"))
    return next_id(registry, actie.hoofdstuk)


def _new_node(actie: NewActie, actie_id: str) -> CommentedMap:
    node = CommentedMap()
    node["id"] = actie_id
    node["titel"] = yaml_layout.text(actie.titel)
    if actie.hoofdstuk:
        node["hoofdstuk"] = actie.hoofdstuk
    if actie.regio:
        node["regio"] = yaml_layout.text(actie.regio)
    # YAML reads `[1, 2]` as numbers and the data writes goals that way; 6A stays text.
    node["doelen"] = yaml_layout.flow(int(d) if d.isdigit() else d for d in actie.doelen)
    node["trekker"] = yaml_layout.flow(dict.fromkeys(actie.trekker))
    if actie.betrokkenen:
        node["betrokkenen"] = yaml_layout.flow(dict.fromkeys(actie.betrokkenen))
    if actie.mijlpalen:
        node["mijlpalen"] = CommentedSeq(_new_mijlpaal(o, d) for o, d in actie.mijlpalen)
    if actie.toelichting:
        node["toelichting"] = yaml_layout.text(actie.toelichting)
    bron = CommentedMap(document=actie.document, sectie=yaml_layout.text(actie.sectie, flow=True))
    bron.fa.set_flow_style()
    node["bron"] = bron
    return node


def _document(registry: Registry, name: str | None) -> str:
    """The id of the document `name` means, or of the first in documenten.yaml."""
    if name is not None:
        return lookup.find_document(registry, name).id
    if not registry.documenten:
        raise EditError(_("documenten.yaml lists no document to cite; add one first"))
    return registry.documenten[0].id


def _new_mijlpaal(omschrijving: str, deadline: str | None) -> CommentedMap:
    node = CommentedMap(omschrijving=yaml_layout.text(omschrijving))
    if deadline:
        try:
            Termijn.parse(deadline)
        except TimingError as error:
            message = _("deadline of {omschrijving!r}: {error}")
            raise EditError(message.format(omschrijving=omschrijving, error=error)) from None
        node["deadline"] = normalise_termijn(deadline.strip())
    return node


def _position(in_file: Sequence[Actie], hoofdstuk: str | None) -> int:
    """After the file's last action of the same hoofdstuk, else at the end."""
    same = [i for i, a in enumerate(in_file) if hoofdstuk and a.hoofdstuk == hoofdstuk]
    return same[-1] + 1 if same else len(in_file)
