"""The registry cache: used when nothing changed, never wrong after any change, safe to lose."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from eerstelijn import checks
from eerstelijn.models import Registry
from eerstelijn.problems import Problem
from eerstelijn.queries import actie_record
from eerstelijn.registry import cache, load
from eerstelijn.registry import outcome as outcome_module
from eerstelijn.registry.load import InvalidRegistry, Snapshot, load_registry
from eerstelijn.registry.outcome import check_directory, query_registry
from tests.conftest import REGISTRY as REGISTRY_DIR


def outcome(root: Path) -> str | list[Problem]:
    """Everything loading yields, origins included, in a form that compares exactly."""
    try:
        registry = load_registry(root, cache=cache.RegistryCache.find(os.environ))
    except InvalidRegistry as invalid:
        return invalid.problems
    items = [*registry.doelen, *registry.partijen, *registry.acties, *registry.zorgbelofte]
    origins = [
        (i.origin.file, i.origin.path, dict(i.origin.positions), dict(i.origin.labels))
        for i in items
    ]
    return registry.model_dump_json() + repr(origins)


def fresh(root: Path, monkeypatch: pytest.MonkeyPatch) -> str | list[Problem]:
    with monkeypatch.context() as m:
        m.setenv(cache.NO_CACHE_ENV, "1")
        return outcome(root)


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """From here on, note the root of every load that does not come from the cache."""
    calls: list[Path] = []
    real = load._parse_registry

    def counting(root: Path, *args: object) -> Registry:
        calls.append(root)
        return real(root, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "_parse_registry", counting)
    return calls


def parse_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, loading that does not come from the cache fails the test."""

    def refuse(*args: object) -> Registry:
        raise AssertionError("parsed although the cache holds the result")

    monkeypatch.setattr(load, "_parse_registry", refuse)


