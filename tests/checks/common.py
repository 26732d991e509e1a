"""Run one check on the fixture registry with a given acties.yaml (as yamllint's RuleTestCase).

The other files stay the fixture's unless a test passes its own text for them.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from types import ModuleType

from eerstelijn import Problem, load_registry
from tests.conftest import REGISTRY

AS_OF = date(2026, 1, 15)


def problems(
    module: ModuleType,
    acties_yaml: str,
    tmp_path: Path,
    as_of: date = AS_OF,
    *,
    partijen_yaml: str | None = None,
    doelen_yaml: str | None = None,
    zorgbelofte_yaml: str | None = None,
    documenten_yaml: str | None = None,
    regio_yaml: Mapping[str, str] | None = None,
) -> list[Problem]:
    """The check's problems on a copy of the fixture registry with these files' text.

    `regio_yaml` maps file names to the text of files in acties/, which is otherwise empty.
    """
    root = tmp_path / "data"
    # Afresh on every call, so that a file one call replaced does not leak into the next.
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(REGISTRY, root)
    shutil.rmtree(root / "acties")
    texts = {
        "acties.yaml": acties_yaml,
        "partijen.yaml": partijen_yaml,
        "doelen.yaml": doelen_yaml,
        "zorgbelofte.yaml": zorgbelofte_yaml,
        "documenten.yaml": documenten_yaml,
        **{f"acties/{name}": text for name, text in (regio_yaml or {}).items()},
    }
    for name, text in texts.items():
        if text is not None:
            (root / name).parent.mkdir(exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    registry = load_registry(root)
    return list(module.check(registry, as_of))


def found(
    module: ModuleType,
    acties_yaml: str,
    tmp_path: Path,
    as_of: date = AS_OF,
    *,
    partijen_yaml: str | None = None,
    doelen_yaml: str | None = None,
    zorgbelofte_yaml: str | None = None,
    documenten_yaml: str | None = None,
    regio_yaml: Mapping[str, str] | None = None,
) -> list[tuple[str, int, int, str]]:
    """The check's problems on `acties_yaml` as (code, line, col, yaml_path) tuples."""
    return [
        (p.code, p.line, p.col, p.yaml_path)
        for p in problems(
            module,
            acties_yaml,
            tmp_path,
            as_of,
            partijen_yaml=partijen_yaml,
            doelen_yaml=doelen_yaml,
            zorgbelofte_yaml=zorgbelofte_yaml,
            documenten_yaml=documenten_yaml,
            regio_yaml=regio_yaml,
        )
    ]
