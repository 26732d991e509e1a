"""Realisation over time: a milestone's state on a date is the fold of its log up to that date."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eerstelijn.editing import edit
from eerstelijn.kwartaal import Kwartaal, Termijn
from eerstelijn.models import Actie, Mijlpaal, Voortgang
from eerstelijn.registry.load import load_registry
from tests.conftest import REGISTRY
from tests.editing.test_edit import copy_of

BRON = {"document": "realisatieagenda", "sectie": "H2"}


def mijlpaal(*entries: dict[str, object], status: str = "open") -> Mijlpaal:
    return Mijlpaal.model_validate(
        {"omschrijving": "Stap", "deadline": "Q2 2026", "status": status, "voortgang": entries}
    )


LOG = mijlpaal(
    {"datum": date(2025, 10, 1), "status": "lopend", "beoordeling": "op-koers"},
    {"datum": date(2025, 12, 15), "deadline": "Q4 2026", "reden": "Later", "bron": BRON},
    {"datum": date(2026, 3, 1), "beoordeling": "risico"},
    {"datum": date(2026, 11, 2), "status": "gereed", "bron": BRON},
)


def test_before_the_first_entry_the_milestone_is_as_first_agreed() -> None:
    stand = LOG.stand(date(2025, 9, 30))
    assert (stand.status, str(stand.deadline), stand.beoordeling) == ("open", "Q2 2026", None)
    assert (stand.laatste_voortgang, stand.slip_kwartalen, stand.voortgang) == (None, 0, ())


def test_an_entry_counts_from_its_own_date_on() -> None:
    on = LOG.stand(date(2025, 10, 1))
    assert (on.status, on.beoordeling, on.laatste_voortgang) == (
        "lopend",
        "op-koers",
        date(2025, 10, 1),
    )
    day_before_replan = LOG.stand(date(2025, 12, 14))
    assert (str(day_before_replan.deadline), day_before_replan.slip_kwartalen) == ("Q2 2026", 0)
    replanned = LOG.stand(date(2025, 12, 15))
    assert (str(replanned.deadline), replanned.slip_kwartalen) == ("Q4 2026", 2)
    assert str(replanned.oorspronkelijke_deadline) == "Q2 2026"
    assert replanned.beoordeling == "op-koers", "an entry without an assessment keeps the last"


def test_after_every_entry_the_milestone_is_done_with_its_history() -> None:
    later = LOG.stand(date(2026, 12, 1))
    assert later.done and later.status == "gereed" and later.beoordeling == "risico"
    assert [v.datum for v in later.voortgang] == [
        date(2025, 10, 1),
        date(2025, 12, 15),
        date(2026, 3, 1),
        date(2026, 11, 2),
    ]


def test_overdue_follows_the_current_deadline_not_the_first() -> None:
    from eerstelijn.queries import is_overdue

    # First agreed Q2 2026 (met through 30 June); re-planned to Q4 2026 in December 2025.
    assert not is_overdue(LOG, date(2026, 7, 1))
    assert is_overdue(LOG, date(2027, 1, 1)) is False, "done by then"
    unreplanned = mijlpaal({"datum": date(2025, 10, 1), "status": "lopend"})
    assert is_overdue(unreplanned, date(2026, 7, 1))


def actie(*mijlpalen: Mijlpaal, **fields: object) -> Actie:
    return Actie.model_validate(
        {
            "id": "A.1",
            "titel": "Actie",
            "doelen": ["1"],
            "mijlpalen": [m.model_dump() for m in mijlpalen],
            "bron": BRON,
            **fields,
        }
    )


def test_an_action_follows_its_milestones_unless_its_own_log_drops_it() -> None:
    day = date(2026, 1, 1)
    untouched = mijlpaal()
    begun = mijlpaal({"datum": date(2025, 10, 1), "beoordeling": "achter"})
    done = mijlpaal({"datum": date(2025, 10, 1), "status": "gereed", "bron": BRON})
    assert actie(untouched, untouched).status_on(day) == "open"
    assert actie(untouched, begun).status_on(day) == "lopend", "a report means work began"
    assert actie(done, done).status_on(day) == "gereed"
    dropped = actie(
        begun, voortgang=[{"datum": date(2025, 11, 1), "status": "vervallen", "bron": BRON}]
    )
    assert dropped.status_on(date(2025, 10, 31)) == "lopend"
    assert dropped.status_on(date(2025, 11, 1)) == "vervallen"


entries = st.lists(
    st.fixed_dictionaries(
        {
            "datum": st.dates(date(2024, 1, 1), date(2027, 12, 31)),
            "status": st.sampled_from(["open", "lopend", "gereed", "vervallen", None]),
            "beoordeling": st.sampled_from(["op-koers", "risico", "achter", None]),
            "deadline": st.sampled_from(["Q1 2026", "Q3 2026", "in 2027", None]),
        }
    ).filter(lambda e: any(e[k] for k in ("status", "beoordeling", "deadline"))),
    max_size=8,
).map(lambda es: sorted(es, key=lambda e: str(e["datum"])))


@given(log=entries, day=st.dates(date(2023, 6, 1), date(2028, 6, 1)))
def test_the_fold_ignores_every_entry_after_the_day(
    log: list[dict[str, object]], day: date
) -> None:
    whole = mijlpaal(*log)
    cut = mijlpaal(*[e for e in log if isinstance(e["datum"], date) and e["datum"] <= day])
    assert whole.stand(day) == cut.stand(day)
    if log:
        last = max(e["datum"] for e in log if isinstance(e["datum"], date))
        assert whole.stand(last) == whole.stand(last + timedelta(days=400))


def steps() -> st.SearchStrategy[list[tuple[str, str, int]]]:
    kinds = st.sampled_from(["update", "replan"])
    return st.lists(st.tuples(kinds, st.sampled_from(["H2.1", "H2.2", "H3.1"]), st.integers(0, 5)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps())
def test_the_log_only_grows_under_any_sequence_of_update_and_replan(
    plan: list[tuple[str, str, int]],
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_of(REGISTRY, Path(scratch) / "data")
        day = date(2026, 1, 10)
        for number, (kind, actie_id, pick) in enumerate(plan):
            before = (root / "acties.yaml").read_text(encoding="utf-8").splitlines()
            logs_before = _logs(root)
            quarter = Kwartaal(2026, 1)
            for _ in range(pick + number):
                quarter = quarter.next()
            entry = (
                edit.NewVoortgang(day, status=["lopend", "open"][pick % 2])
                if kind == "update"
                else edit.NewVoortgang(
                    day, deadline=str(Termijn.parse(str(quarter))), reden=f"Stap {number}",
                    document="realisatieagenda", sectie="H2",
                )
            )  # fmt: skip
            try:
                change = edit.update(root, actie_id, entry, mijlpaal=1)
            except edit.InvalidEdit:
                continue  # e.g. a re-planning to the deadline that already holds
            edit.write(change)
            after = (root / "acties.yaml").read_text(encoding="utf-8").splitlines()
            assert _is_subsequence(before, after), "an update only adds lines"
            logs_after = _logs(root)
            for key, old in logs_before.items():
                assert logs_after[key][: len(old)] == old, "earlier entries stay as they were"
            assert sum(map(len, logs_after.values())) == sum(map(len, logs_before.values())) + 1


def _logs(root: Path) -> dict[tuple[str, int], list[Voortgang]]:
    registry = load_registry(root)
    return {
        (a.id, i): list(m.voortgang) for a in registry.acties for i, m in enumerate(a.mijlpalen)
    }


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(line in rest for line in short)
