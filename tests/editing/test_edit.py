"""Edits keep every byte that matters: only the edited lines change, and nothing bad is written."""

from __future__ import annotations

import difflib
import errno
import fcntl
import io
import multiprocessing
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from eerstelijn.checks import integrity_problems
from eerstelijn.editing import edit
from eerstelijn.lookup import UnknownName
from eerstelijn.models import Actie, Registry
from eerstelijn.registry.load import InvalidRegistry, RegistryFiles, load_registry
from tests.conftest import REAL_DATA, REGISTRY

ALL_FILES = [*RegistryFiles.find(REAL_DATA).files, *RegistryFiles.find(REGISTRY).files]


def changes(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """The removed and the added lines between two versions of a file."""
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.ndiff(
        before.decode().splitlines(keepends=True), after.decode().splitlines(keepends=True)
    ):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def comments(root: Path) -> list[str]:
    """Every comment of a registry, in order, file by file (no data value holds a '#')."""
    return [
        match[1]
        for path in RegistryFiles.find(root).files
        for line in path.read_text(encoding="utf-8").splitlines()
        if (match := re.search(r"(?:^|\s)(#.*)$", line))
    ]


def status_entry(
    root: Path, actie_id: str, status: str, *, mijlpaal: int | None = None
) -> edit.FileEdit:
    """A status report as set-status makes it, dated 2026-01-10, with a bron."""
    return edit.set_status(
        root,
        actie_id,
        status,
        datum=date(2026, 1, 10),
        mijlpaal=mijlpaal,
        document="realisatieagenda",
        sectie="H2, verslag",
    )


def copy_of(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


# --- Round trips


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_is_byte_identical(path: Path) -> None:
    assert edit._Document.read(path).dump() == path.read_bytes()


@pytest.mark.parametrize("root", [REAL_DATA, REGISTRY], ids=["data", "fixture"])
def test_fmt_changes_nothing_in_canonical_data(root: Path) -> None:
    assert [e.path for e in edit.fmt(root) if e.changed] == []


# --- Only the lines of what changed


@pytest.mark.parametrize(
    ("actie_id", "mijlpaal", "before_line"),
    [
        ("H2.1", None, '    bron: {document: realisatieagenda, sectie: "H2, actie 1"}\n'),
        ("H2.4", None, "    toelichting: >-\n"),
        ("VGZ.3", None, "    toelichting: De pagina noemt 2025"),
        ("H3.4", 3, "    toelichting: Volgens de bron levert"),
        ("H3.1", 1, "      - omschrijving: Uitvoering gestart\n"),
    ],
)
def test_update_on_real_data_only_adds_the_entry(
    actie_id: str, mijlpaal: int | None, before_line: str
) -> None:
    change = status_entry(REAL_DATA, actie_id, "lopend", mijlpaal=mijlpaal)
    removed, added = changes(change.before, change.after)
    assert removed == []
    assert added == [
        "        voortgang:\n",
        "          - datum: 2026-01-10\n",
        "            status: lopend\n",
        '            bron: {document: realisatieagenda, sectie: "H2, verslag"}\n',
    ]
    after = change.after.decode().splitlines(keepends=True)
    following = after[after.index(added[-1]) + 1]
    assert following.startswith(before_line)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("H2.4", ["ZN"], []), (["    trekker: []\n"], ["    trekker: [ZN]\n"])),
        (("H2.2", [], ["LHV"]), ([], ["    betrokkenen: [LHV]\n"])),
        (
            ("VGZ.1", [], ["ZN"]),
            (["    betrokkenen: [VGZ]\n"], ["    betrokkenen: [VGZ, ZN]\n"]),
        ),
    ],
)
def test_assign_on_real_data_changes_one_line(
    args: tuple[str, list[str], list[str]], expected: tuple[list[str], list[str]]
) -> None:
    actie_id, trekker, betrokkenen = args
    change = edit.assign(REAL_DATA, actie_id, trekker=trekker, betrokkenen=betrokkenen)
    assert changes(change.before, change.after) == expected


def test_add_on_real_data_inserts_after_its_chapter() -> None:
    new = edit.NewActie(titel="Nieuw", doelen=["1"], sectie="H3, actie 6", hoofdstuk="H3")
    change, actie_id = edit.add(REAL_DATA, new)
    assert actie_id == "H3.6"
    removed, added = changes(change.before, change.after)
    assert removed == []
    assert added == [
        "  - id: H3.6\n",
        "    titel: Nieuw\n",
        "    hoofdstuk: H3\n",
        "    doelen: [1]\n",
        "    trekker: []\n",
        '    bron: {document: realisatieagenda, sectie: "H3, actie 6"}\n',
        "\n",
    ]
    text = change.after.decode()
    assert text.index("id: H3.6") < text.index("# --- H4") < text.index("id: H4.1")


