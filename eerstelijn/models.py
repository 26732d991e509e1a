"""The registry's data model: pydantic v2 models whose field names are the YAML keys."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property, lru_cache
from operator import attrgetter
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
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)

from eerstelijn.i18n import _
from eerstelijn.kwartaal import (
    FIRST_YEAR,
    LAST_YEAR,
    MOMENT_FROM_PATTERN,
    TIMING_PATTERN,
    Kwartaal,
    Termijn,
)
from eerstelijn.problems import Origin
from eerstelijn.shape import DONE, FILES, REGIONAL_DIR, STATUSES, Beoordeling, Hoofdstuk, Status

__all__ = [
    "FILE_MODELS",
    "ITEM_MODELS",
    "Actie",
    "Belofte",
    "Bron",
    "Document",
    "Doel",
    "Mijlpaal",
    "Partij",
    "Registry",
    "Stand",
    "Status",
    "Voortgang",
]


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
# Latin letters (with accents: Patiëntenfederatie), digits and a few marks. Other scripts and
# invisible characters are refused: Greek `ΖΝ`, fullwidth `ＺＮ` or `ZN` with a zero-width
# space would look like `ZN` and be another party.
_LATIN = r"A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"
_CODE_PATTERN = rf"^[{_LATIN}][{_LATIN}.&'+/_-]*$"
Code = Annotated[
    str,
    StringConstraints(pattern=_CODE_PATTERN, max_length=100),
    Field(
        description="A partij code or alias, as in partijen.yaml: Latin letters, digits, .&'+/_-"
    ),
]
ActieId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100),
    Field(description="Stable, human-readable id: letters, digits, '.', '-', '_'"),
]
DocumentId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
    Field(description="The id of a document in documenten.yaml"),
]
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _parse_termijn(value: object) -> Termijn:
    if isinstance(value, Termijn):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(_("expected a timing as text, such as 'Q1 2026'"))
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
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            ],
            "description": "Quarter ('Q1 2026'), year ('2025', 'in 2025'), or a vague timing "
            "as the source words it: 'voor Q3 2025', 'voor de zomer van 2024', "
            "'vanaf Q1 2026', 'na Q4 2025', 'per 2027', 'mogelijk al in 2025', "
            "'verwacht al in 2024'. A quarter's deadline is met through its last day; only a "
            "quarter, a year and 'voor ...' set a deadline, and 'vanaf' or 'per' on a "
            "milestone with toestand: true.",
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


def _version_as_text(value: object) -> object:
    """YAML reads `versie: 2024-12-18` as a date and `versie: 2` as a number; a version is text."""
    if isinstance(value, date) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    return value


_VERSIE_TEXT = "The version as the document names it, e.g. '2024-12-18' or '2'"
Versie = Annotated[
    Tekst,
    BeforeValidator(_version_as_text),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
            "description": _VERSIE_TEXT,
        }
    ),
    Field(description=_VERSIE_TEXT),
]


def _date_as_written(value: object) -> object:
    """A date written YYYY-MM-DD; pydantic would read a number as seconds since 1970."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    message = _("expected a date written YYYY-MM-DD, such as 2024-12-18, got {value!r}")
    raise ValueError(message.format(value=value))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
Datum = Annotated[
    date,
    BeforeValidator(_date_as_written),
    Field(description="A date, written YYYY-MM-DD"),
]

DocumentSoort = Literal[
    "agenda",
    "webpagina",
    "kamerbrief",
    "bo-verslag",
    "notitie",
    "nieuwsbericht",
    "besluit",
    "overig",
]


class DocumentHoofdstuk(_Model):
    """A chapter of a document, as the document numbers it."""

    id: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
        Field(description="The chapter's number or code, e.g. 'H2'"),
    ]
    titel: Tekst = Field(description="The chapter's subject in our own words")
    onderwerp: Tekst | None = Field(
        default=None, description="The subject the chapter announces itself, where it does"
    )
    werkgroep: Tekst | None = Field(
        default=None, description="The working group the chapter names as its author"
    )
    afspraken: list[Tekst] = Field(
        default=[], description="Agreements of an earlier document the chapter works out"
    )
    toelichting: Tekst | None = Field(
        default=None, description="How the chapter was read, or what it leaves open"
    )


class Periode(_Model):
    """The years a document says it covers, and where it says so."""

    van: int = Field(ge=FIRST_YEAR, le=LAST_YEAR, description="The first year")
    tot: int = Field(ge=FIRST_YEAR, le=LAST_YEAR, description="The last year, included")
    sectie: Tekst = Field(description="Where the document says so")


class Voetnoot(_Model):
    """A footnote of a document, in our own words."""

    nummer: int = Field(ge=1)
    sectie: Tekst = Field(description="Where the footnote is attached")
    tekst: Tekst = Field(description="What the footnote says, in our own words")


class Begrip(_Model):
    """A term a document uses, with what it means there."""

    term: Tekst = Field(description="The term as the document writes it")
    uitleg: Tekst = Field(description="What it means there, in our own words")
    sectie: Tekst = Field(description="Where the document uses it")


