"""Reading the `--as-of` date: ISO dates, quarters, and written dates in Dutch or English."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from eerstelijn.i18n import _

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = ["DateError", "parse_as_of"]


class DateError(ValueError):
    """A text that is not a date this tool can read."""


_MONTHS: list[tuple[str, ...]] = [
    ("jan", "januari", "january"),
    ("feb", "februari", "february"),
    ("mrt", "mar", "maart", "march"),
    ("apr", "april"),
    ("mei", "may"),
    ("jun", "juni", "june"),
    ("jul", "juli", "july"),
    ("aug", "augustus", "august"),
    ("sep", "sept", "september"),
    ("okt", "oct", "oktober", "october"),
    ("nov", "november"),
    ("dec", "december"),
]
_WEEKDAYS: list[tuple[str, ...]] = [
    ("ma", "maandag", "mon", "monday"),
    ("di", "dinsdag", "tue", "tuesday"),
    ("wo", "woensdag", "wed", "wednesday"),
    ("do", "donderdag", "thu", "thursday"),
    ("vr", "vrijdag", "fri", "friday"),
    ("za", "zaterdag", "sat", "saturday"),
    ("zo", "zondag", "sun", "sunday"),
]


def _quarter_start(text: str) -> date | None:
    """The first day of the quarter `text` names, or None when it names none."""
    # Imported here: a run with --as-of today (every CI run) needs no quarter arithmetic.
    from eerstelijn.kwartaal import Kwartaal, TimingError, YearOutOfRange

    try:
        return Kwartaal.parse(text).first_day
    except YearOutOfRange as error:
        raise DateError(f"{text!r}: {error}") from None
    except TimingError:
        return None


@cache
def _dutch() -> parserinfo:
    """Month and weekday names in Dutch and English, so "31 maart 2026" reads as a date.

    Built on first use: most runs say "today" or an ISO date and need no dateutil parser.
    """
    from dateutil import parser

    class DutchParserInfo(parser.parserinfo):
        # dateutil takes any number of names per month; its type stubs allow two or three.
        MONTHS = _MONTHS  # type: ignore[assignment]
        WEEKDAYS = _WEEKDAYS  # type: ignore[assignment]
        JUMP = [*parser.parserinfo.JUMP, "de", "van"]  # noqa: RUF012

    return DutchParserInfo(dayfirst=True)


def parse_as_of(text: str, today: date) -> date:
    """Read `text` as a date; "today" is `today`, and a quarter means its first day.

    A date outside the years a registry may name (2000 to 2100) is refused.
    """
    from eerstelijn.kwartaal import FIRST_YEAR, LAST_YEAR

    day = _parse_as_of(text, today)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        message = _("{text!r} is outside the years {first} to {last}")
        raise DateError(message.format(text=text, first=FIRST_YEAR, last=LAST_YEAR))
    return day


def _parse_as_of(text: str, today: date) -> date:
    cleaned = text.strip()
    if cleaned.lower() in ("today", "vandaag"):
        return today
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        # dateutil would read 2026-13-01 as 13 January: an ISO-shaped text must be valid ISO.
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
            message = _("{text!r} is not a date: no such day in the calendar")
            raise DateError(message.format(text=text)) from None
    if (start := _quarter_start(cleaned)) is not None:
        return start
    # 26-3-31 could be 31 March 2026 or 26 March 2031: a date in numbers only needs its year
    # in four digits to be read one way.
    numbers = re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{1,2}", cleaned)
    if numbers:
        raise DateError(f"{text!r} is ambiguous: write the year in four digits, as in 2026-03-31")
    from dateutil import parser

    first: datetime | None
    second: datetime | None
    try:
        # Parsed against two different defaults, a text that leaves out its day, month or
        # year gives two different answers: such a text is refused rather than completed.
        info = _dutch()
        first, second = (parser.parse(cleaned, parserinfo=info, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        first = second = None
    if first is None or first != second:
        raise DateError(
            _(
                "{text!r} is not a date: use 2026-03-31, 'today', 'Q2 2026', "
                "'31 maart 2026' or 'March 31, 2026'"
            ).format(text=text)
        )
    return first.date()


_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
