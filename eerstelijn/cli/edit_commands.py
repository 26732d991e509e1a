"""Editing the registry: `set-status`, `assign`, `add` and `fmt`, each with --dry-run."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from eerstelijn.cli.common import (
    ACTIE_ID,
    PARTIJ_CODE,
    STATUS_CHOICES,
    DataOption,
    ExitCode,
    app,
    as_of_date,
    data_flag,
    emit,
    fail,
    registry_cache,
)

if TYPE_CHECKING:
    from eerstelijn.editing.edit import EditError, FileEdit, NewActie
    from eerstelijn.lookup import UnknownName
    from eerstelijn.registry.load import InvalidRegistry


MijlpaalOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        metavar="N",
        help="The milestone (1 is the first); needed when the action has several.",
    ),
]
DatumOption = Annotated[
    str, typer.Option("--datum", help="The day the report speaks of: 2026-03-31, today, ...")
]
BronOption = Annotated[
    str | None,
    typer.Option(
        "--bron", metavar="DOCUMENT", help="The document (in documenten.yaml) that records it."
    ),
]
SectieOption = Annotated[
    str | None, typer.Option("--sectie", help="Where in that document, e.g. 'punt 3'.")
]

DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="Print the change as a unified diff and write nothing."),
]
ActieIdArgument = Annotated[
    str,
    typer.Argument(metavar="ID", help="The action's id, e.g. H3.4.", click_type=ACTIE_ID),
]

TrekkerOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="CODE", click_type=PARTIJ_CODE, help="A trekker's partij code (repeatable)."
    ),
]
BetrokkenOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="CODE",
        click_type=PARTIJ_CODE,
        help="A betrokkene's partij code (repeatable).",
    ),
]


def _edit_failed(error: EditError | InvalidRegistry | UnknownName, data: Path) -> NoReturn:
    from eerstelijn.editing import edit
    from eerstelijn.registry.load import InvalidRegistry
    from eerstelijn.render import PROBLEM_FORMATS

    if isinstance(error, edit.InvalidEdit):
        emit(PROBLEM_FORMATS["text"](error.problems))
        fail("the edit would make the registry invalid (see above); nothing was written")
    if isinstance(error, InvalidRegistry):
        emit(PROBLEM_FORMATS["text"](error.problems))
        fail(
            "the registry is not valid (see above); fix it first, nothing was written "
            f"('eerstelijn check{data_flag(data)}' lists every problem)"
        )
    if isinstance(error, edit.NotCanonical):
        # The advice names the same registry this run edits.
        fail(str(error).replace("`eerstelijn fmt`", f"`eerstelijn fmt{data_flag(data)}`"))
    fail(str(error))


def apply_edits(
    make: Callable[[], Sequence[FileEdit]], *, dry_run: bool, data: Path
) -> list[FileEdit]:
    """Compute the edits, then print them (dry run) or write them; return the changed ones.

    The registry directory `data` is locked from reading to writing, so what the edit decided
    from all files (the next free id) still holds when it writes.
    """
    from contextlib import nullcontext

    from eerstelijn.controls import visible
    from eerstelijn.editing import edit
    from eerstelijn.editing.atomic import registry_lock
    from eerstelijn.lookup import UnknownName
    from eerstelijn.registry.load import InvalidRegistry

    try:
        with nullcontext() if dry_run else registry_lock(data):
            changed = [e for e in make() if e.changed]
            if dry_run:
                sys.stdout.write("".join(e.diff() for e in changed))
            else:
                for change in changed:
                    edit.write(change)
                    name = visible(str(change.path), one_line=True)
                    typer.echo(f"{'created' if change.new else 'updated'} {name}", err=True)
                    typer.echo(_what_changed(change), err=True, nl=False)
    except (edit.EditError, InvalidRegistry, UnknownName) as error:
        _edit_failed(error, data)
    if not changed:
        typer.echo("nothing to change", err=True)
    return changed


MAX_CHANGED_LINES = 8  # more than this, and `edit` says how many, and --dry-run shows them


def _what_changed(change: FileEdit) -> str:
    """The lines an edit removed and added, as a diff without its headers; or how many."""
    lines = [
        line
        for line in change.diff().splitlines(keepends=True)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    if change.new:
        return ""
    if len(lines) > MAX_CHANGED_LINES:
        return f"  {len(lines)} lines changed; --dry-run shows them\n"
    from eerstelijn.controls import visible

    return "".join(f"  {visible(line.rstrip(chr(10)), one_line=True)}\n" for line in lines)


@app.command("set-status")
def set_status(
    actie_id: ActieIdArgument,
    status: Annotated[str, typer.Argument(help=f"{STATUS_CHOICES}.", show_default=False)],
    *,
    mijlpaal: MijlpaalOption = None,
    datum: DatumOption = "today",
    bron: BronOption = None,
    sectie: SectieOption = None,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Record a status of a milestone: a shorthand of 'update ID --status S'.

    It appends one dated entry to the milestone's voortgang; nothing else in the file changes.
    gereed and vervallen need --bron, the document that records it.
    """
    from eerstelijn.editing import edit

    day = as_of_date(datum, option="--datum")
    apply_edits(
        lambda: [
            edit.set_status(
                data,
                actie_id,
                status,
                datum=day,
                mijlpaal=mijlpaal,
                document=bron,
                sectie=sectie,
                cache=registry_cache(),
            )
        ],
        dry_run=dry_run,
        data=data,
    )


