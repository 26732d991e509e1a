"""The registry's data model: pydantic v2 models whose field names are the YAML keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from types import GenericAlias
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
    create_model,
    model_validator,
)

from eerstelijn.kwartaal import TIMING_PATTERN, Kwartaal, Termijn
from eerstelijn.problems import Origin
from eerstelijn.shape import DONE, FILES, REGIONAL_DIR, STATUSES, Beoordeling, Hoofdstuk, Status

__all__ = [
    "FILE_MODELS",
    "ITEM_MODELS",
    "Actie",
    "Belofte",
    "Bron",
    "Doel",
    "Mijlpaal",
    "Partij",
    "Registry",
    "Stand",
    "Status",
    "Voortgang",
]


DOCUMENTEN: dict[str, str] = {
    "realisatieagenda": "Realisatieagenda visie eerstelijnszorg 2030, versie 2024-12-18",
    "visie-vgz": "VGZ, webpagina 'Visie eerstelijnszorg'",
}


def _number_as_text(value: object) -> object:
    """YAML reads `doelen: [1, 2]` as integers; goal ids are text ("1", "6A")."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


_DOEL_PATTERN = r"^[1-9][A-Z]?$"
_DOEL_TEXT = "A goal of the vision: 1 to 5, 6A, 6B or 6C"
DoelId = Annotated[
    str,
    BeforeValidator(_number_as_text),
    StringConstraints(pattern=_DOEL_PATTERN),
    # The schema describes the YAML as written, where `doelen: [1, 6A]` holds an integer.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 9},
                {"type": "string", "pattern": _DOEL_PATTERN},
            ],
            "description": _DOEL_TEXT,
        }
    ),
    Field(description=_DOEL_TEXT),
]
Code = Annotated[
    str,
    StringConstraints(pattern=r"^[^\s,\[\]{}]+$"),
    Field(description="A partij code or alias, as in partijen.yaml"),
]
ActieId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
    Field(description="Stable, human-readable id: letters, digits, '.', '-', '_'"),
]
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _parse_termijn(value: object) -> Termijn:
    if isinstance(value, Termijn):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError("expected a timing as text, such as 'Q1 2026'")
    return _termijn(value)


# A registry repeats a few dozen wordings thousands of times; Termijn is immutable, so equal
# wordings can share one object, which saves parsing, memory, and pickling in the cache.
_termijn = lru_cache(maxsize=4096)(Termijn.parse)


TermijnVeld = Annotated[
    Termijn,
    PlainValidator(_parse_termijn),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": TIMING_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 2999},
            ],
            "description": "Quarter ('Q1 2026'), year ('2025', 'in 2025'), or a vague timing "
            "as the source words it: 'voor Q3 2025', 'voor de zomer van 2024', "
            "'vanaf Q1 2026', 'na Q4 2025', 'per 2027'. A quarter's deadline is met through "
            "its last day; only a quarter, a year and 'voor ...' set a deadline.",
        }
    ),
]


def _one_or_many(value: object) -> object:
    """`bron:` may hold one reference or a list of them."""
    return [value] if isinstance(value, dict) else value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Item(_Model):
    """A list item of a data file, which remembers where it was written."""

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin:
        """Where this item stands in the data (a placeholder for items built in code)."""
        # Read past pydantic's __getattr__, which costs microseconds per private attribute;
        # checks ask tens of thousands of origins on a large registry.
        private = self.__pydantic_private__
        origin = private.get("_origin") if private else None
        return origin or Origin("<memory>", (), {}, {})


class Bron(_Model):
    """A reference to a section of one of the source documents."""

    document: Literal["realisatieagenda", "visie-vgz"] = Field(
        description="realisatieagenda (version 2024-12-18) or visie-vgz (the insurer's page)"
    )
    sectie: Tekst = Field(description="Chapter, paragraph or item, e.g. 'H3, actie 4'")

    def __str__(self) -> str:
        return f"{self.document} {self.sectie}"


Bronnen = Annotated[
    list[Bron],
    BeforeValidator(_one_or_many, json_schema_input_type=Bron | list[Bron]),
    Field(min_length=1, description="Where the source says this: one reference or a list"),
]


class Doel(_Item):
    """A goal of the vision eerstelijnszorg 2030."""

    id: DoelId
    titel: Tekst = Field(description="The goal in our own words")
    streefbeeld: Tekst | None = Field(
        default=None, description="What the goal looks like in 2030, where the source says"
    )
    bron: Bronnen


