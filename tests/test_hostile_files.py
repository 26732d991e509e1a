"""Hostile input, kinds 3, 4 and 6: special files, unbounded reads, resource limits, and the
README's claims about merge keys and NUL bytes.

Commands that could hang run in a subprocess with a timeout: a FIFO must never block.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from eerstelijn.problems import Problem
from eerstelijn.registry import load
from eerstelijn.registry.load import InvalidRegistry, NotRegularFile, TooLarge, load_registry
from tests.conftest import CLI_ENV, RunCli

# Anything that should answer in about two seconds gets this long before the test fails, so
# that a slow CI machine does not make it flaky; the measured times are far below.
PATIENCE = 10


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess that must finish within PATIENCE seconds."""
    return subprocess.run(
        [sys.executable, "-m", "eerstelijn", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=PATIENCE,
        env={**os.environ, **CLI_ENV, "EERSTELIJN_NO_CACHE": "1", **(env or {})},
        check=False,
    )


def problems(root: Path) -> list[Problem]:
    with pytest.raises(InvalidRegistry) as raised:
        load_registry(root)
    return raised.value.problems


# --- Kind 3: only regular files, and bounded -----------------------------------------------


@pytest.mark.parametrize("name", ["acties.yaml", "acties/fifo.yaml", "doelen.yaml"])
def test_a_fifo_among_the_data_files_is_refused_without_hanging(
    registry_copy: Path, name: str
) -> None:
    path = registry_copy / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    result = run("check", "--data", registry_copy)
    assert result.returncode == 2
    assert f"{name}: error[not-a-file] not a regular file (a FIFO)" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_device_is_never_read() -> None:
    with pytest.raises(NotRegularFile, match="a character device"):
        load.read_regular_file(Path("/dev/zero"), 100)


def test_a_device_linked_from_inside_is_refused(registry_copy: Path) -> None:
    (registry_copy / "acties" / "zero.yaml").symlink_to("/dev/zero")
    [problem] = problems(registry_copy)
    assert problem.code == "outside-link"


def test_reading_stops_at_the_limit_whatever_the_size_said(tmp_path: Path) -> None:
    path = tmp_path / "grown.yaml"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(TooLarge):
        load.read_regular_file(path, 1000)
    assert load.read_regular_file(path, 2000) == b"x" * 2000


@pytest.mark.parametrize("kind", ["unlistable", "a-file"])
def test_an_acties_folder_that_cannot_be_listed_is_a_problem(
    registry_copy: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    regional = registry_copy / "acties"
    if kind == "a-file":
        for child in regional.iterdir():
            child.unlink()
        regional.rmdir()
        regional.write_text("acties: []\n", encoding="utf-8")
    else:
        real = os.scandir

        def refuse(path: str | Path = ".") -> Any:
            if Path(path) == regional:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", refuse)
    [problem] = problems(registry_copy)
    assert (problem.file, problem.code) == (str(regional), "unreadable")


BASELINE_CASES = {
    "tag": "version: 1\nfindings: !!python/object/apply:os.system [echo pwned]\n",
    "custom-tag": "version: !x 1\nfindings: []\n",
    "anchor": "version: 1\nfindings: &a []\nother: *a\n",
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    + "version: 1\nfindings: []\n",
    "malformed": "version: 1\nfindings: [\n",
    "wrong-shape": "- 1\n- 2\n",
    "binary": "version: 1\x00\n",
}


@pytest.mark.parametrize("case", BASELINE_CASES, ids=list(BASELINE_CASES))
def test_a_hostile_baseline_is_exit_2_with_a_message(
    run_cli: RunCli, registry_copy: Path, tmp_path: Path, case: str
) -> None:
    baseline = tmp_path / "baseline.yaml"
    baseline.write_text(BASELINE_CASES[case], encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("check", "--data", registry_copy, "--baseline", baseline)
    assert time.perf_counter() - started < PATIENCE
    assert result.exit_code == 2, result.output
    assert f"{baseline}:" in result.stderr


@pytest.mark.parametrize("target", ["fifo", "device", "outside"])
def test_a_baseline_that_is_no_file_or_leads_out_is_refused(
    registry_copy: Path, tmp_path: Path, target: str
) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    baseline = folder / "baseline.yaml"
    if target == "fifo":
        os.mkfifo(baseline)
    elif target == "device":
        baseline.symlink_to("/dev/zero")
    else:
        secret = tmp_path / "secret.yaml"
        secret.write_text("version: 1\nfindings: []\n", encoding="utf-8")
        baseline.symlink_to(secret)
    result = run("check", "--data", registry_copy, "--baseline", baseline)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{baseline}:" in result.stderr


def test_a_fifo_in_the_cache_does_not_hang_check(registry_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    root = registry_copy
    name = hashlib.sha256(f"{root}\0{root.resolve()}".encode()).hexdigest()[:32]
    for kind in ("registry", "check"):
        os.mkfifo(cache / f"{name}.{kind}.pickle")
    result = run(
        "check", "--data", root, env={"EERSTELIJN_NO_CACHE": "", "EERSTELIJN_CACHE_DIR": str(cache)}
    )
    assert result.returncode == 1, result.stdout + result.stderr  # the fixture's findings


# --- Kind 4: bounded within the file size limit ---------------------------------------------


def set_deadline(root: Path, deadline: str) -> None:
    path = root / "acties.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("deadline: Q1 2026", f"deadline: {deadline}", 1),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "deadline", ["Q1 1000", "Q4 2999", "Q4 9999", "1999", "voor Q1 1999", "na Q4 2101", "2101"]
)
def test_years_outside_2000_to_2100_are_refused_at_their_line(
    run_cli: RunCli, registry_copy: Path, deadline: str
) -> None:
    set_deadline(registry_copy, deadline)
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    assert "acties.yaml:10:19: error[schema] acties[H2.1].mijlpalen[0].deadline" in result.stdout


@pytest.mark.parametrize("as_of", ["9999-12-31", "1000-01-01", "Q4 9999", "31 december 2999"])
def test_an_as_of_outside_the_years_is_a_usage_error(
    run_cli: RunCli, registry_copy: Path, as_of: str
) -> None:
    for command in ("timeline", "report", "overview", "agenda"):
        args = [command, "--data", registry_copy, "--as-of", as_of]
        if command == "report":
            args += ["--out", str(registry_copy.parent / "r.html")]
        result = run_cli(*args)
        assert result.exit_code == 2, (command, result.output)
        assert "outside" in result.output


@pytest.mark.parametrize("command", ["timeline", "report", "overview", "export", "overdue"])
def test_the_edge_years_answer_quickly(run_cli: RunCli, registry_copy: Path, command: str) -> None:
    set_deadline(registry_copy, "Q4 2100")
    path = registry_copy / "acties.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Q3 2025", "Q1 2000", 1), encoding="utf-8"
    )
    args: list[str | Path] = [command, "--data", registry_copy, "--as-of", "2100-12-31"]
    if command == "report":
        args += ["--out", registry_copy.parent / "r.html"]
    if command == "export":
        args = ["export", "ics", "--data", registry_copy]  # it takes no date
    started = time.perf_counter()
    result = run_cli(*args)
    assert time.perf_counter() - started < PATIENCE
    assert result.exit_code in (0, 1), result.output


def big_action(extra: str) -> str:
    return (
        "acties:\n  - id: R.1\n    titel: Groot\n    regio: Oost\n    doelen: [1]\n"
        f"    bron: {{document: realisatieagenda, sectie: x}}\n{extra}"
    )


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ("".join(f"    k{i}: {i}\n" for i in range(1_000_000)), "too-many-keys"),
        (
            "    mijlpalen:\n      - {" + ", ".join(f"k{i}: 1" for i in range(500)) + "}\n",
            "too-many-keys",
        ),
        ("    toelichting: " + "x" * 10_000_000 + "\n", "too-long"),
        ("    toelichting: '" + "ab " * 2_000 + "'\n", "too-long"),
        ("    mijlpalen:\n      - omschrijving: " + "Oost" * 1500 + "\n", "too-long"),
    ],
    ids=["1M-keys", "500-flow-keys", "10MB-text", "6000-chars", "long-regio"],
)
def test_oversized_content_is_refused_quickly_and_located(
    registry_copy: Path, extra: str, code: str
) -> None:
    (registry_copy / "acties" / "groot.yaml").write_text(big_action(extra), encoding="utf-8")
    started = time.perf_counter()
    result = run("check", "--data", registry_copy)
    assert time.perf_counter() - started < PATIENCE
    assert result.returncode == 2
    [line] = [ln for ln in result.stdout.splitlines() if f"[{code}]" in ln]
    assert "groot.yaml:" in line and ":0:" not in line


