"""Building HTML as strings: every text goes through `esc`, every element through `el`.

Children passed to `el` are HTML already; plain text must be escaped first. Keeping the two
apart by convention is enough for a page this size, and avoids a template engine.
"""

from __future__ import annotations

import re
from html import escape

__all__ = ["attrs", "el", "esc", "void"]

Value = str | int | float | bool | None

# Most texts hold nothing to escape; one scan for that is cheaper than escape's five
# replacements, and a report of 100,000 acties escapes millions of texts.
_SPECIAL = re.compile("[&<>\"']")


def esc(text: object) -> str:
    """Text made safe for element content and quoted attribute values."""
    text = str(text)
    return escape(text, quote=True) if _SPECIAL.search(text) else text


def attrs(values: dict[str, Value]) -> str:
    """` name="value"` pairs; None and False leave an attribute out, True writes it bare.

    A trailing underscore is dropped (`class_`) and other underscores become hyphens
    (`aria_label`, `data_partijen`), so attributes can be keyword arguments.
    """
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


# Attribute names by keyword: a report at 100,000 acties writes millions of attributes.
_NAMES: dict[str, str] = {}


def el(tag: str, *children: str, **values: Value) -> str:
    """An element with its (already escaped) children."""
    return f"<{tag}{attrs(values) if values else ''}>{''.join(children)}</{tag}>"


def void(tag: str, **values: Value) -> str:
    """An element without content (`meta`, `rect`, `line`)."""
    return f"<{tag}{attrs(values)}/>" if tag not in _HTML_VOID else f"<{tag}{attrs(values)}>"


# HTML's own void elements are written without a slash; SVG's empty ones with one.
_HTML_VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})
