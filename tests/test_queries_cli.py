"""Every query command in every format, as golden files at a fixed --as-of on the fixture registry.

A change in output shows as a diff of tests/golden/; regenerate with `pytest --update-golden`
and read the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Golden, RunCli

REPO = Path(__file__).parent.parent
REGISTRY = Path("tests/fixtures/registry")

AS_OF = "2026-01-15"
COMMANDS = {
    "overview": ["overview"],
    "overdue": ["overdue"],
    "overdue-per-partij": ["overdue", "--per", "partij"],
    "overdue-per-doel": ["overdue", "--per", "doel"],
    "overdue-per-hoofdstuk": ["overdue", "--per", "hoofdstuk"],
    "acties": ["acties"],
    "acties-without-trekker": ["acties", "--without", "trekker"],
    "partijen": ["partijen"],
    "partijen-ZN": ["partijen", "ZN"],
    "doelen": ["doelen"],
    "zorgbelofte": ["zorgbelofte"],
    "documenten": ["documenten"],
    "timeline": ["timeline"],
    "history": ["history", "H2.2"],
    "overview-before-the-replanning": ["overview", "--as-of", "2025-11-01"],
}
FORMATS = ["table", "json", "csv", "markdown"]
SEVERAL_TABLES = {"overview", "partijen-ZN", "history", "overview-before-the-replanning"}


CASES = [(n, f) for n in COMMANDS for f in FORMATS if not (f == "csv" and n in SEVERAL_TABLES)]


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in the output (a record's `file`) are as the user typed them: keep them relative.
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{n}--{f}" for n, f in CASES])
def test_golden_output(run_cli: RunCli, golden: Golden, name: str, fmt: str) -> None:
    command, *args = COMMANDS[name]
    # The case's own options come last, so that its --as-of wins over the shared one.
    result = run_cli(command, "--data", REGISTRY, "--as-of", AS_OF, "--format", fmt, *args)
    assert result.exit_code == 0, result.output
    golden(f"{name}--{fmt}", result.stdout)
    if fmt == "json":
        json.loads(result.stdout)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(r) for r in rows}) == 1


EN_CASES = [(n, f) for n, f in CASES if f in ("table", "markdown")]
# history's and overview's `wat` are words for people, like check's `message`: they follow the
# language (docs/json-output.md).
PEOPLE_TEXT_IN_JSON = {"history", "overview", "overview-before-the-replanning"}
MACHINE_CASES = [(n, f) for n, f in CASES if f in ("json", "csv") and n not in PEOPLE_TEXT_IN_JSON]


@pytest.mark.parametrize(("name", "fmt"), EN_CASES, ids=[f"{n}--{f}--en" for n, f in EN_CASES])
def test_golden_output_in_english(run_cli: RunCli, golden: Golden, name: str, fmt: str) -> None:
    args = [*COMMANDS[name], "--data", REGISTRY, "--as-of", AS_OF, "--format", fmt]
    result = run_cli(*args, "--lang", "en")
    assert result.exit_code == 0, result.output
    golden(f"{name}--{fmt}--en", result.stdout)


@pytest.mark.parametrize(
    ("name", "fmt"), MACHINE_CASES, ids=[f"{n}--{f}" for n, f in MACHINE_CASES]
)
def test_what_machines_read_does_not_translate(run_cli: RunCli, name: str, fmt: str) -> None:
    """JSON and CSV are the same bytes in both languages: keys, values, yes and no."""
    args = [*COMMANDS[name], "--data", REGISTRY, "--as-of", AS_OF, "--format", fmt]
    assert run_cli(*args, "--lang", "nl").stdout == run_cli(*args, "--lang", "en").stdout


@pytest.mark.parametrize("name", sorted(SEVERAL_TABLES))
def test_csv_of_several_tables_is_a_usage_error(run_cli: RunCli, name: str) -> None:
    result = run_cli(*COMMANDS[name], "--data", REGISTRY, "--as-of", AS_OF, "--format", "csv")
    assert result.exit_code == 2
    assert "meer dan één tabel" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_golden_show(run_cli: RunCli, golden: Golden, fmt: str) -> None:
    result = run_cli("show", "H2.2", "--data", REGISTRY, "--as-of", AS_OF, "--format", fmt)
    assert result.exit_code == 0
    golden(f"show--{fmt}", result.stdout)


def test_golden_show_in_english(run_cli: RunCli, golden: Golden) -> None:
    result = run_cli("show", "H2.2", "--data", REGISTRY, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0
    golden("show--table--en", result.stdout)


def test_show_json_is_one_row_of_acties(run_cli: RunCli) -> None:
    rows = json.loads(
        run_cli("acties", "--data", REGISTRY, "--as-of", AS_OF, "--format", "json").stdout
    )
    one = json.loads(
        run_cli("show", "H2.2", "--data", REGISTRY, "--as-of", AS_OF, "--format", "json").stdout
    )
    assert one == next(r for r in rows if r["id"] == "H2.2")


def test_acties_json_has_the_documented_fields(run_cli: RunCli) -> None:
    rows = json.loads(
        run_cli("acties", "--data", REGISTRY, "--as-of", AS_OF, "--format", "json").stdout
    )
    h22 = next(r for r in rows if r["id"] == "H2.2")
    assert h22["hoofdstuk"] == "H2"
    assert h22["doelen"] == ["4"]
    assert h22["trekker"] == ["overheid"]
    assert h22["deadline"] == "2026-Q4"  # re-planned from Q2 2026 on 2025-12-15
    assert h22["status"] == "lopend"
    assert h22["mijlpalen"][0] == {
        "omschrijving": "Onderzoek",
        "deadline": "2025-Q3",
        "termijn": "Q3 2025",
        "soort": "kwartaal",
        "start": None,
        "oorspronkelijke_deadline": "2025-Q3",
        "slip_kwartalen": 0,
        "status": "open",
        "beoordeling": "achter",
        "laatste_voortgang": "2025-11-20",
        "overdue": True,
        "voortgang": [
            {
                "datum": "2025-11-20",
                "status": None,
                "deadline": None,
                "termijn": None,
                "reden": None,
                "beoordeling": "achter",
                "toelichting": "Onderzoek loopt uit",
                "door": None,
                "bron": [],
            }
        ],
    }
    replanned = h22["mijlpalen"][1]
    assert (replanned["deadline"], replanned["oorspronkelijke_deadline"]) == ("2026-Q4", "2026-Q2")
    assert (replanned["slip_kwartalen"], replanned["beoordeling"]) == (2, "risico")
    assert [v["datum"] for v in replanned["voortgang"]] == ["2025-10-01", "2025-12-15"]
    earlier = json.loads(
        run_cli("acties", "--data", REGISTRY, "--as-of", "2025-11-01", "--format", "json").stdout
    )
    before = next(r for r in earlier if r["id"] == "H2.2")["mijlpalen"][1]
    assert (before["deadline"], before["slip_kwartalen"], before["beoordeling"]) == (
        "2026-Q2",
        0,
        "op-koers",
    )
    assert [v["datum"] for v in before["voortgang"]] == ["2025-10-01"]
    oost = next(r for r in rows if r["id"] == "OOST.1")
    assert oost["hoofdstuk"] is None and oost["regio"] == "Oost"


def test_overdue_per_partij_json_rows(run_cli: RunCli) -> None:
    result = run_cli(
        "overdue", "--per", "partij", "--data", REGISTRY, "--as-of", AS_OF, "--format", "json"
    )
    rows = json.loads(result.stdout)
    assert [(r["partij"], r["leden"], r["actie"], r["mijlpaal"], r["deadline"]) for r in rows] == [
        # The groep 'overheid' (VWS and ZIN, written as its alias ZINL): once, its leden named.
        ("overheid", ["VWS", "ZIN"], "H2.2", 1, "2025-Q3"),
        ("(geen trekker)", [], "H3.1", 1, "2025-Q1"),
    ]


def test_overdue_of_one_partij_includes_what_it_leads_through_a_groep(run_cli: RunCli) -> None:
    result = run_cli(
        "overdue", "--partij", "vws", "--data", REGISTRY, "--as-of", AS_OF, "--format", "json"
    )
    assert [(r["actie"], r["trekker"]) for r in json.loads(result.stdout)] == [
        ("H2.2", ["overheid"])
    ]
    alone = run_cli("overdue", "--incl-betrokken", "--data", REGISTRY, "--as-of", AS_OF)
    assert alone.exit_code == 2
    assert "--incl-betrokken hoort bij --per partij of --partij" in alone.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "H9.9"], "actie 'H9.9' bestaat niet"),
        (["show", "h2.3"], "bedoelt u 'H2.2'"),
        (["partijen", "ZM"], "partij 'ZM' bestaat niet; bedoelt u 'ZN'"),
        (["acties", "--partij", "LHVV"], "bedoelt u 'LHV'"),
        (["acties", "--doel", "7"], "doel '7' bestaat niet"),
    ],
)
def test_unknown_names_exit_2_with_nearest_matches(
    run_cli: RunCli, args: list[str], message: str
) -> None:
    result = run_cli(*args, "--data", REGISTRY, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_queries_refuse_an_invalid_registry(run_cli: RunCli, registry_copy: Path) -> None:
    root = registry_copy
    (root / "acties.yaml").write_text(
        (root / "acties.yaml").read_text(encoding="utf-8").replace("[LHV]", "[LHX]"),
        encoding="utf-8",
    )
    result = run_cli("acties", "--data", root, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "partij 'LHX' bestaat niet" in result.stderr


def test_documenten_as_of_leaves_out_later_documents(run_cli: RunCli) -> None:
    args = ("documenten", "--data", REGISTRY, "--format", "csv", "--as-of")
    assert "kamerbrief-resv" in run_cli(*args, AS_OF).stdout
    earlier = run_cli(*args, "2025-06-30")
    assert earlier.exit_code == 0
    assert [row.split(",")[0] for row in earlier.stdout.splitlines()] == [
        "id",
        "realisatieagenda",
        "visie-vgz",
    ]


def test_overdue_rows_are_red_only_on_a_terminal(run_cli: RunCli) -> None:
    args = ("overdue", "--data", REGISTRY, "--as-of", AS_OF)
    assert "\x1b[31m" not in run_cli(*args).stdout
    coloured = run_cli(*args, env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[31m" in coloured.stdout


def test_tables_fit_80_columns_without_cutting_ids(run_cli: RunCli) -> None:
    result = run_cli("acties", "--data", REGISTRY, "--as-of", AS_OF, env={"COLUMNS": "80"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    for actie_id in ("H2.1", "H2.2", "H3.1", "H4.1", "OOST.1"):
        assert actie_id in result.stdout


def _complete(words: str) -> list[str]:
    script = Path(sys.executable).parent / "eerstelijn"
    env = {**os.environ, "_EERSTELIJN_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run([script], env=env, capture_output=True, text=True, cwd=REPO, check=True)
    return done.stdout.split()


def test_shell_completion_offers_ids_and_codes_from_the_data() -> None:
    assert _complete(f"eerstelijn show --data {REGISTRY} H2") == ["H2.1", "H2.2"]
    assert _complete(f"eerstelijn acties --data {REGISTRY} --partij Z") == ["ZN", "ZIN"]


def test_shell_completion_ignores_case() -> None:
    assert _complete(f"eerstelijn show --data {REGISTRY} h2") == ["H2.1", "H2.2"]
    assert _complete(f"eerstelijn acties --data {REGISTRY} --partij z") == ["ZN", "ZIN"]
    assert _complete(f"eerstelijn assign H2.1 --data {REGISTRY} --trekker lh") == ["LHV"]


@pytest.mark.parametrize("written", ["Open", "OPEN", "open"])
def test_status_on_the_command_line_ignores_case(run_cli: RunCli, written: str) -> None:
    result = run_cli(
        "acties", "--status", written, "--data", REGISTRY, "--as-of", AS_OF, "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["status"] for r in rows} == {"open"}


NARROW = {"COLUMNS": "80"}
AT_80_COLUMNS = {
    "timeline": ["timeline"],
    "acties": ["acties"],
    "partijen": ["partijen"],
    "overdue-per-partij": ["overdue", "--per", "partij"],
}


@pytest.mark.parametrize("name", sorted(AT_80_COLUMNS))
def test_golden_tables_at_80_columns(run_cli: RunCli, golden: Golden, name: str) -> None:
    result = run_cli(*AT_80_COLUMNS[name], "--data", REGISTRY, "--as-of", AS_OF, env=NARROW)
    assert result.exit_code == 0, result.output
    golden(f"{name}--table-80", result.stdout)
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def _words(value: object) -> set[str]:
    if isinstance(value, dict):
        return {w for v in value.values() for w in _words(v)}
    if isinstance(value, list):
        return {w for v in value for w in _words(v)}
    return set(str(value).replace(",", " ").split())


@pytest.mark.parametrize("command", [["acties"], ["partijen"], ["overdue"], ["doelen"]])
def test_tables_at_80_columns_never_split_a_word(run_cli: RunCli, command: list[str]) -> None:
    # On the real data, whose titles and names are long: every word in the table is a whole
    # word of the data, or its beginning shortened with an ellipsis; no line is too wide.
    data = REPO / "data"
    table = run_cli(*command, "--data", data, "--as-of", AS_OF, env=NARROW).stdout
    machine = run_cli(*command, "--data", data, "--as-of", AS_OF, "--format", "json").stdout
    words = _words(json.loads(machine)) | {"Q1", "Q2", "Q3", "Q4", "-", "(geen)"}
    # Words of the table itself, in the default language: blanks and the ! column.
    words |= {"geen", "meer", "te", "laat", "binnenkort"}
    words |= {str(y) for y in range(2020, 2035)}
    # Table rows start with the box's edge (a space); notes under the table do not.
    # Dutch headers may take two lines: the rule under them is not a row either.
    body = [
        line
        for line in table.splitlines()[4:]
        if line.strip() and line.startswith(" ") and set(line.strip()) != {"─"}
    ]
    assert body
    for line in body:
        assert len(line) <= 80, line
        for token in line.replace(",", " ").split():
            if token.endswith("…"):
                assert any(w.startswith(token[:-1]) for w in words), token
            else:
                assert token in words, (token, line)


def test_timeline_at_80_columns_shows_quarters_whole_ids_and_titles(run_cli: RunCli) -> None:
    data = REPO / "data"
    result = run_cli("timeline", "--data", data, "--as-of", AS_OF, env=NARROW)
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if "actie" in line)
    assert "Q1" in header and "Q4" in header and "…" not in header
    registry_ids = {
        r["id"]
        for r in json.loads(
            run_cli("acties", "--data", data, "--as-of", AS_OF, "--format", "json").stdout
        )
    }
    shown = [line.split()[0] for line in lines[4:] if line.strip() and line.startswith(" ")]
    assert shown and set(shown) <= registry_ids
    # Titles: the start of each action's title follows its id.
    assert "H2.1   Landelijke" in result.stdout or "H2.1  Landelijke" in result.stdout


@pytest.fixture
def lhv_away(registry_copy: Path) -> Path:
    """The fixture registry with LHV, trekker of H4.1 and betrokkene of H2.1, not at the table."""
    partijen = registry_copy / "partijen.yaml"
    text = partijen.read_text(encoding="utf-8")
    lhv = "    naam: Landelijke Huisartsen Vereniging\n"
    partijen.write_text(text.replace(lhv, lhv + "    aan_tafel: false\n"), encoding="utf-8")
    return registry_copy


NOTE = "LHV: (tijdelijk) niet aan tafel toen de agenda werd vastgesteld."


@pytest.mark.parametrize(
    "command",
    [
        ["acties"],
        ["partijen"],
        ["partijen", "LHV"],
        ["overdue", "--per", "partij", "--incl-betrokken"],
        ["doelen"],
    ],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_partij_not_at_the_table_is_noted_where_it_is_named(
    run_cli: RunCli, lhv_away: Path, command: list[str], fmt: str
) -> None:
    args = [*command, "--data", lhv_away, "--as-of", "2026-06-01", "--format", fmt]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.count(NOTE) >= 1
    machine = run_cli(*args[:-1], "json")  # the record says it (aan_tafel), not a note
    assert "niet aan tafel" not in machine.stdout


def test_show_and_agenda_mark_a_trekker_not_at_the_table(run_cli: RunCli, lhv_away: Path) -> None:
    shown = run_cli("show", "H4.1", "--data", lhv_away, "--as-of", AS_OF).stdout
    assert "LHV (Landelijke Huisartsen Vereniging; (tijdelijk) niet aan tafel" in shown
    agenda = run_cli("agenda", "--data", lhv_away, "--as-of", AS_OF).stdout
    assert f"_{NOTE}_" in agenda


def test_partijen_at_the_table_get_no_note(run_cli: RunCli) -> None:
    result = run_cli("acties", "--data", REGISTRY, "--as-of", AS_OF)
    assert "niet aan tafel" not in result.stdout


def test_the_real_vng_is_marked_where_it_leads(run_cli: RunCli) -> None:
    data = REPO / "data"
    shown = run_cli("show", "H5.1", "--data", data, "--as-of", AS_OF).stdout
    assert "VNG (Vereniging van Nederlandse Gemeenten; (tijdelijk) niet aan tafel" in " ".join(
        shown.split()
    )
    listed = run_cli("acties", "--hoofdstuk", "H5", "--data", data, "--as-of", AS_OF).stdout
    assert "VNG: (tijdelijk) niet aan tafel" in " ".join(listed.split())


def test_the_first_screen_of_overview_says_how_we_stand(run_cli: RunCli) -> None:
    # At 80x24 what stays on screen is the top: the totals, before any detail.
    data = REPO / "data"
    screen = run_cli("overview", "--data", data, "--as-of", AS_OF, env=NARROW).stdout
    first = screen.splitlines()[:24]
    machine = json.loads(
        run_cli("overview", "--data", data, "--as-of", AS_OF, "--format", "json").stdout
    )
    totals = {row["key"]: row["aantal"] for row in machine["totaal"]}
    assert totals["overdue_mijlpalen"] > 0
    for label, key in [
        ("mijlpalen te laat", "overdue_mijlpalen"),
        ("waarvan niets gemeld", "zonder_voortgang"),
        ("acties zonder trekker", "zonder_trekker"),
        ("acties gereed", "gereed"),
    ]:
        (line,) = [line for line in first if label in line]
        assert line.split()[-1] == str(totals[key]), line
    assert any("mijlpalen met deadline in Q1 2026" in line for line in first)
    assert all(len(line) <= 80 for line in screen.splitlines())


def test_a_query_asked_again_answers_the_same_from_the_cache(
    run_cli: RunCli, registry_copy: Path, tmp_path: Path
) -> None:
    """Every query asked in turn, twice, with the cache on: each answer is the one a run
    without cache gives, options, date and language included; after an edit, the new one."""
    cached = {"EERSTELIJN_NO_CACHE": "", "EERSTELIJN_CACHE_DIR": str(tmp_path / "cache")}
    data = ("--data", str(registry_copy))
    questions = [
        ["overdue"],
        ["overdue", "--per", "partij"],
        ["overdue", "--as-of", "2025-11-01"],
        ["acties", "--format", "csv"],
        ["acties", "--without", "trekker"],
        ["overview", "--lang", "en"],
        ["overview"],
        ["show", "H2.1", "--format", "json"],
        ["show", "H2.1"],
        ["partijen", "ZN"],
        ["doelen"],
        ["zorgbelofte"],
        ["documenten"],
        ["agenda", "--format", "table"],
        ["timeline", "--format", "csv"],
        ["timeline"],
        ["timeline", "--from", "Q1 2026"],
        ["timeline", "--format", "json", "--from", "Q1 2026"],
        ["agenda", "--format", "markdown"],
    ]

    def answers(env: dict[str, str]) -> list[tuple[int, str]]:
        # The question's own options come last, so that its --as-of wins over the shared one.
        runs = [run_cli(q[0], *data, "--as-of", AS_OF, *q[1:], env=env) for q in questions]
        return [(r.exit_code, r.stdout) for r in runs]

    plain = answers({"EERSTELIJN_NO_CACHE": "1"})
    assert len({out for _, out in plain}) == len(questions)  # each question its own answer
    assert answers(cached) == plain
    assert answers(cached) == plain  # now from the cache
    oost = registry_copy / "acties" / "regio-oost.yaml"
    oost.write_text(oost.read_text(encoding="utf-8").replace("OOST.1", "OOST.7"), encoding="utf-8")
    edited = answers(cached)
    assert edited == answers({"EERSTELIJN_NO_CACHE": "1"})
    assert "OOST.7" in edited[3][1] and "OOST.1" not in edited[3][1]
    feeds = [
        run_cli("export", "ics", *data, *partij, env=env).stdout_bytes
        for env in (cached, cached, {"EERSTELIJN_NO_CACHE": "1"})
        for partij in ((), ("--partij", "ZN"))
    ]
    assert feeds[:2] == feeds[2:4] == feeds[4:] and feeds[0] != feeds[1]
    reports = []
    for env in (cached, cached, {"EERSTELIJN_NO_CACHE": "1"}):
        out = tmp_path / "report.html"  # the second run asks what the first did
        assert run_cli("report", *data, "--as-of", AS_OF, "--out", out, env=env).exit_code == 0
        reports.append(out.read_bytes())
    assert reports[0] == reports[1] == reports[2]
    # A name that is not in the data is an error every time, never a kept answer.
    for _ in range(2):
        wrong = run_cli("overdue", "--partij", "ZNN", *data, env=cached)
        assert wrong.exit_code == 2 and "ZN" in wrong.output


def test_the_overview_stays_one_screen_however_many_actions_lack_a_trekker(
    run_cli: RunCli, registry_copy: Path
) -> None:
    """Its lists show 25 actions to people and say how many more, and where to find them
    all; JSON holds every one."""
    lines = ["acties:"]
    for n in range(1, 41):
        lines += [
            f"  - id: WEST.{n}",
            f"    titel: Wijkverband {n} opgezet",
            "    regio: West",
            "    doelen: [1]",
            "    trekker: []",
            "    mijlpalen:",
            "      - {omschrijving: Start, deadline: Q4 2026}",
            "    bron: {document: visie-vgz, sectie: RESV}",
        ]
    (registry_copy / "acties" / "regio-west.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    args = ("overview", "--data", registry_copy, "--as-of", AS_OF)
    table = run_cli(*args).stdout
    assert "WEST.24 " in table and "WEST.25 " not in table  # H3.1 comes first
    assert "... en nog 16; allemaal: eerstelijn overview --format json" in table
    markdown = run_cli(*args, "--format", "markdown").stdout
    assert "| WEST.24 |" in markdown and "| WEST.25 |" not in markdown
    assert "_... en nog 16; allemaal: eerstelijn overview --format json_" in markdown
    records = json.loads(run_cli(*args, "--format", "json").stdout)
    without = [r["id"] for r in records["without_trekker"] if r["id"].startswith("WEST.")]
    assert len(without) == 40
