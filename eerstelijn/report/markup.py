"""Building HTML as strings: every text goes through `esc`, every element through `el`.

Children passed to `el` are HTML already; plain text must be escaped first. Keeping the two
apart by convention is enough for a page this size, and avoids a template engine.
"""

from __future__ import annotations

from html import escape

__all__ = ["attrs", "el", "esc", "void"]

Value = str | int | float | bool | None


def esc(text: object) -> str:
    """Text made safe for element content and quoted attribute values."""
    return escape(str(text), quote=True)


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
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value), True)}"')
    return "".join(out)


# Attribute names by keyword: a report at 100,000 acties writes millions of attributes.
_NAMES: dict[str, str] = {}


def el(tag: str, *children: str, **values: Value) -> str:
    """An element with its (already escaped) children."""
    return f"<{tag}{attrs(values)}>{''.join(children)}</{tag}>"


def void(tag: str, **values: Value) -> str:
    """An element without content (`meta`, `rect`, `line`)."""
    return f"<{tag}{attrs(values)}/>" if tag not in _HTML_VOID else f"<{tag}{attrs(values)}>"


# HTML's own void elements are written without a slash; SVG's empty ones with one.
_HTML_VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})
