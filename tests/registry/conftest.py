"""The core's unit tests assert its messages in English, their source (see tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    """Every test here runs in English."""
