"""The real registry in data/: it loads, it is complete, and it says what the sources say."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from eerstelijn.checks import run_checks
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Actie, Registry
from eerstelijn.problems import Severity
from eerstelijn.registry.load import load_registry
from tests.conftest import REAL_DATA

BRONNEN = REAL_DATA.parent / "bronnen"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(REAL_DATA)


def actie(registry: Registry, actie_id: str) -> Actie:
    found = registry.actie(actie_id)
    assert found is not None, actie_id
    return found


def deadlines(a: Actie) -> list[str | None]:
    return [str(m.deadline) if m.deadline else None for m in a.mijlpalen]


def test_every_action_of_chapters_h2_to_h5_is_there(registry: Registry) -> None:
    per_chapter = Counter(a.hoofdstuk for a in registry.acties if a.hoofdstuk)
    assert per_chapter == {"H2": 4, "H3": 5, "H4": 8, "H5": 3}


def test_the_insurers_commitments_are_actions_too(registry: Registry) -> None:
    vgz = [a for a in registry.acties if a.bron[0].document == "visie-vgz"]
    assert [a.id for a in vgz] == ["VGZ.1", "VGZ.2", "VGZ.3"]
    assert all(a.hoofdstuk is None for a in vgz)


def test_goals_are_the_six_with_6_split(registry: Registry) -> None:
    assert [d.id for d in registry.doelen] == ["1", "2", "3", "4", "5", "6A", "6B", "6C"]


def test_zorgbelofte_has_ten_promises_each_serving_a_goal(registry: Registry) -> None:
    assert [b.nummer for b in registry.zorgbelofte] == list(range(1, 11))
    assert all(b.doelen for b in registry.zorgbelofte)


def test_real_registry_has_no_errors_and_shows_its_gaps(registry: Registry) -> None:
    problems = run_checks(registry, date(2026, 1, 15))
    assert not [p for p in problems if p.severity is Severity.ERROR]
    gaps = {(p.code, p.yaml_path.split("]")[0].removeprefix("acties[")) for p in problems}
    assert gaps == {
        ("missing-trekker", "H2.4"),
        ("missing-trekker", "H3.1"),
        ("missing-trekker", "H3.3"),
        ("missing-trekker", "VGZ.1"),
        ("missing-trekker", "VGZ.2"),
        ("missing-trekker", "VGZ.3"),
        ("missing-deadline", "H2.4"),
        ("missing-deadline", "H4.2"),
        ("missing-deadline", "H4.3"),
        ("missing-deadline", "H4.6"),
        ("missing-deadline", "VGZ.3"),
    }


# Spot checks against the text of the realisatieagenda.
def test_h2_owners_and_deadlines(registry: Registry) -> None:
    h21 = actie(registry, "H2.1")
    assert h21.trekker == ["ZN"]
    assert h21.deadline_on(date.max) == Kwartaal(2026, 1)
    h22 = actie(registry, "H2.2")
    assert registry.members(h22.trekker[0]) == ["VWS", "NZa", "ZIN"]
    assert h22.deadline_on(date.max) == Kwartaal(2025, 4)
    assert actie(registry, "H2.3").deadline_on(date(2026, 1, 15)) == Kwartaal(2026, 2)
    assert deadlines(actie(registry, "H2.4")) == ["per 2027"]


def test_the_action_without_trekker_says_so(registry: Registry) -> None:
    h33 = actie(registry, "H3.3")
    assert h33.trekker == []
    assert h33.deadline_on(date.max) == Kwartaal(2025, 1)


def test_samen_beslissen_has_inventory_plan_and_start(registry: Registry) -> None:
    h34 = actie(registry, "H3.4")
    assert h34.trekker == ["Patiëntenfederatie", "V&VN"]
    assert deadlines(h34) == ["Q1 2025", "Q3 2025", "Q4 2025"]


def test_betrokkenen_bracket_is_not_read_as_trekker(registry: Registry) -> None:
    h31 = actie(registry, "H3.1")
    assert h31.trekker == []
    assert "Thuisarts.nl" in h31.betrokkenen
    assert deadlines(h31) == [None, "in 2025"]


def test_h4_is_owned_by_the_beroepsverenigingen(registry: Registry) -> None:
    h4 = [a for a in registry.acties if a.hoofdstuk == "H4"]
    assert {tuple(a.trekker) for a in h4} == {("beroepsverenigingen",)}
    assert "KNGF" in registry.members("beroepsverenigingen")
    assert deadlines(actie(registry, "H4.8")) == ["Q1 2025", "Q2 2025", "vanaf Q1 2026"]
    assert deadlines(actie(registry, "H4.3")) == [None, "na Q4 2025"]


def test_h5_owners_and_partners(registry: Registry) -> None:
    assert actie(registry, "H5.1").trekker == ["VNG", "SWN", "VWS"]
    assert actie(registry, "H5.2").trekker == ["VNG", "SWN", "InEen"]
    h53 = actie(registry, "H5.3")
    assert h53.trekker == ["Actiz", "ZorgthuisNL", "ZN", "VWS"]
    assert h53.betrokkenen == ["LHV", "Patiëntenfederatie", "V&VN"]


def test_party_facts_are_recorded(registry: Registry) -> None:
    vng = registry.partij("VNG")
    assert vng is not None and vng.aan_tafel is False
    zin = registry.partij("ZINL")
    assert zin is not None and zin.code == "ZIN"
    ppn = registry.partij("PPN")
    assert ppn is not None and len(ppn.vertegenwoordigt) == 6
    vgz = registry.partij("VGZ")
    assert vgz is not None and "Zekur" in vgz.labels
    for code in ("Thuisarts.nl", "IZA-tafel", "BO", "Realisatietafel", "ZonMw", "VGN"):
        assert registry.partij(code) is not None, code


def test_cover_lists_nineteen_parties(registry: Registry) -> None:
    assert len(registry.members("agendapartijen")) == 19


def test_goal_6c_has_no_action_behind_it(registry: Registry) -> None:
    linked = {d for a in registry.acties for d in a.doelen}
    assert {d.id for d in registry.doelen} - linked == {"6C"}


def _texts(node: Any, key: str = "") -> Iterator[str]:
    # Names of parties and section headings are quoted on purpose; everything else is ours.
    if key in ("naam", "sectie", "labels", "code", "aliassen"):
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _texts(v, key)
    elif isinstance(node, str):
        yield node


def _shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_data_is_in_our_own_words() -> None:
    source = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in BRONNEN.iterdir()))
    copied = []
    for path in sorted(Path(REAL_DATA).glob("*.yaml")):
        for text in _texts(YAML(typ="safe").load(path.read_text(encoding="utf-8"))):
            if _shingles(text) & source:
                copied.append(f"{path.name}: {text[:60]}")
    assert copied == []
