"""A query asked again prints, from the cache, the very bytes it printed the first time:
for the terminal it is printed on (width, colours), never for another, never for old files."""

from __future__ import annotations

from pathlib import Path

import pytest

from eerstelijn.registry import cache, outcome
from eerstelijn.render import table
from tests.conftest import REGISTRY, RunCli

AS_OF = "2026-01-15"
COLOUR = {"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
SETTINGS = {
    "80 columns": {"COLUMNS": "80"},
    "120 columns": {"COLUMNS": "120"},
    "colour, 90 columns": {**COLOUR, "COLUMNS": "90"},
    "colour under NO_COLOR": {**COLOUR, "NO_COLOR": "1", "COLUMNS": "90"},
}
QUESTIONS = {
    "acties": ["acties"],
    "overdue per partij": ["overdue", "--per", "partij"],
    "overview": ["overview"],
    "timeline": ["timeline"],
    "show": ["show", "H2.1"],
    "acties as csv": ["acties", "--format", "csv"],
    "agenda": ["agenda"],
    "agenda as markdown": ["agenda", "--format", "markdown"],
}


def _asked(run_cli: RunCli, question: list[str], env: dict[str, str], data: Path = REGISTRY) -> str:
    result = run_cli(*question, "--data", data, "--as-of", AS_OF, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def _uncached(run_cli: RunCli, question: list[str], env: dict[str, str], data: Path) -> str:
    return _asked(run_cli, question, {**env, cache.NO_CACHE_ENV: "1"}, data)


def _no_answer_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading (or building) an answer fail: what is printed now comes from kept text."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("read the answer although the cache holds the printed text")

    monkeypatch.setattr(outcome, "_answer", refuse)


@pytest.mark.parametrize("long", [False, True], ids=["rich's tables", "long tables"])
@pytest.mark.parametrize("setting", SETTINGS.values(), ids=SETTINGS.keys())
@pytest.mark.parametrize("question", QUESTIONS.values(), ids=QUESTIONS.keys())
def test_asked_again_a_query_prints_the_same_bytes_without_laying_them_out(
    run_cli: RunCli,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    question: list[str],
    setting: dict[str, str],
    long: bool,
) -> None:
    if long:  # every table of the fixture laid out as a long one (LongTable, the long chart)
        monkeypatch.setattr(table, "LONG_TABLE", 1)
    first = _asked(run_cli, question, setting)
    assert first == _uncached(run_cli, question, setting, REGISTRY)
    if setting.get("FORCE_COLOR") and question in (["acties"], ["overdue", "--per", "partij"]):
        assert ("\x1b[31m" in first) is not bool(setting["NO_COLOR"])  # red overdue rows
        assert "\x1b[1m" in first  # bold headers, colour or not
    _no_answer_read(monkeypatch)
    assert _asked(run_cli, question, setting) == first


def test_another_width_or_colour_prints_the_table_laid_out_for_it(
    run_cli: RunCli, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide, narrow, coloured = {"COLUMNS": "140"}, {"COLUMNS": "60"}, {**COLOUR, "COLUMNS": "140"}
    monkeypatch.setattr(table, "LONG_TABLE", 5)  # acties long, the counts of overview short
    for question in (["acties"], ["overview"]):
        shown = {}
        for name, env in (("wide", wide), ("narrow", narrow), ("coloured", coloured)):
            shown[name] = _asked(run_cli, question, env)
            assert shown[name] == _uncached(run_cli, question, env, REGISTRY)
        assert max(len(line) for line in shown["narrow"].splitlines()) <= 60
        assert max(len(line) for line in shown["wide"].splitlines()) > 60
        assert "\x1b" not in shown["wide"] + shown["narrow"] and "\x1b[" in shown["coloured"]
        assert _asked(run_cli, question, wide) == shown["wide"]  # and back again


def test_a_changed_data_file_is_never_answered_from_the_text_printed_before(
    run_cli: RunCli, cache_dir: Path, registry_copy: Path
) -> None:
    env = {"COLUMNS": "100"}
    before = _asked(run_cli, ["acties"], env, registry_copy)
    assert "OOST.1" in before and "OOST.9" not in before
    oost = registry_copy / "acties" / "regio-oost.yaml"
    oost.write_text(
        oost.read_text(encoding="utf-8").replace("id: OOST.1", "id: OOST.9"), encoding="utf-8"
    )
    after = _asked(run_cli, ["acties"], env, registry_copy)
    assert "OOST.9" in after and "OOST.1" not in after
    assert after == _uncached(run_cli, ["acties"], env, registry_copy)


def test_a_pipe_rich_takes_for_a_terminal_gets_the_colours_rich_gives_it(
    run_cli: RunCli, cache_dir: Path
) -> None:
    """TTY_COMPATIBLE=1 makes rich colour a pipe where no colour seemed possible: the text
    kept for a plain pipe must not be printed there, nor the coloured one on a plain pipe."""
    plain = {"COLUMNS": "100"}
    told = {"TTY_COMPATIBLE": "1", "TERM": "xterm", "NO_COLOR": "", "COLUMNS": "100"}
    for env in (plain, told, told, plain):
        shown = _asked(run_cli, ["overdue"], env)
        assert shown == _uncached(run_cli, ["overdue"], env, REGISTRY)
        assert ("\x1b[31m" in shown) is (env is told)
