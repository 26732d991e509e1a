"""`--as-of` dates: ISO, today, quarters, and written dates in Dutch and English."""

from __future__ import annotations

from datetime import date

import pytest

from eerstelijn.cli.dates import DateError, parse_as_of

# Unit tests of the core assert its messages in English, their source.
pytestmark = pytest.mark.usefixtures("english")

TODAY = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-31", date(2026, 3, 31)),
        ("today", TODAY),
        ("vandaag", TODAY),
        ("Q2 2026", date(2026, 4, 1)),
        ("31 maart 2026", date(2026, 3, 31)),
        ("1 mei 2025", date(2025, 5, 1)),
        ("zondag 1 februari 2026", date(2026, 2, 1)),
        ("17 okt. 2025", date(2025, 10, 17)),
        ("March 31, 2026", date(2026, 3, 31)),
        ("31 December 2025", date(2025, 12, 31)),
    ],
)
def test_dates_people_write_are_read(text: str, expected: date) -> None:
    assert parse_as_of(text, TODAY) == expected


@pytest.mark.parametrize("text", ["banana", "maart 2026", "31 februari 2026", "2026-13-01", ""])
def test_incomplete_or_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError, match="is not a date"):
        parse_as_of(text, TODAY)


@pytest.mark.parametrize("text", ["26-3-31", "31-3-26", "3/31/26", "31.03.26"])
def test_a_date_with_a_two_digit_year_is_ambiguous(text: str) -> None:
    # 26-3-31 was read as 26 March 2031: a user meaning 31 March 2026 got the wrong answer.
    with pytest.raises(DateError, match="ambiguous: write the year in four digits"):
        parse_as_of(text, TODAY)


def test_a_numeric_date_with_a_four_digit_year_is_read_day_first() -> None:
    assert parse_as_of("31-3-2026", TODAY) == date(2026, 3, 31)
