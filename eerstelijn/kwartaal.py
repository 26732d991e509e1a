"""Quarters ("Q1 2026") and the timing phrases the source documents use around them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from eerstelijn.i18n import _

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MOMENT_FROM_PATTERN",
    "TIMING_PATTERN",
    "Kwartaal",
    "Termijn",
    "TermijnSoort",
    "TimingError",
    "YearOutOfRange",
    "check_year",
]


class TimingError(ValueError):
    """A quarter or timing phrase that cannot be read."""


class YearOutOfRange(TimingError):
    """A year outside FIRST_YEAR..LAST_YEAR, the years a registry may name."""


# The years a registry, an option or --as-of may name. Plans for primary care outside this
# range are typos (Q4 2999), and a bound keeps every timeline and count small.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def check_year(year: int) -> int:
    """`year` when it lies in FIRST_YEAR..LAST_YEAR; YearOutOfRange otherwise."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange(
            _("year {year} is outside {first} to {last}").format(
                year=year, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return year


_QUARTER_FORMS = (
    # Q1 2026, q1-2026, Q1/2026, Q1 '26 is deliberately not accepted: a two-digit year is a guess.
    re.compile(r"^[Qq](?P<q>\d)\s*[-/ ]?\s*(?P<y>\d{4})$"),
    # 2026-Q1, 2026 Q1, 2026Q1 (ISO-like, as the JSON output writes it)
    re.compile(r"^(?P<y>\d{4})\s*[- ]?\s*[Qq](?P<q>\d)$"),
)


@dataclass(frozen=True, order=True, slots=True)
class Kwartaal:
    """A calendar quarter; ordered by time."""

    year: int
    q: int

    def __post_init__(self) -> None:
        if not 1 <= self.q <= 4:
            raise TimingError(_("quarter {q} does not exist: use Q1 to Q4").format(q=self.q))
        if not 1 <= self.year <= 9999:
            raise TimingError(_("year {year} is out of range").format(year=self.year))

    @classmethod
    def parse(cls, text: str) -> Kwartaal:
        """Read "Q1 2026" and its common variants ("q1-2026", "2026-Q1")."""
        cleaned = text.strip()
        for form in _QUARTER_FORMS:
            match = form.match(cleaned)
            if match:
                return cls(check_year(int(match["y"])), int(match["q"]))
        raise TimingError(_("{text!r} is not a quarter: write it as 'Q1 2026'").format(text=text))

    @classmethod
    def from_date(cls, day: date) -> Kwartaal:
        """The quarter that contains `day`."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        """The first day of the quarter."""
        return date(self.year, 3 * self.q - 2, 1)

    @property
    def last_day(self) -> date:
        """The last day of the quarter: a deadline in this quarter is met through this day."""
        # Spelled out: relativedelta took a third of `overdue` on 10,000 actions.
        return date(self.year, 3 * self.q, 31 if self.q in (1, 4) else 30)

    def shift(self, n: int) -> Kwartaal:
        """The quarter `n` quarters later (earlier when `n` is negative)."""
        # Counted in quarters since year 0: a tenth of the time of relativedelta's months.
        year, index = divmod(self.year * 4 + self.q - 1 + n, 4)
        return Kwartaal(year, index + 1)

    def next(self) -> Kwartaal:
        """The following quarter."""
        return self.shift(1)

    def previous(self) -> Kwartaal:
        """The preceding quarter."""
        return self.shift(-1)

    def __str__(self) -> str:
        return f"Q{self.q} {self.year}"

    @property
    def iso(self) -> str:
        """The machine form used in JSON and CSV output: "2026-Q1"."""
        return f"{self.year}-Q{self.q}"


TermijnSoort = Literal["kwartaal", "jaar", "voor", "vanaf", "na", "per", "mogelijk", "verwacht"]

_YEAR = r"(?P<y>\d{4})"
_PERIOD = r"(?P<period>[Qq]\d\s*[-/ ]?\s*\d{4}|\d{4}\s*[- ]?\s*[Qq]\d|\d{4})"
_PHRASES: tuple[tuple[TermijnSoort, re.Pattern[str]], ...] = (
    ("voor", re.compile(rf"^voor de zomer van {_YEAR}$", re.IGNORECASE)),
    ("voor", re.compile(rf"^voor {_PERIOD}$", re.IGNORECASE)),
    ("vanaf", re.compile(rf"^vanaf {_PERIOD}$", re.IGNORECASE)),
    ("na", re.compile(rf"^na {_PERIOD}$", re.IGNORECASE)),
    ("per", re.compile(rf"^per {_PERIOD}$", re.IGNORECASE)),
    ("mogelijk", re.compile(rf"^mogelijk (?:al )?in {_PERIOD}$", re.IGNORECASE)),
    ("verwacht", re.compile(rf"^verwacht (?:al )?in {_PERIOD}$", re.IGNORECASE)),
    ("jaar", re.compile(rf"^(?:in )?{_YEAR}$", re.IGNORECASE)),
)

ACCEPTED_FORMS = (
    "'Q1 2026'",
    "'2025' or 'in 2025'",
    "'voor Q3 2025'",
    "'voor de zomer van 2024'",
    "'vanaf Q1 2026'",
    "'na Q4 2025'",
    "'per 2027'",
    "'mogelijk al in 2025'",
    "'verwacht al in 2024'",
)


def _any_case(phrase: str) -> str:
    # JSON Schema patterns take no flags; spell out the IGNORECASE of _PHRASES.
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in phrase)


_SCHEMA_YEAR = "(?:20[0-9]{2}|2100)"
_SCHEMA_QUARTER = (
    rf"[Qq][1-4][ \t]*[-/ ]?[ \t]*{_SCHEMA_YEAR}|{_SCHEMA_YEAR}[ \t]*[- ]?[ \t]*[Qq][1-4]"
)
_SCHEMA_PERIOD = rf"(?:{_SCHEMA_QUARTER}|{_SCHEMA_YEAR})"
_SCHEMA_WORDS = "|".join(_any_case(word) for word in ("voor", "vanaf", "na", "per"))

# The written timings Termijn.parse accepts, as a JSON Schema (ECMA-262) pattern for editors.
# Stricter only at the edges: ASCII digits and blanks, quarters 1 to 4, years 2000 to 2100.
TIMING_PATTERN = (
    r"^(?:"
    + "|".join(
        (
            _SCHEMA_QUARTER,
            rf"(?:{_any_case('in ')})?{_SCHEMA_YEAR}",
            rf"{_any_case('voor de zomer van ')}{_SCHEMA_YEAR}",
            rf"(?:{_SCHEMA_WORDS}) {_SCHEMA_PERIOD}",
            rf"(?:{_any_case('mogelijk')}|{_any_case('verwacht')}) "
            rf"(?:{_any_case('al ')})?{_any_case('in ')}{_SCHEMA_PERIOD}",
        )
    )
    + r")$"
)


# A timing that names a moment from which something holds ('vanaf', 'per'): the only ones a
# milestone that is a state (`toestand: true`) may have.
MOMENT_FROM_PATTERN = rf"^(?:{_any_case('vanaf')}|{_any_case('per')}) {_SCHEMA_PERIOD}$"


def _span(period: str) -> tuple[Kwartaal, Kwartaal]:
    """First and last quarter of a quarter or a year."""
    if re.fullmatch(r"\d{4}", period.strip()):
        year = check_year(int(period))
        return Kwartaal(year, 1), Kwartaal(year, 4)
    quarter = Kwartaal.parse(period)
    return quarter, quarter


@dataclass(frozen=True, slots=True)
class Termijn:
    """When a milestone is due, as the source words it, with what that wording commits to.

    `deadline` is the last quarter in which the milestone is on time, or None when the wording
    sets no deadline (a start, a moment after which something applies, what may happen as
    early as some time, or what someone expects to happen). `start` is the earliest quarter
    the wording allows, where it names one.
    """

    tekst: str
    soort: TermijnSoort
    start: Kwartaal | None
    deadline: Kwartaal | None

    @classmethod
    def parse(cls, text: str | int) -> Termijn:
        """Read a timing phrase; see the README's interpretation rules."""
        written = str(text).strip()
        try:
            quarter = Kwartaal.parse(written)
        except TimingError:
            pass
        else:
            return cls(written, "kwartaal", None, quarter)
        for soort, pattern in _PHRASES:
            match = pattern.match(written)
            if match is None:
                continue
            if "period" in match.groupdict():
                first, last = _span(match["period"])
            else:
                first, last = _span(match["y"])
            if soort == "jaar":
                return cls(written, soort, first, last)
            if soort == "voor":
                # "voor de zomer van 2024": summer starts in late June, so the last whole
                # quarter before it is Q2. "voor Q3 2025": by the end of the quarter before.
                last = Kwartaal(last.year, 2) if "zomer" in written.lower() else first.previous()
                return cls(written, soort, None, last)
            if soort == "na":
                return cls(written, soort, last.next(), None)
            return cls(written, soort, first, None)
        # A quarter-like text with a bad quarter or year gets the quarter's own, sharper message.
        if re.search(r"[Qq]\d", written):
            Kwartaal.parse(
                re.sub(
                    r"^(voor|vanaf|na|per|(mogelijk|verwacht) (al )?in)\s+", "", written, flags=re.I
                )
            )
        raise TimingError(
            _("{written!r} is not a timing this registry understands; use one of {forms}").format(
                written=written, forms=", ".join(ACCEPTED_FORMS)
            )
        )

    @property
    def names_a_moment_from(self) -> bool:
        """True for 'vanaf' and 'per': wordings that say from when something holds."""
        return self.soort in ("vanaf", "per")

    def as_toestand(self) -> Termijn:
        """This timing dating a state that must hold from its moment on, which makes that
        moment a deadline ("vanaf Q1 2025 uniform gedefinieerd": by the end of Q1 2025).

        Only for a wording that names a moment from which something holds ('vanaf', 'per').
        """
        if not self.names_a_moment_from:
            raise TimingError(
                _("only a 'vanaf' or 'per' timing can date a state, not {timing!r}").format(
                    timing=self.tekst
                )
            )
        return replace(self, deadline=self.start)

    @property
    def anchor(self) -> Kwartaal:
        """The quarter this timing is placed at on a timeline: its deadline, else its start."""
        placed = self.deadline or self.start
        assert placed is not None, "every accepted wording names a quarter"
        return placed

    def __str__(self) -> str:
        return self.tekst
