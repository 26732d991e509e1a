"""The diff of two registries, a pure function: matching and the changes it reports."""

from __future__ import annotations

from typing import Any

import pytest

from eerstelijn.history.diff import WIJZIGINGEN, changes
from eerstelijn.models import Actie, Mijlpaal, Registry
from eerstelijn.registry.load import load_registry
from tests.conftest import REGISTRY

# Unit tests of the core assert its messages in English, their source.
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(REGISTRY)


def actie(registry: Registry, actie_id: str) -> Actie:
    found = registry.actie(actie_id)
    assert found is not None
    return found


def with_actie(registry: Registry, new: Actie) -> Registry:
    acties = [new if a.id == new.id else a for a in registry.acties]
    return registry.model_copy(update={"acties": acties})


def kinds(old: Registry, new: Registry) -> list[tuple[Any, ...]]:
    return [(c.soort, c.id, c.wijziging, c.mijlpaal, c.van, c.naar) for c in changes(old, new)]


def test_the_same_registry_has_no_changes(registry: Registry) -> None:
    assert changes(registry, registry) == []
    assert changes(registry, load_registry(REGISTRY)) == []


def test_a_milestone_inserted_first_is_one_addition(registry: Registry) -> None:
    h22 = actie(registry, "H2.2")
    inserted = [Mijlpaal(omschrijving="Verkenning", deadline="Q1 2025"), *h22.mijlpalen]
    new = with_actie(registry, h22.model_copy(update={"mijlpalen": inserted}))
    assert kinds(registry, new) == [("actie", "H2.2", "mijlpaal-toegevoegd", 1, None, "Verkenning")]


def test_an_omschrijving_edited_in_place_is_the_same_milestone(registry: Registry) -> None:
    h22 = actie(registry, "H2.2")
    first = h22.mijlpalen[0].model_copy(update={"omschrijving": "Onderzoek afgerond"})
    new = with_actie(registry, h22.model_copy(update={"mijlpalen": [first, h22.mijlpalen[1]]}))
    assert kinds(registry, new) == [
        ("actie", "H2.2", "omschrijving", 1, "Onderzoek", "Onderzoek afgerond")
    ]


def test_a_removed_milestone_is_numbered_as_it_was(registry: Registry) -> None:
    h22 = actie(registry, "H2.2")
    new = with_actie(registry, h22.model_copy(update={"mijlpalen": [h22.mijlpalen[1]]}))
    assert kinds(registry, new) == [("actie", "H2.2", "mijlpaal-verwijderd", 1, "Onderzoek", None)]


def test_the_status_of_an_action(registry: Registry) -> None:
    new = with_actie(registry, actie(registry, "H4.1").model_copy(update={"status": "vervallen"}))
    assert kinds(registry, new) == [("actie", "H4.1", "status", None, "open", "vervallen")]


def test_a_replanning_counts_quarters_and_an_earlier_one_is_negative(registry: Registry) -> None:
    h21 = actie(registry, "H2.1")  # Q1 2026
    earlier = h21.mijlpalen[0].model_copy(
        update={"deadline": Mijlpaal(omschrijving="x", deadline="Q3 2025").deadline}
    )
    new = with_actie(registry, h21.model_copy(update={"mijlpalen": [earlier]}))
    (change,) = changes(registry, new)
    assert (change.van, change.naar, change.kwartalen) == ("2026-Q1", "2025-Q3", -2)
    assert change.tekst == "mijlpaal 1 deadline Q1 2026 -> Q3 2025 (-2 quarters)"


def test_a_deadline_without_a_quarter_has_no_count(registry: Registry) -> None:
    h41 = actie(registry, "H4.1")  # na Q4 2025: a start, no deadline
    vague = h41.mijlpalen[0].model_copy(
        update={"deadline": Mijlpaal(omschrijving="x", deadline="Q2 2026").deadline}
    )
    new = with_actie(registry, h41.model_copy(update={"mijlpalen": [vague]}))
    (change,) = changes(registry, new)
    assert (change.van, change.naar, change.kwartalen) == (None, "2026-Q2", None)
    assert change.tekst == "mijlpaal 1 deadline na Q4 2025 -> Q2 2026"


def test_a_partij_under_a_new_code_with_the_same_naam_is_renamed(registry: Registry) -> None:
    partijen = [
        p.model_copy(update={"code": "ZN2"}) if p.code == "ZN" else p for p in registry.partijen
    ]
    new = registry.model_copy(update={"partijen": partijen})
    assert kinds(registry, new) == [("partij", "ZN2", "hernoemd", None, "ZN", "ZN2")]


def test_a_partij_with_a_new_naam_is_renamed(registry: Registry) -> None:
    partijen = [
        p.model_copy(update={"naam": "ZN (koepel)"}) if p.code == "ZN" else p
        for p in registry.partijen
    ]
    new = registry.model_copy(update={"partijen": partijen})
    (change,) = changes(registry, new)
    assert (change.wijziging, change.van, change.naar) == (
        "hernoemd",
        "Zorgverzekeraars Nederland",
        "ZN (koepel)",
    )
    assert change.tekst == "naam now 'ZN (koepel)'"


def test_a_duplicated_id_compares_its_first_occurrence(registry: Registry) -> None:
    h21 = actie(registry, "H2.1")
    twice = registry.model_copy(
        update={"acties": [*registry.acties, h21.model_copy(update={"titel": "Kopie"})]}
    )
    assert changes(registry, twice) == []


def test_every_kind_of_change_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "json-output.md").read_text(encoding="utf-8")
    section = doc.split("## `changes --format json`")[1].split("\n## ")[0]
    assert [w for w in WIJZIGINGEN if f"`{w}`" not in section] == []


def test_an_action_dropped_through_its_own_log(registry: Registry) -> None:
    from datetime import date

    from eerstelijn.models import Bron, Voortgang

    entry = Voortgang(
        datum=date(2026, 1, 10),
        status="vervallen",
        bron=[Bron(document="realisatieagenda", sectie="H4")],
    )
    h41 = actie(registry, "H4.1")
    new = with_actie(registry, h41.model_copy(update={"voortgang": [entry]}))
    assert kinds(registry, new) == [
        ("actie", "H4.1", "voortgang", None, None, None),
        ("actie", "H4.1", "status", None, "open", "vervallen"),
    ]
    assert changes(registry, new)[0].voortgang == {
        "datum": "2026-01-10",
        "status": "vervallen",
        "bron": [{"document": "realisatieagenda", "sectie": "H4"}],
    }


def test_an_entry_that_repeats_the_state_is_only_an_entry(registry: Registry) -> None:
    from datetime import date

    from eerstelijn.models import Voortgang

    h22 = actie(registry, "H2.2")
    onderzoek = h22.mijlpalen[0]  # assessed achter in 2025
    again = Voortgang(datum=date(2026, 1, 10), beoordeling="achter", toelichting="Nog steeds")
    log = [*onderzoek.voortgang, again]
    mijlpalen = [onderzoek.model_copy(update={"voortgang": log}), *h22.mijlpalen[1:]]
    new = with_actie(registry, h22.model_copy(update={"mijlpalen": mijlpalen}))
    (change,) = changes(registry, new)
    assert (change.wijziging, change.mijlpaal) == ("voortgang", 1)
    assert change.tekst == "mijlpaal 1 voortgang 2026-01-10: beoordeling achter; Nog steeds"
