"""The core knows nothing of the terminal: importing it loads neither typer nor rich."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "eerstelijn.kwartaal",
    "eerstelijn.problems",
    "eerstelijn.models",
    "eerstelijn.load",
    "eerstelijn.fastyaml",
    "eerstelijn.rtyaml",
    "eerstelijn.cache",
    "eerstelijn.validate",
    "eerstelijn.checking",
    "eerstelijn.checks",
    "eerstelijn.dates",
    "eerstelijn.queries",
    "eerstelijn.atomic",
    "eerstelijn.ics",
    "eerstelijn.report",
    "eerstelijn.edit",
    "eerstelijn.baseline",
    "eerstelijn.schema",
]


def test_core_does_not_import_the_cli_stack() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
