"""A small tree over the report's HTML, so tests can ask for an element's text by id or class."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source"})


@dataclass
class Node:
    """An element with its attributes and children (nodes or text)."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        """The class names of the element."""
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join(" ".join(parts).split())

    def iter(self, tag: str | None = None, class_: str | None = None) -> Iterator[Node]:
        """Descendants (and self) with this tag and class, in document order."""
        if (tag is None or self.tag == tag) and (class_ is None or class_ in self.classes):
            yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter(tag, class_)

    def by_id(self, id_: str) -> Node:
        """The element with this id."""
        found = [n for n in self.iter() if n.attrs.get("id") == id_]
        assert len(found) == 1, f"{len(found)} elements with id {id_!r}"
        return found[0]

    def rows(self) -> list[list[str]]:
        """For a table: the text of each cell of each body row."""
        return [[c.text() for c in tr.children if isinstance(c, Node)] for tr in self.iter("tr")][
            1:
        ]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        # The report closes every element it opens; a mismatch is a bug worth failing on.
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """The document tree; fails on an element that is not closed in order."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root
