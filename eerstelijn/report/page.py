"""The report page: each section of the HTML built from one query of `eerstelijn.queries`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from typing import TYPE_CHECKING

from eerstelijn.i18n import N_, _, language, long_date, short_date
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Actie, Registry
from eerstelijn.queries import (
    BelofteCoverage,
    DoelCoverage,
    OverdueRow,
    Overview,
    actie_record,
    doelen_coverage,
    hoofdstuk_titels,
    leaders,
    overdue,
    overview,
    quarter_range,
    timeline,
    timeline_bounds,
    zorgbelofte_coverage,
)
from eerstelijn.report.markup import el, esc, void
from eerstelijn.report.progress import progress_section
from eerstelijn.report.timeline import NO_TREKKER_VALUE, timeline_svg

if TYPE_CHECKING:
    from eerstelijn.history.versions import Comparison

__all__ = ["Figure", "build_page", "headline_figures"]

TITLE = N_("Progress of the realisatieagenda eerstelijnszorg")


def _asset(name: str) -> str:
    return files("eerstelijn.report").joinpath(name).read_text(encoding="utf-8")


# --- Small pieces ----------------------------------------------------------------------------


def _actie_link(actie_id: str) -> str:
    return el("a", esc(actie_id), href=f"#actie-{actie_id}")


def _links(acties: Sequence[Actie]) -> str:
    return ", ".join(_actie_link(a.id) for a in acties)


NOT_AT_TABLE_BADGE = N_("not at the table")
NOTE = N_("(temporarily) not at the table when the agenda was adopted")


def _partijen(registry: Registry, codes: Sequence[str]) -> str:
    """Codes as written, each with the partij's full name on hover and for screen readers,
    and a visible mark on a partij that was not at the table."""
    if not codes:
        return el("span", _("none"), class_="badge gap")
    out = []
    for code in codes:
        partij = registry.partij(code)
        name = partij.naam if partij else code
        cell = el("abbr", esc(code), title=name) if name != code else esc(code)
        if partij is not None and not partij.aan_tafel:
            cell += " " + el("span", esc(_(NOT_AT_TABLE_BADGE)), class_="badge note", title=_(NOTE))
        out.append(cell)
    return ", ".join(out)


def _hoofdstuk(registry: Registry, hoofdstuk: str | None) -> str:
    """A chapter with its title, where the cited document gives one: more than 'H3'."""
    if hoofdstuk is None:
        return ""
    titel = hoofdstuk_titels(registry).get(hoofdstuk)
    return f"{hoofdstuk} {titel}" if titel else hoofdstuk


def _table(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    row_classes: Sequence[str] = (),
    id_: str | None = None,
    empty: str = "None.",
    compact: bool = False,
) -> str:
    """A table whose first cell of each row is its row header; cells are HTML already."""
    if not rows:
        return el("p", esc(f"{caption}: {empty}"), class_="empty", id=id_)
    head = el("tr", *(el("th", esc(h), scope="col") for h in headers))
    body = []
    for i, cells in enumerate(rows):
        first, *rest = cells
        css = row_classes[i] if i < len(row_classes) else ""
        # data-label names each cell's column, for the stacked layout of a narrow screen.
        labels = list(headers[1:])
        body.append(
            el(
                "tr",
                el("th", first, scope="row"),
                *(el("td", c, data_label=h) for c, h in zip(rest, labels, strict=False)),
                class_=css or None,
            )
        )
    return el(
        "div",
        el(
            "table",
            el("caption", esc(caption)),
            el("thead", head),
            el("tbody", *body),
            id=id_,
            class_="compact" if compact else None,
        ),
        class_="table-wrap",
    )


def _section(id_: str, title: str, *content: str) -> str:
    return el(
        "section", el("h2", esc(title), id=f"{id_}-h"), *content, id=id_, aria_labelledby=f"{id_}-h"
    )


# --- Headline figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One headline number of the report."""

    key: str
    label: str
    value: int
    alarm: bool = False