def test_next_id_counts_across_files() -> None:
    registry = load_registry(REGISTRY)
    assert edit.next_id(registry, "H2") == "H2.3"
    assert edit.next_id(registry, "H5") == "H5.1"


def test_a_status_report_is_always_a_new_entry_and_assign_of_a_present_code_is_none() -> None:
    change = status_entry(REGISTRY, "H2.1", "open")
    assert changes(change.before, change.after)[0] == []
    assert b"status: open" in change.after
    assert not edit.assign(REGISTRY, "H2.1", trekker=["ZN"]).changed


# --- Comments survive at their place


COMMENTED = {
    "acties:\n": "# Acties for tests, with comments where edits touch.\nacties:\n",
    "    trekker: [ZN]\n    betrokkenen": "    trekker: [ZN]  # the lead\n    betrokkenen",
    "  - id: H2.2\n": "  # --- the second one\n  - id: H2.2\n",
    "        deadline: Q3 2025\n": (
        "        deadline: Q3 2025  # first step\n      # between steps\n"
    ),
    "        deadline: Q1 2025\n    bron": (
        "        deadline: Q1 2025\n        # trailing note of the last mijlpaal\n    bron"
    ),
}


def commented_registry(target: Path) -> Path:
    root = copy_of(REGISTRY, target)
    acties = root / "acties.yaml"
    text = acties.read_text(encoding="utf-8")
    for old, new in COMMENTED.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    acties.write_text(text + "# end of acties\n", encoding="utf-8")
    return root


def test_a_milestone_status_goes_above_a_trailing_comment(tmp_path: Path) -> None:
    root = commented_registry(tmp_path / "data")
    change = status_entry(root, "H3.1", "gereed", mijlpaal=1)
    removed, added = changes(change.before, change.after)
    assert (removed, added[0]) == ([], "        voortgang:\n")
    assert "Q1 2025\n        voortgang:\n" in change.after.decode()
    assert '"H2, verslag"}\n        # trailing note' in change.after.decode()


IDS = ["H2.1", "H2.2", "H3.1", "H4.1", "OOST.1"]
CODES = ["ZN", "VWS", "ZIN", "ZINL", "LHV", "overheid"]

set_status_steps = st.tuples(
    st.just("set-status"),
    st.sampled_from(IDS),
    st.sampled_from(edit.STATUSES),
    st.one_of(st.none(), st.integers(1, 2)),
)
assign_steps = st.tuples(
    st.just("assign"),
    st.sampled_from(IDS),
    st.sampled_from(["trekker", "betrokkenen"]),
    st.lists(st.sampled_from(CODES), min_size=1, max_size=2),
    st.booleans(),
)


def apply(root: Path, step: tuple[Any, ...]) -> edit.FileEdit | None:
    if step[0] == "set-status":
        _, actie_id, status, _ = step
        mijlpaal = milestone(load_registry(root), step)
        if mijlpaal is None and status != "vervallen":
            mijlpaal = 1
        return status_entry(root, actie_id, status, mijlpaal=mijlpaal)
    _, actie_id, key, codes, remove = step
    lists = {"trekker": codes} if key == "trekker" else {"betrokkenen": codes}
    try:
        return edit.assign(root, actie_id, remove=remove, **lists)
    except edit.EditError:
        assert remove, "only removing a code that is not there may fail"
        return None


def milestone(registry: Registry, step: tuple[Any, ...]) -> int | None:
    """The step's milestone number, within the action's milestones."""
    wanted = step[3]
    return None if wanted is None else min(wanted, len(actie_of(registry, step[1]).mijlpalen))


