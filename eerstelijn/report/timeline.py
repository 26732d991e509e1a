"""The report's timeline as inline SVG: quarters across, actions down, the as-of day as a line.

A deadline marker sits at the end of its quarter, the last day the milestone is on time, so an
overdue marker is always left of the as-of line. A start without deadline (`vanaf`, `na`,
`per`) sits at the start of its quarter. Rows carry their hoofdstuk and the partijen that lead
them as data attributes, for the filter script; without the script every row shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from eerstelijn.i18n import N_, _, long_date, short_date
from eerstelijn.kwartaal import Kwartaal
from eerstelijn.models import Mijlpaal
from eerstelijn.queries import TimelineRow, is_overdue, iter_marks
from eerstelijn.report.markup import el, esc, void

__all__ = ["NO_TREKKER_VALUE", "Layout", "timeline_svg"]

# The filter value of an action nobody leads, in the page (queries groups them under None).
NO_TREKKER_VALUE = "-"


@dataclass(frozen=True)
class Layout:
    """Sizes in SVG user units; the filter script reads `header` and `row` from the SVG."""

    label: int = 64
    quarter: int = 58
    header: int = 44
    row: int = 26
    margin: int = 12
    footer: int = 20

    def x(self, index: int) -> int:
        """The left edge of the quarter column `index`."""
        return self.label + index * self.quarter


def _marker(kind: str, x: float, y: float) -> str:
    if kind == "done":
        return void("circle", cx=x, cy=y, r=6, class_="m-done")
    if kind == "overdue":
        # A triangle pointing down: a different shape, not only a different colour.
        points = f"{x - 7},{y - 6} {x + 7},{y - 6} {x},{y + 7}"
        return void("polygon", points=points, class_="m-overdue")
    if kind == "start":
        points = f"{x - 5},{y - 6} {x + 6},{y} {x - 5},{y + 6}"
        return void("polygon", points=points, class_="m-start")
    points = f"{x},{y - 7} {x + 7},{y} {x},{y + 7} {x - 7},{y}"
    return void("polygon", points=points, class_="m-deadline")


def _kind(mijlpaal: Mijlpaal, as_of: date) -> str:
    if mijlpaal.stand(as_of).done:
        return "done"
    if is_overdue(mijlpaal, as_of):
        return "overdue"
    if mijlpaal.deadline is not None and mijlpaal.deadline.deadline is None:
        return "start"
    return "deadline"


_KIND_TEXT = {
    "done": N_("done"),
    "overdue": N_("overdue"),
    "start": N_("start, no deadline"),
    "deadline": N_("deadline"),
}


def _row(
    row: TimelineRow,
    quarters: Sequence[Kwartaal],
    as_of: date,
    leads: Sequence[str],
    layout: Layout,
    top: int,
    href: Callable[[str], str],
) -> str:
    actie = row.actie
    mid = layout.row // 2
    parts = [
        el(
            "a",
            el("text", esc(actie.id), x=4, y=mid + 4, class_="tl-label"),
            href=href(actie.id),
        )
    ]
    placed: list[tuple[float, str]] = []
    seen: dict[Kwartaal, int] = {}
    for quarter, index, mijlpaal in iter_marks(row):
        column = layout.x(quarters.index(quarter))
        kind = _kind(mijlpaal, as_of)
        # Several milestones in one quarter step inwards so that none hides another.
        step = 14 * seen.get(quarter, 0)
        seen[quarter] = seen.get(quarter, 0) + 1
        x = column + 9 + step if kind == "start" else column + layout.quarter - 9 - step
        title = _("{id} mijlpaal {number}: {omschrijving}. {timing} ({kind})").format(
            id=actie.id,
            number=index + 1,
            omschrijving=mijlpaal.omschrijving,
            timing=mijlpaal.deadline,
            kind=_(_KIND_TEXT[kind]),
        )
        placed.append((x, el("g", el("title", esc(title)), _marker(kind, x, mid))))
    xs = [x for x, _marker in placed]
    if len(xs) > 1:
        parts.append(void("line", x1=min(xs), x2=max(xs), y1=mid, y2=mid, class_="tl-span"))
    parts += [marker for _x, marker in placed]
    overdue = any(is_overdue(m, as_of) for m in actie.mijlpalen)
    return el(
        "g",
        *parts,
        class_="tl-row overdue" if overdue else "tl-row",
        transform=f"translate(0,{top})",
        data_actie=actie.id,
        data_hoofdstuk=actie.hoofdstuk or "",
        data_partijen=" ".join(leads) or NO_TREKKER_VALUE,
    )


def _as_of_x(quarters: Sequence[Kwartaal], as_of: date, layout: Layout) -> float | None:
    current = Kwartaal.from_date(as_of)
    if current not in quarters:
        return None
    length = (current.last_day - current.first_day).days + 1
    elapsed = (as_of - current.first_day).days
    return layout.x(quarters.index(current)) + layout.quarter * elapsed / length


def timeline_svg(
    rows: Sequence[TimelineRow],
    quarters: Sequence[Kwartaal],
    as_of: date,
    leads: Mapping[str, Sequence[str]],
    *,
    layout: Layout = Layout(),
    href: Callable[[str], str] = lambda actie_id: f"#actie-{actie_id}",
) -> str:
    """The timeline; `leads` maps an action id to the partijen that lead it (groups expanded),
    and `href` an action id to the link of its details."""
    width = layout.x(len(quarters)) + layout.margin
    height = layout.header + layout.row * len(rows) + layout.footer
    grid = []
    for i, quarter in enumerate(quarters):
        x = layout.x(i)
        first_of_year = quarter.q == 1
        grid.append(
            void(
                "line",
                x1=x,
                x2=x,
                y1=layout.header - 14 if first_of_year else layout.header - 4,
                y2=height - layout.footer,
                class_="tl-grid tl-full year" if first_of_year else "tl-grid tl-full",
            )
        )
        center = x + layout.quarter / 2
        grid.append(el("text", f"Q{quarter.q}", x=center, y=layout.header - 8, class_="tl-q"))
        if first_of_year or i == 0:
            grid.append(el("text", str(quarter.year), x=x + 4, y=14, class_="tl-year"))
    now = _as_of_x(quarters, as_of, layout)
    if now is not None:
        grid.append(
            void(
                "line",
                x1=now,
                x2=now,
                y1=layout.header - 14,
                y2=height - 6,
                class_="tl-asof tl-full",
            )
        )
        grid.append(
            el(
                "text",
                esc(short_date(as_of)),
                x=now + 4,
                y=height - 6,
                class_="tl-asof-label tl-bottom",
            )
        )
    body = [
        _row(
            row,
            quarters,
            as_of,
            leads.get(row.actie.id, []),
            layout,
            layout.header + i * layout.row,
            href,
        )
        for i, row in enumerate(rows)
    ]
    return el(
        "svg",
        el("title", _("Timeline of the milestones"), id="timeline-title"),
        el(
            "desc",
            esc(
                _(
                    "Quarters from {first} to {last} across, one row per action; the vertical "
                    "line is {date}. The same milestones are listed per action under Acties."
                ).format(first=quarters[0], last=quarters[-1], date=long_date(as_of))
            ),
            id="timeline-desc",
        ),
        el("g", *grid, class_="tl-axis"),
        el("g", *body, class_="tl-rows"),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        role="group",
        aria_labelledby="timeline-title timeline-desc",
        data_header=layout.header,
        data_row=layout.row,
        data_footer=layout.footer,
        class_="timeline",
        id="timeline-svg",
    )
