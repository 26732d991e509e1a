"""JSON Schemas of the data files, generated from the models, for editors and other tools.

The models are the only schema we maintain; these files follow from them. A data file points
its editor at its schema with a first line such as
`# yaml-language-server: $schema=../schemas/acties.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from eerstelijn.models import FILE_MODELS

__all__ = ["SCHEMA_DIR", "SCHEMA_MODELS", "json_schema", "schema_files"]

SCHEMA_DIR = "schemas"

# One schema per data file; acties.schema.json also serves data/acties/*.yaml.
SCHEMA_MODELS: dict[str, type[BaseModel]] = FILE_MODELS


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data file `name`.yaml."""
    schema = SCHEMA_MODELS[name].model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": f"eerstelijn {name}.yaml",
    }


def schema_files() -> dict[str, str]:
    """File name to text of every schema, as `eerstelijn schema` writes them."""
    return {
        f"{name}.schema.json": json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
        for name in SCHEMA_MODELS
    }
