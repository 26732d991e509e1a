"""Quarter arithmetic and the reading of the sources' timing phrases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eerstelijn.kwartaal import FIRST_YEAR, LAST_YEAR, Kwartaal, Termijn, TimingError

quarters = st.builds(Kwartaal, st.integers(FIRST_YEAR, LAST_YEAR), st.integers(1, 4))


@given(quarters)
def test_format_then_parse_gives_the_same_quarter(k: Kwartaal) -> None:
    assert Kwartaal.parse(str(k)) == k
    assert Kwartaal.parse(k.iso) == k


@given(quarters, quarters)
def test_order_agrees_with_dates(a: Kwartaal, b: Kwartaal) -> None:
    assert (a < b) == (a.last_day < b.first_day)
    assert (a == b) == (a.first_day == b.first_day)


@given(st.dates(date(1900, 1, 1), date(2999, 12, 31)))
def test_a_date_lies_in_its_quarter(day: date) -> None:
    k = Kwartaal.from_date(day)
    assert k.first_day <= day <= k.last_day


@given(quarters, st.integers(-40, 40))
def test_shift_moves_by_whole_quarters(k: Kwartaal, n: int) -> None:
    shifted = k.shift(n)
    assert (shifted.year * 4 + shifted.q) - (k.year * 4 + k.q) == n
    assert shifted.shift(-n) == k


@given(quarters)
def test_quarters_tile_the_calendar(k: Kwartaal) -> None:
    assert k.next().first_day == k.last_day + timedelta(days=1)
    assert k.next().previous() == k


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 2026", (2026, 1)),
        ("q3-2025", (2025, 3)),
        ("2026-Q2", (2026, 2)),
        ("Q4/2024", (2024, 4)),
    ],
)
def test_common_spellings_are_normalised(text: str, expected: tuple[int, int]) -> None:
    assert Kwartaal.parse(text) == Kwartaal(*expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q5 2025", "quarter 5 does not exist"),
        ("Q0 2025", "quarter 0 does not exist"),
        ("Q1 20x6", "is not a quarter"),
        ("Q1 '26", "is not a quarter"),
    ],
)
def test_invalid_quarters_are_refused(text: str, message: str) -> None:
    with pytest.raises(TimingError, match=message):
        Kwartaal.parse(text)


def test_last_day_is_the_real_end_of_the_quarter() -> None:
    assert Kwartaal(2024, 1).last_day == date(2024, 3, 31)
    assert Kwartaal(2025, 2).last_day == date(2025, 6, 30)
    assert Kwartaal(2025, 4).last_day == date(2025, 12, 31)


# The README's interpretation table, row by row: wording -> (kind, start, deadline).
@pytest.mark.parametrize(
    ("text", "soort", "start", "deadline"),
    [
        ("Q1 2026", "kwartaal", None, "Q1 2026"),
        ("2025", "jaar", "Q1 2025", "Q4 2025"),
        ("in 2025", "jaar", "Q1 2025", "Q4 2025"),
        ("voor Q3 2025", "voor", None, "Q2 2025"),
        ("voor 2026", "voor", None, "Q4 2025"),
        ("voor de zomer van 2024", "voor", None, "Q2 2024"),
        ("vanaf Q1 2026", "vanaf", "Q1 2026", None),
        ("vanaf 2025", "vanaf", "Q1 2025", None),
        ("na Q4 2025", "na", "Q1 2026", None),
        ("per 2027", "per", "Q1 2027", None),
        ("mogelijk al in 2025", "mogelijk", "Q1 2025", None),
        ("mogelijk in Q3 2025", "mogelijk", "Q3 2025", None),
        ("verwacht al in 2024", "verwacht", "Q1 2024", None),
        ("verwacht in Q2 2025", "verwacht", "Q2 2025", None),
    ],
)
def test_interpretation_rules(
    text: str, soort: str, start: str | None, deadline: str | None
) -> None:
    termijn = Termijn.parse(text)
    assert termijn.soort == soort
    assert termijn.start == (Kwartaal.parse(start) if start else None)
    assert termijn.deadline == (Kwartaal.parse(deadline) if deadline else None)
    assert str(termijn) == text


@pytest.mark.parametrize(
    ("text", "deadline"),
    [("vanaf Q1 2025", "Q1 2025"), ("vanaf 2025", "Q1 2025"), ("per 2027", "Q1 2027")],
)
def test_a_state_that_must_hold_from_a_moment_is_due_then(text: str, deadline: str) -> None:
    termijn = Termijn.parse(text).as_toestand()
    assert termijn.deadline == Kwartaal.parse(deadline)
    assert (termijn.soort, str(termijn)) == (Termijn.parse(text).soort, text)


@pytest.mark.parametrize("text", ["Q1 2025", "in 2025", "na Q4 2025", "mogelijk al in 2025"])
def test_only_a_moment_from_which_can_date_a_state(text: str) -> None:
    with pytest.raises(TimingError, match="only a 'vanaf' or 'per' timing"):
        Termijn.parse(text).as_toestand()


def test_a_year_written_as_a_yaml_number_is_a_year() -> None:
    assert Termijn.parse(2025) == Termijn.parse("2025")


@pytest.mark.parametrize("text", ["eind 2025", "binnenkort", "Q1", "vanaf Q5 2025", "na 20x5"])
def test_unknown_wording_is_refused_not_guessed(text: str) -> None:
    with pytest.raises(TimingError):
        Termijn.parse(text)