class Partij(_Item):
    """A party named in the sources: an organisation, a forum, a website, or a group of parties."""

    code: Code = Field(description="The abbreviation the source uses, or its short name")
    naam: Tekst
    soort: Literal["organisatie", "groep", "overleg", "website"] = "organisatie"
    aliassen: list[Code] = Field(default=[], description="Other spellings the source uses")
    leden: list[Code] = Field(default=[], description="For a groep: its members")
    vertegenwoordigt: list[Code] = Field(
        default=[], description="Parties this one speaks for (not expanded in counts)"
    )
    labels: list[Tekst] = Field(default=[], description="Brands an insurer operates under")
    aan_tafel: bool = Field(
        default=True, description="False when the party was (temporarily) not at the table"
    )
    interpretatie: Tekst | None = Field(
        default=None, description="How we read the source where it is not explicit"
    )
    opmerking: Tekst | None = None
    bron: Bronnen


class Voortgang(_Model):
    """One dated report on a milestone (or an action): what changed on that day, and why.

    The log only grows: a correction is a new entry. An entry with `deadline` re-plans the
    milestone from its date on; the milestone's own `deadline` stays the one first agreed.
    """

    datum: date = Field(description="The day this report speaks of (YYYY-MM-DD)")
    status: Status | None = Field(default=None, description="The status from this day on")
    deadline: TermijnVeld | None = Field(
        default=None, description="A re-planning: the deadline from this day on ('reden' needed)"
    )
    reden: Tekst | None = Field(default=None, description="Why the deadline moved")
    beoordeling: Beoordeling | None = Field(
        default=None, description="The trekker's own assessment: op-koers, risico or achter"
    )
    toelichting: Tekst | None = None
    door: Tekst | None = Field(default=None, description="Who reported this")
    bron: Annotated[
        list[Bron] | None,
        BeforeValidator(_one_or_many, json_schema_input_type=Bron | list[Bron] | None),
        Field(
            default=None,
            description="Where this is recorded; needed for gereed, vervallen and re-planning",
        ),
    ] = None

    @model_validator(mode="after")
    def _says_something(self) -> Voortgang:
        if self.status is None and self.deadline is None and self.beoordeling is None:
            raise ValueError(
                "a voortgang entry needs at least one of status, deadline or beoordeling"
            )
        return self


@dataclass(frozen=True)
class Stand:
    """How a milestone stood on a date: the fold of its entries dated on or before it."""

    status: Status
    deadline: Termijn | None
    oorspronkelijke_deadline: Termijn | None
    beoordeling: Beoordeling | None
    voortgang: tuple[Voortgang, ...]

    @property
    def done(self) -> bool:
        """True when gereed or vervallen."""
        return self.status in DONE

    @property
    def laatste_voortgang(self) -> date | None:
        """The date of the last entry up to the date asked for, or None: nothing reported."""
        return self.voortgang[-1].datum if self.voortgang else None

    @property
    def slip_kwartalen(self) -> int | None:
        """Quarters between the first agreed deadline and the current one (positive: later)."""
        first = self.oorspronkelijke_deadline.deadline if self.oorspronkelijke_deadline else None
        now = self.deadline.deadline if self.deadline else None
        if first is None or now is None:
            return None
        return (now.year - first.year) * 4 + now.q - first.q


def _up_to(entries: list[Voortgang], as_of: date) -> tuple[Voortgang, ...]:
    """The entries dated on or before `as_of`, in date order (stable: same-day order kept)."""
    return tuple(sorted((v for v in entries if v.datum <= as_of), key=lambda v: v.datum))


class Mijlpaal(_Model):
    """A dated step of an action, with the log of what was reported on it."""

    omschrijving: Tekst
    deadline: TermijnVeld | None = Field(
        default=None, description="Timing as the source says it: the baseline, never rewritten"
    )
    status: Status = Field(
        default="open",
        description="The status from the start; later changes go in voortgang, with a date",
    )
    voortgang: list[Voortgang] = Field(default=[], description="Progress reports, oldest first")

    def stand(self, as_of: date) -> Stand:
        """The milestone as its log says it stood on `as_of`."""
        entries = _up_to(self.voortgang, as_of)
        status, deadline, beoordeling = self.status, self.deadline, None
        for entry in entries:
            status = entry.status or status
            deadline = entry.deadline or deadline
            beoordeling = entry.beoordeling or beoordeling
        return Stand(status, deadline, self.deadline, beoordeling, entries)


