"""Schema validation of parsed registry files: pydantic's models, its errors as located problems.

Imported by load.py only when files are parsed: pydantic and the models cost a fifth of a second
of import time that a run served by the cache does not need.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from eerstelijn.lookup import suggest
from eerstelijn.models import FILE_MODELS, ITEM_MODELS, Bron, Mijlpaal, Registry
from eerstelijn.problems import (
    InvalidRegistry,
    KeyPath,
    Problem,
    Severity,
    SourceMap,
    format_path,
)

__all__ = ["model_for", "registry", "validate_file"]

from eerstelijn.shape import FILES, REGIONAL_DIR

_BY_NAME: dict[str, type[BaseModel]] = {f.name: FILE_MODELS[f.key] for f in FILES}
_MODELS: tuple[type[BaseModel], ...] = (*ITEM_MODELS.values(), Mijlpaal, Bron)
_ALL_FIELDS = sorted({name for model in _MODELS for name in model.model_fields})


def model_for(path: FsPath, root: FsPath) -> type[BaseModel]:
    """The model of a file's top level: by name in the root, that of acties.yaml in acties/."""
    regional = FILE_MODELS[REGIONAL_DIR]
    return _BY_NAME.get(path.name, regional) if path.parent == root else regional


def registry(parts: dict[str, list[Any]]) -> Registry:
    """The Registry of the validated items of all files."""
    return Registry(**parts)


def validate_file(plain: Any, source: SourceMap, model: type[BaseModel]) -> dict[str, list[Any]]:
    """The items of one file, each knowing its origin; raise InvalidRegistry on schema errors."""
    try:
        validated = model.model_validate(plain)
    except ValidationError as error:
        raise InvalidRegistry(
            [_schema_problem(e, source, model) for e in error.errors(include_url=False)]
        ) from None
    out: dict[str, list[Any]] = {}
    for key in type(validated).model_fields:
        items = getattr(validated, key)
        for index, item in enumerate(items):
            item._origin = source.origin((key, index))
        out[key] = items
    return out


def _schema_problem(error: ErrorDetails, source: SourceMap, model: type[BaseModel]) -> Problem:
    path: KeyPath = tuple(error["loc"])
    lookup = source.keys if error["type"] == "extra_forbidden" else source.values
    probe = path
    while probe and probe not in lookup and probe not in source.values:
        probe = probe[:-1]
    line, col = lookup.get(probe) or source.values.get(probe, (1, 1))
    code = "unknown-field" if error["type"] == "extra_forbidden" else "schema"
    message = _message(error, path, model)
    return Problem(
        source.file, line, col, format_path(path, source.labels), code, Severity.ERROR, message
    )


def _message(error: ErrorDetails, path: KeyPath, model: type[BaseModel]) -> str:
    """A pydantic error in words a maintainer of the YAML understands."""
    kind = error["type"]
    value = error.get("input")
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return f"unknown field {field!r}" + suggest(field, _ALL_FIELDS)
    if kind == "missing":
        return f"missing required field {field!r}"
    if kind == "model_type" and not path:
        expected = next(iter(model.model_fields))
        return f"expected a mapping with the key {expected!r} at the top of the file"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping, got {_describe(value)}"
    if kind == "list_type":
        return f"expected a list, got {_describe(value)}"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {_describe(value)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
        return f"{value!r} is not one of {expected}" + suggest(str(value), options)
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid {field}: {_PATTERN_HELP.get(field, 'see the README')}"
    if kind == "too_short":
        return f"{field!r} must not be empty"
    if kind == "string_too_short":
        return f"{field!r} must not be empty text"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg']} (got {_describe(value)})"


_PATTERN_HELP = {
    "doelen": "goal ids are 1 to 5, 6A, 6B or 6C",
    "id": "use letters, digits, '.', '-' and '_' (doel ids: 1 to 5, 6A, 6B, 6C)",
    "document": "a document id in documenten.yaml: letters, digits, '.', '-' and '_'",
    "code": "a partij code has no spaces, commas or brackets",
    "trekker": "a partij code has no spaces, commas or brackets",
    "betrokkenen": "a partij code has no spaces, commas or brackets",
    "leden": "a partij code has no spaces, commas or brackets",
}


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)
