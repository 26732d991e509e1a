"""The registry's shape, declared once: its data files, their keys and item models, the
statuses and the chapters.

Everything else derives from this module: the loader's list of files, the validator's and the
schema writer's models (models.FILE_MODELS), the editor's key order, and the command line's
choices. Adding a data file or a status is one line here; tests/test_shape.py fails when a
part of the tool disagrees. No imports beyond the standard library: the cached `check` reads
the file list without pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "BEOORDELINGEN",
    "DONE",
    "FILES",
    "HOOFDSTUKKEN",
    "REGIONAL_DIR",
    "STATUSES",
    "Beoordeling",
    "DataFile",
    "Hoofdstuk",
    "Status",
    "data_file",
]

Status = Literal["open", "lopend", "gereed", "vervallen"]
STATUSES: tuple[str, ...] = get_args(Status)
DONE: frozenset[str] = frozenset({"gereed", "vervallen"})

# The trekker's own assessment in a progress entry, as the UK's major-projects portfolio grades.
Beoordeling = Literal["op-koers", "risico", "achter"]
BEOORDELINGEN: tuple[str, ...] = get_args(Beoordeling)

Hoofdstuk = Literal["H2", "H3", "H4", "H5"]
HOOFDSTUKKEN: tuple[str, ...] = get_args(Hoofdstuk)


@dataclass(frozen=True)
class DataFile:
    """One data file: its name in the data directory, its one top-level key, its item model."""

    name: str
    key: str
    item: str  # the name of the item's model in eerstelijn.models

    @property
    def model(self) -> str:
        """The name of the model of the whole file: DoelenFile for doelen.yaml."""
        return f"{self.key.capitalize()}File"


# In load order: what later files refer to comes first.
FILES: tuple[DataFile, ...] = (
    DataFile("documenten.yaml", "documenten", "Document"),
    DataFile("doelen.yaml", "doelen", "Doel"),
    DataFile("partijen.yaml", "partijen", "Partij"),
    DataFile("acties.yaml", "acties", "Actie"),
    DataFile("zorgbelofte.yaml", "zorgbelofte", "Belofte"),
)

# A folder of regional agendas: each file in it has the shape of the file of the same key.
REGIONAL_DIR = "acties"


def data_file(key: str) -> DataFile:
    """The data file whose top-level key is `key`."""
    return next(f for f in FILES if f.key == key)
