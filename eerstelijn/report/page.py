"""The report page: each section of the HTML built from one query of `eerstelijn.queries`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from eerstelijn.i18n import N_, _, language, long_date, short_date
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Actie, Registry
from eerstelijn.queries import (
    BelofteCoverage,
    DoelCoverage,
    OverdueRow,
    Overview,
    TimelineRow,
    actie_status,
    agenda_group,
    doelen_coverage,
    hoofdstuk_titels,
    is_overdue,
    leaders,
    overdue,
    overview,
    quarter_range,
    timeline,
    timeline_bounds,
    zorgbelofte_coverage,
)
from eerstelijn.report.markup import attrs, el, esc, void
from eerstelijn.report.progress import changes_list, progress_section, slip_list
from eerstelijn.report.site import DEFAULT_MAX_ROWS, LongList, Site, chunks
from eerstelijn.report.timeline import NO_TREKKER_VALUE, timeline_svg
from eerstelijn.shape import HOOFDSTUKKEN

if TYPE_CHECKING:
    from eerstelijn.history.versions import Comparison

__all__ = ["Figure", "build_page", "build_report", "headline_figures"]

TITLE = N_("Progress of the realisatieagenda eerstelijnszorg")
MAIN = "index.html"  # the main page's file name where --out names a directory


def _asset(name: str) -> str:
    return files("eerstelijn.report").joinpath(name).read_text(encoding="utf-8")


# --- Small pieces ----------------------------------------------------------------------------


def _actie_link(site: Site, actie_id: str) -> str:
    return el("a", esc(actie_id), href=site.actie(actie_id))


def _links(site: Site, acties: Sequence[Actie]) -> str:
    return ", ".join(_actie_link(site, a.id) for a in acties)


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


def _hoofdstuk(titels: Mapping[str, str], hoofdstuk: str | None) -> str:
    """A chapter with its title, where the cited document gives one: more than 'H3'."""
    if hoofdstuk is None:
        return ""
    titel = titels.get(hoofdstuk)
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
    # data-label names each cell's column, for the stacked layout of a narrow screen. The
    # cells' tags are written once per table: a long table has hundreds of thousands.
    opening = [f"<td{attrs({'data_label': h})}>" for h in headers[1:]]
    body = []
    for i, cells in enumerate(rows):
        first, *rest = cells
        css = row_classes[i] if i < len(row_classes) else ""
        tds = "".join(f"{tag}{c}</td>" for c, tag in zip(rest, opening, strict=False))
        tr = f'<tr class="{esc(css)}">' if css else "<tr>"
        body.append(f'{tr}<th scope="row">{first}</th>{tds}</tr>')
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


def _rows_of(long: LongList[Any], items: Sequence[Any], site: Site) -> str:
    """`items` of the list as its table: on the main page, or on a page of their own."""
    return _table(
        long.caption,
        long.headers,
        [long.cells(item, site) for item in items],
        row_classes=[long.row_class(item) for item in items],
        id_=long.id_,
        empty=long.empty,
        compact=long.compact,
    )


def _long_table(site: Site, long: LongList[Any]) -> str:
    """The list as a table on the main page: whole, or its first rows and links to the rest."""
    shown = long.items[: site.max_rows] if long.split(site) else long.items
    table = _rows_of(long, shown, site)
    if not long.split(site):
        return table
    pages = long.pages(site)
    note = _(
        "Shown here: the first {shown} of {total}. All of them are on {count} pages of their "
        "own, {first} to {last} in the folder {folder}:"
    ).format(
        shown=len(shown),
        total=len(long.items),
        count=len(pages),
        first=pages[0],
        last=pages[-1],
        folder=site.folder,
    )
    return table + el("p", esc(note), " ", _page_links(site, pages), class_="meta more")


def _page_links(site: Site, pages: Sequence[str]) -> str:
    """Links to `pages`, numbered from 1."""
    return ", ".join(
        el("a", str(number), href=site.href(page)) for number, page in enumerate(pages, 1)
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


def _overdue_list(registry: Registry, rows: Sequence[OverdueRow]) -> LongList[OverdueRow]:
    def cells(r: OverdueRow, site: Site) -> list[str]:
        return [
            _actie_link(site, r.actie.id),
            esc(r.actie.titel),
            esc(f"{r.index + 1}. {r.mijlpaal.omschrijving}"),
            esc(str(r.stand.deadline)),
            str(r.days),
            _last_report(r),
            _partijen(registry, r.actie.trekker),
        ]

    return LongList(
        key="overdue",
        caption=_("Overdue mijlpalen, most days late first"),
        headers=[
            "actie",
            "titel",
            "mijlpaal",
            "deadline",
            _("days late"),
            _("last report"),
            "trekker",
        ],
        items=rows,
        cells=cells,
        row_class=lambda _row: "overdue",
        id_="overdue-mijlpalen",
        empty=_("nothing overdue"),
    )


def _overdue(
    registry: Registry, view: Overview, milestones: LongList[OverdueRow], as_of: date, site: Site
) -> str:
    per_partij = [
        [
            esc(code) if code else el("span", _("no trekker"), class_="badge gap"),
            esc(p.naam) if code and (p := registry.partij(code)) else "",
            str(count),
        ]
        for code, count in view.overdue_per_partij.items()
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
        _long_table(site, milestones),
    )


def _last_report(row: OverdueRow) -> str:
    """The date of the last report, or a badge: nothing was ever reported on it."""
    last = row.stand.laatste_voortgang
    if last is None:
        return el("span", _("nothing reported"), class_="badge gap")
    assessment = f" ({row.stand.beoordeling})" if row.stand.beoordeling else ""
    return esc(f"{short_date(last)}{assessment}")


ACTIE_HEADERS = ["actie", "titel", "hoofdstuk", "trekker", "deadline"]


def _actie_list(
    registry: Registry, as_of: date, key: str, caption: str, acties: Sequence[Actie], id_: str
) -> LongList[Actie]:
    """Acties as rows: id, titel, hoofdstuk (or regio), trekker and deadline."""

    def cells(actie: Actie, site: Site) -> list[str]:
        return [
            _actie_link(site, actie.id),
            esc(actie.titel),
            esc(actie.hoofdstuk or actie.regio or ""),
            _partijen(registry, actie.trekker),
            esc(actie.deadline_on(as_of) or _("none")),
        ]

    return LongList(key, caption, ACTIE_HEADERS, acties, cells, id_=id_)


def _gaps(site: Site, without_trekker: LongList[Actie], without_deadline: LongList[Actie]) -> str:
    return _section(
        "gaps",
        _("Acties without trekker or deadline"),
        _long_table(site, without_trekker),
        _long_table(site, without_deadline),
    )


# --- Timeline --------------------------------------------------------------------------------


def _quarters(registry: Registry, as_of: date) -> tuple[Kwartaal, Kwartaal] | None:
    """The first and last quarter of the timeline: every milestone, and the quarter of as_of."""
    bounds = timeline_bounds(registry, as_of)
    if bounds is None:
        return None
    current = Kwartaal.from_date(as_of)
    return min(bounds[0], current), max(bounds[1], current)


def _no_timeline() -> str:
    return _section("timeline", _("Timeline"), el("p", _("No milestones."), class_="empty"))


def _timeline_on_pages(site: Site, rows: int) -> str:
    """In place of a timeline too long for the main page: where its parts are."""
    text = _(
        "{count} acties have milestones on the timeline: too many for one picture. Each page of "
        "acties has the timeline of its own acties:"
    ).format(count=rows)
    return _section(
        "timeline",
        _("Timeline"),
        el("p", esc(text), " ", el("a", "Acties", href=site.href(None, "acties"))),
    )


def _timeline(
    registry: Registry,
    as_of: date,
    site: Site,
    rows: Sequence[TimelineRow],
    first: Kwartaal,
    last: Kwartaal,
    titels: Mapping[str, str],
) -> str:
    leads = {row.actie.id: leaders(registry, row.actie) for row in rows}
    leading = {code for codes in leads.values() for code in codes}
    options = [el("option", _("all partijen"), value="")]
    options += [
        el("option", esc(f"{p.code}: {p.naam}" if p.naam != p.code else p.code), value=p.code)
        for p in registry.partijen
        if p.code in leading
    ]
    if any(not codes for codes in leads.values()):
        options.append(el("option", "(geen trekker)", value=NO_TREKKER_VALUE))
    chapters = sorted({r.actie.hoofdstuk for r in rows if r.actie.hoofdstuk})
    chapter_options = [el("option", _("all hoofdstukken"), value="")]
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
    svg = timeline_svg(rows, quarter_range(first, last), as_of, leads, href=site.actie)
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


def _acties_cell(site: Site, long: LongList[Actie]) -> str:
    """The acties behind a doel: their links, or where a long list of them is."""
    if not long.split(site):
        return _links(site, long.items)
    count = _("{count} acties, on pages of their own:").format(count=len(long.items))
    return esc(count) + " " + _page_links(site, long.pages(site))


def _doel_lists(
    registry: Registry, as_of: date, coverage: Sequence[DoelCoverage]
) -> list[LongList[Actie]]:
    """Per doel, the acties behind it: a list that gets pages of its own when long."""
    return [
        _actie_list(
            registry,
            as_of,
            f"doel-{number}",
            _("Acties behind doel {id}: {titel}").format(id=c.doel.id, titel=c.doel.titel),
            c.acties,
            "doel-acties",
        )
        for number, c in enumerate(coverage, 1)
    ]


def _doelen(
    registry: Registry,
    coverage: Sequence[DoelCoverage],
    site: Site,
    lists: Sequence[LongList[Actie]],
) -> str:
    rows = []
    for c, long in zip(coverage, lists, strict=True):
        acties = (
            _acties_cell(site, long) if c.acties else el("span", _("no acties"), class_="badge gap")
        )
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


def _belofte_acties(site: Site, acties: Sequence[Actie]) -> str:
    """The acties behind a promise: their links, or, when too many, how many and where."""
    if len(acties) <= site.max_rows:
        return _links(site, acties)
    count = _("{count} acties: those of its doelen").format(count=len(acties))
    return f"{esc(count)} ({el('a', 'Doelen', href=site.href(None, 'doelen'))})"


def _zorgbelofte(coverage: Sequence[BelofteCoverage], site: Site) -> str:
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
            acties = _belofte_acties(site, c.acties)
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


def _actie(registry: Registry, actie: Actie, as_of: date, titels: Mapping[str, str]) -> str:
    doelen = "; ".join(
        esc(f"{d} {doel.titel}" if (doel := registry.doel(d)) else d) for d in actie.doelen
    )
    facts = [
        ("hoofdstuk", esc(_hoofdstuk(titels, actie.hoofdstuk))),
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
    # What `show` says of each milestone, read from its log once (not via actie_record, whose
    # plain data of every progress entry the page does not show).
    late = [is_overdue(m, as_of) for m in actie.mijlpalen]
    mijlpalen = []
    for i, (mijlpaal, overdue_now) in enumerate(zip(actie.mijlpalen, late, strict=True)):
        stand = mijlpaal.stand(as_of)
        termijn = stand.deadline
        deadline = termijn.deadline if termijn else None
        mijlpalen.append(
            [
                str(i + 1),
                esc(mijlpaal.omschrijving),
                esc(termijn.tekst if termijn else ""),
                esc(deadline or _("none")),
                esc(stand.status)
                + (" " + el("span", _("overdue"), class_="badge overdue") if overdue_now else ""),
            ]
        )
    late_actie = actie_status(actie, as_of) == "overdue"
    flag = " " + el("span", _("overdue"), class_="badge overdue") if late_actie else ""
    return el(
        "article",
        el("h3", esc(f"{actie.id} {actie.titel}"), flag),
        details,
        _table(
            _("Mijlpalen of {id}").format(id=actie.id),
            ["#", "mijlpaal", _("as written"), "deadline", "status"],
            mijlpalen,
            row_classes=["overdue" if overdue_now else "" for overdue_now in late],
            empty=_("no mijlpalen"),
        ),
        id=f"actie-{actie.id}",
        class_="actie overdue" if late_actie else "actie",
    )


def _acties(registry: Registry, as_of: date, titels: Mapping[str, str]) -> str:
    return _section(
        "acties",
        "Acties",
        *(_actie(registry, a, as_of, titels) for a in registry.acties),
    )


@dataclass(frozen=True)
class _Part:
    """A page of acties in full: a hoofdstuk, regio or document, or a stretch of a long one."""

    page: str
    group: int  # the hoofdstuk, regio or document, counted from 0 in the order shown
    titel: str
    number: int  # the page's number within its group, from 1
    count: int  # the pages of its group
    acties: Sequence[Actie]


_DELEN = ("hoofdstuk", "regio", "document")


def _part_titel(registry: Registry, titels: Mapping[str, str], deel: str, key: str) -> str:
    if deel == "hoofdstuk":
        return f"Hoofdstuk {_hoofdstuk(titels, key)}"
    if deel == "regio":
        return f"Regio {key}"
    document = registry.document(key)
    return document.label if document else key


def _parts(registry: Registry, max_rows: int, titels: Mapping[str, str]) -> list[_Part]:
    """The acties by hoofdstuk, regio and document, as the agenda orders them (registry order
    within each), in pages of at most `max_rows`."""
    groups: dict[tuple[str, str], list[Actie]] = {}
    for actie in registry.acties:
        groups.setdefault(agenda_group(actie), []).append(actie)
    order = list(HOOFDSTUKKEN)

    def position(key: tuple[str, str]) -> tuple[int, int, str]:
        deel, name = key
        return _DELEN.index(deel), order.index(name) if name in order else 0, name.casefold()

    parts: list[_Part] = []
    for group, key in enumerate(sorted(groups, key=position)):
        stretches = chunks(groups[key], max_rows)
        titel = _part_titel(registry, titels, *key)
        for number, acties in enumerate(stretches, 1):
            page = f"acties-{len(parts) + 1}.html"
            parts.append(_Part(page, group, titel, number, len(stretches), acties))
    return parts


def _acties_on_pages(site: Site, parts: Sequence[_Part], total: int) -> str:
    """In place of the acties in full: which pages hold which hoofdstuk, regio or document."""
    groups: dict[int, list[_Part]] = {}
    for part in parts:
        groups.setdefault(part.group, []).append(part)
    rows = [
        [
            esc(stretch[0].titel),
            str(sum(len(p.acties) for p in stretch)),
            _page_links(site, [p.page for p in stretch]),
        ]
        for stretch in groups.values()
    ]
    intro = _(
        "{count} acties, too many for one page: each hoofdstuk, regio or document has pages of "
        "its own in the folder {folder}, of at most {rows} acties each, with the timeline of "
        "those acties and each actie in full."
    ).format(count=total, folder=site.folder, rows=site.max_rows)
    return _section(
        "acties",
        "Acties",
        el("p", esc(intro)),
        _table(
            _("Acties per hoofdstuk, regio and document"),
            [_("part"), "acties", _("pages")],
            rows,
            id_="acties-parts",
            compact=True,
        ),
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


def _footer(version: str, as_of: date) -> str:
    return el(
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


def _document(title: str, header: str, main: str, footer: str) -> str:
    """A whole HTML document with the report's CSS and script inline."""
    head = el(
        "head",
        void("meta", charset="utf-8"),
        void("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", esc(title)),
        el("style", _asset("report.css")),
    )
    body = el("body", header, main, footer, el("script", _asset("report.js")))
    return "<!DOCTYPE html>\n" + el("html", head, body, lang=language()) + "\n"