def headline_figures(
    registry: Registry,
    as_of: date,
    *,
    view: Overview | None = None,
    late: Sequence[OverdueRow] | None = None,
    coverage: Sequence[DoelCoverage] | None = None,
) -> list[Figure]:
    """The numbers at the top of the report, in the order shown; `view`, `late` and
    `coverage` are the queries' answers where the caller has them already."""
    view = overview(registry, as_of) if view is None else view
    late = overdue(registry, as_of) if late is None else late
    coverage = doelen_coverage(registry, as_of) if coverage is None else coverage
    gaps = [c for c in coverage if not c.acties]
    done = view.per_status["gereed"] + view.per_status["vervallen"]
    return [
        Figure("acties", "acties", len(registry.acties)),
        Figure("gereed", _("acties done"), done),
        Figure("overdue-acties", _("acties overdue"), len({r.actie.id for r in late}), bool(late)),
        Figure("overdue-mijlpalen", _("mijlpalen overdue"), len(late), bool(late)),
        Figure(
            "overdue-zonder-voortgang",
            _("of which nothing reported"),
            view.overdue_zonder_voortgang,
            bool(view.overdue_zonder_voortgang),
        ),
        Figure(
            "without-trekker",
            _("acties without trekker"),
            len(view.without_trekker),
            bool(view.without_trekker),
        ),
        Figure(
            "without-deadline",
            _("acties without deadline"),
            len(view.without_deadline),
            bool(view.without_deadline),
        ),
        Figure("doelen-without-acties", _("doelen without acties"), len(gaps), bool(gaps)),
    ]


def _figures(figures: Sequence[Figure]) -> str:
    items = [
        el(
            "div",
            el("dt", esc(f.label)),
            el("dd", str(f.value)),
            class_="figure alarm" if f.alarm else "figure",
            id=f"figure-{f.key}",
        )
        for f in figures
    ]
    return _section("figures", _("Headline figures"), el("dl", *items, class_="figures"))


# --- Overdue and gaps ------------------------------------------------------------------------


def _overdue(registry: Registry, view: Overview, rows: Sequence[OverdueRow], as_of: date) -> str:
    per_partij = [
        [
            esc(code) if code else el("span", _("no trekker"), class_="badge gap"),
            esc(p.naam) if code and (p := registry.partij(code)) else "",
            str(count),
        ]
        for code, count in view.overdue_per_partij.items()
    ]
    milestones = [
        [
            _actie_link(r.actie.id),
            esc(r.actie.titel),
            esc(f"{r.index + 1}. {r.mijlpaal.omschrijving}"),
            esc(str(r.stand.deadline)),
            str(r.days),
            _last_report(r),
            _partijen(registry, r.actie.trekker),
        ]
        for r in rows
    ]
    return _section(
        "overdue",
        _("Overdue on {date}").format(date=long_date(as_of)),
        el(
            "p",
            _(
                "A deadline ‘Q1 2026’ is met through 31 March 2026; a milestone is overdue from "
                "the day after. A groep as trekker counts for each of its leden."
            ),
        ),
        _table(
            _("Acties overdue per partij"),
            ["partij", "naam", _("acties overdue")],
            per_partij,
            id_="overdue-per-partij",
            compact=True,
            empty=_("nothing overdue"),
        ),
        _table(
            _("Overdue mijlpalen, most days late first"),
            ["actie", "titel", "mijlpaal", "deadline", _("days late"), _("last report"), "trekker"],
            milestones,
            row_classes=["overdue"] * len(milestones),
            id_="overdue-mijlpalen",
            empty=_("nothing overdue"),
        ),
    )


def _last_report(row: OverdueRow) -> str:
    """The date of the last report, or a badge: nothing was ever reported on it."""
    last = row.stand.laatste_voortgang
    if last is None:
        return el("span", _("nothing reported"), class_="badge gap")
    assessment = f" ({row.stand.beoordeling})" if row.stand.beoordeling else ""
    return esc(f"{short_date(last)}{assessment}")


