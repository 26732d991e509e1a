"""Which pages the report has, and how a link on one of them reaches an actie on another.

A registry of the real agenda's size fits one page. A much larger one (tens of regional
agendas, 100,000 acties) would make a page of hundreds of megabytes that no browser, phone or
printer handles, so every list longer than `max_rows` rows goes to pages of its own, of at
most `max_rows` rows each, in a folder beside the main page (`index.html` and
`index-pages/`): the main page keeps the first `max_rows` rows (the most urgent first where
the list is sorted so) and links to the rest. The acties in full go to pages per hoofdstuk,
regio or document, each with the timeline of its own acties. Every page is plain HTML that
loads nothing, so the set works from a file:// URL and prints page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar
from urllib.parse import quote

__all__ = ["DEFAULT_MAX_ROWS", "LongList", "Site", "chunks", "pages_folder"]

# 500 rows keep a page of acties in full near 1.5 MB, and the main page near 1 MB at 100,000
# acties; the real registry (23 acties) stays one page.
DEFAULT_MAX_ROWS = 500

T = TypeVar("T")


def pages_folder(main: str) -> str:
    """The folder of the pages of their own beside the main page `main` (a file name)."""
    stem = main.rsplit(".", 1)[0] if "." in main else main
    return f"{stem}-pages"


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` in consecutive slices of at most `size`."""
    return [items[start : start + size] for start in range(0, len(items), size)]


@dataclass(frozen=True)
class Site:
    """The report's pages as seen from one of them (`here`: None for the main page, else a
    file name in the folder), and where each actie in full is."""

    max_rows: int = DEFAULT_MAX_ROWS
    main: str = "index.html"
    actie_pages: Mapping[str, str] = field(default_factory=dict)
    here: str | None = None

    @property
    def folder(self) -> str:
        """The folder beside the main page that holds the other pages."""
        return pages_folder(self.main)

    def at(self, page: str | None) -> Site:
        """The same site, seen from `page`."""
        return replace(self, here=page)

    def href(self, page: str | None, fragment: str = "") -> str:
        """A link from here to `page` (None: the main page), at `fragment` if given."""
        anchor = f"#{fragment}" if fragment else ""
        if page == self.here:
            return anchor or "#"
        # The main page is named by --out: a space, '#' or '?' in it must not end the path.
        if page is None:
            return f"../{quote(self.main)}{anchor}"
        if self.here is None:
            return f"{quote(self.folder)}/{page}{anchor}"
        return f"{page}{anchor}"

    def actie(self, actie_id: str) -> str:
        """A link from here to an actie in full."""
        return self.href(self.actie_pages.get(actie_id), f"actie-{actie_id}")


@dataclass(frozen=True)
class LongList(Generic[T]):
    """A table that may be longer than one page: its rows, and how to draw one on any page.

    Its pages of its own are `key-1.html`, `key-2.html`, ... in the folder.
    """

    key: str
    caption: str
    headers: Sequence[str]
    items: Sequence[T]
    cells: Callable[[T, Site], list[str]]
    row_class: Callable[[T], str] = lambda _item: ""
    id_: str | None = None
    empty: str = "None."
    compact: bool = False

    def split(self, site: Site) -> bool:
        """True when the list is too long for the main page."""
        return len(self.items) > site.max_rows

    def page(self, number: int) -> str:
        """The file name of page `number` (from 1)."""
        return f"{self.key}-{number}.html"

    def pages(self, site: Site) -> list[str]:
        """The file names of its pages of their own."""
        count = -(-len(self.items) // site.max_rows)
        return [self.page(n) for n in range(1, count + 1)]