# --- Kind 6: what the README claims ---------------------------------------------------------


def write_doelen(root: Path, text: str) -> list[Problem]:
    (root / "doelen.yaml").write_text(text, encoding="utf-8")
    return problems(root)


DOEL = "doelen:\n  - id: 1\n    titel: y\n    bron: {document: realisatieagenda, sectie: x}\n"


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (DOEL + "    <<: {titel: x}\n", (5, 5)),
        (DOEL.replace("    titel: y\n", "    <<: {titel: x}\n    titel: y\n"), (3, 5)),
        (
            "doelen:\n  - {id: 1, titel: y, <<: {titel: x}, bron: {document: visie-vgz}}\n",
            (2, 23),
        ),
        (DOEL + "    <<: [{titel: x}, {id: 2}]\n", (5, 5)),
        ("base: &b {titel: x}\n" + DOEL + "    <<: *b\n", (1, 1)),
    ],
    ids=["beside-after", "beside-before", "flow", "list", "alias"],
)
def test_merge_keys_are_refused_at_the_merge(
    registry_copy: Path, text: str, at: tuple[int, int]
) -> None:
    [problem] = write_doelen(registry_copy, text)
    assert problem.code == "yaml-alias"
    assert (problem.line, problem.col) == at


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("doelen:\n  - id: 1\x00\n", (2, 10)),
        ("\x00doelen: []\n", (1, 1)),
        ("doelen:\n  - id: 1\n    titel: ab\x00c\n", (3, 14)),
        ("doelen:\r\n  - id: 1\r\n\x00", (3, 1)),
    ],
)
def test_a_nul_byte_is_reported_at_its_own_position(
    registry_copy: Path, text: str, at: tuple[int, int]
) -> None:
    [problem] = write_doelen(registry_copy, text)
    assert problem.code == "encoding"
    assert (problem.line, problem.col) == at