def test_an_unchanged_registry_comes_from_the_cache(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = outcome(registry_copy)
    assert len(list(cache_dir.glob("*.pickle"))) == 1
    parse_refused(monkeypatch)
    assert outcome(registry_copy) == first


def test_an_invalid_registry_comes_from_the_cache_too(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (registry_copy / "doelen.yaml").write_text("doelen: [\n", encoding="utf-8")
    first = outcome(registry_copy)
    assert isinstance(first, list) and first[0].code == "yaml-syntax"
    parse_refused(monkeypatch)
    assert outcome(registry_copy) == first


def change_one_byte(root: Path) -> None:
    path = root / "acties" / "regio-oost.yaml"
    path.write_bytes(path.read_bytes().replace(b"Oost", b"OosT", 1))


def rename_a_file(root: Path) -> None:
    (root / "acties" / "regio-oost.yaml").rename(root / "acties" / "regio-oost-2.yaml")


def add_a_file(root: Path) -> None:
    text = (root / "acties" / "regio-oost.yaml").read_text(encoding="utf-8")
    (root / "acties" / "regio-noord.yaml").write_text(
        text.replace("OOST.", "NOORD."), encoding="utf-8"
    )


def remove_a_file(root: Path) -> None:
    (root / "acties" / "regio-oost.yaml").unlink()


def break_a_file(root: Path) -> None:
    (root / "zorgbelofte.yaml").write_text("zorgbelofte: {\n", encoding="utf-8")


def point_a_link_elsewhere(root: Path) -> None:
    link = root / "acties" / "link.yaml"
    link.unlink()
    link.symlink_to(root / "acties" / "regio-west.yaml")


@pytest.mark.parametrize(
    "change",
    [
        change_one_byte,
        rename_a_file,
        add_a_file,
        remove_a_file,
        break_a_file,
        point_a_link_elsewhere,
    ],
)
def test_any_change_misses_the_cache(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch, change: object
) -> None:
    # Two links to files with the same bytes: repointing one changes no content, only a path.
    oost = (registry_copy / "acties" / "regio-oost.yaml").read_text(encoding="utf-8")
    (registry_copy / "acties" / "regio-west.yaml").write_text(oost, encoding="utf-8")
    (registry_copy / "acties" / "link.yaml").symlink_to(
        registry_copy / "acties" / "regio-oost.yaml"
    )
    outcome(registry_copy)
    assert callable(change)
    change(registry_copy)
    calls = count_parses(monkeypatch)
    assert outcome(registry_copy) == fresh(registry_copy, monkeypatch)
    assert calls == [registry_copy, registry_copy]  # the cached run missed, like the fresh one


def test_every_single_byte_change_misses_the_cache(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = registry_copy / "acties.yaml"
    original = path.read_bytes()
    outcome(registry_copy)
    for at in range(0, len(original), max(1, len(original) // 40)):
        changed = bytearray(original)
        changed[at] = ord("#") if changed[at] != ord("#") else ord(" ")
        path.write_bytes(bytes(changed))
        assert outcome(registry_copy) == fresh(registry_copy, monkeypatch), at


def test_a_corrupt_entry_is_a_miss(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = outcome(registry_copy)
    [entry] = cache_dir.glob("*.pickle")
    whole = entry.read_bytes()
    header = whole.split(b"\n", 1)[0] + b"\n"
    for damage in [b"", b"garbage", header, header + b"\x80\x05garbage", whole[: len(whole) // 2]]:
        entry.write_bytes(damage)
        assert outcome(registry_copy) == expected
    entry.write_bytes(header + b"\x80\x05garbage")
    assert outcome(registry_copy) == fresh(registry_copy, monkeypatch)


def test_a_value_kept_in_parts_comes_back_in_parts_and_a_cut_one_is_a_miss(
    cache_dir: Path, registry_copy: Path
) -> None:
    kept = cache.RegistryCache(cache_dir)
    shared = ["gedeeld"]
    kept.put(registry_copy, "test", "k", cache.Parts(iter([shared, {"a": shared}, "tekst"])))
    back = kept.get(registry_copy, "test", "k")
    assert isinstance(back, cache.Parts)
    assert list(back.values) == [["gedeeld"], {"a": ["gedeeld"]}, "tekst"]
    assert kept.get(registry_copy, "test", "other key") is None
    [entry] = cache_dir.glob("*.test.pickle")
    whole = entry.read_bytes()
    entry.write_bytes(whole[:-20])  # the last part and the end mark cut off
    assert kept.get(registry_copy, "test", "k") is None


def test_deleting_the_cache_is_harmless(cache_dir: Path, registry_copy: Path) -> None:
    expected = outcome(registry_copy)
    shutil.rmtree(cache_dir)
    assert outcome(registry_copy) == expected
    assert list(cache_dir.glob("*.pickle"))


def test_the_cache_can_be_turned_off(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    outcome(registry_copy)
    assert not cache_dir.exists()


def test_a_directory_others_may_write_to_is_not_used(cache_dir: Path, registry_copy: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    outcome(registry_copy)
    assert not list(cache_dir.iterdir())


def test_an_unwritable_cache_does_not_fail_the_run(
    tmp_path: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(blocker / "cache"))
    assert outcome(registry_copy) == fresh(registry_copy, monkeypatch)


def test_a_change_of_the_tool_misses_the_cache(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome(registry_copy)
    monkeypatch.setattr(cache, "_tool_fingerprint", lambda: ["another version"])
    parse_calls = count_parses(monkeypatch)
    outcome(registry_copy)
    assert parse_calls == [registry_copy]


def test_the_default_directory_follows_xdg() -> None:
    found = cache.RegistryCache.find({"XDG_CACHE_HOME": "/x"})
    assert found is not None and found.directory == Path("/x/eerstelijn")
    assert cache.RegistryCache.find({"EERSTELIJN_NO_CACHE": "1"}) is None
    explicit = cache.RegistryCache.find({"EERSTELIJN_CACHE_DIR": "/y", "XDG_CACHE_HOME": "/x"})
    assert explicit is not None and explicit.directory == Path("/y")


AS_OF = date(2026, 1, 15)


def checked(root: Path, as_of: date = AS_OF) -> list[Problem] | tuple[str, list[Problem]]:
    try:
        return check_directory(root, as_of, cache=cache.RegistryCache.find(os.environ))
    except InvalidRegistry as invalid:
        return ("invalid", invalid.problems)


def test_check_results_come_from_the_cache_for_the_same_files_and_date(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (registry_copy / "acties" / "regio-oost.yaml").write_text(
        (registry_copy / "acties" / "regio-oost.yaml")
        .read_text(encoding="utf-8")
        .replace("trekker: [", "trekker: [Onbekend, "),
        encoding="utf-8",
    )
    first = checked(registry_copy)
    assert first and isinstance(first, list)

    def refuse(self: Snapshot) -> Registry:
        raise AssertionError("loaded although the cache holds the check")

    with monkeypatch.context() as m:
        m.setattr(Snapshot, "registry", refuse)
        assert checked(registry_copy) == first
    # Another date is another check, judged afresh: check keeps its outcome, not the registry.
    assert checked(registry_copy, date(2030, 1, 1)) == first
    assert not list(cache_dir.glob("*.registry.pickle"))


def test_cached_check_results_follow_every_change(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked(registry_copy)
    for change in (change_one_byte, add_a_file, break_a_file):
        change(registry_copy)
        mine = checked(registry_copy)
        with monkeypatch.context() as m:
            m.setenv(cache.NO_CACHE_ENV, "1")
            assert mine == checked(registry_copy), change.__name__
        assert mine == checked(registry_copy)  # and again, now from the cache


def test_the_library_alone_writes_no_cache_and_leaves_the_collector_alone(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Caching and garbage-collector policy belong to the command line, not to the library."""
    import gc

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    frozen = gc.get_freeze_count()
    registry = load_registry(str(REGISTRY_DIR))  # a str is as good as a Path
    check_directory(str(REGISTRY_DIR), date(2026, 1, 15))
    assert registry.acties
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert not cache_dir.exists()
    assert not (tmp_path / "home").exists()
    assert not (tmp_path / "xdg").exists()


def queried(root: Path, as_of: date = date(2026, 1, 15)) -> tuple[str, list[Problem]] | str:
    """What a query sees: the registry's actions, or the errors that make it unfit."""
    try:
        registry = query_registry(root, as_of, cache=cache.RegistryCache.find(os.environ))
    except InvalidRegistry as invalid:
        return ("invalid", invalid.problems)
    return " ".join(a.id for a in registry.acties)


def test_a_query_after_check_runs_no_check_and_sees_the_same_errors(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    oost = registry_copy / "acties" / "regio-oost.yaml"
    text = oost.read_text(encoding="utf-8")
    oost.write_text(text.replace("trekker: [", "trekker: [Onbekend, "), encoding="utf-8")
    with monkeypatch.context() as m:
        m.setenv(cache.NO_CACHE_ENV, "1")
        expected = queried(registry_copy)
    assert isinstance(expected, tuple) and expected[1]
    assert {p.code for p in expected[1]} == {"unknown-partij"}
    checked(registry_copy)

    def refuse(*args: object, **kwargs: object) -> list[Problem]:
        raise AssertionError("checked although the cache holds the outcome")

    with monkeypatch.context() as m:
        m.setattr(checks, "run_checks", refuse)
        assert queried(registry_copy) == expected
    oost.write_text(text, encoding="utf-8")  # mended: the query runs the checks, then not again
    valid = queried(registry_copy)
    assert isinstance(valid, str) and "OOST." in valid
    with monkeypatch.context() as m:
        m.setattr(checks, "run_checks", refuse)
        assert queried(registry_copy) == valid
        assert checked(registry_copy) == checked(registry_copy)


@pytest.mark.parametrize("part", [outcome_module.QUERY_PART, 1], ids=["one part", "a part a file"])
def test_a_cached_query_sees_what_an_uncached_one_does(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch, part: int
) -> None:
    """The registry for queries is kept in parts of whole files' actions (each pickled with a
    memo of its own); read back, it gives every action as before, in the same order."""
    monkeypatch.setattr(outcome_module, "QUERY_PART", part)

    # Every action as `show --format json` gives it, file and line included.
    def records() -> list[dict[str, object]]:
        registry = query_registry(
            registry_copy, date(2026, 1, 15), cache=cache.RegistryCache.find(os.environ)
        )
        return [actie_record(a, date(2026, 1, 15)) for a in registry.acties]

    with monkeypatch.context() as m:
        m.setenv(cache.NO_CACHE_ENV, "1")
        expected = records()
    assert records() == expected
    parse_refused(monkeypatch)
    assert records() == expected
    assert len(list(cache_dir.glob("*.query.pickle"))) == 1


def test_check_as_the_command_line_runs_it_and_a_query_find_each_others_outcome(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check` (its default --fail-on and --stale-days), then `overdue`, then `check` again:
    none after the first runs the checks, as the codes and days change nothing they run."""

    def cli_check() -> list[Problem]:
        return check_directory(
            registry_copy,
            AS_OF,
            opt_in=set(checks.DEFAULT_FAIL_ON),
            stale_days=90,
            cache=cache.RegistryCache(cache_dir),
        )

    found = cli_check()

    def refuse(*args: object, **kwargs: object) -> list[Problem]:
        raise AssertionError("checked although the cache holds the outcome")

    with monkeypatch.context() as m:
        m.setattr(checks, "run_checks", refuse)
        assert "OOST." in str(queried(registry_copy))
        assert cli_check() == found
    # An opt-in check is another outcome, and so are its days.
    stale = check_directory(
        registry_copy,
        AS_OF,
        opt_in={"stale-mijlpaal"},
        stale_days=1,
        cache=cache.RegistryCache(cache_dir),
    )
    assert {p.code for p in stale} - {p.code for p in found} == {"stale-mijlpaal"}


def test_the_outcome_knows_the_opt_in_checks_by_their_codes() -> None:
    from eerstelijn.registry.outcome import OPT_IN_CODES

    assert set(checks.OPT_IN) == OPT_IN_CODES


def _asked(root: Path, question: str = "overdue", as_of: date = AS_OF) -> list[str]:
    """Each action's id and status, as a query about `root` asked as `question` on `as_of`."""
    from eerstelijn.registry.outcome import answer

    def build(registry: Registry) -> list[str]:
        return [f"{a.id} {a.status_on(as_of)}" for a in registry.acties]

    return answer(root, as_of, question, build, cache=cache.RegistryCache.find(os.environ))


def test_an_answer_comes_from_the_cache_for_the_same_files_date_and_question(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _asked(registry_copy)
    assert "OOST.1 gereed" in first

    def refuse(*args: object, **kwargs: object) -> Registry:
        raise AssertionError("loaded the registry although the cache holds the answer")

    from eerstelijn.registry import outcome

    with monkeypatch.context() as m:
        m.setattr(outcome, "_query_registry", refuse)
        assert _asked(registry_copy) == first
        # Several questions in turn keep their answers.
        m.undo()
        _asked(registry_copy, "acties")
        m.setattr(outcome, "_query_registry", refuse)
        assert _asked(registry_copy) == first
        # Another question or another date is another answer.
        for other in ({"question": "overdue --per partij"}, {"as_of": date(2026, 4, 1)}):
            with pytest.raises(AssertionError, match="loaded the registry"):
                _asked(registry_copy, **other)


def test_an_answer_follows_every_change_of_the_files(
    cache_dir: Path, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _asked(registry_copy)
    oost = registry_copy / "acties" / "regio-oost.yaml"
    oost.write_text(
        oost.read_text(encoding="utf-8").replace("id: OOST.1", "id: OOST.9"), encoding="utf-8"
    )
    changed = _asked(registry_copy)
    assert "OOST.9 gereed" in changed and "OOST.1 gereed" not in changed
    with monkeypatch.context() as m:
        m.setenv(cache.NO_CACHE_ENV, "1")
        assert _asked(registry_copy) == changed
    # An invalid registry gives no answer, cached or not.
    oost.write_text("acties: [", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InvalidRegistry):
            _asked(registry_copy)


def test_a_question_that_fails_keeps_no_answer(cache_dir: Path, registry_copy: Path) -> None:
    from eerstelijn.registry.outcome import answer

    asked: list[str] = []

    def build(registry: Registry) -> list[str]:
        asked.append("built")
        raise LookupError("no such partij")

    for _ in range(2):
        with pytest.raises(LookupError):
            answer(
                registry_copy,
                AS_OF,
                "acties --partij X",
                build,
                cache=cache.RegistryCache(cache_dir),
            )
    assert asked == ["built", "built"]
