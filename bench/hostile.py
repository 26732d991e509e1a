"""Time every command on the largest files `check` accepts, and on hostile ones as large.

Issue #19 promises that every command answers within about 2 s and 500 MB on anything `check`
accepts, and that bad input gets its located error as fast. This script writes

- `accepted/`: the real registry plus `acties/groot.yaml`, 1,900 actions whose titel and
  toelichting are 5,000 characters each (19 MB, every text at its limit);
- `hostile-KIND/`: the real registry plus a 20 MiB regional file that is plain YAML up to its
  last lines, which hold one thing the fast reader declines (an anchor, an alias, a tag, a
  merge key, a duplicate key, a control character, a tab, a syntax error, an empty value ...),

and runs each command in a fresh process on a fresh copy (edits write), printing its wall
time, the child's peak resident memory (os.wait4) and its exit code.

    python bench/hostile.py [--work DIR] [--only NAME] [--before SRC]

`--before SRC` runs an older source tree (put on PYTHONPATH) beside this one, row by row.
No test asserts these timings: they drift 2 to 4 times on a shared machine.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = ["--as-of", "2026-01-15"]
MIB = 1024 * 1024
TEXT = 5000  # the longest text check accepts (load.MAX_TEXT)


def _text(length: int = TEXT) -> str:
    words = "Regionale tekst over samenwerking in de eerstelijnszorg, "
    return (words * (length // len(words) + 1))[:length].rstrip()


def _raw_actie(n: int) -> str:
    return (
        f"  - id: GROOT.{n}\n"
        f"    titel: {_text()}\n"
        "    regio: Groot\n"
        "    doelen: [1, 6A]\n"
        "    trekker: [ZN]\n"
        "    mijlpalen:\n"
        f"      - omschrijving: Stap {n}\n"
        "        deadline: Q2 2026\n"
        f"    toelichting: {_text()}\n"
        "    bron: {document: realisatieagenda, sectie: 'H2, actie 1'}\n"
        "\n"
    )


@functools.cache
def _template() -> str:
    """One action as `fmt` writes it (a 5,000-character text folds at 4,096 columns), with
    `{n}` where its number goes: an edit refuses a file that is not in canonical form."""
    from eerstelijn.editing.yaml_layout import round_trip_yaml

    yaml = round_trip_yaml()
    out = io.StringIO()
    yaml.dump(yaml.load("acties:\n" + _raw_actie(1) + _raw_actie(2)), out)
    second = out.getvalue().index("  - id: GROOT.2")
    return out.getvalue()[second:].replace("GROOT.2", "GROOT.{n}").replace("Stap 2", "Stap {n}")


def _actie(n: int) -> str:
    return _template().replace("{n}", str(n))


def _registry(out: Path, body: str) -> None:
    shutil.copytree(ROOT / "data", out)
    (out / "acties").mkdir(exist_ok=True)
    (out / "acties" / "groot.yaml").write_text(body, encoding="utf-8")


def accepted(out: Path, count: int = 1900) -> None:
    _registry(out, "acties:\n" + "".join(_actie(n) for n in range(1, count + 1)))


# What the last lines of a hostile file hold: each is declined by the fast reader.
TAILS: dict[str, str] = {
    "anchor": "  - &a {id: X.1}\n",
    "alias": "  - *a\n",
    "tag": "  - !!python/object:os.system {id: X.1}\n",
    "merge": "  - <<: {id: X.1}\n    titel: x\n",
    "duplicate": "  - id: X.1\n    id: X.2\n",
    "control": "  - id: X.1\n    titel: a\x1bb\n",
    "tab": "  - id: X.1\n    titel: a\tb\n",
    "syntax": "  - id: X.1\n    titel: a: b\n",
    "empty-value": "  - id: X.1\n    titel:\n",
    "float": "  - id: X.1\n    titel: 1.5\n",
}


def hostile(out: Path, tail: str) -> None:
    body = ["acties:\n"]
    size = len(body[0])
    n = 0
    limit = 20 * MIB - 64 * 1024
    while size < limit:
        n += 1
        item = _actie(n)
        body.append(item)
        size += len(item.encode())
    _registry(out, "".join(body) + tail)


def commands(data: Path) -> dict[str, list[str]]:
    d = ["--data", str(data)]
    return {
        "check": ["check", *d, *AS_OF],
        "show": ["show", "GROOT.1900", *d, *AS_OF],
        "acties csv": ["acties", "--format", "csv", *d, *AS_OF],
        "acties": ["acties", *d, *AS_OF],
        "overview": ["overview", *d, *AS_OF],
        "overdue": ["overdue", *d, *AS_OF],
        "timeline": ["timeline", *d, *AS_OF],
        "set-status": ["set-status", "GROOT.1000", "lopend", "--datum", "2026-01-10", *d],
        "update": [
            "update",
            "GROOT.1000",
            "--beoordeling",
            "risico",
            "--datum",
            "2026-01-10",
            *d,
        ],
        "replan": [
            "replan",
            "GROOT.1000",
            "--deadline",
            "Q4 2026",
            "--reden",
            "later",
            "--datum",
            "2026-01-10",
            "--bron",
            "realisatieagenda",
            "--sectie",
            "H2",
            *d,
        ],
        "assign": ["assign", "GROOT.1000", "--trekker", "VWS", *d],
        "add": [
            "add",
            "--titel",
            "Nieuw",
            "--hoofdstuk",
            "H3",
            "--doel",
            "1",
            "--trekker",
            "ZN",
            "--bron",
            "H3",
            "--regio",
            "Groot",
            "--file",
            "acties/groot.yaml",
            *d,
        ],
        "fmt --check": ["fmt", "--check", *d],
        "fmt": ["fmt", *d],
    }


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen(  # not from the source tree: `-m` would import from there
            argv, env=env, stdout=out_file, stderr=err_file, stdin=subprocess.DEVNULL, cwd="/"
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        err_file.seek(0)
        out = out_file.read(4096).decode(errors="replace")
        err = err_file.read(4096).decode(errors="replace")
    first = next((line for line in (err + out).splitlines() if line.strip()), "")
    return seconds, usage.ru_maxrss // 1024, proc.returncode, first[:110]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="keep the generated registries here")
    parser.add_argument("--only", help="only the registries whose name contains this")
    parser.add_argument("--commands", help="only these commands, comma-separated")
    parser.add_argument("--before", type=Path, help="an older source tree to time beside")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="eerstelijn-hostile-"))
    makers: dict[str, Callable[[Path], None]] = {"accepted": accepted}
    for kind, tail in TAILS.items():
        makers[f"hostile-{kind}"] = functools.partial(hostile, tail=tail)
    trees = [("", None)] + ([(" (before)", args.before)] if args.before else [])
    print(f"{'registry':<20} {'command':<22} {'s':>6} {'MB':>5} exit  first line")
    for name, make in makers.items():
        if args.only and args.only not in name:
            continue
        source = work / name
        if not source.exists():
            make(source)
        names = commands(source)
        wanted = args.commands.split(",") if args.commands else list(names)
        if name != "accepted":  # a hostile registry: every command stops at the same error
            wanted = [c for c in wanted if c in ("check", "show", "set-status", "fmt --check")]
        for command in wanted:
            for suffix, tree in trees:
                env = dict(os.environ, EERSTELIJN_CACHE_DIR=str(work / "cache" / name))
                shutil.rmtree(work / "cache" / name, ignore_errors=True)
                if tree is not None:
                    env["PYTHONPATH"] = str(tree)
                copy = work / "copy"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(source, copy)
                argv = [sys.executable, "-m", "eerstelijn", *commands(copy)[command]]
                seconds, mb, code, first = timed(argv, env)
                label = command + suffix
                print(f"{name:<20} {label:<22} {seconds:6.2f} {mb:5d} {code:>4}  {first}")
                sys.stdout.flush()
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
