"""Hostile input, kind 1: names that look alike never resolve to the wrong thing.

`check` compares ids and codes as the command line finds them (case, accents and
compatibility forms ignored), so twins are refused; lookalikes from other scripts and
invisible characters are refused in codes; a naam may not be another partij's code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eerstelijn.lookup import find, fold
from tests.conftest import RunCli


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def partij(code: str, naam: str = "Een partij") -> str:
    return (
        f'  - code: "{code}"\n    naam: "{naam}"\n'
        "    bron: {document: realisatieagenda, sectie: titelblad}\n"
    )


def actie(actie_id: str) -> str:
    return (
        f"\n  - id: {actie_id}\n    titel: Tweeling\n    hoofdstuk: H2\n    doelen: [1]\n"
        "    trekker: [ZN]\n    bron: {document: realisatieagenda, sectie: x}\n"
    )


def lines_with(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f"[{code}]" in line]


@pytest.mark.parametrize("twin", ["h2.1", "H2.1", "ｈ2.1"])
def test_an_action_id_that_folds_to_another_is_a_duplicate(
    run_cli: RunCli, registry_copy: Path, twin: str
) -> None:
    # "ｈ2.1" (fullwidth h) is no action id at all; the others are twins of H2.1.
    append(registry_copy / "acties" / "regio-oost.yaml", actie(twin))
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    if twin.isascii():
        [line] = lines_with(result.stdout, "duplicate-id")
        assert re.search(r"regio-oost\.yaml:\d+:\d+: error\[duplicate-id\]", line)
        assert "acties.yaml:2" in line
    else:
        assert lines_with(result.stdout, "schema")
    # And no command edits one of the twins.
    edit = run_cli("set-status", "H2.1", "lopend", "--data", registry_copy)
    assert edit.exit_code == 2
    assert "the registry is not valid (see above); fix it first" in edit.output


@pytest.mark.parametrize(
    "code",
    ["ＺＮ", "ΖΝ", "ZN\u200b", "Z\u200dN", "\u2060ZN", "ZΝ", "Ｚ"],
    ids=[
        "fullwidth",
        "greek",
        "zero-width-space",
        "zero-width-joiner",
        "word-joiner",
        "mixed",
        "fw1",
    ],
)
def test_lookalike_and_invisible_codes_are_refused_at_their_line(
    run_cli: RunCli, registry_copy: Path, code: str
) -> None:
    path = registry_copy / "partijen.yaml"
    line = path.read_text(encoding="utf-8").count("\n") + 1
    append(path, partij(code))
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    [problem] = lines_with(result.stdout, "schema")
    assert f"partijen.yaml:{line}:" in problem
    # And `assign --trekker ZN` still writes ZN, never a lookalike.
    assert fold(code) != fold("ZN") or not code.isascii()


@pytest.mark.parametrize("twin", ["zn", "Zn", "ZÑ"])
def test_a_code_that_folds_to_another_is_a_duplicate(
    run_cli: RunCli, registry_copy: Path, twin: str
) -> None:
    append(registry_copy / "partijen.yaml", partij(twin))
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    [line] = lines_with(result.stdout, "duplicate-id")
    assert f"{twin!r} is already defined (as 'ZN') at" in line


@pytest.mark.parametrize("naam", ["ZN", "zn", "ZINL", "lhv"])
def test_a_naam_that_is_another_partijs_code_is_refused(
    run_cli: RunCli, registry_copy: Path, naam: str
) -> None:
    path = registry_copy / "partijen.yaml"
    line = path.read_text(encoding="utf-8").count("\n") + 2
    append(path, partij("NEP", naam))
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 2
    [problem] = lines_with(result.stdout, "duplicate-id")
    assert (
        f"partijen.yaml:{line}:11: error[duplicate-id] partijen[NEP].naam: naam {naam!r}" in problem
    )


def test_a_partij_may_carry_its_own_code_as_naam(run_cli: RunCli, registry_copy: Path) -> None:
    append(registry_copy / "partijen.yaml", partij("VNG", "VNG"))
    result = run_cli("check", "--data", registry_copy)
    assert result.exit_code == 1  # the fixture's findings, no error
    assert not lines_with(result.stdout, "duplicate-id")


def test_assign_writes_the_canonical_code(run_cli: RunCli, registry_copy: Path) -> None:
    result = run_cli("assign", "H3.1", "--trekker", "ｚｎ", "--data", registry_copy)
    assert result.exit_code == 0, result.output
    text = (registry_copy / "acties.yaml").read_text(encoding="utf-8")
    assert "trekker: [ZN]" in text
    assert "ｚｎ" not in text


def test_one_identity_and_an_exact_match_wins() -> None:
    assert fold("ＺＮ") == fold("zn") == fold("ZN")
    assert fold("Patiëntenfederatie") == fold("patientenfederatie")
    assert fold("ΖΝ") != fold("ZN")
    names = {"h2.1": "h2.1", "H2.1": "H2.1"}
    assert find("actie", "H2.1", names) == "H2.1"
    assert find("actie", "h2.1", names) == "h2.1"