class Document(_Item):
    """A source the data cites: an agenda, a web page, a letter, minutes of a BO, ..."""

    # What the validator below demands, for editors; `datum: null` slips through it.
    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["datum"]}, {"required": ["versie"]}]}
    )

    id: DocumentId = Field(description="Stable id that `bron: {document: ...}` cites")
    titel: Tekst = Field(description="The document's title or name")
    soort: DocumentSoort
    datum: Datum | None = Field(
        default=None, description="The date the document bears (YYYY-MM-DD)"
    )
    versie: Versie | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Where the document can be read"
    )
    status: Tekst | None = Field(
        default=None, description="What the document says it is, e.g. 'werkdocument'"
    )
    opdrachtgever: Tekst | None = Field(
        default=None, description="Who commissioned the document, where it says so"
    )
    uitgever: Tekst | None = Field(default=None, description="Who publishes the document")
    hoofdstukken: list[DocumentHoofdstuk] = Field(
        default=[], description="For an agenda: its chapters"
    )
    toelichting: Tekst | None = Field(
        default=None, description="How the document was read, or what it lacks"
    )
    opdrachtgever_sectie: Tekst | None = Field(
        default=None, description="Where the document names its opdrachtgever"
    )
    perioden: list[Periode] = Field(
        default=[],
        description="The years the document says it covers; more than one where it disagrees "
        "with itself",
    )
    voetnoten: list[Voetnoot] = Field(default=[], description="Its footnotes, in our own words")
    begrippen: list[Begrip] = Field(default=[], description="Terms it uses, explained")

    def hoofdstuk(self, hoofdstuk_id: str) -> DocumentHoofdstuk | None:
        """The chapter with this id."""
        return next((h for h in self.hoofdstukken if h.id == hoofdstuk_id), None)

    @model_validator(mode="after")
    def _dated_or_versioned(self) -> Document:
        if self.datum is None and self.versie is None:
            raise ValueError(
                f"document {self.id!r} needs a 'datum' or a 'versie': which text is cited"
            )
        return self

    @property
    def label(self) -> str:
        """The document in one line, as the calendar and the report name a source."""
        name = f"{self.uitgever}, {self.soort} '{self.titel}'" if self.uitgever else self.titel
        if self.versie:
            return f"{name}, versie {self.versie}"
        return f"{name}, {self.datum.isoformat()}" if self.datum else name


class Bron(_Model):
    """A reference to a section of a document in documenten.yaml."""

    document: DocumentId
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
                _("a voortgang entry needs at least one of status, deadline or beoordeling")
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
    if not entries:
        return ()
    return tuple(sorted([v for v in entries if v.datum <= as_of], key=_datum))


_datum = attrgetter("datum")


class Mijlpaal(_Model):
    """A dated step of an action, with the log of what was reported on it."""

    # Editors learn the rule the validator below enforces: a state is dated by 'vanaf'/'per'.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"toestand": {"const": True}}, "required": ["toestand"]},
            "then": {
                "properties": {"deadline": {"type": "string", "pattern": MOMENT_FROM_PATTERN}},
                "required": ["deadline"],
            },
        }
    )

    __slots__ = ("_stand_memo",)  # see stand()

    omschrijving: Tekst
    deadline: TermijnVeld | None = Field(
        default=None, description="Timing as the source says it: the baseline, never rewritten"
    )
    toestand: bool = Field(
        default=False,
        description="True when the milestone is a state that must hold from its 'vanaf' or "
        "'per' timing on, which makes that timing a deadline; false for work that starts then",
    )
    status: Status = Field(
        default="open",
        description="The status from the start; later changes go in voortgang, with a date",
    )
    voortgang: list[Voortgang] = Field(default=[], description="Progress reports, oldest first")

    @model_validator(mode="before")
    @classmethod
    def _date_the_state(cls, data: Any) -> Any:
        # A state's 'vanaf'/'per' is its deadline. Anything else is left for the fields to
        # report, where they stand: a bad timing at `deadline`, a misplaced flag at `toestand`.
        if not isinstance(data, dict) or data.get("toestand") is not True:
            return data
        try:
            termijn = _parse_termijn(data.get("deadline"))
        except ValueError:
            return data
        if not termijn.names_a_moment_from:
            return data
        return {**data, "deadline": termijn.as_toestand()}

    @field_validator("toestand")
    @classmethod
    def _toestand_needs_a_moment(cls, value: bool, info: ValidationInfo) -> bool:
        if not value or "deadline" not in info.data:  # a bad deadline is reported at its key
            return value
        termijn = info.data["deadline"]
        if termijn is None or not termijn.names_a_moment_from:
            written = repr(termijn.tekst) if termijn else "none"
            message = _("toestand: true needs a 'vanaf' or 'per' timing, not {timing}")
            raise ValueError(message.format(timing=written))
        return value

    def _dated(self, termijn: Termijn) -> Termijn:
        """A re-planned timing read as the milestone reads its own: a state's 'vanaf' is due."""
        return termijn.as_toestand() if self.toestand and termijn.names_a_moment_from else termijn

    def stand(self, as_of: date) -> Stand:
        """The milestone as its log says it stood on `as_of`.

        The last answer is kept with the milestone (a slot: never pickled, never compared), as
        a listing asks each milestone's state on one date several times: for the action's
        status, its deadline, whether it is overdue and due. The model is frozen, so the answer
        for a date never changes.
        """
        try:
            memo: tuple[date, Stand] = _STAND_MEMO(self)
        except AttributeError:  # the slot is empty
            pass
        else:
            if memo[0] == as_of:
                return memo[1]
        if self.voortgang:
            entries = _up_to(self.voortgang, as_of)
            status, deadline, beoordeling = self.status, self.deadline, None
            for entry in entries:
                status = entry.status or status
                deadline = self._dated(entry.deadline) if entry.deadline else deadline
                beoordeling = entry.beoordeling or beoordeling
            stand = Stand(status, deadline, self.deadline, beoordeling, entries)
        else:
            stand = Stand(self.status, self.deadline, self.deadline, None, ())
        object.__setattr__(self, "_stand_memo", (as_of, stand))
        return stand


