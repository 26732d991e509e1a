"""`--as-of` dates: ISO, today, quarters, and written dates in Dutch and English."""

from __future__ import annotations

from datetime import date

import pytest

from eerstelijn.dates import DateError, parse_as_of

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
