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

from eerstelijn.i18n import N_, _
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

__all__ = ["model_for", "registry", "share_equal", "validate_file"]

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


def share_equal(model: BaseModel) -> None:
    """Let the models below `model` share what is equal and never changed.

    Models given the same keys share one set of them (pydantic's fields set, which tells which
    keys the YAML wrote): a few dozen sets instead of 680,000 at 100,000 actions, 200 MB. Lists
    of codes and ids (`doelen`, `trekker`, ...) and empty lists are shared too: 460,000 lists,
    of 122 kinds. The models are frozen and nothing changes a list in them.
    """
    keys: dict[frozenset[str], set[str]] = {}
    lists: dict[tuple[str, ...], list[str]] = {}
    stack: list[BaseModel] = [model]
    while stack:
        model = stack.pop()
        fields = model.__pydantic_fields_set__
        object.__setattr__(
            model, "__pydantic_fields_set__", keys.setdefault(frozenset(fields), fields)
        )
        values = model.__dict__
        for name, value in values.items():
            if isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, list):
                if all(isinstance(element, str) for element in value):
                    values[name] = lists.setdefault(tuple(value), value)
                else:
                    stack.extend(v for v in value if isinstance(v, BaseModel))


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
        return _("unknown field {field!r}").format(field=field) + suggest(field, _ALL_FIELDS)
    if kind == "missing":
        return _("missing required field {field!r}").format(field=field)
    if kind == "model_type" and not path:
        expected = next(iter(model.model_fields))
        return _("expected a mapping with the key {key!r} at the top of the file").format(
            key=expected
        )
    got = _describe(value)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _("expected a mapping, got {got}").format(got=got)
    if kind == "list_type":
        return _("expected a list, got {got}").format(got=got)
    if kind in ("string_type", "str_type"):
        return _("expected text, got {got}").format(got=got)
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
        quoted = [repr(o) for o in options]
        choices = quoted[0] if len(quoted) == 1 else _("{first} or {last}")
        choices = choices.format(first=", ".join(quoted[:-1]), last=quoted[-1])
        message = _("{value!r} is not one of {choices}").format(value=value, choices=choices)
        return message + suggest(str(value), options)
    if kind == "string_pattern_mismatch":
        help_text = _(_PATTERN_HELP.get(field, _SEE_README))
        return _("{value!r} is not a valid {field}: {help}").format(
            value=value, field=field, help=help_text
        )
    if kind == "too_short":
        return _("{field!r} must not be empty").format(field=field)
    if kind == "string_too_short":
        return _("{field!r} must not be empty text").format(field=field)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return _("{message} (got {got})").format(message=error["msg"], got=got)


_SEE_README = N_("see the README")
_PARTIJ_CODE = N_("a partij code has no spaces, commas or brackets")
_PATTERN_HELP = {
    "doelen": N_("goal ids are 1 to 5, 6A, 6B or 6C"),
    "id": N_("use letters, digits, '.', '-' and '_' (doel ids: 1 to 5, 6A, 6B, 6C)"),
    "document": N_("a document id in documenten.yaml: letters, digits, '.', '-' and '_'"),
    "code": _PARTIJ_CODE,
    "trekker": _PARTIJ_CODE,
    "betrokkenen": _PARTIJ_CODE,
    "leden": _PARTIJ_CODE,
}


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, int | float):
        return _("the number {value}").format(value=value)
    return repr(value)