def actie_of(registry: Registry, actie_id: str) -> Actie:
    found = registry.actie(actie_id)
    assert found is not None
    return found


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.one_of(set_status_steps, assign_steps), min_size=1, max_size=6))
def test_random_edits_keep_the_registry_valid_and_comments_intact(
    steps: list[tuple[Any, ...]],
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = commented_registry(Path(scratch) / "data")
        original_comments = comments(root)
        for step in steps:
            change = apply(root, step)
            if change is None:
                continue
            removed, added = changes(change.before, change.after)
            if step[0] == "set-status":
                assert removed == [] and 3 <= len(added) <= 4, (removed, added)
            else:
                assert len(removed) <= 1 and len(added) <= 2, (removed, added)
            edit.write(change)
            registry = load_registry(root)
            assert integrity_problems(registry, edit._ANY_DAY) == []
            assert comments(root) == original_comments
            assert_step_applied(registry, step)


def assert_step_applied(registry: Registry, step: tuple[Any, ...]) -> None:
    actie = actie_of(registry, step[1])
    if step[0] == "set-status":
        mijlpaal = milestone(registry, step)
        if mijlpaal is None and step[2] == "vervallen":
            assert actie.status_on(date.max) == "vervallen"
        else:
            assert actie.mijlpalen[(mijlpaal or 1) - 1].stand(date.max).status == step[2]
        return
    _, _, key, codes, remove = step
    present = {canonical(registry, code) for code in getattr(actie, key)}
    wanted = {canonical(registry, code) for code in codes}
    assert present.isdisjoint(wanted) if remove else present.issuperset(wanted)


def canonical(registry: Registry, code: str) -> str:
    partij = registry.partij(code)
    assert partij is not None
    return partij.code


# --- fmt


MESSY = """\
# A regional agenda written by hand.
acties:
    -   titel: Regionaal overleg   # what it is
        id: OOST.1
        regio: Oost
        trekker: [ZN,
                  VWS]
        doelen: [1]
        bron: {sectie: RESV, document: visie-vgz}
        mijlpalen:
            -   deadline: "2026-q1"
                omschrijving: Eerste overleg
            # then
            -   omschrijving: Tweede overleg
                deadline: voor q3-2026
        status: lopend
        # about the end
"""


def messy_registry(target: Path) -> Path:
    root = copy_of(REGISTRY, target)
    (root / "acties" / "regio-oost.yaml").write_text(MESSY, encoding="utf-8")
    return root


def test_fmt_makes_a_messy_file_canonical(
    tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    root = messy_registry(tmp_path / "data")
    (change,) = [e for e in edit.fmt(root) if e.changed]
    golden("fmt--canonical", change.after.decode())


def test_fmt_is_idempotent_and_keeps_the_models(tmp_path: Path) -> None:
    root = messy_registry(tmp_path / "data")
    before = load_registry(root)
    for change in edit.fmt(root):
        if change.changed:
            edit.write(change)
    assert [e.path for e in edit.fmt(root) if e.changed] == []
    after = load_registry(root)
    assert dump_models(after) == dump_models(before, quarters=edit.normalise_termijn)
    assert comments(root)[-4:] == [
        "# A regional agenda written by hand.",
        "# what it is",
        "# then",
        "# about the end",
    ]


def dump_models(registry: Registry, quarters: Callable[[str], str] = str) -> Any:
    dumped = registry.model_dump(mode="json")
    for actie in dumped["acties"]:
        for mijlpaal in actie["mijlpalen"]:
            if mijlpaal["deadline"] is not None:
                mijlpaal["deadline"] = quarters(mijlpaal["deadline"])
    return dumped


def test_normalise_termijn() -> None:
    assert edit.normalise_termijn("q1-2026") == "Q1 2026"
    assert edit.normalise_termijn("voor 2025-Q3") == "voor Q3 2025"
    assert edit.normalise_termijn("in 2025") == "in 2025"


def test_an_edit_refuses_a_file_that_is_not_canonical(tmp_path: Path) -> None:
    root = messy_registry(tmp_path / "data")
    with pytest.raises(edit.NotCanonical, match="run `eerstelijn fmt` first"):
        status_entry(root, "OOST.1", "gereed")


# --- Nothing invalid is written


def test_an_edit_of_an_invalid_registry_is_refused(tmp_path: Path) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    acties = root / "acties.yaml"
    acties.write_text(acties.read_text().replace("trekker: [LHV]", "trekker: [XYZ]"))
    with pytest.raises(InvalidRegistry) as raised:
        status_entry(root, "H2.1", "lopend")
    assert not isinstance(raised.value, edit.InvalidEdit), "the registry was invalid before"
    assert [p.code for p in raised.value.problems] == ["unknown-partij"]


def test_an_edit_that_breaks_the_schema_is_refused() -> None:
    new = edit.NewActie(titel="   ", doelen=["1"], sectie="H2", hoofdstuk="H2")
    with pytest.raises(edit.InvalidEdit) as raised:
        edit.add(REGISTRY, new)
    (problem,) = raised.value.problems
    assert (problem.code, problem.yaml_path) == ("schema", "acties[H2.3].titel")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: status_entry(REGISTRY, "H2.9", "open"),
            "unknown actie 'H2.9'; did you mean 'H2.2', 'H2.1', 'H4.1'?",
        ),
        (lambda: status_entry(REGISTRY, "H2.1", "klaar"), "unknown status 'klaar'"),
        (lambda: status_entry(REGISTRY, "H2.1", "gered"), "did you mean 'gereed'?"),
        (lambda: status_entry(REGISTRY, "H2.1", "open", mijlpaal=2), "must be 1 to 1"),
        (lambda: edit.assign(REGISTRY, "H2.1", trekker=["VSW"]), "did you mean 'VWS'?"),
        (lambda: edit.assign(REGISTRY, "H2.1", trekker=["LHV"], remove=True), "not in trekker"),
        (lambda: edit.assign(REGISTRY, "H2.1"), "at least one --trekker or --betrokken"),
        (
            lambda: edit.add(
                REGISTRY, edit.NewActie(titel="x", doelen=["1"], sectie="s", hoofdstuk="H6")
            ),
            "unknown hoofdstuk 'H6'",
        ),
        (
            lambda: edit.add(REGISTRY, edit.NewActie(titel="x", doelen=["6B"], sectie="s", id="X")),
            "unknown doel '6B'; did you mean '6C'?",
        ),
        (
            lambda: edit.add(
                REGISTRY, edit.NewActie(titel="x", doelen=["1"], sectie="s", id="H2.1")
            ),
            "already exists",
        ),
        (
            lambda: edit.add(
                REGISTRY,
                edit.NewActie(titel="x", doelen=["1"], sectie="s", id="X"),
                file=Path("acties/regio-west.yml"),
            ),
            "not an acties file",
        ),
    ],
)
def test_unknown_names_are_errors_with_suggestions(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises((edit.EditError, UnknownName), match=re.escape(message)):
        call()


# --- Atomic writes


@pytest.fixture
def pending(tmp_path: Path) -> Iterator[edit.FileEdit]:
    root = copy_of(REGISTRY, tmp_path / "data")
    yield status_entry(root, "H2.1", "gereed")


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def fail_with(error: BaseException) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise error

    return fail


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("os.write", OSError(errno.ENOSPC, "No space left on device")),
        ("os.fsync", OSError(errno.EIO, "Input/output error")),
        ("tempfile.mkstemp", PermissionError(errno.EACCES, "Permission denied")),
        ("os.replace", PermissionError(errno.EACCES, "Permission denied")),
    ],
    ids=["disk-full", "fsync", "no-permission-to-create", "no-permission-to-rename"],
)
def test_a_failed_write_leaves_the_original(
    pending: edit.FileEdit, monkeypatch: pytest.MonkeyPatch, target: str, error: OSError
) -> None:
    files = listing(pending.path.parent)
    monkeypatch.setattr(target, fail_with(error))
    with pytest.raises(edit.WriteError, match=f"{error.strerror}; the file is unchanged"):
        edit.write(pending)
    monkeypatch.undo()
    assert pending.path.read_bytes() == pending.before
    assert listing(pending.path.parent) == files