@app.command()
def assign(
    actie_id: ActieIdArgument,
    *,
    trekker: TrekkerOption = None,
    betrokken: BetrokkenOption = None,
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove the named codes instead of adding them.")
    ] = False,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Add parties to an action's trekker or betrokkenen, or remove them with --remove."""
    from eerstelijn.editing import edit

    if not remove:
        _warn_covered(data, actie_id, trekker=trekker or [], betrokken=betrokken or [])
    apply_edits(
        lambda: [
            edit.assign(
                data,
                actie_id,
                trekker=trekker or [],
                betrokkenen=betrokken or [],
                remove=remove,
                cache=registry_cache(),
            )
        ],
        dry_run=dry_run,
        data=data,
    )


def _warn_covered(data: Path, actie_id: str, *, trekker: list[str], betrokken: list[str]) -> None:
    """Warn for each partij that a groep already on the action stands for."""
    from eerstelijn.editing import edit
    from eerstelijn.lookup import UnknownName
    from eerstelijn.registry.load import InvalidRegistry, load_registry

    try:
        registry = load_registry(data, cache=registry_cache())
        covered = [
            (key, code, groep)
            for key, named in (("trekker", trekker), ("betrokkenen", betrokken))
            for code, groep in edit.covered_by_groep(registry, actie_id, key, named)
        ]
    except (InvalidRegistry, UnknownName):
        return  # the edit itself reports these
    for key, code, groep in covered:
        typer.echo(
            f"Warning: {code} is already in {key} of {actie_id} as a member of the groep "
            f"{groep}; it is added, but counts do not change (remove it again with --remove).",
            err=True,
        )


def _interactive() -> bool:
    return sys.stdin.isatty()


def _warn_gaps(new: NewActie) -> None:
    """Say before writing what `check` (and so CI) will fail on in the new action."""
    if not new.trekker:
        typer.echo(
            "Warning: the new action has no trekker; 'eerstelijn check' (and CI) will fail on "
            "missing-trekker until it gets one (eerstelijn assign ID --trekker CODE).",
            err=True,
        )
    if not any(d for _, d in new.mijlpalen):
        typer.echo(
            "Warning: the new action has no milestone with a deadline; 'eerstelijn check' (and "
            "CI) will fail on missing-deadline until it gets one.",
            err=True,
        )


def _confirmed(data: Path, new: NewActie, file: Path | None) -> bool:
    """Show the change as a diff and ask before writing it."""
    from eerstelijn.editing import edit
    from eerstelijn.lookup import UnknownName
    from eerstelijn.registry.load import InvalidRegistry

    try:
        change, new_id = edit.add(data, new, file=file, cache=registry_cache())
    except (edit.EditError, InvalidRegistry, UnknownName) as error:
        _edit_failed(error, data)
    typer.echo(change.diff(), nl=False)
    _warn_gaps(new)
    return bool(typer.confirm(f"Write {new_id} to {change.path}?", default=True))


@dataclass
class _Answers:
    """What the interview gathered, in the shape of add's options."""

    titel: str | None = None
    hoofdstuk: str | None = None
    doelen: list[str] = field(default_factory=list)
    trekkers: list[str] = field(default_factory=list)
    betrokkenen: list[str] = field(default_factory=list)
    mijlpalen: list[tuple[str, str]] = field(default_factory=list)
    document: str | None = None
    bron: str | None = None


