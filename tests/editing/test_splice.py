"""Edits round-trip only the window of the list they change, and write what a whole-file round
trip would write: the proof that splicing is the same edit, on generated regional files."""

from __future__ import annotations

import difflib
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eerstelijn.editing import edit, yaml_layout
from eerstelijn.registry.load import ROUND_TRIP_LIMIT
from tests.conftest import REGISTRY

REGIONAL = Path("acties") / "regio.yaml"

# What may stand between two items: nothing, blank lines, a heading, a note on the item above.
GAPS = ["", "\n", "  # --- kop\n", "\n  # --- kop\n\n", "    # bij het item erboven\n\n"]


def _item(n: int, *, hoofdstuk: str | None, voortgang: bool, note: bool) -> str:
    lines = [f"  - id: R.{n}", f"    titel: Regionale actie {n}"]
    if hoofdstuk:
        lines.append(f"    hoofdstuk: {hoofdstuk}")
    lines += ["    regio: Regio", "    doelen: [1]", "    trekker: [ZN]", "    mijlpalen:"]
    lines += [f"      - omschrijving: Stap {n}", "        deadline: Q2 2026"]
    if voortgang:
        lines += [
            "        voortgang:",
            "          - datum: 2025-10-01",
            "            status: lopend",
        ]
    lines.append("    bron: {document: realisatieagenda, sectie: 'H2, actie 1'}")
    if note:
        lines.append("    # een notitie aan het eind van de actie")
    return "\n".join(lines) + "\n"


@st.composite
def regional_files(draw: st.DrawFn) -> str:
    """A regional file in canonical form: items with and without chapters, logs and notes,
    spaced and commented in the ways real files are."""
    count = draw(st.integers(1, 7))
    gap = draw(st.sampled_from(GAPS))
    parts = ["# Een regionale agenda.\nacties:\n"]
    for n in range(1, count + 1):
        if n > 1:
            parts.append(draw(st.sampled_from([gap, *GAPS])))
        parts.append(
            _item(
                n,
                hoofdstuk=draw(st.sampled_from([None, "H2", "H3"])),
                voortgang=draw(st.booleans()),
                note=draw(st.booleans()),
            )
        )
    if draw(st.booleans()):
        parts.append("\n# het einde\n")
    yaml = yaml_layout.round_trip_yaml()
    out = io.StringIO()
    yaml.dump(yaml.load("".join(parts)), out)  # canonical: what fmt would write
    return out.getvalue()


@contextmanager
def whole_files() -> Iterator[None]:
    """Edits as they were before windows: every edit round-trips the whole file."""

    def whole(cls: type[edit._Document], path: Path, *_args: object) -> edit._Document:
        return edit._Document.read(path)

    with mock.patch.object(edit._Document, "window", classmethod(whole)):
        yield


def _edit(root: Path, kind: str, n: int, hoofdstuk: str) -> bytes:
    if kind == "update":
        entry = edit.NewVoortgang(
            date(2026, 1, 10), status="lopend", beoordeling="risico", toelichting="Later"
        )
        change = edit.update(root, f"R.{n}", entry, mijlpaal=1)
    elif kind == "assign":
        change = edit.assign(root, f"R.{n}", trekker=["VWS"], betrokkenen=["LHV"])
    else:
        new = edit.NewActie(
            titel="Nieuw",
            doelen=["1"],
            sectie="H3",
            hoofdstuk=hoofdstuk,
            regio="Regio",
            trekker=["ZN"],
            mijlpalen=[("Eerste stap", "Q3 2026")],
        )
        change, _ = edit.add(root, new, file=REGIONAL)
    return change.after


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=regional_files(),
    kind=st.sampled_from(["update", "assign", "add"]),
    pick=st.integers(0, 10),
    hoofdstuk=st.sampled_from(["H2", "H3", "H4"]),
)
def test_a_window_edit_writes_what_a_whole_file_edit_writes(
    text: str, kind: str, pick: int, hoofdstuk: str
) -> None:
    count = text.count("  - id: R.")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(REGISTRY, root)
        (root / REGIONAL).parent.mkdir(exist_ok=True)
        (root / REGIONAL).write_text(text, encoding="utf-8")
        spliced = _edit(root, kind, pick % count + 1, hoofdstuk)
        with whole_files():
            whole = _edit(root, kind, pick % count + 1, hoofdstuk)
    assert spliced == whole


def _large(root: Path, count: int) -> str:
    items = [_item(n, hoofdstuk=None, voortgang=n % 2 == 0, note=False) for n in range(1, count)]
    text = "# Een grote regionale agenda.\nacties:\n" + "\n".join(items)
    (root / REGIONAL).parent.mkdir(exist_ok=True)
    (root / REGIONAL).write_text(text, encoding="utf-8")
    return text


def test_an_edit_of_a_large_file_touches_only_its_item(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(REGISTRY, root)
    text = _large(root, 1500)
    assert len(text.encode()) > ROUND_TRIP_LIMIT, "the file must be too large to rewrite whole"
    loaded: list[int] = []
    real = yaml_layout.round_trip_yaml

    def counting() -> object:
        yaml = real()
        load = yaml.load

        def counted(stream: str) -> object:
            loaded.append(len(stream))
            return load(stream)

        yaml.load = counted  # type: ignore[method-assign,assignment]
        return yaml

    with mock.patch.object(yaml_layout, "round_trip_yaml", counting):
        change = edit.update(root, "R.700", edit.NewVoortgang(date(2026, 1, 10), status="lopend"))
    start = text.index("  - id: R.700\n")
    end = text.index("  - id: R.701\n")
    after = change.after.decode()
    assert after[:start] == text[:start], "the lines before the item are kept"
    assert after.endswith(text[end:]), "the lines after the item are kept"
    item = after[start : len(after) - len(text) + end].splitlines(keepends=True)
    diff = list(difflib.ndiff(text[start:end].splitlines(keepends=True), item))
    assert [line for line in diff if line.startswith("- ")] == []
    assert [line[2:] for line in diff if line.startswith("+ ")] == [
        "          - datum: 2026-01-10\n",
        "            status: lopend\n",
    ]
    assert loaded and max(loaded) < 2000, "ruamel read only the item and its neighbour"


def test_fmt_refuses_a_file_too_large_to_rewrite(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(REGISTRY, root)
    _large(root, 1500)
    with pytest.raises(edit.EditError, match=r"regio\.yaml:1:1: fmt rewrites a file whole"):
        edit.fmt(root)