# The key paths of progress logs, one tuple each for all actions: Registry.logboeken keeps
# them for every log with entries (150,000 at 100,000 actions).
_OWN_LOG: tuple[str | int, ...] = ("voortgang",)


@cache
def _milestone_log(index: int) -> tuple[str | int, ...]:
    return ("mijlpalen", index, "voortgang")


class Actie(_Item):
    """An action of the realisatieagenda (or of another agenda) with its milestones."""

    __slots__ = ("_status_memo",)  # see status_on()

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
        yield _OWN_LOG, self.voortgang
        for index, mijlpaal in enumerate(self.mijlpalen):
            yield _milestone_log(index), mijlpaal.voortgang

    def status_on(self, as_of: date, standen: Sequence[Stand] | None = None) -> Status:
        """The action's status on `as_of`: its own when gereed or vervallen, else what its
        milestones add up to (all done: gereed; any begun: lopend), never less than its own.

        `standen`, the milestones' states on `as_of` where the caller has them already. The
        last answer is kept with the action, as Mijlpaal.stand keeps its own.
        """
        try:
            memo: tuple[date, Status] = _STATUS_MEMO(self)
        except AttributeError:  # the slot is empty
            pass
        else:
            if memo[0] == as_of:
                return memo[1]
        status = self._status_on(as_of, standen)
        object.__setattr__(self, "_status_memo", (as_of, status))
        return status

    def _status_on(self, as_of: date, standen: Sequence[Stand] | None) -> Status:
        own = self.status
        for entry in _up_to(self.voortgang, as_of):
            own = entry.status or own
        if own in DONE or not self.mijlpalen:
            return own
        if standen is None:
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


# Reading the memo slots through their descriptors: an empty slot read through
# getattr(..., None) goes through pydantic's __getattr__ and its exception first (0.9 against
# 0.3 microseconds, for each milestone and action a listing of 100,000 actions asks about).
_STAND_MEMO = vars(Mijlpaal)["_stand_memo"].__get__
_STATUS_MEMO = vars(Actie)["_status_memo"].__get__


class Belofte(_Item):
    """One of the ten promises of the zorgbelofte."""

    nummer: int = Field(ge=1, le=10)
    titel: Tekst = Field(description="The promise in our own words")
    belover: Literal["zorgverleners", "patient", "beide"] = Field(
        default="zorgverleners",
        description="Who promises: the providers and financiers of primary care, the patient "
        "(the inwoner), or both; the promise is mutual",
    )
    doelen: list[DoelId] = Field(min_length=1, description="The goals this promise serves")
    bron: Bronnen

    @property
    def deliverable(self) -> bool:
        """True when providers and financiers promise (some of) it, so actions can deliver it."""
        return self.belover != "patient"


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

    documenten: list[Document] = []
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

    @cached_property
    def logboeken(self) -> list[tuple[Actie, tuple[str | int, ...], list[Voortgang]]]:
        """Every progress log that has entries: its action, key path (as Actie.logboeken
        gives it) and entries, in registry order. Worked out once for the checks that read
        every entry: at 100,000 actions most of the 300,000 logs are empty."""
        return [
            (actie, path, entries)
            for actie in self.acties
            for path, entries in actie.logboeken()
            if entries
        ]

    def partij(self, code: str) -> Partij | None:
        """The partij with this code or alias, exactly as written."""
        return self._by_code.get(code)

    def codes(self) -> list[str]:
        """Every code and alias, for suggestions."""
        return list(self._by_code)

    def document(self, document_id: str) -> Document | None:
        """The document with this id."""
        return next((d for d in self.documenten if d.id == document_id), None)

    def cite(self, bron: Bron) -> str:
        """A reference in words: its document's label (its id when unknown) and its section."""
        document = self.document(bron.document)
        return f"{document.label if document else bron.document}, {bron.sectie}"

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