class _Interview:
    """The questions `add` asks on a terminal, each answer checked as it is given.

    A wrong answer is said to be wrong at once, with the nearest names, and asked again; no
    answer is lost. Partijen are found by code, alias or name, and by a part of the name
    ('huisartsen' finds LHV) when only one partij has it.
    """

    def __init__(self, data: Path) -> None:
        from eerstelijn.registry.load import InvalidRegistry, load_registry

        try:
            self.registry = load_registry(data, cache=registry_cache())
        except InvalidRegistry as invalid:
            _edit_failed(invalid, data)

    def run(
        self,
        *,
        titel: str | None,
        hoofdstuk: str | None,
        doelen: list[str] | None,
        trekkers: list[str] | None,
        betrokkenen: list[str] | None,
        mijlpalen: list[tuple[str, str]],
        document: str | None,
        bron: str | None,
    ) -> _Answers:
        """Ask for everything not given as an option."""
        from eerstelijn.shape import HOOFDSTUKKEN

        answers = _Answers()
        answers.titel = titel or self._text("titel")
        answers.hoofdstuk = hoofdstuk
        if hoofdstuk is None:
            answers.hoofdstuk = self._one("hoofdstuk (H2 to H5)", self._hoofdstuk, HOOFDSTUKKEN)
        answers.doelen = doelen or self._many("doelen", self._doel, required=True)
        answers.trekkers = trekkers or self._many("trekker", self._partij, required=False)
        answers.betrokkenen = betrokkenen or self._many("betrokkenen", self._partij, required=False)
        answers.mijlpalen = mijlpalen or self._mijlpalen()
        documents = [d.id for d in self.registry.documenten]
        answers.document = document or (
            self._one("document", self._document, documents, default=documents[0])
            if documents
            else None
        )
        answers.bron = bron or self._text("bron (section, e.g. 'H3, actie 6')")
        return answers

    def _text(self, label: str) -> str:
        while True:
            answer = str(typer.prompt(label, default="", show_default=False)).strip()
            if answer:
                return answer
            typer.echo(f"  {label.split(' ')[0]} is required", err=True)

    def _one(
        self,
        label: str,
        check: Callable[[str], str],
        choices: Sequence[str],
        *,
        default: str | None = None,
    ) -> str:
        while True:
            answer = str(typer.prompt(label, default=default or "", show_default=bool(default)))
            try:
                return check(answer.strip())
            except (ValueError, LookupError) as error:  # UnknownName is a LookupError
                typer.echo(f"  {error}", err=True)

    def _many(self, label: str, check: Callable[[str], str], *, required: bool) -> list[str]:
        while True:
            answer = str(
                typer.prompt(f"{label} (separated by commas)", default="", show_default=False)
            )
            names = [n.strip() for n in answer.split(",") if n.strip()]
            if not names and required:
                typer.echo(f"  give at least one of {label}", err=True)
                continue
            try:
                return list(dict.fromkeys(check(n) for n in names))
            except (ValueError, LookupError) as error:  # UnknownName is a LookupError
                typer.echo(f"  {error}", err=True)

    def _mijlpalen(self) -> list[tuple[str, str]]:
        from eerstelijn.kwartaal import Termijn, TimingError

        found: list[tuple[str, str]] = []
        while True:
            label = "mijlpaal" if not found else "another mijlpaal (blank: no more)"
            omschrijving = str(typer.prompt(label, default="", show_default=False)).strip()
            if not omschrijving:
                return found
            while True:
                when = str(
                    typer.prompt(
                        "  deadline (e.g. Q1 2026; blank: none)", default="", show_default=False
                    )
                ).strip()
                if not when:
                    found.append((omschrijving, "-"))
                    break
                try:
                    Termijn.parse(when)
                except TimingError as error:
                    typer.echo(f"  {error}", err=True)
                    continue
                found.append((omschrijving, when))
                break

    def _hoofdstuk(self, text: str) -> str:
        from eerstelijn.lookup import find_choice
        from eerstelijn.shape import HOOFDSTUKKEN

        written = text if text.upper().startswith("H") else f"H{text}"
        return find_choice("hoofdstuk", written, HOOFDSTUKKEN)

    def _doel(self, text: str) -> str:
        from eerstelijn.lookup import find_doel

        return find_doel(self.registry, text).id

    def _document(self, text: str) -> str:
        from eerstelijn.lookup import find_choice

        return find_choice("document", text, [d.id for d in self.registry.documenten])

    def _partij(self, text: str) -> str:
        from eerstelijn.lookup import UnknownName, find_partij, fold

        try:
            return find_partij(self.registry, text).code
        except UnknownName:
            # A part of a name: 'huisartsen' is in 'Landelijke Huisartsen Vereniging'.
            part = fold(text)
            named = [p for p in self.registry.partijen if part in fold(p.naam)]
            if len(named) == 1 and typer.confirm(
                f"  {text!r}: did you mean {named[0].code} ({named[0].naam})?", default=True
            ):
                return named[0].code
            if len(named) > 1:
                raise UnknownName("partij", text, [p.code for p in named[:6]]) from None
            raise


def _ask(value: str | None, label: str, *, required: bool) -> str | None:
    """The flag's value, else (on a terminal) an answer to a prompt; blank is none."""
    if value is not None or not _interactive():
        return value
    answer: str = typer.prompt(label, default="" if not required else None, show_default=False)
    return answer.strip() or None


