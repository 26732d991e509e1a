"""Time eerstelijn against its floor and yamllint, on the real and on synthetic registries.

Every measurement runs the command in a fresh process, as a maintainer or CI would. The cases
alternate (round 1 of every case, then round 2, ...), so a slow spell of the machine touches
all of them alike, and the table reports the median of the rounds. Peak memory is the child's
own maximum resident set size, from os.wait4.

    python bench/run.py [--rounds 5] [--sizes 100,1000,10000] [--markdown]
        [--registries DIR] [--large-rounds 1] [--before SRC]

`make bench` runs it. The figures in docs/performance.md come from it. `--registries` keeps
the synthetic registries (and Taskwarrior's copies) in DIR and reuses them: 100,000 actions
take a while to write. `--before SRC` times the commands of an older source tree too (put on
PYTHONPATH; `git archive COMMIT eerstelijn | tar -x -C SRC`), in the same run, each as
"command (before)".
Taskwarrior's `task overdue` is timed over the same milestones where `task` is installed.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
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

import taskwarrior
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
    pythonpath: str | None = None
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
    if case.pythonpath:
        env["PYTHONPATH"] = case.pythonpath
    start = time.perf_counter()
    child = subprocess.Popen(
        case.argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    _, status, usage = os.wait4(child.pid, 0)
    case.seconds.append(time.perf_counter() - start)
    case.peak_kb.append(usage.ru_maxrss)
    case.exits.add(os.waitstatus_to_exitcode(status))


# The commands timed on each synthetic registry; those also timed on an older tree with
# --before are marked True.
QUERIES: list[tuple[str, list[str], bool]] = [
    ("overdue", ["overdue"], True),
    ("overdue csv", ["overdue", "--format", "csv"], True),
    ("overdue per partij", ["overdue", "--per", "partij"], True),
    ("acties csv", ["acties", "--format", "csv"], False),
    ("acties", ["acties"], True),
    ("overview", ["overview"], True),
    ("report", ["report", "--out", "{out}"], True),
]
PYYAML_C = (
    "import sys, yaml\n"
    "for f in sys.argv[1:]:\n"
    "    with open(f, 'rb') as s: yaml.load(s, Loader=yaml.CSafeLoader)\n"
)


def cases(work: Path, registries: Path, sizes: list[int], before: str | None) -> list[Case]:
    eerstelijn = str(BIN / "eerstelijn")
    data = str(ROOT / "data")
    real_files = sorted(str(p) for p in (ROOT / "data").rglob("*.yaml"))
    found: list[Case] = [
        Case("real", "python -c pass (floor)", [sys.executable, "-c", "pass"]),
        Case("real", "yamllint", [str(BIN / "yamllint"), *real_files]),
        Case("real", "check (cold)", [eerstelijn, "check", "--data", data, *AS_OF], cold=True),
        Case("real", "check", [eerstelijn, "check", "--data", data, *AS_OF]),
        Case("real", "core check (lazy CLI)", [sys.executable, str(CORE_CHECK), data]),
        Case("real", "--help", [eerstelijn, "--help"]),
    ]
    for name, argv, _ in QUERIES:
        out = str(work / "out" / "real" / name)
        found.append(
            Case(
                "real",
                name,
                [eerstelijn, *(a.format(out=out) for a in argv), "--data", data, *AS_OF],
            )
        )
    if before:
        for name, argv, compare in [("check", ["check"], True), *QUERIES]:
            if compare:
                out = str(work / "out" / "real-before" / name)
                argv = [a.format(out=out) for a in argv]
                found.append(
                    Case(
                        "real",
                        f"{name} (before)",
                        [eerstelijn, *argv, "--data", data, *AS_OF],
                        pythonpath=before,
                    )
                )
    for size in sizes:
        root = registries / f"registry-{size}"
        if not (root / "acties.yaml").exists():
            generate(root, size, regios=40)
        group = f"{size}"
        files = sorted(str(p) for p in root.rglob("*.yaml"))
        found.append(Case(group, "PyYAML C loader", [sys.executable, "-c", PYYAML_C, *files]))
        argv = [eerstelijn, "check", "--data", str(root), *AS_OF]
        found.append(Case(group, "check (cold)", argv, cold=True))
        found.append(Case(group, "check", argv))
        found.append(
            Case(group, "core check (lazy CLI)", [sys.executable, str(CORE_CHECK), str(root)])
        )
        # The older tree's tables took minutes at 100,000 actions: it is timed up to 10,000.
        older = before if size < 100_000 else None
        for name, command, compare in QUERIES:
            for suffix, path in [("", None), (" (before)", older)] if compare else [("", None)]:
                if suffix and not path:
                    continue
                out = str(work / "out" / f"{group}{suffix}" / name)
                argv = [
                    eerstelijn,
                    *(a.format(out=out) for a in command),
                    "--data",
                    str(root),
                    *AS_OF,
                ]
                found.append(Case(group, name + suffix, argv, pythonpath=path))
        if older:
            check = [eerstelijn, "check", "--data", str(root), *AS_OF]
            found.append(Case(group, "check (before)", check, pythonpath=before))
            found.append(
                Case(
                    group,
                    "check (cold) (before)",
                    check,
                    cold=True,
                    pythonpath=before,
                )
            )
        if taskwarrior.available():
            tasks = registries / f"taskwarrior-{size}"
            if not (tasks / "taskrc").exists():
                # In a process of its own: it loads the registry, and a child forked from a
                # large parent counts the parent's pages in its peak memory (os.wait4).
                build = [sys.executable, str(Path(taskwarrior.__file__)), str(root), str(tasks)]
                subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
            found.append(Case(group, "task overdue (Taskwarrior)", taskwarrior.overdue_argv(tasks)))
        found += history_cases(root, size)
    return found


def history_cases(registry: Path, size: int) -> list[Case]:
    """`changes` between versions of a copy of `registry` committed to git: `typical`
    re-plans one milestone in each of three files (as a pull request does); `every file`
    changes every data file, so no file is shared and both versions are parsed whole. The
    repository is kept beside the registry and reused, as the registries are.
    """
    root = registry.parent / f"git-{registry.name}"
    argv = [str(BIN / "eerstelijn"), "changes", "--data", str(root), "--format", "json"]
    pairs = (("changes", "typical"), ("changes, every file", "every"))
    found = []
    for name, tag in pairs:
        found.append(
            Case(f"{size}", f"{name} (cold)", [*argv, "--since", "base", "--until", tag], cold=True)
        )
        found.append(Case(f"{size}", name, [*argv, "--since", "base", "--until", tag]))
    if (root / ".git").exists():
        return found
    shutil.copytree(registry, root)
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
    git("checkout", "-q", "base")
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

    def ratio(label: str, a: tuple[str, str], b: tuple[str, str]) -> None:
        if a in by and b in by:
            lines.append(f"{label}: {by[a] / by[b]:.2f}")

    lines: list[str] = []
    for name in sorted({n for g, n in by if g == "real"} - {"yamllint"}):
        ratio(f"real: {name} / yamllint", ("real", name), ("real", "yamllint"))
    for size in sizes:
        g = str(size)
        ratio(f"{g}: overdue table / csv", (g, "overdue"), (g, "overdue csv"))
        ratio(f"{g}: acties table / csv", (g, "acties"), (g, "acties csv"))
        ratio(f"{g}: overdue / Taskwarrior", (g, "overdue"), (g, "task overdue (Taskwarrior)"))
        ratio(f"{g}: check (cold) / PyYAML C loader", (g, "check (cold)"), (g, "PyYAML C loader"))
        ratio(f"{g}: report / check (cold)", (g, "report"), (g, "check (cold)"))
        for name, _, _ in QUERIES:
            ratio(f"{g}: {name} / check (warm)", (g, name), (g, "check"))
    for small, large in itertools.pairwise(sizes):
        names = {n for g, n in by if g == str(large)} & {n for g, n in by if g == str(small)}
        for name in sorted(names):
            label = f"{_size(large)} / {_size(small)}, {name}"
            ratio(label, (str(large), name), (str(small), name))
    for size in sizes:
        g = str(size)
        ratio(f"{g}: changes (cold) / check (cold)", (g, "changes (cold)"), (g, "check (cold)"))
        ratio(
            f"{g}: changes, every file (cold) / check (cold)",
            (g, "changes, every file (cold)"),
            (g, "check (cold)"),
        )
    return lines


def _size(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 else str(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--markdown", action="store_true", help="Print the table as Markdown.")
    parser.add_argument("--registries", type=Path, help="Keep and reuse the registries here.")
    parser.add_argument(
        "--large-rounds", type=int, default=1, help="Rounds for registries of 100,000 or more."
    )
    parser.add_argument("--before", help="An older source tree to time beside this one.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    # Timed as installed: pip compiles a package's modules when it installs them (yamllint's
    # are), an editable install does not, and where PYTHONDONTWRITEBYTECODE is set every run
    # would compile ours again (25 ms of a cached check).
    for tree in (ROOT / "eerstelijn", *([Path(args.before)] if args.before else [])):
        compileall.compile_dir(tree, quiet=1)
    with tempfile.TemporaryDirectory(prefix="eerstelijn-bench-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("EERSTELIJN_NO_CACHE", None)
        env.pop("PYTHONPATH", None)
        found = cases(work, args.registries or work, sizes, args.before)
        for case in found:  # one untimed run each: warm caches (ours and the OS's)
            run_once(case, env, work)
            case.seconds.clear()
            case.peak_kb.clear()
        for round_ in range(args.rounds):
            for case in found:
                large = case.group.isdigit() and int(case.group) >= 100_000
                if large and round_ >= args.large_rounds:
                    continue
                run_once(case, env, work)
    print(
        f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {args.rounds} rounds, medians"
    )
    print(table(found, markdown=args.markdown))
    print("\n".join(ratios(found, sizes)))


if __name__ == "__main__":
    main()
