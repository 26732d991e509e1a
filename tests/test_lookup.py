"""One lookup rule: exact first, then case- and accent-blind, then suggestions."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eerstelijn.lookup import UnknownName, find, find_choice, fold, suggest

# Unit tests of the core assert its messages in English, their source.
pytestmark = pytest.mark.usefixtures("english")


def test_an_exact_match_wins_over_a_folded_one() -> None:
    names = {"h2.1": "h2.1", "H2.1": "H2.1"}
    assert find("actie", "H2.1", names) == "H2.1"
    assert find("actie", "h2.1", names) == "h2.1"


def test_case_and_accents_do_not_matter_when_nothing_is_exact() -> None:
    names = {"Patiëntenfederatie": "Patiëntenfederatie"}
    assert find("partij", "PATIENTENFEDERATIE", names) == "Patiëntenfederatie"


def test_an_unknown_name_names_the_nearest_ones() -> None:
    with pytest.raises(UnknownName, match=r"unknown partij 'ZM'; did you mean 'ZN'\?"):
        find("partij", "ZM", {"ZN": "ZN", "LHV": "LHV"})


def test_a_choice_is_case_blind_and_lists_the_choices_when_unknown() -> None:
    assert find_choice("status", "Gereed", ("open", "gereed")) == "gereed"
    with pytest.raises(UnknownName) as raised:
        find_choice("status", "gered", ("open", "gereed"))
    assert str(raised.value) == (
        "unknown status 'gered'; use one of open, gereed; did you mean 'gereed'?"
    )


def test_a_file_suggestion_offers_one_name_or_nothing() -> None:
    assert suggest("trekkr", ["trekker", "titel"]) == "; did you mean 'trekker'?"
    assert suggest("xyz", ["trekker", "titel"]) == ""


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_folding_ascii_quickly_gives_what_full_folding_gives(text: str) -> None:
    """ASCII ids and codes skip normalisation; what `check` keeps unique must not change."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))
