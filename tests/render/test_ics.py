"""`export ics`: the feed parses with two independent parsers, is stable, and filters by partij."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

# vobject ships without type hints; it is here only as a second, independent parser.
import vobject  # type: ignore[import-untyped]

from tests.conftest import REAL_DATA, REGISTRY, RunCli

# The fixture's milestones with a deadline; H4.1's "na Q4 2025" sets none.
EXPECTED = {
    "H2.1-m1@eerstelijn": date(2026, 3, 31),
    "H2.2-m1@eerstelijn": date(2025, 9, 30),
    "H2.2-m2@eerstelijn": date(2026, 12, 31),  # re-planned from Q2 to Q4 2026
    "H3.1-m1@eerstelijn": date(2025, 3, 31),
    "OOST.1-m1@eerstelijn": date(2025, 12, 31),  # "in 2025": Q4 2025
}


def _export(run_cli: RunCli, *args: str | Path) -> bytes:
    result = run_cli("export", "ics", "--data", REGISTRY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _events(feed: bytes) -> dict[str, date]:
    calendar = icalendar.Calendar.from_ical(feed)
    return {str(e["UID"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}


def test_feed_parses_back_with_icalendar(run_cli: RunCli) -> None:
    feed = _export(run_cli)
    assert _events(feed) == EXPECTED
    calendar = icalendar.Calendar.from_ical(feed)
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        # All-day events: a date, not a datetime, ending the next day.
        assert type(start) is date
        assert (event.decoded("DTEND") - start).days == 1


def test_feed_parses_back_with_vobject(run_cli: RunCli) -> None:
    parsed = vobject.readOne(_export(run_cli).decode("utf-8"))
    events = {e.uid.value: e.dtstart.value for e in parsed.vevent_list}
    assert events == EXPECTED
    h21 = next(e for e in parsed.vevent_list if e.uid.value == "H2.1-m1@eerstelijn")
    assert h21.summary.value == "Deadline H2.1: Handreiking gereed"  # not a completion notice
    assert "Bron: Realisatieagenda" in h21.description.value
    assert "H2, actie 1" in h21.description.value


def test_sources_and_stamp_come_from_documenten_yaml(run_cli: RunCli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REGISTRY, data)
    documenten = data / "documenten.yaml"
    text = documenten.read_text(encoding="utf-8")
    documenten.write_text(
        text.replace("titel: Realisatieagenda visie eerstelijnszorg 2030", "titel: Agenda 2030")
        .replace('versie: "2024-12-18"', 'versie: "3"')
        .replace("datum: 2025-11-10", "datum: 2026-02-01"),
        encoding="utf-8",
    )
    calendar = icalendar.Calendar.from_ical(_export(run_cli, "--data", data))
    [h21] = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == "H2.1-m1@eerstelijn"]
    assert "Bron: Agenda 2030, versie 3, H2, actie 1" in str(h21["DESCRIPTION"])
    [oost] = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == "OOST.1-m1@eerstelijn"]
    assert "Bron: VGZ, webpagina 'Visie eerstelijnszorg', versie" in str(oost["DESCRIPTION"])
    # Every event is stamped with the date of the newest document, the kamerbrief's.
    stamps = {e.decoded("DTSTAMP") for e in calendar.walk("VEVENT")}
    assert stamps == {datetime(2026, 2, 1, tzinfo=UTC)}


def test_reexport_of_unchanged_data_is_byte_identical(run_cli: RunCli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    _export(run_cli, "--out", first)
    _export(run_cli, "--out", second)
    assert first.read_bytes() == second.read_bytes() == _export(run_cli)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics", "b.ics"]  # no temp files left


def test_reexport_replaces_the_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    out.write_text("old", encoding="utf-8")
    _export(run_cli, "--out", out)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


@pytest.mark.parametrize(
    ("partij", "uids"),
    [
        ("ZN", {"H2.1-m1@eerstelijn", "OOST.1-m1@eerstelijn"}),
        # ZIN is in the groep 'overheid' (written as its alias ZINL): the groep is expanded.
        ("zin", {"H2.2-m1@eerstelijn", "H2.2-m2@eerstelijn"}),
        ("LHV", set()),  # leads only H4.1, which has no deadline
    ],
)
def test_partij_filters_the_feed(run_cli: RunCli, partij: str, uids: set[str]) -> None:
    feed = _export(run_cli, "--partij", partij)
    assert set(_events(feed)) == uids
    name = str(icalendar.Calendar.from_ical(feed)["X-WR-CALNAME"])
    assert name.endswith(f"({partij.upper()})")


def test_real_data_exports_every_milestone_with_a_deadline(run_cli: RunCli) -> None:
    result = run_cli("export", "ics", "--data", REAL_DATA)
    assert result.exit_code == 0
    events = _events(result.stdout_bytes)
    assert events["H3.3-m1@eerstelijn"] == date(2025, 3, 31)
    # "vanaf Q1 2025" a state must hold is a deadline; "vanaf Q1 2026" work starts is not
    assert events["H4.2-m1@eerstelijn"] == date(2025, 3, 31)
    assert "H4.8-m3@eerstelijn" not in events
    assert "VGZ.1-m1@eerstelijn" not in events  # an expectation
    assert len(events) == len(set(events))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--partij", "ZM"], "partij 'ZM' bestaat niet; bedoelt u 'ZN'"),
        (["--out", "no/such/dir/feed.ics"], "niet schrijven"),
    ],
)
def test_bad_input_exits_2_with_a_message(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli("export", "ics", "--data", REGISTRY, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def _event(feed: bytes, uid: str) -> icalendar.cal.Component:
    calendar = icalendar.Calendar.from_ical(feed)
    return next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid)


def test_a_change_in_the_data_raises_sequence_and_last_modified(
    run_cli: RunCli, registry_copy: Path
) -> None:
    # A calendar that imports the feed takes an event again only when SEQUENCE is higher.
    def exported() -> icalendar.cal.Component:
        result = run_cli("export", "ics", "--data", registry_copy)
        assert result.exit_code == 0, result.output
        return _event(result.stdout_bytes, "H2.2-m1@eerstelijn")

    before = exported()
    changed = run_cli(
        "set-status", "H2.2", "lopend", "--mijlpaal", "1", "--datum", "2026-01-10",
        "--data", registry_copy,
    )  # fmt: skip
    assert changed.exit_code == 0, changed.output
    after = exported()
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1
    assert after.decoded("LAST-MODIFIED").date() == date(2026, 1, 10)
    assert before.decoded("LAST-MODIFIED") < after.decoded("LAST-MODIFIED")
    # Unchanged data keeps both, so a re-export is still byte-identical.
    assert exported().to_ical() == after.to_ical()


def test_finished_milestones_are_marked_and_titles_read_as_deadlines(run_cli: RunCli) -> None:
    feed = _export(run_cli)
    assert str(_event(feed, "OOST.1-m1@eerstelijn")["SUMMARY"]).startswith("Gereed: OOST.1 ")
    assert str(_event(feed, "H3.1-m1@eerstelijn")["SUMMARY"]).startswith("Deadline H3.1: ")


def test_partij_as_betrokken(run_cli: RunCli) -> None:
    # LHV leads only H4.1 (no deadline) and takes part in H2.1.
    feed = _export(run_cli, "--partij", "LHV", "--rol", "betrokken")
    assert set(_events(feed)) == {"H2.1-m1@eerstelijn"}
    name = str(icalendar.Calendar.from_ical(feed)["X-WR-CALNAME"])
    assert name == "Realisatieagenda eerstelijnszorg: mijlpalen (LHV als betrokkene)"
    usage = run_cli("export", "ics", "--data", REGISTRY, "--rol", "betrokken")
    assert usage.exit_code == 2
    assert "--rol hoort bij --partij" in usage.stderr
