"""Realisation over time: `update` and `replan` append to a progress log, `history` reads it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eerstelijn.cli.common import (
    STATUS_CHOICES,
    AsOfOption,
    DataOption,
    FormatOption,
    app,
    as_of_date,
    emit_sections,
    fail,
    registry_cache,
    registry_for_queries,
)
from eerstelijn.cli.edit_commands import (
    ActieIdArgument,
    BronOption,
    DatumOption,
    DryRunOption,
    MijlpaalOption,
    SectieOption,
    apply_edits,
)
from eerstelijn.i18n import _
from eerstelijn.shape import BEOORDELINGEN

if TYPE_CHECKING:
    from eerstelijn.editing.edit import NewVoortgang

ToelichtingOption = Annotated[
    str | None, typer.Option("--toelichting", help="What happened, in a sentence.")
]
DoorOption = Annotated[str | None, typer.Option("--door", help="Who reports this.")]


@app.command()
def update(
    actie_id: ActieIdArgument,
    *,
    mijlpaal: MijlpaalOption = None,
    status: Annotated[str | None, typer.Option("--status", help=f"{STATUS_CHOICES}.")] = None,
    beoordeling: Annotated[
        str | None,
        typer.Option(
            "--beoordeling", help=f"The trekker's assessment: {', '.join(BEOORDELINGEN)}."
        ),
    ] = None,
    datum: DatumOption = "today",
    toelichting: ToelichtingOption = None,
    door: DoorOption = None,
    bron: BronOption = None,
    sectie: SectieOption = None,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Record progress on a milestone: one dated entry appended to its voortgang.

    Only lines are added; no entry is ever rewritten (a correction is a new entry). gereed and
    vervallen need --bron. Without --mijlpaal, an action of one milestone gets the entry there,
    and --status vervallen alone drops the action as a whole.
    """
    from eerstelijn.editing import edit

    entry = edit.NewVoortgang(
        as_of_date(datum, option="--datum"),
        status=status,
        beoordeling=beoordeling,
        toelichting=toelichting,
        door=door,
        document=bron,
        sectie=sectie,
    )
    _append(data, actie_id, entry, mijlpaal=mijlpaal, dry_run=dry_run)


@app.command()
def replan(
    actie_id: ActieIdArgument,
    *,
    mijlpaal: MijlpaalOption = None,
    deadline: Annotated[
        str,
        typer.Option("--deadline", help="The new deadline, e.g. 'Q4 2026'.", show_default=False),
    ],
    reden: Annotated[str, typer.Option("--reden", help="Why it moved.", show_default=False)],
    datum: DatumOption = "today",
    toelichting: ToelichtingOption = None,
    door: DoorOption = None,
    bron: BronOption = None,
    sectie: SectieOption = None,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Move a milestone's deadline from a date on, keeping the one first agreed.

    Appends an entry with the new deadline and the reden; the milestone's own deadline stays
    as the baseline, so the slip shows. Needs --bron, the document that records the decision.
    """
    from eerstelijn.editing import edit

    if not reden.strip():
        fail(_("--reden must say why the deadline moved"))
    entry = edit.NewVoortgang(
        as_of_date(datum, option="--datum"),
        deadline=deadline,
        reden=reden,
        toelichting=toelichting,
        door=door,
        document=bron,
        sectie=sectie,
    )
    _append(data, actie_id, entry, mijlpaal=mijlpaal, dry_run=dry_run)


def _append(
    data: Path, actie_id: str, entry: NewVoortgang, *, mijlpaal: int | None, dry_run: bool
) -> None:
    """Append one entry to the log, or show it as a diff: what update and replan share."""
    from eerstelijn.editing import edit

    apply_edits(
        lambda: [edit.update(data, actie_id, entry, mijlpaal=mijlpaal, cache=registry_cache())],
        dry_run=dry_run,
        data=data,
    )


@app.command()
def history(
    actie_id: ActieIdArgument,
    *,
    data: DataOption = Path("data"),
    as_of: AsOfOption = "today",
    fmt: FormatOption = "table",
    commits: Annotated[
        bool,
        typer.Option(
            "--commits",
            help="Add the git side: each commit that changed the action, with date, author "
            "and what it changed (reads every version of the registry).",
        ),
    ] = False,
) -> None:
    """Every progress entry of an action, oldest first, with original and current deadlines."""
    from eerstelijn import lookup, queries
    from eerstelijn.render import views

    day = as_of_date(as_of)
    registry = registry_for_queries(data, day)
    try:
        actie = lookup.find_actie(registry, actie_id)
    except lookup.UnknownName as error:
        fail(str(error))
    sections = views.history_sections(queries.actie_record(actie, day))
    if commits:
        from eerstelijn.cli.history_commands import actie_commits

        sections.append(views.commits_section(actie_commits(data, actie.id)))
    emit_sections(sections, fmt)
