"""`check` through the core alone, printing plain lines: what `check` could cost if the CLI
imported nothing it does not use. The cache decides whether pydantic, the models and a YAML
parser get imported at all.

    python bench/core_check.py DATA_DIR
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from eerstelijn.problems import InvalidRegistry
from eerstelijn.registry.cache import RegistryCache
from eerstelijn.registry.outcome import check_directory


def main() -> int:
    try:
        problems = check_directory(
            Path(sys.argv[1]), date(2026, 1, 15), cache=RegistryCache.find(os.environ)
        )
    except InvalidRegistry as invalid:
        problems, status = invalid.problems, 2
    else:
        status = 1 if problems else 0
    sys.stdout.writelines(
        f"{p.file}:{p.line}:{p.col}: {p.severity}[{p.code}] {p.yaml_path}: {p.message}\n"
        for p in problems
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