def _actie_rows(registry: Registry, acties: Sequence[Actie], as_of: date) -> list[list[str]]:
    rows = []
    for actie in acties:
        rows.append(
            [
                _actie_link(actie.id),
                esc(actie.titel),
                esc(actie.hoofdstuk or actie.regio or ""),
                _partijen(registry, actie.trekker),
                esc(actie.deadline_on(as_of) or _("none")),
            ]
        )
    return rows


def _gaps(registry: Registry, view: Overview, as_of: date) -> str:
    headers = ["actie", "titel", "hoofdstuk", "trekker", "deadline"]
    return _section(
        "gaps",
        _("Acties without trekker or deadline"),
        _table(
            _("Acties without trekker"),
            headers,
            _actie_rows(registry, view.without_trekker, as_of),
            id_="without-trekker",
        ),
        _table(
            _("Acties without deadline"),
            headers,
            _actie_rows(registry, view.without_deadline, as_of),
            id_="without-deadline",
        ),
    )


# --- Timeline --------------------------------------------------------------------------------


def _timeline(registry: Registry, as_of: date) -> str:
    bounds = timeline_bounds(registry, as_of)
    if bounds is None:
        return _section("timeline", _("Timeline"), el("p", _("No milestones."), class_="empty"))
    current = Kwartaal.from_date(as_of)
    first, last = min(bounds[0], current), max(bounds[1], current)
    rows = timeline(registry, first, last, as_of)
    leads = {row.actie.id: leaders(registry, row.actie) for row in rows}
    options = [el("option", _("all partijen"), value="")]
    options += [
        el("option", esc(f"{p.code}: {p.naam}" if p.naam != p.code else p.code), value=p.code)
        for p in registry.partijen
        if any(p.code in codes for codes in leads.values())
    ]
    if any(not codes for codes in leads.values()):
        options.append(el("option", "(geen trekker)", value=NO_TREKKER_VALUE))
    chapters = sorted({r.actie.hoofdstuk for r in rows if r.actie.hoofdstuk})
    chapter_options = [el("option", _("all hoofdstukken"), value="")]
    titels = hoofdstuk_titels(registry)
    chapter_options += [
        el("option", esc(f"{h} {titels[h]}" if h in titels else h), value=h) for h in chapters
    ]
    # Hidden until the script runs: without it the controls would do nothing, and every row
    # shows anyway.
    form = el(
        "form",
        el(
            "div",
            el("label", _("Trekker (partij)"), for_="filter-partij"),
            el("select", *options, id="filter-partij", name="partij"),
            class_="control",
        ),
        el(
            "div",
            el("label", "Hoofdstuk", for_="filter-hoofdstuk"),
            el("select", *chapter_options, id="filter-hoofdstuk", name="hoofdstuk"),
            class_="control",
        ),
        el("button", _("Show all"), type="reset"),
        el(
            "output",
            esc(_("{shown} of {total} acties shown").format(shown=len(rows), total=len(rows))),
            id="filter-status",
            # report.js fills in the counts after each filter change, in the page's language.
            data_template=_("{shown} of {total} acties shown"),
            aria_live="polite",
            for_="filter-partij filter-hoofdstuk",
        ),
        id="timeline-filter",
        class_="filters",
        hidden=True,
        aria_label=_("Filter the timeline"),
    )
    legend = el(
        "ul",
        el(
            "li",
            el("span", "◆", class_="key m-deadline-key", aria_hidden="true"),
            _(" deadline (end of the quarter)"),
        ),
        el("li", el("span", "▼", class_="key m-overdue-key", aria_hidden="true"), _(" overdue")),
        el("li", el("span", "●", class_="key m-done-key", aria_hidden="true"), _(" done")),
        el(
            "li",
            el("span", "▶", class_="key m-start-key", aria_hidden="true"),
            _(" start, no deadline"),
        ),
        el(
            "li",
            el("span", "│", class_="key asof-key", aria_hidden="true"),
            esc(f" {long_date(as_of)}"),
        ),
        class_="legend",
    )
    svg = timeline_svg(rows, quarter_range(first, last), as_of, leads)
    return _section(
        "timeline",
        _("Timeline"),
        form,
        legend,
        # Focusable, so that keyboard users can scroll a timeline wider than the screen.
        el(
            "div",
            svg,
            class_="timeline-wrap",
            tabindex="0",
            role="region",
            aria_label=_("Timeline, scrolls sideways"),
        ),
    )


