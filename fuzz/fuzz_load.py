"""A coverage-guided fuzz campaign for the loader (atheris): `make fuzz`.

Each input replaces one file of a copy of the real registry. Loading must end in a Registry or
in InvalidRegistry with located problems; anything else is a crash, which atheris saves under
fuzz/crashes/. Keep each crash as a regression fixture in tests/fixtures/fuzz/.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

# Instrumenting ruamel and pydantic too would make each run ~50x slower; our code is the target.
with atheris.instrument_imports(include=["eerstelijn"]):
    from eerstelijn.registry.load import InvalidRegistry, load_registry

DATA = Path(__file__).resolve().parent.parent / "data"
NAMES = sorted(p.name for p in DATA.glob("*.yaml"))
ROOT = Path(tempfile.mkdtemp(prefix="eerstelijn-fuzz-")) / "data"
shutil.copytree(DATA, ROOT)


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    (ROOT / name).write_bytes(data[1:])
    try:
        load_registry(ROOT)
    except InvalidRegistry as invalid:
        for problem in invalid.problems:
            if problem.line < 0 or not problem.message:
                raise AssertionError(f"unlocated problem: {problem}") from None
    finally:
        shutil.copyfile(DATA / name, ROOT / name)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
