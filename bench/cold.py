"""Time the cold load side by side: PyYAML's C loader, `check` without a cache, `check`
filling an empty cache, and the same two on an older tree.

    python bench/cold.py DIR [DIR ...] [--rounds 3] [--before SRC]

Each DIR is a registry (bench/generate.py writes them). The cases alternate, round by round,
as in bench/run.py, and each runs in a fresh process; the table gives the median, fastest and
slowest run and the peak resident memory. The ratios are those issue #20 sets targets for:
cold `check` against PyYAML's C loader reading the same files, and a run that fills the cache
against one without it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
PYYAML_C = (
    "import sys, yaml\n"
    "for f in sys.argv[1:]:\n"
    "    with open(f, 'rb') as s: yaml.load(s, Loader=yaml.CSafeLoader)\n"
)


@dataclass
class Case:
    """One command line to time; `cache` empties that directory before each run."""

    name: str
    argv: list[str]
    env: dict[str, str]
    cache: Path | None = None
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)


def run_once(case: Case) -> None:
    if case.cache is not None:
        shutil.rmtree(case.cache, ignore_errors=True)
    start = time.perf_counter()
    child = subprocess.Popen(
        case.argv, env=case.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(child.pid, 0)
    case.seconds.append(time.perf_counter() - start)
    case.peak_kb.append(usage.ru_maxrss)


def cases(root: Path, work: Path, before: str | None) -> list[Case]:
    base = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    base.pop("PYTHONPATH", None)
    files = sorted(str(p) for p in root.rglob("*.yaml"))
    argv = [str(BIN / "eerstelijn"), "check", "--data", str(root), "--as-of", "2026-01-15"]
    found = [Case("PyYAML C loader", [sys.executable, "-c", PYYAML_C, *files], base)]
    trees = [("", None), (" (before)", before)] if before else [("", None)]
    for suffix, path in trees:
        env = {**base, **({"PYTHONPATH": path} if path else {})}
        found.append(Case(f"check, no cache{suffix}", argv, {**env, "EERSTELIJN_NO_CACHE": "1"}))
        cache = work / f"cache{suffix.strip()}"
        found.append(
            Case(
                f"check, filling the cache{suffix}",
                argv,
                {**env, "EERSTELIJN_CACHE_DIR": str(cache)},
                cache,
            )
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registries", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", help="An older source tree to time beside this one.")
    args = parser.parse_args()
    print("| registry | command | median s | min s | max s | peak MB |")
    print("| --- | --- | --- | --- | --- | --- |")
    ratios = []
    for root in args.registries:
        with tempfile.TemporaryDirectory(prefix="eerstelijn-cold-") as tmp:
            found = cases(root, Path(tmp), args.before)
            for _ in range(args.rounds):
                for case in found:
                    run_once(case)
        by = {}
        for case in found:
            median = statistics.median(case.seconds)
            by[case.name] = median
            print(
                f"| {root.name} | {case.name} | {median:.3f} | {min(case.seconds):.3f} "
                f"| {max(case.seconds):.3f} | {max(case.peak_kb) / 1024:.0f} |"
            )
        for suffix in ("", " (before)") if args.before else ("",):
            cold = by[f"check, no cache{suffix}"]
            fill = by[f"check, filling the cache{suffix}"]
            pyyaml = by["PyYAML C loader"]
            ratios.append(
                f"- {root.name}{suffix}: check, no cache / PyYAML C loader {cold / pyyaml:.2f};"
                f" filling the cache / no cache {fill / cold:.2f}"
            )
    print("\n".join(ratios))


if __name__ == "__main__":
    main()
