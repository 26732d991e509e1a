"""Run one check on the fixture registry with a given acties.yaml (as yamllint's RuleTestCase)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from types import ModuleType

from eerstelijn.registry.load import load_registry
from tests.conftest import REGISTRY

AS_OF = date(2026, 1, 15)


def found(
    module: ModuleType, acties_yaml: str, tmp_path: Path, as_of: date = AS_OF
) -> list[tuple[str, int, int, str]]:
    """The check's problems on `acties_yaml` as (code, line, col, yaml_path) tuples."""
    root = tmp_path / "data"
    shutil.copytree(REGISTRY, root, dirs_exist_ok=True)
    shutil.rmtree(root / "acties")
    (root / "acties.yaml").write_text(acties_yaml, encoding="utf-8")
    registry = load_registry(root)
    return [(p.code, p.line, p.col, p.yaml_path) for p in module.check(registry, as_of)]
