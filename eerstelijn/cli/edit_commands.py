"""Editing the registry: `set-status`, `assign`, `add` and `fmt`, each with --dry-run."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from eerstelijn.cli.common import (
    STATUS_CHOICES,
    DataOption,
    ExitCode,
    app,
    as_of_date,
    complete_actie,
    complete_partij,
    emit,
    fail,
    registry_cache,
)

if TYPE_CHECKING:
    from eerstelijn.editing.edit import EditError, FileEdit
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
    typer.Argument(metavar="ID", help="The action's id, e.g. H3.4.", autocompletion=complete_actie),
]

TrekkerOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="CODE", autocompletion=complete_partij, help="A trekker's partij code (repeatable)."
    ),
]
BetrokkenOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="CODE",
        autocompletion=complete_partij,
        help="A betrokkene's partij code (repeatable).",
    ),
]


def _edit_failed(error: EditError | InvalidRegistry | UnknownName) -> NoReturn:
    from eerstelijn.editing import edit
    from eerstelijn.registry.load import InvalidRegistry
    from eerstelijn.render import PROBLEM_FORMATS

    if isinstance(error, edit.InvalidEdit):
        emit(PROBLEM_FORMATS["text"](error.problems))
        fail("the edit would make the registry invalid (see above); nothing was written")
    if isinstance(error, InvalidRegistry):
        emit(PROBLEM_FORMATS["text"](error.problems))
        fail("the registry is not valid (see above); fix it first, nothing was written")
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
    except (edit.EditError, InvalidRegistry, UnknownName) as error:
        _edit_failed(error)
    if not changed:
        typer.echo("nothing to change", err=True)
    return changed


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


def _interactive() -> bool:
    return sys.stdin.isatty()


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

    titel = _ask(titel, "titel", required=True)
    if actie_id is None:
        hoofdstuk = _ask(hoofdstuk, "hoofdstuk (H2 to H5)", required=True)
    doelen = _ask_list(doel, "doelen", required=True)
    trekkers = _ask_list(trekker, "trekker", required=False)
    mijlpalen = list(mijlpaal or [])
    deadlines = list(deadline or [])
    if not mijlpalen and _interactive():
        omschrijving = _ask(None, "mijlpaal", required=False)
        if omschrijving:
            mijlpalen = [omschrijving]
            deadlines = [_ask(None, "deadline (e.g. Q1 2026)", required=False) or "-"]
    bron = _ask(bron, "bron (section, e.g. 'H3, actie 6')", required=True)
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
    added: list[str] = []

    def make() -> list[FileEdit]:
        change, new_id = edit.add(data, new, file=file, cache=registry_cache())
        added.append(new_id)
        return [change]

    if apply_edits(make, dry_run=dry_run, data=data) and not dry_run:
        typer.echo(f"added {added[0]}", err=True)


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
