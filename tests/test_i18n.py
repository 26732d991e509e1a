"""Texts for people: Dutch by default, English on request, and every text translated."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from eerstelijn import i18n
from tests.conftest import RunCli
from tools import translations


def _is_translated(string: str | tuple[str, ...] | list[str] | None) -> bool:
    return all(string) if isinstance(string, tuple | list) else bool(string)


def test_every_marked_text_has_a_dutch_translation() -> None:
    """A text marked in the code (or a help text, or one of click's) that the Dutch
    catalogue lacks, or has only as a fuzzy guess, would be printed in English."""
    catalogue = translations.read_catalogue("nl")
    missing = []
    for message in translations.template():
        if not message.id:
            continue
        found = catalogue.get(message.id)
        if found is None or found.fuzzy or not _is_translated(found.string):
            missing.append(message.id)
    assert not missing, f"untranslated (run `make translations`, then translate): {missing}"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_shipped_catalogue_is_compiled_from_its_source(language: str) -> None:
    """The .mo the package reads is exactly what its .po compiles to: a .po edited without
    `make translations` fails here."""
    compiled = translations.po_path(language).with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run `make translations`"
    expected = translations.compiled(translations.read_catalogue(language))
    assert compiled.read_bytes() == expected, f"{compiled} is stale: run `make translations`"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_source_catalogue_is_up_to_date(language: str) -> None:
    """Each .po is as `make translations` writes it from the code (no text missing or left over)."""
    catalogue = translations.read_catalogue(language)
    assert {m.id for m in catalogue if m.id} == {m.id for m in translations.template() if m.id}


def test_dates_for_people() -> None:
    day = date(2026, 11, 23)
    assert (i18n.long_date(day), i18n.short_date(day)) == ("23 november 2026", "23-11-2026")
    i18n.set_language("en")
    assert (i18n.long_date(day), i18n.short_date(day)) == ("23 November 2026", "2026-11-23")


def test_dutch_is_the_default_whatever_the_locale(run_cli: RunCli) -> None:
    result = run_cli("--help", env={"LANG": "en_US.UTF-8", "LC_ALL": "C", "LANGUAGE": "en"})
    assert result.stdout.startswith("Gebruik: ")
    assert "[OPTIES] OPDRACHT [ARGUMENTEN]..." in result.stdout
    assert "Toon deze hulp en stop." in result.stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "en", "check", "--help"], {}),
        (["check", "--help", "--lang=en"], {}),
        (["check", "--help"], {"EERSTELIJN_LANG": "en"}),
    ],
)
def test_english_on_request(run_cli: RunCli, args: list[str], env: dict[str, str]) -> None:
    result = run_cli(*args, env=env)
    assert result.stdout.startswith("Usage: ")
    assert " check [OPTIONS]" in result.stdout
    assert "Validate the registry and report its gaps." in result.stdout


def test_the_option_wins_over_the_environment(run_cli: RunCli) -> None:
    result = run_cli("check", "--help", "--lang", "nl", env={"EERSTELIJN_LANG": "en"})
    assert "Controleer het register" in result.stdout


def test_clicks_own_errors_are_dutch(run_cli: RunCli) -> None:
    result = run_cli("chek")
    assert result.exit_code == 2
    assert "Fout: Onbekende opdracht 'chek'. Bedoelt u 'check'" in result.stderr
    result = run_cli("check", "--frmat", "json")
    assert "Fout: Onbekende optie: --frmat (Mogelijke opties: --data, --format)" in result.stderr
    result = run_cli("check", "--format", "xml")
    assert "Ongeldige waarde voor '--format': 'xml' is niet een van" in result.stderr
    result = run_cli("show")
    assert "Fout: Argument ontbreekt 'ID'." in result.stderr


def test_clicks_own_errors_in_english(run_cli: RunCli) -> None:
    result = run_cli("--lang", "en", "chek")
    assert "Error: No such command 'chek'. Did you mean 'check'" in result.stderr


def test_an_unknown_language_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("check", "--lang", "fr")
    assert result.exit_code == 2
    assert "Ongeldige waarde voor '--lang': 'fr' is niet een van 'nl', 'en'." in result.stderr


def test_a_catalogue_is_read_on_first_use_only() -> None:
    """Importing the module reads no catalogue; the first text read is the current language's."""
    code = (
        "import eerstelijn.i18n as i18n\n"
        "print(sorted(i18n._catalogues))\n"
        "i18n._('Show the version.')\n"
        "print(sorted(i18n._catalogues))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "['nl']"]