# --- Coverage --------------------------------------------------------------------------------


def _doelen(registry: Registry, coverage: Sequence[DoelCoverage]) -> str:
    rows = []
    for c in coverage:
        acties = _links(c.acties) if c.acties else el("span", _("no acties"), class_="badge gap")
        rows.append(
            [
                esc(c.doel.id),
                esc(c.doel.titel),
                acties,
                str(c.gereed),
                _partijen(registry, c.trekkers) if c.acties else "",
                esc(c.next_deadline or ""),
            ]
        )
    return _section(
        "doelen",
        _("Doelen: coverage by acties"),
        _table(
            _("Doelen with the acties behind them; a goal without acties is marked"),
            ["doel", "titel", "acties", _("done"), "trekkers", _("next deadline")],
            rows,
            row_classes=["gap" if not c.acties else "" for c in coverage],
            id_="doelen-table",
        ),
    )


def _zorgbelofte(registry: Registry, coverage: Sequence[BelofteCoverage]) -> str:
    rows = []
    for c in coverage:
        done = c.gereed
        total = len(c.acties)
        progress = el(
            "span",
            esc(_("{done} of {total}").format(done=done, total=total)),
            void("progress", max=max(total, 1), value=done, aria_hidden="true") if total else "",
            class_="done-count",
        )
        doelen = ", ".join(el("abbr", esc(d.id), title=d.titel) for d in c.doelen)
        if c.acties:
            acties = _links(c.acties)
        elif c.belofte.deliverable:
            acties = el("span", _("no acties"), class_="badge gap")
        else:
            acties = el("span", _("the patient's promise"), class_="badge note")
            progress = ""
        titel = esc(c.belofte.titel)
        if c.belofte.belover == "beide":
            titel += " " + el("span", _("mutual"), class_="badge note")
        rows.append([str(c.belofte.nummer), titel, doelen, acties, progress])
    return _section(
        "zorgbelofte",
        _("Zorgbelofte: how far each promise has come"),
        el(
            "p",
            _(
                "Each promise with the doelen it serves and the acties behind those doelen. The "
                "zorgbelofte is mutual: what the patient promises, no actie delivers."
            ),
        ),
        _table(
            _("The ten promises of the zorgbelofte"),
            ["#", "belofte", "doelen", "acties", _("acties done")],
            rows,
            row_classes=["gap" if not c.acties and c.belofte.deliverable else "" for c in coverage],
            id_="zorgbelofte-table",
        ),
    )


# --- Acties ----------------------------------------------------------------------------------