def _ask_list(values: list[str] | None, label: str, *, required: bool) -> list[str]:
    if values:
        return values
    answer = _ask(None, f"{label} (separated by commas)", required=required)
    return [v.strip() for v in (answer or "").split(",") if v.strip()]


@app.command()
def add(
    *,
    titel: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Short title in our own words.")
    ] = None,
    hoofdstuk: Annotated[
        str | None,
        typer.Option(metavar="H2..H5", help="H2 to H5; the new id is the next free one in it."),
    ] = None,
    doel: Annotated[
        list[str] | None, typer.Option(metavar="DOEL", help="A goal it serves (repeatable).")
    ] = None,
    trekker: TrekkerOption = None,
    betrokken: BetrokkenOption = None,
    mijlpaal: Annotated[
        list[str] | None,
        typer.Option(metavar="TEXT", help="A milestone's omschrijving (repeatable)."),
    ] = None,
    deadline: Annotated[
        list[str] | None,
        typer.Option(
            metavar="WHEN", help="The nth --deadline belongs to the nth --mijlpaal; '-' for none."
        ),
    ] = None,
    bron: Annotated[
        str | None, typer.Option(metavar="SECTIE", help="The source's section, e.g. 'H3, actie 6'.")
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="The source: a document id in documenten.yaml (default: the first there).",
        ),
    ] = None,
    toelichting: Annotated[
        str | None, typer.Option(metavar="TEXT", help="How the source was read for this action.")
    ] = None,
    regio: Annotated[
        str | None, typer.Option(metavar="TEXT", help="For a regional agenda: the region.")
    ] = None,
    actie_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="Use this id instead of the next free one."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="The acties file to add to, e.g. data/acties/regio-oost.yaml; a new"
            " acties/NAME.yaml is created.",
        ),
    ] = None,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Add an action, with the next free id in its chapter, validated before it is written.

    Missing values are asked for when run on a terminal.
    """
    from eerstelijn.editing import edit

    if _interactive():
        asked = _Interview(data).run(
            titel=titel,
            hoofdstuk=None if actie_id else hoofdstuk,
            doelen=doel,
            trekkers=trekker,
            betrokkenen=betrokken,
            mijlpalen=list(zip(mijlpaal or [], (deadline or []) + ["-"] * 99, strict=False)),
            document=document,
            bron=bron,
        )
        titel, hoofdstuk, bron, document = asked.titel, asked.hoofdstuk, asked.bron, asked.document
        doel, trekker, betrokken = asked.doelen, asked.trekkers, asked.betrokkenen
        mijlpaal = [m for m, _ in asked.mijlpalen]
        deadline = [d for _, d in asked.mijlpalen]
    doelen = list(doel or [])
    trekkers = list(trekker or [])
    mijlpalen = list(mijlpaal or [])
    deadlines = list(deadline or [])
    missing = [name for name, value in (("--titel", titel), ("--bron", bron)) if not value]
    if not doelen:
        missing.append("--doel")
    if missing:
        raise typer.BadParameter(f"missing {', '.join(missing)}", param_hint="add")
    if len(deadlines) > len(mijlpalen):
        raise typer.BadParameter("more deadlines than milestones", param_hint="'--deadline'")
    deadlines += ["-"] * (len(mijlpalen) - len(deadlines))
    assert titel is not None and bron is not None
    new = edit.NewActie(
        titel=titel,
        doelen=doelen,
        sectie=bron,
        document=document,
        hoofdstuk=hoofdstuk,
        id=actie_id,
        regio=regio,
        trekker=trekkers,
        betrokkenen=betrokken or [],
        mijlpalen=[(m, None if d == "-" else d) for m, d in zip(mijlpalen, deadlines, strict=True)],
        toelichting=toelichting,
    )
    if _interactive() and not dry_run and not _confirmed(data, new, file):
        typer.echo("nothing written", err=True)
        return
    added: list[str] = []

    def make() -> list[FileEdit]:
        change, new_id = edit.add(data, new, file=file, cache=registry_cache())
        added.append(new_id)
        return [change]

    if apply_edits(make, dry_run=dry_run, data=data) and not dry_run:
        typer.echo(f"added {added[0]}", err=True)
        if not _interactive():  # the interview warned before asking
            _warn_gaps(new)


@app.command()
def fmt(
    *,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 and print a diff if a file would change."
        ),
    ] = False,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Write every registry file in canonical form, keeping every comment and blank line.

    Canonical: keys in the schema's order, the indentation of data/, quarters as 'Q1 2026'.
    """
    from eerstelijn.editing import edit

    changed = apply_edits(
        lambda: edit.fmt(data, cache=registry_cache()), dry_run=dry_run or check, data=data
    )
    if check and changed:
        raise typer.Exit(ExitCode.FINDINGS)
