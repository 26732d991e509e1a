"""The report's progress section: the burn-up chart, the slip table, and what changed since a
version in git (with `report --since`).

The chart is inline SVG that scales to the width of the screen; a text legend and a plain
table of the same numbers sit beside it, for screen readers and for paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from eerstelijn.i18n import N_, _, ngettext
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Registry
from eerstelijn.report.burnup import BurnupPoint, SlipRow, burnup, slips
from eerstelijn.report.markup import el, esc, void
from eerstelijn.report.site import LongList, Site

if TYPE_CHECKING:
    from eerstelijn.history.diff import Change
    from eerstelijn.history.versions import Comparison

__all__ = ["burnup_svg", "changes_list", "changes_section", "progress_section", "slip_list"]

# SVG user units; the chart is drawn at 100% of its box, so these only set the proportions.
_WIDTH, _HEIGHT = 480, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 36, 12, 14, 34

# (field, label, css class): the three lines, drawn in this order and named in the legend.
_LINES = (
    ("gepland_oorspronkelijk", N_("planned, by the first agreed deadlines"), "bu-original"),
    ("gepland_huidig", N_("planned, by the current deadlines"), "bu-current"),
    ("gereed", N_("milestones gereed"), "bu-done"),
)


def _count(point: BurnupPoint, name: str) -> int | None:
    value: int | None = getattr(point, name)
    return value


def burnup_svg(points: Sequence[BurnupPoint], as_of: date) -> str:
    """The burn-up as an SVG image: quarters across, cumulative milestones up."""
    top = max(
        (v for p in points for name, _label, _css in _LINES if (v := _count(p, name)) is not None),
        default=0,
    )
    top = max(top, 1)
    inner_w = _WIDTH - _LEFT - _RIGHT
    inner_h = _HEIGHT - _TOP - _BOTTOM
    step = inner_w / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return round(_LEFT + index * step, 1)

    def y(value: int) -> float:
        return round(_TOP + inner_h - value / top * inner_h, 1)

    parts = [
        void("line", x1=_LEFT, y1=y(0), x2=_WIDTH - _RIGHT, y2=y(0), class_="bu-axis"),
        void("line", x1=_LEFT, y1=_TOP, x2=_LEFT, y2=y(0), class_="bu-axis"),
        el("text", "0", x=_LEFT - 6, y=y(0) + 4, text_anchor="end"),
        el("text", esc(top), x=_LEFT - 6, y=y(top) + 4, text_anchor="end"),
    ]
    for index, point in enumerate(points):
        if point.kwartaal.q == 1 or index == 0:
            label = str(point.kwartaal) if point.kwartaal.q != 1 else str(point.kwartaal.year)
            parts.append(
                el("text", esc(label), x=x(index), y=_HEIGHT - _BOTTOM + 18, text_anchor="start")
            )
            parts.append(void("line", x1=x(index), y1=y(0), x2=x(index), y2=y(0) + 5))
    current = Kwartaal.from_date(as_of)
    for index, point in enumerate(points):
        if point.kwartaal == current:
            parts.append(void("line", x1=x(index), y1=_TOP, x2=x(index), y2=y(0), class_="bu-asof"))
    for name, _label, css in _LINES:
        known = [(x(i), y(v)) for i, p in enumerate(points) if (v := _count(p, name)) is not None]
        if not known:
            continue
        coords = " ".join(f"{px},{py}" for px, py in known)
        parts.append(void("polyline", points=coords, class_=f"bu-line {css}", fill="none"))
        if css == "bu-done":
            parts += [void("circle", cx=px, cy=py, r=3.5, class_=css) for px, py in known]
    last = points[-1] if points else None
    summary = (
        _(
            "Burn-up of milestones from {first} to {last}: {done} gereed by {current}, "
            "{original} planned by the first agreed deadlines, {now} by the current ones."
        ).format(
            first=points[0].kwartaal,
            last=last.kwartaal,
            done=_done_now(points),
            current=current,
            original=last.gepland_oorspronkelijk,
            now=last.gepland_huidig,
        )
        if last
        else _("Burn-up of milestones: none.")
    )
    return el(
        "svg",
        el("title", esc(summary), id="burnup-title"),
        *parts,
        viewBox=f"0 0 {_WIDTH} {_HEIGHT}",
        role="img",
        aria_label=summary,
        class_="burnup",
        id="burnup-chart",
    )


def _done_now(points: Sequence[BurnupPoint]) -> int:
    known = [p.gereed for p in points if p.gereed is not None]
    return known[-1] if known else 0


def slip_list(registry: Registry, as_of: date) -> LongList[SlipRow]:
    """The re-planned milestones, as a list that gets pages of its own when long."""

    def cells(row: SlipRow, site: Site) -> list[str]:
        quarters = "" if row.kwartalen is None else f"{row.kwartalen:+d}"
        return [
            el("a", esc(row.actie.id), href=site.actie(row.actie.id)),
            esc(f"{row.index + 1}. {row.mijlpaal.omschrijving}"),
            esc(row.oorspronkelijk or ""),
            esc(row.huidig or ""),
            esc(quarters),
            esc(f"{row.reden or ''} ({row.datum.isoformat()})"),
        ]

    return LongList(
        key="slips",
        caption=_("Re-planned milestones"),
        headers=[
            _("Actie"),
            _("Mijlpaal"),
            _("First agreed"),
            _("Current"),
            _("Quarters"),
            _("Reden"),
        ],
        items=slips(registry, as_of),
        cells=cells,
        id_="slips",
        empty=_("none re-planned."),
    )


def progress_section(
    registry: Registry,
    as_of: date,
    site: Site,
    slipped: LongList[SlipRow],
    comparison: Comparison | None = None,
    changes: LongList[Change] | None = None,
) -> str:
    """The progress section: burn-up chart, its legend and numbers, and the slip table; then,
    given a comparison (`report --since`) and its `changes`, the section of what changed since
    its older side.
    """
    from eerstelijn.report.page import _long_table, _section, _table

    points = burnup(registry, as_of)
    if not points:
        chart = el("p", esc(_("No milestones with a deadline.")), class_="empty")
    else:
        legend = el(
            "ul",
            *(
                el("li", el("span", "", class_=f"key {css}-key", aria_hidden="true"), esc(_(label)))
                for _field, label, css in _LINES
            ),
            el(
                "li",
                el("span", "", class_="key bu-asof-key", aria_hidden="true"),
                esc(_("this quarter")),
            ),
            class_="legend",
        )
        numbers = _table(
            _("Milestones per quarter, cumulative"),
            [_("Quarter"), _("Gereed"), _("Planned, first agreed"), _("Planned, current")],
            [
                [
                    esc(p.kwartaal),
                    esc("" if p.gereed is None else p.gereed),
                    esc(p.gepland_oorspronkelijk),
                    esc(p.gepland_huidig),
                ]
                for p in points
            ],
            id_="burnup-numbers",
            compact=True,
        )
        # A plain table of the same numbers, for screen readers and paper; it stays a table on
        # a phone (four short columns fit), where other tables become cards.
        chart = el("figure", burnup_svg(points, as_of), legend, class_="burnup-wrap") + el(
            "div", numbers, class_="numbers"
        )
    section = _section("progress", _("Progress"), chart, _long_table(site, slipped))
    if comparison is None or changes is None:
        return section
    return section + changes_section(comparison, site, changes)


def changes_list(comparison: Comparison) -> LongList[Change]:
    """What changed between the two versions, one row per change."""

    def cells(c: Change, site: Site) -> list[str]:
        return [
            el("a", esc(c.id), href=site.actie(c.id)) if c.soort == "actie" else esc(c.id),
            esc(c.soort),
            esc(c.wijziging),
            esc(c.tekst),
        ]

    return LongList(
        key="changes",
        caption=_("Changes"),
        headers=[_("Item"), _("Soort"), _("Wijziging"), _("What changed")],
        items=comparison.changes,
        cells=cells,
        id_="changes-table",
    )


def changes_section(comparison: Comparison, site: Site, changes: LongList[Change]) -> str:
    """What changed in the registry between the two versions, one row per change."""
    from eerstelijn.report.page import _long_table, _section

    since = comparison.since
    title = _("What changed since {label}").format(label=since.label)
    how = "" if since.how == "revision" else f" ({since.how})"
    count = len(changes.items)
    intro = el(
        "p",
        esc(
            ngettext(
                "Compared with {since}{how}, up to {until}: {n} change.",
                "Compared with {since}{how}, up to {until}: {n} changes.",
                count,
            ).format(since=since.label, how=how, until=comparison.until.label, n=count)
        ),
        class_="meta",
    )
    return _section("changes", title, intro, _long_table(site, changes))