def _actie(registry: Registry, actie: Actie, as_of: date) -> str:
    record = actie_record(actie, as_of)
    doelen = "; ".join(
        esc(f"{d} {doel.titel}" if (doel := registry.doel(d)) else d) for d in actie.doelen
    )
    facts = [
        ("hoofdstuk", esc(_hoofdstuk(registry, actie.hoofdstuk))),
        ("regio", esc(actie.regio or "")),
        ("status", esc(actie.status_on(as_of))),
        ("deadline", esc(actie.deadline_on(as_of) or _("none"))),
        ("trekker", _partijen(registry, actie.trekker)),
        ("betrokkenen", _partijen(registry, actie.betrokkenen) if actie.betrokkenen else ""),
        ("doelen", doelen),
        ("toelichting", esc(actie.toelichting or "")),
        ("bron", "<br>".join(esc(registry.cite(b)) for b in actie.bron)),
    ]
    details = el(
        "dl", *(el("div", el("dt", k), el("dd", v)) for k, v in facts if v), class_="facts"
    )
    mijlpalen = [
        [
            str(i + 1),
            esc(m["omschrijving"]),
            esc(m["termijn"] or ""),
            esc(Kwartaal.parse(m["deadline"]) if m["deadline"] else _("none")),
            esc(m["status"])
            + (" " + el("span", _("overdue"), class_="badge overdue") if m["overdue"] else ""),
        ]
        for i, m in enumerate(record["mijlpalen"])
    ]
    flag = " " + el("span", _("overdue"), class_="badge overdue") if record["overdue"] else ""
    return el(
        "article",
        el("h3", esc(f"{actie.id} {actie.titel}"), flag),
        details,
        _table(
            _("Mijlpalen of {id}").format(id=actie.id),
            ["#", "mijlpaal", _("as written"), "deadline", "status"],
            mijlpalen,
            row_classes=["overdue" if m["overdue"] else "" for m in record["mijlpalen"]],
            empty=_("no mijlpalen"),
        ),
        id=f"actie-{actie.id}",
        class_="actie overdue" if record["overdue"] else "actie",
    )


def _acties(registry: Registry, as_of: date) -> str:
    return _section(
        "acties",
        "Acties",
        *(_actie(registry, a, as_of) for a in registry.acties),
    )


# --- The page --------------------------------------------------------------------------------

_NAV = [
    ("figures", N_("Figures")),
    ("timeline", N_("Timeline")),
    ("progress", N_("Progress")),
    ("overdue", N_("Overdue")),
    ("gaps", N_("Gaps")),
    ("doelen", "Doelen"),
    ("zorgbelofte", "Zorgbelofte"),
    ("acties", "Acties"),
]


def build_page(
    registry: Registry, as_of: date, *, version: str, comparison: Comparison | None = None
) -> str:
    """The whole report as one HTML document, with its CSS and script inline."""
    # Each query once: the figures and the sections below share their answers.
    view = overview(registry, as_of)
    late = overdue(registry, as_of)
    coverage = doelen_coverage(registry, as_of)
    cited = {b.document for a in registry.acties for b in a.bron}
    sources = ", ".join(sorted(d.label for d in registry.documenten if d.id in cited))
    header = el(
        "header",
        el("a", _("Skip to the figures"), href="#main", class_="skip"),
        el("h1", esc(_(TITLE))),
        el(
            "p",
            esc(
                _("As of {date}. Sources: {sources}.").format(
                    date=long_date(as_of), sources=sources
                )
            ),
            class_="meta",
        ),
        el(
            "nav",
            el("ul", *(el("li", el("a", esc(_(t)), href=f"#{i}")) for i, t in _NAV)),
            aria_label=_("Sections"),
        ),
    )
    main = el(
        "main",
        _figures(headline_figures(registry, as_of, view=view, late=late, coverage=coverage)),
        # The timeline right after the figures: the whole agenda at a glance, then its details.
        _timeline(registry, as_of),
        progress_section(registry, as_of, comparison),
        _overdue(registry, view, late, as_of),
        _gaps(registry, view, as_of),
        _doelen(registry, coverage),
        _zorgbelofte(registry, zorgbelofte_coverage(registry, as_of)),
        _acties(registry, as_of),
        id="main",
        tabindex="-1",
    )
    footer = el(
        "footer",
        el(
            "p",
            esc(
                _(
                    "Made by eerstelijn {version} from the registry, as of {date}. "
                    "Texts are summaries of the sources, not quotes."
                ).format(version=version, date=long_date(as_of))
            ),
        ),
    )
    head = el(
        "head",
        void("meta", charset="utf-8"),
        void("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", esc(f"{_(TITLE)}, {long_date(as_of)}")),
        el("style", _asset("report.css")),
    )
    body = el("body", header, main, footer, el("script", _asset("report.js")))
    return "<!DOCTYPE html>\n" + el("html", head, body, lang=language()) + "\n"