def test_a_crash_between_write_and_rename_leaves_the_original(
    pending: edit.FileEdit, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = listing(pending.path.parent)
    written: list[bytes] = []

    def crash(source: str | os.PathLike[str], target: object) -> None:
        written.append(Path(source).read_bytes())
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        edit.write(pending)
    monkeypatch.undo()
    assert written == [pending.after], "the new content was complete before the rename"
    assert pending.path.read_bytes() == pending.before
    assert listing(pending.path.parent) == files


def test_a_write_keeps_the_file_mode(pending: edit.FileEdit) -> None:
    pending.path.chmod(0o640)
    edit.write(pending)
    assert pending.path.read_bytes() == pending.after
    assert pending.path.stat().st_mode & 0o777 == 0o640


def test_a_file_changed_on_disk_is_not_overwritten(pending: edit.FileEdit) -> None:
    theirs = pending.before.replace(b"Handreiking gereed", b"Handreiking klaar")
    pending.path.write_bytes(theirs)
    with pytest.raises(edit.ConflictError, match="changed on disk since it was read"):
        edit.write(pending)
    assert pending.path.read_bytes() == theirs


def test_two_edits_from_the_same_state_do_not_both_win(tmp_path: Path) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    first = status_entry(root, "H2.1", "gereed")
    second = edit.assign(root, "H2.1", trekker=["VWS"])
    edit.write(first)
    with pytest.raises(edit.ConflictError):
        edit.write(second)
    assert (root / "acties.yaml").read_bytes() == first.after


def test_an_edit_landing_while_waiting_for_the_lock_is_a_conflict(
    pending: edit.FileEdit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process renames its version into place while this one waits for the lock; the
    # locked file is then the old one, with the old bytes: only its identity tells.
    theirs = pending.before.replace(b"Handreiking gereed", b"Handreiking klaar")
    real_flock = fcntl.flock

    def other_process_first(fd: int, operation: int) -> None:
        other = pending.path.with_name(".other.tmp")
        other.write_bytes(theirs)
        other.replace(pending.path)
        real_flock(fd, operation)

    monkeypatch.setattr("fcntl.flock", other_process_first)
    with pytest.raises(edit.ConflictError):
        edit.write(pending)
    assert pending.path.read_bytes() == theirs


def test_a_symlinked_file_is_written_through_its_link(tmp_path: Path) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    real = tmp_path / "data" / "acties" / "regio-oost.yaml"
    shared = real.replace(tmp_path / "data" / "regio-oost.shared")
    real.symlink_to(Path("..") / shared.name)
    change = status_entry(root, "OOST.1", "lopend")
    edit.write(change)
    assert real.is_symlink()
    assert shared.read_bytes() == change.after


def test_add_to_a_new_regional_file(tmp_path: Path) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    west = root / "acties" / "regio-west.yaml"
    west.write_text("# West\nacties: []\n")
    new = edit.NewActie(titel="Eerste", doelen=["1"], sectie="RESV", id="WEST.1", regio="West")
    change, _ = edit.add(root, new, file=west)
    assert change.after.decode() == (
        "# West\nacties:\n  - id: WEST.1\n    titel: Eerste\n    regio: West\n"
        "    doelen: [1]\n    trekker: []\n"
        "    bron: {document: realisatieagenda, sectie: RESV}\n"
    )


def test_add_creates_a_regional_file_that_does_not_exist_yet(tmp_path: Path) -> None:
    root = copy_of(REAL_DATA, tmp_path / "data")
    oost = root / "acties" / "regio-oost.yaml"
    new = edit.NewActie(
        titel="Eerste", doelen=["1"], sectie="RESV", hoofdstuk="H2", regio="Oost",
        trekker=["ZN"], mijlpalen=[("Start", "Q1 2027")],
    )  # fmt: skip
    change, actie_id = edit.add(root, new, file=oost)
    assert not oost.exists(), "nothing is written before `write`"
    assert change.new and change.changed and change.before == b""
    assert change.diff().startswith(f"--- /dev/null\n+++ b/{oost}\n@@ -0,0 +1,")
    text = change.after.decode()
    # It points editors at the schema from one directory deeper than acties.yaml.
    assert text.startswith("# yaml-language-server: $schema=../../schemas/acties.schema.json\n")
    assert f"acties:\n  - id: {actie_id}\n" in text
    edit.write(change)
    assert oost.read_bytes() == change.after
    registry = load_registry(root)
    added = registry.actie(actie_id)
    assert added is not None and added.regio == "Oost"
    assert [e for e in edit.fmt(root) if e.changed] == [], "the new file is canonical"
    # The next action for that region goes into the file now there.
    second, _ = edit.add(root, replace(new, titel="Tweede"), file=oost)
    assert not second.new and second.before == change.after


def test_add_creates_the_acties_folder_too(tmp_path: Path) -> None:
    root = copy_of(REAL_DATA, tmp_path / "data")
    assert not (root / "acties").exists()
    new = edit.NewActie(titel="Eerste", doelen=["1"], sectie="RESV", hoofdstuk="H2")
    change, actie_id = edit.add(root, new, file=Path("acties/regio-west.yaml"))
    edit.write(change)
    added = load_registry(root).actie(actie_id)
    assert added is not None and added.titel == "Eerste"


@pytest.mark.parametrize(
    "name", ["elders/regio.yaml", "acties/regio.yml", "acties/.verborgen.yaml", "acties/a b.yaml"]
)
def test_add_creates_only_acties_files(tmp_path: Path, name: str) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    new = edit.NewActie(titel="x", doelen=["1"], sectie="s", hoofdstuk="H2")
    with pytest.raises(edit.EditError, match=re.escape("new acties/NAME.yaml")):
        edit.add(root, new, file=root / name)
    assert not (root / name).exists()


def test_a_new_file_someone_else_created_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    west = root / "acties" / "regio-west.yaml"
    new = edit.NewActie(titel="x", doelen=["1"], sectie="s", hoofdstuk="H2")
    change, _ = edit.add(root, new, file=west)
    west.write_text("# theirs\nacties: []\n")
    with pytest.raises(edit.ConflictError, match="created by someone else"):
        edit.write(change)
    assert west.read_text() == "# theirs\nacties: []\n"


def test_a_new_file_is_validated_with_the_rest(tmp_path: Path) -> None:
    # What `add` validates before it creates a file: the registry as it would be with it.
    root = copy_of(REGISTRY, tmp_path / "data")
    west = root / "acties" / "regio-west.yaml"
    # The fixture's regional file under a second name: the same id in two files.
    clash = (root / "acties" / "regio-oost.yaml").read_bytes()
    problems = integrity_problems(load_registry(root, {west: clash}), date(2026, 1, 15))
    assert ("duplicate-id", str(west)) in {(p.code, p.file) for p in problems}
    assert not west.exists()


def test_fmt_leaves_comments_in_canonical_places_alone(tmp_path: Path) -> None:
    root = commented_registry(tmp_path / "data")
    assert [e.path for e in edit.fmt(root) if e.changed] == []


@pytest.mark.parametrize("indent", [(4, 4, 2), (4, 6, 4), (3, 5, 2)], ids=str)
def test_fmt_restores_the_real_data_from_another_indentation(
    tmp_path: Path, indent: tuple[int, int, int]
) -> None:
    root = copy_of(REAL_DATA, tmp_path / "data")
    mapping, sequence, offset = indent
    for path in RegistryFiles.find(root).files:
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        out = io.StringIO()
        yaml.dump(yaml.load(path.read_text(encoding="utf-8")), out)
        path.write_text(out.getvalue(), encoding="utf-8")
    for change in edit.fmt(root):
        edit.write(change)
    for path in RegistryFiles.find(root).files:
        assert path.read_bytes() == (REAL_DATA / path.relative_to(root)).read_bytes(), path


def test_names_are_read_case_blind_and_written_canonical() -> None:
    change = edit.assign(REGISTRY, "h3.1", trekker=["zorgverzekeraars nederland", "zinl"])
    assert changes(change.before, change.after) == (
        ["    trekker: []\n"],
        ["    trekker: [ZN, ZIN]\n"],
    )
    new = edit.NewActie(titel="x", doelen=["6c"], sectie="s", hoofdstuk="H2", trekker=["lhv"])
    change, _ = edit.add(REGISTRY, new)
    assert "    doelen: [6C]\n    trekker: [LHV]\n" in change.after.decode()


def test_an_alias_already_there_is_not_added_and_can_be_removed(tmp_path: Path) -> None:
    root = copy_of(REGISTRY, tmp_path / "data")
    acties = root / "acties.yaml"
    acties.write_text(acties.read_text().replace("trekker: [ZN]", "trekker: [ZN, ZINL]"))
    assert not edit.assign(root, "H2.1", trekker=["ZIN"]).changed
    change = edit.assign(root, "H2.1", trekker=["ZIN"], remove=True)
    assert changes(change.before, change.after) == (
        ["    trekker: [ZN, ZINL]\n"],
        ["    trekker: [ZN]\n"],
    )


def _race(root: Path, actie_id: str, barrier: Any, results: Any) -> None:
    change = status_entry(root, actie_id, "gereed")
    barrier.wait()
    try:
        edit.write(change)
    except edit.ConflictError:
        results.put((actie_id, "conflict"))
    else:
        results.put((actie_id, "written"))


def test_two_processes_editing_at_once_never_both_win(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for round_ in range(5):
        root = copy_of(REGISTRY, tmp_path / f"data{round_}")
        barrier, results = context.Barrier(2), context.Queue()
        workers = [
            context.Process(target=_race, args=(root, actie_id, barrier, results))
            for actie_id in ("H2.1", "H4.1")
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=30)
        outcome = dict(results.get(timeout=5) for _ in workers)
        assert sorted(outcome.values()) == ["conflict", "written"]
        (winner,) = [a for a, result in outcome.items() if result == "written"]
        registry = load_registry(root)
        done = {a.id for a in registry.acties if a.done_on(date.max)}
        assert done == {winner, "OOST.1"}
