"""Time eerstelijn against its floor and yamllint, on the real and on synthetic registries.

Every measurement runs the command in a fresh process, as a maintainer or CI would. The cases
alternate (round 1 of every case, then round 2, ...), so a slow spell of the machine touches
all of them alike, and the table reports the median of the rounds. Peak memory is the child's
own maximum resident set size, from os.wait4.

    python bench/run.py [--rounds 5] [--sizes 100,1000,10000] [--markdown]

`make bench` runs it. The figures in docs/performance.md come from it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
AS_OF = ["--as-of", "2026-01-15"]
CORE_CHECK = Path(__file__).resolve().parent / "core_check.py"


@dataclass
class Case:
    """One command line to time, and whether its cache is emptied before each run."""

    group: str
    name: str
    argv: list[str]
    cold: bool = False
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    exits: set[int] = field(default_factory=set)


def run_once(case: Case, env: dict[str, str], work: Path) -> None:
    # A cache directory per registry and command, shared by its cold and warm runs: emptying
    # it for a cold run leaves the other commands warm.
    cache = work / "cache" / case.group / case.name.removesuffix(" (cold)")
    if case.cold:
        shutil.rmtree(cache, ignore_errors=True)
    env = {**env, "EERSTELIJN_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    child = subprocess.Popen(
        case.argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    _, status, usage = os.wait4(child.pid, 0)
    case.seconds.append(time.perf_counter() - start)
    case.peak_kb.append(usage.ru_maxrss)
    case.exits.add(os.waitstatus_to_exitcode(status))


def cases(work: Path, sizes: list[int]) -> list[Case]:
    eerstelijn = str(BIN / "eerstelijn")
    data = str(ROOT / "data")
    real_files = sorted(str(p) for p in (ROOT / "data").rglob("*.yaml"))
    found: list[Case] = [
        Case("real", "python -c pass (floor)", [sys.executable, "-c", "pass"]),
        Case("real", "yamllint", [str(BIN / "yamllint"), *real_files]),
        Case("real", "check (cold)", [eerstelijn, "check", "--data", data, *AS_OF], cold=True),
        Case("real", "check", [eerstelijn, "check", "--data", data, *AS_OF]),
        Case("real", "core check (lazy CLI)", [sys.executable, str(CORE_CHECK), data]),
        Case("real", "overdue", [eerstelijn, "overdue", "--data", data, *AS_OF]),
        Case("real", "overview", [eerstelijn, "overview", "--data", data, *AS_OF]),
        Case("real", "--help", [eerstelijn, "--help"]),
    ]
    for size in sizes:
        root = work / f"registry-{size}"
        generate(root, size, regios=40)
        for command in ("check", "overdue"):
            argv = [eerstelijn, command, "--data", str(root), *AS_OF]
            found.append(Case(f"{size}", f"{command} (cold)", argv, cold=True))
            found.append(Case(f"{size}", command, argv))
        found.append(
            Case(f"{size}", "core check (lazy CLI)", [sys.executable, str(CORE_CHECK), str(root)])
        )
        found += history_cases(root, size)
    return found


def history_cases(root: Path, size: int) -> list[Case]:
    """`changes` between versions of a registry committed to git: `typical` re-plans one
    milestone in each of three files (as a pull request does); `every file` changes every
    data file, so no file is shared and both versions are parsed whole.
    """
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)

    def commit(tag: str, files: list[Path]) -> None:
        for path in files:
            text = path.read_text(encoding="utf-8")
            for old, new in (("deadline: Q1", "deadline: Q3"), ("deadline: Q2", "deadline: Q4")):
                if old in text:
                    text = text.replace(old, new, 1)
                    break
            else:
                text += "\n"
            path.write_text(text, encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", tag)
        git("tag", tag)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("tag", "base")
    regional = sorted((root / "acties").glob("*.yaml"))
    commit("typical", [root / "acties.yaml", *regional[:2]])
    git("checkout", "-q", "base")
    commit("every", sorted(root.rglob("*.yaml")))
    git("checkout", "-q", "base")  # the other cases read the generated registry as it was
    found = []
    for name, tag in (("changes", "typical"), ("changes, every file", "every")):
        argv = [str(BIN / "eerstelijn"), "changes", "--data", str(root), "--format", "json"]
        argv += ["--since", "base", "--until", tag]
        found.append(Case(f"{size}", f"{name} (cold)", argv, cold=True))
        found.append(Case(f"{size}", name, argv))
    return found


def median(values: list[float]) -> float:
    return statistics.median(values)


def table(found: list[Case], *, markdown: bool) -> str:
    header = ["registry", "command", "median s", "min s", "max s", "peak MB", "exit"]
    rows = [
        [
            c.group,
            c.name,
            f"{median(c.seconds):.3f}",
            f"{min(c.seconds):.3f}",
            f"{max(c.seconds):.3f}",
            f"{max(c.peak_kb) / 1024:.0f}",
            ",".join(str(e) for e in sorted(c.exits)),
        ]
        for c in found
    ]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *rows]
    )


def ratios(found: list[Case], sizes: list[int]) -> list[str]:
    by = {(c.group, c.name): median(c.seconds) for c in found}
    lines = [
        f"check / yamllint on the real registry: {by['real', 'check'] / by['real', 'yamllint']:.2f}"
        f" (cold cache: {by['real', 'check (cold)'] / by['real', 'yamllint']:.2f};"
        f" core check: {by['real', 'core check (lazy CLI)'] / by['real', 'yamllint']:.2f})",
    ]
    if 1000 in sizes and 10000 in sizes:
        for name in ("check (cold)", "check", "overdue (cold)", "overdue"):
            ratio = by["10000", name] / by["1000", name]
            lines.append(f"10k / 1k, {name}: {ratio:.1f}x")
    if 10000 in sizes:
        cold_check = by["10000", "check (cold)"]
        for name in ("changes (cold)", "changes, every file (cold)"):
            ratio = by["10000", name] / cold_check
            lines.append(f"10k, {name} / check (cold): {ratio:.2f} (target: about 2)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--markdown", action="store_true", help="Print the table as Markdown.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="eerstelijn-bench-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("EERSTELIJN_NO_CACHE", None)
        found = cases(work, sizes)
        for case in found:  # one untimed run each: warm caches (ours and the OS's)
            run_once(case, env, work)
            case.seconds.clear()
            case.peak_kb.clear()
        for _ in range(args.rounds):
            for case in found:
                run_once(case, env, work)
    print(
        f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {args.rounds} rounds, medians"
    )
    print(table(found, markdown=args.markdown))
    print("\n".join(ratios(found, sizes)))


if __name__ == "__main__":
    main()