def _page_header(
    site: Site,
    title: str,
    position: str,
    *,
    back: str,
    previous: str | None,
    following: str | None,
) -> str:
    """The header of a page of its own: the report it belongs to, and the pages around it."""
    links = [el("li", el("a", esc(_("Back to the report")), href=site.href(None, back)))]
    if previous is not None:
        links.append(el("li", el("a", esc(_("Previous page")), href=site.href(previous))))
    if following is not None:
        links.append(el("li", el("a", esc(_("Next page")), href=site.href(following))))
    return el(
        "header",
        el("a", _("Skip to the list"), href="#main", class_="skip"),
        el("p", el("a", esc(_(TITLE)), href=site.href(None)), class_="meta"),
        el("h1", esc(title)),
        el("p", esc(position), class_="meta"),
        el("nav", el("ul", *links), aria_label=_("Pages")),
    )


class _Report:
    """The report's queries, asked once, and the pages drawn from them."""

    def __init__(
        self,
        registry: Registry,
        as_of: date,
        *,
        version: str,
        comparison: Comparison | None,
        max_rows: int,
        main: str,
    ) -> None:
        self.registry = registry
        self.as_of = as_of
        self.version = version
        self.comparison = comparison
        # Each query once: the figures, the sections and the pages share their answers.
        self.view = overview(registry, as_of)
        self.late = overdue(registry, as_of)
        self.coverage = doelen_coverage(registry, as_of)
        self.beloften = zorgbelofte_coverage(registry, as_of)
        self.quarters = _quarters(registry, as_of)
        self.timeline = timeline(registry, *self.quarters, as_of) if self.quarters else []
        self.overdue = _overdue_list(registry, self.late)
        self.without_trekker = _actie_list(
            registry,
            as_of,
            "without-trekker",
            _("Acties without trekker"),
            self.view.without_trekker,
            "without-trekker",
        )
        self.without_deadline = _actie_list(
            registry,
            as_of,
            "without-deadline",
            _("Acties without deadline"),
            self.view.without_deadline,
            "without-deadline",
        )
        self.slips = slip_list(registry, as_of)
        self.changes = changes_list(comparison) if comparison is not None else None
        self.doel_lists = _doel_lists(registry, as_of, self.coverage)
        self.titels = hoofdstuk_titels(registry)
        self.parts = (
            _parts(registry, max_rows, self.titels) if len(registry.acties) > max_rows else []
        )
        pages = {a.id: part.page for part in self.parts for a in part.acties}
        self.site = Site(max_rows=max_rows, main=main, actie_pages=pages)
        self._placed: dict[str, TimelineRow] | None = None

    def _lists(self) -> list[tuple[str, LongList[Any]]]:
        """Each list that may get pages of its own, with the section of the main page it is in."""
        lists: list[tuple[str, LongList[Any]]] = [
            ("overdue", self.overdue),
            ("gaps", self.without_trekker),
            ("gaps", self.without_deadline),
            ("progress", self.slips),
        ]
        if self.changes is not None:
            lists.append(("changes", self.changes))
        lists += [("doelen", long) for long in self.doel_lists]
        return lists

    def main_page(self) -> str:
        """The main page: everything, with each long list cut to its first rows."""
        registry, as_of, site = self.registry, self.as_of, self.site
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
        figures = headline_figures(
            registry, as_of, view=self.view, late=self.late, coverage=self.coverage
        )
        if self.quarters is None:
            timeline_section = _no_timeline()
        elif len(self.timeline) > site.max_rows:
            timeline_section = _timeline_on_pages(site, len(self.timeline))
        else:
            timeline_section = _timeline(
                registry, as_of, site, self.timeline, *self.quarters, self.titels
            )
        acties = (
            _acties_on_pages(site, self.parts, len(registry.acties))
            if self.parts
            else _acties(registry, as_of, self.titels)
        )
        main = el(
            "main",
            _figures(figures),
            # The timeline right after the figures: the whole agenda at a glance, then its
            # details.
            timeline_section,
            progress_section(registry, as_of, site, self.slips, self.comparison, self.changes),
            _overdue(registry, self.view, self.overdue, as_of, site),
            _gaps(site, self.without_trekker, self.without_deadline),
            _doelen(registry, self.coverage, site, self.doel_lists),
            _zorgbelofte(self.beloften, site),
            acties,
            id="main",
            tabindex="-1",
        )
        title = f"{_(TITLE)}, {long_date(as_of)}"
        return _document(title, header, main, _footer(self.version, as_of))

    def pages(self) -> Iterator[tuple[str, str]]:
        """Each page of its own, by file name in the folder, one at a time."""
        for back, long in self._lists():
            if long.split(self.site):
                yield from self._list_pages(back, long)
        for index in range(len(self.parts)):
            yield self.parts[index].page, self._acties_page(index)

    def _list_pages(self, back: str, long: LongList[Any]) -> Iterator[tuple[str, str]]:
        names = long.pages(self.site)
        stretches = chunks(long.items, self.site.max_rows)
        first = 1
        for index, (name, items) in enumerate(zip(names, stretches, strict=True)):
            site = self.site.at(name)
            position = _(
                "As of {date}. Page {number} of {count}: rows {first} to {last} of {total}."
            ).format(
                date=long_date(self.as_of),
                number=index + 1,
                count=len(names),
                first=first,
                last=first + len(items) - 1,
                total=len(long.items),
            )
            first += len(items)
            header = _page_header(
                site,
                long.caption,
                position,
                back=back,
                previous=names[index - 1] if index else None,
                following=names[index + 1] if index + 1 < len(names) else None,
            )
            table = _rows_of(long, items, site)
            main = el("main", table, id="main", tabindex="-1")
            title = f"{long.caption} ({index + 1}/{len(names)}), {long_date(self.as_of)}"
            yield name, _document(title, header, main, _footer(self.version, self.as_of))

    def _timeline_rows(self) -> dict[str, TimelineRow]:
        if self._placed is None:
            self._placed = {row.actie.id: row for row in self.timeline}
        return self._placed

    def _acties_page(self, index: int) -> str:
        part = self.parts[index]
        site = self.site.at(part.page)
        registry, as_of = self.registry, self.as_of
        position = _(
            "As of {date}. Page {number} of {count} of this part: {acties} acties."
        ).format(
            date=long_date(as_of), number=part.number, count=part.count, acties=len(part.acties)
        )
        header = _page_header(
            site,
            f"Acties: {part.titel}",
            position,
            back="acties",
            previous=self.parts[index - 1].page if index else None,
            following=self.parts[index + 1].page if index + 1 < len(self.parts) else None,
        )
        content = []
        if self.quarters is not None and len(self.timeline) > site.max_rows:
            placed = self._timeline_rows()
            rows = [placed[a.id] for a in part.acties if a.id in placed]
            content.append(_timeline(registry, as_of, site, rows, *self.quarters, self.titels))
        content.append(
            _section(
                "acties", "Acties", *(_actie(registry, a, as_of, self.titels) for a in part.acties)
            )
        )
        main = el("main", *content, id="main", tabindex="-1")
        title = f"Acties: {part.titel} ({part.number}/{part.count}), {long_date(as_of)}"
        return _document(title, header, main, _footer(self.version, as_of))


def build_report(
    registry: Registry,
    as_of: date,
    *,
    version: str,
    comparison: Comparison | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    main: str = MAIN,
) -> Iterator[tuple[str | None, str]]:
    """The report's pages, one at a time: each page of its own (by its file name in the folder
    `site.pages_folder(main)`), then the main page (None).

    A registry whose lists are all `max_rows` rows or shorter gets the main page alone.
    """
    report = _Report(
        registry, as_of, version=version, comparison=comparison, max_rows=max_rows, main=main
    )
    yield from report.pages()
    yield None, report.main_page()


def build_page(
    registry: Registry,
    as_of: date,
    *,
    version: str,
    comparison: Comparison | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> str:
    """The report's main page as one HTML document, with its CSS and script inline; the whole
    report when no list is longer than `max_rows`."""
    return _Report(
        registry, as_of, version=version, comparison=comparison, max_rows=max_rows, main=MAIN
    ).main_page()
