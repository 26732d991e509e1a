"""The BO agenda as a board paper: one item per action, the parts in order, room for a decision."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from rich.console import Console

from eerstelijn.queries import agenda
from eerstelijn.registry.load import load_registry
from eerstelijn.render import agenda as render
from tests.conftest import REAL_DATA, REGISTRY, Golden, RunCli

REPO = Path(__file__).parent.parent
AS_OF = "2026-01-15"
HOSTILE = "Plan | met *sterren* # en <b>tags</b> &amp; [link](x)\\n## Kop"


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_golden_agenda(run_cli: RunCli, golden: Golden, fmt: str) -> None:
    result = run_cli(
        "agenda",
        "--data",
        "tests/fixtures/registry",
        "--as-of",
        AS_OF,
        "--format",
        fmt,
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    golden(f"agenda--{fmt}", result.stdout)


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_golden_agenda_in_english(run_cli: RunCli, golden: Golden, fmt: str) -> None:
    result = run_cli(
        "agenda",
        "--data",
        "tests/fixtures/registry",
        "--as-of",
        AS_OF,
        "--format",
        fmt,
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    golden(f"agenda--{fmt}--en", result.stdout)


def test_the_terminal_agenda_fits_80_columns(run_cli: RunCli) -> None:
    result = run_cli(
        "agenda", "--data", REAL_DATA, "--as-of", AS_OF, "--format", "table", env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    count = sum(len(g.items) for g in agenda(load_registry(REAL_DATA), date(2026, 1, 15)))
    assert [line.split()[0] for line in lines if re.match(r"\d+\. ", line)] == [
        f"{n}." for n in range(1, count + 1)
    ]


def test_one_item_per_action_national_agenda_before_the_insurers_own() -> None:
    groups = agenda(load_registry(REAL_DATA), date(2026, 1, 15))
    assert [(g.deel, g.key) for g in groups] == [
        ("hoofdstuk", "H2"),
        ("hoofdstuk", "H3"),
        ("hoofdstuk", "H4"),
        ("hoofdstuk", "H5"),
        ("document", "visie-vgz"),
    ]
    ids = [item.actie.id for g in groups for item in g.items]
    assert len(ids) == len(set(ids)), "an action is one item, its milestones inside"
    vgz = [i.actie.id for i in groups[-1].items]
    assert {"VGZ.1", "VGZ.3"} <= set(vgz) and all(i.startswith("VGZ.") for i in vgz)
    assert not any(i.startswith("VGZ.") for g in groups[:-1] for i in (x.actie.id for x in g.items))
    h3 = {item.actie.id: item for item in groups[1].items}
    assert h3["H3.1"].geen_trekker
    assert [row.index for row in h3["H3.1"].overdue] == [1]
    for item in (i for g in groups for i in g.items):
        days = [row.days for row in item.overdue]
        assert days == sorted(days, reverse=True), f"{item.actie.id}: oldest first"


def test_agenda_orders_ids_by_number_not_by_text() -> None:
    groups = agenda(load_registry(REAL_DATA), date(2026, 1, 15))
    ids = [item.actie.id for item in groups[2].items]
    assert ids == sorted(ids, key=lambda i: int(i.split(".")[1]))


def test_regional_agendas_come_between_the_national_one_and_other_documents(
    run_cli: RunCli, registry_copy: Path
) -> None:
    oost = registry_copy / "acties" / "regio-oost.yaml"
    oost.write_text(
        oost.read_text(encoding="utf-8").replace("trekker: [ZN]", "trekker: []"), encoding="utf-8"
    )
    with (registry_copy / "acties.yaml").open("a", encoding="utf-8") as acties:
        acties.write(
            "\n  - id: VGZ.1\n    titel: Eigen toezegging\n    doelen: [1]\n"
            "    mijlpalen:\n      - omschrijving: Afspraken\n        deadline: Q2 2025\n"
            "    bron: {document: visie-vgz, sectie: RESV}\n"
        )
    groups = agenda(load_registry(registry_copy), date(2025, 1, 15))
    assert [(g.deel, g.key) for g in groups][-2:] == [("regio", "Oost"), ("document", "visie-vgz")]
    result = run_cli("agenda", "--data", registry_copy, "--as-of", "2025-01-15")
    headings = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert headings[-4:] == [
        "## Regionale agenda's",
        "### Regio Oost",
        "## Afspraken in andere documenten",
        "### VGZ: Visie eerstelijnszorg",
    ]


def test_each_item_says_what_to_discuss_and_leaves_room_to_decide(run_cli: RunCli) -> None:
    result = run_cli("agenda", "--data", REGISTRY, "--as-of", AS_OF)
    text = result.stdout
    items = [line for line in text.splitlines() if line.startswith("**") and "." in line[:6]]
    assert items == [
        "**1. H2.2 Bekostiging**",
        "**2. H3.1 Inventarisatie zonder trekker**",
        "**3. H4.1 Plan zonder deadline**",
    ]
    # Reported but not done, and nothing reported at all, read differently.
    assert "107 dagen te laat; laatste melding 20-11-2025 (oordeel achter)" in text
    assert "290 dagen te laat; niets gemeld" in text
    assert "- Trekker: overheid (groep: VWS, ZIN)" in text
    assert text.count("**Voorstel:**") == text.count("**Besluit:**") == 3


def test_done_actions_are_not_on_the_agenda() -> None:
    groups = agenda(load_registry(REGISTRY), date(2030, 1, 1))
    assert "OOST.1" not in {item.actie.id for g in groups for item in g.items}


def test_an_agenda_with_nothing_to_discuss_says_so(run_cli: RunCli, registry_copy: Path) -> None:
    acties = registry_copy / "acties.yaml"
    text = acties.read_text(encoding="utf-8")
    text = text.replace("trekker: []", "trekker: [LHV]").replace("na Q4 2025", "Q4 2026")
    acties.write_text(text, encoding="utf-8")
    result = run_cli("agenda", "--data", registry_copy, "--as-of", "2024-01-01")
    assert result.exit_code == 0
    assert "Niets te bespreken" in result.stdout
    assert "##" not in result.stdout


def test_agenda_refuses_a_bad_date_without_a_traceback(run_cli: RunCli) -> None:
    result = run_cli("agenda", "--data", REGISTRY, "--as-of", "someday")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.output


def _hostile(registry_copy: Path) -> Path:
    acties = registry_copy / "acties.yaml"
    text = acties.read_text(encoding="utf-8")
    acties.write_text(text.replace("titel: Bekostiging", f'titel: "{HOSTILE}"'), encoding="utf-8")
    return registry_copy


def test_a_hostile_titel_makes_no_markdown_structure(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli("agenda", "--data", _hostile(registry_copy), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    item = next(line for line in lines if line.startswith("**1. H2.2 "))
    assert item == (
        r"**1. H2.2 Plan \| met \*sterren\* \# en &lt;b\>tags&lt;/b\> \&amp; \[link\](x) \#\# Kop**"
    )
    assert not any(line.startswith("## Kop") for line in lines)


# --- Word ------------------------------------------------------------------------------------


def _word(run_cli: RunCli, data: Path, tmp_path: Path) -> docx.document.Document:
    out = tmp_path / "agenda-bo.docx"
    result = run_cli("agenda", "--data", data, "--as-of", AS_OF, "--format", "docx", "--out", out)
    assert result.exit_code == 0, result.output
    assert f"Geschreven: {out}" in result.stderr.replace("\n", "")
    return docx.Document(str(out))


def test_the_word_agenda_has_headings_in_order_and_one_item_per_action(
    run_cli: RunCli, tmp_path: Path
) -> None:
    document = _word(run_cli, REGISTRY, tmp_path)
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "Agenda bestuurlijk overleg, 15 januari 2026"),
        (
            "Heading 2",
            "Landelijke agenda: Realisatieagenda visie eerstelijnszorg 2030, versie 2024-12-18",
        ),
        ("Heading 3", "Hoofdstuk H2: Regionale samenwerking"),
        ("Heading 4", "1. H2.2 Bekostiging"),
        ("Heading 3", "Hoofdstuk H3: Passende zorg"),
        ("Heading 4", "2. H3.1 Inventarisatie zonder trekker"),
        ("Heading 3", "Hoofdstuk H4"),
        ("Heading 4", "3. H4.1 Plan zonder deadline"),
    ]
    bullets = [p.text for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert bullets == [
        "mijlpaal 1, Onderzoek: deadline Q3 2025, 107 dagen te laat; "
        "laatste melding 20-11-2025 (oordeel achter)",
        "mijlpaal 1, Inventarisatie: deadline Q1 2025, 290 dagen te laat; niets gemeld",
        "geen trekker",
        "geen deadline",
    ]


def test_every_word_item_has_room_for_a_voorstel_and_a_besluit(
    run_cli: RunCli, tmp_path: Path
) -> None:
    document = _word(run_cli, REGISTRY, tmp_path)
    assert len(document.tables) == 3
    for table in document.tables:
        assert [row.cells[0].text for row in table.rows] == ["Voorstel", "Besluit"]
        assert [row.cells[1].text for row in table.rows] == ["", ""]
        assert all(row.height is not None and row.height >= Cm(2) for row in table.rows)


def test_a_hostile_titel_stays_text_in_word(run_cli: RunCli, registry_copy: Path) -> None:
    document = _word(run_cli, _hostile(registry_copy), registry_copy)
    items = [p for p in document.paragraphs if p.style and p.style.name == "Heading 4"]
    assert items[0].text == f"1. H2.2 {HOSTILE.replace(chr(92) + 'n', ' ')}"
    assert "Kop" not in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    ("out", "message"),
    [((), "--out BESTAND.docx"), (("--out", "agenda.md"), "noem het BESTAND.docx")],
)
def test_word_needs_a_docx_file_to_write(
    run_cli: RunCli, tmp_path: Path, out: tuple[str, ...], message: str
) -> None:
    result = run_cli("agenda", "--data", REGISTRY, "--as-of", AS_OF, "--format", "docx", *out)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (REPO / "agenda.md").exists()


def test_markdown_can_go_to_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "agenda.md"
    result = run_cli("agenda", "--data", REGISTRY, "--as-of", AS_OF, "--out", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(
        "# Agenda bestuurlijk overleg, 15 januari 2026"
    )


def test_only_the_word_agenda_loads_python_docx() -> None:
    code = (
        "import sys\n"
        "from eerstelijn.cli import main\n"
        f"sys.argv = ['eerstelijn', 'agenda', '--data', {str(REGISTRY)!r}, '--as-of', '{AS_OF}']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('docx' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "EERSTELIJN_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stderr.strip().endswith("False")


@pytest.mark.parametrize(
    "titel", ["\x1b[31mrood", "nul\x00 en C1 \x9b", "geen\uffffxml", "regel\u2028twee", "[bold]x"]
)
def test_any_titel_gives_a_word_document_and_a_terminal_paper(titel: str) -> None:
    registry = load_registry(REGISTRY)
    first = registry.acties[1]  # H2.2, overdue
    changed = first.model_copy(update={"titel": titel})
    registry = registry.model_copy(update={"acties": [registry.acties[0], changed]})
    day = date(2026, 1, 15)
    agenda_paper = render.paper(registry, agenda(registry, day), day)
    document = docx.Document(io.BytesIO(render.docx(agenda_paper)))
    [item] = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 4"]
    assert item.startswith("1. H2.2 ") and "\n" not in item
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(render.table(agenda_paper))
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", out.getvalue())
    assert "[bold]x" in out.getvalue() or "[bold]" not in titel


def test_the_same_word_agenda_twice_is_the_same_file(run_cli: RunCli, tmp_path: Path) -> None:
    """A paper in git, or compared before a meeting, changes only when its content does: it
    is dated by the day it speaks of, inside (document properties) and out (zip members)."""
    import time
    import zipfile

    written = []
    for n in range(2):
        out = tmp_path / f"agenda-{n}.docx"
        result = run_cli(
            "agenda", "--data", REGISTRY, "--as-of", AS_OF, "--format", "docx", "--out", out
        )
        assert result.exit_code == 0, result.output
        written.append(out.read_bytes())
        if n == 0:
            time.sleep(1.1)  # the clock moves past a second of the document's properties
    assert written[0] == written[1]
    document = docx.Document(str(tmp_path / "agenda-0.docx"))
    assert document.core_properties.modified.date().isoformat() == AS_OF
    with zipfile.ZipFile(tmp_path / "agenda-0.docx") as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2026, 1, 15)}