class Actie(_Item):
    """An action of the realisatieagenda (or of another agenda) with its milestones."""

    id: ActieId
    titel: Tekst = Field(description="Short title in our own words")
    hoofdstuk: Hoofdstuk | None = None
    regio: Tekst | None = Field(default=None, description="For regional agendas: the region")
    doelen: list[DoelId] = Field(min_length=1)
    trekker: list[Code] = Field(default=[], description="Leading parties; empty when none")
    betrokkenen: list[Code] = []
    mijlpalen: list[Mijlpaal] = []
    status: Status = Field(
        default="open",
        description="The status from the start; later changes go in voortgang, with a date",
    )
    voortgang: list[Voortgang] = Field(
        default=[], description="Reports on the action as a whole, such as vervallen"
    )
    toelichting: Tekst | None = Field(
        default=None, description="How the source was read for this action"
    )
    bron: Bronnen

    def logboeken(self) -> Iterator[tuple[tuple[str | int, ...], list[Voortgang]]]:
        """Every progress log of the action, the action's own first, with its key path."""
        yield ("voortgang",), self.voortgang
        for index, mijlpaal in enumerate(self.mijlpalen):
            yield ("mijlpalen", index, "voortgang"), mijlpaal.voortgang

    def status_on(self, as_of: date) -> Status:
        """The action's status on `as_of`: its own when gereed or vervallen, else what its
        milestones add up to (all done: gereed; any begun: lopend), never less than its own.
        """
        own = self.status
        for entry in _up_to(self.voortgang, as_of):
            own = entry.status or own
        if own in DONE or not self.mijlpalen:
            return own
        standen = [m.stand(as_of) for m in self.mijlpalen]
        if all(s.status == "vervallen" for s in standen):
            return "vervallen"
        if all(s.done for s in standen):
            derived: Status = "gereed"
        elif any(s.status != "open" or s.voortgang for s in standen):
            derived = "lopend"
        else:
            derived = "open"
        return max(own, derived, key=STATUSES.index)

    def done_on(self, as_of: date) -> bool:
        """True when the action is gereed or vervallen on `as_of`."""
        return self.status_on(as_of) in DONE

    def deadline_on(self, as_of: date) -> Kwartaal | None:
        """The latest current milestone deadline on `as_of`, or None when none has one."""
        dates = [
            termijn.deadline
            for m in self.mijlpalen
            if (termijn := m.stand(as_of).deadline) and termijn.deadline
        ]
        return max(dates) if dates else None


class Belofte(_Item):
    """One of the ten promises of the zorgbelofte."""

    nummer: int = Field(ge=1, le=10)
    titel: Tekst = Field(description="The promise in our own words")
    doelen: list[DoelId] = Field(min_length=1, description="The goals this promise serves")
    bron: Bronnen


ITEM_MODELS: dict[str, type[_Item]] = {f.key: globals()[f.item] for f in FILES}


def _file_model(key: str, name: str, model: str) -> type[BaseModel]:
    what = f"{name} and of each file in {REGIONAL_DIR}/" if key == REGIONAL_DIR else name
    items = GenericAlias(list, (ITEM_MODELS[key],))  # list[Doel], built at run time
    fields: dict[str, Any] = {key: (items, ...)}
    file_model: type[BaseModel] = create_model(
        model, __base__=_Model, __doc__=f"The top level of {what}.", __module__=__name__, **fields
    )
    return file_model


# The model of each data file's top level, by its key: one list of items under that key.
FILE_MODELS: dict[str, type[BaseModel]] = {
    f.key: _file_model(f.key, f.name, f.model) for f in FILES
}


class Registry(BaseModel):
    """Everything in a data directory, after schema validation."""

    model_config = ConfigDict(frozen=True)

    doelen: list[Doel] = []
    partijen: list[Partij] = []
    acties: list[Actie] = []
    zorgbelofte: list[Belofte] = []

    @cached_property
    def _by_code(self) -> dict[str, Partij]:
        found: dict[str, Partij] = {}
        for partij in self.partijen:
            for code in (partij.code, *partij.aliassen):
                found.setdefault(code, partij)
        return found

    def partij(self, code: str) -> Partij | None:
        """The partij with this code or alias, exactly as written."""
        return self._by_code.get(code)

    def codes(self) -> list[str]:
        """Every code and alias, for suggestions."""
        return list(self._by_code)

    def doel(self, doel_id: str) -> Doel | None:
        """The goal with this id."""
        return next((d for d in self.doelen if d.id == doel_id), None)

    def actie(self, actie_id: str) -> Actie | None:
        """The action with this id."""
        return next((a for a in self.acties if a.id == actie_id), None)

    def members(self, code: str) -> list[str]:
        """The parties a code stands for: a groep's members (recursively), else itself.

        Codes come back canonical (aliases resolved); unknown codes come back as written.
        """
        return list(dict.fromkeys(self._expand(code, frozenset())))

    def _expand(self, code: str, seen: frozenset[str]) -> Iterator[str]:
        partij = self.partij(code)
        if partij is None:
            yield code
            return
        if partij.soort != "groep":
            yield partij.code
            return
        if partij.code in seen:  # a cycle is reported by a check; here it must just end
            return
        for lid in partij.leden:
            yield from self._expand(lid, seen | {partij.code})
