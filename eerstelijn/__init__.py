"""eerstelijn: the Dutch primary-care vision 2030 and its realisatieagenda as a registry."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Actie",
    "Belofte",
    "Bron",
    "Doel",
    "InvalidRegistry",
    "Kwartaal",
    "Mijlpaal",
    "Partij",
    "Problem",
    "Registry",
    "Severity",
    "Termijn",
    "__version__",
    "load_registry",
]

# Where each public name lives. They are imported on first use (PEP 562), so that importing a
# light module such as eerstelijn.problems does not import pydantic and the models as well.
_HOME = {
    "Actie": "eerstelijn.models",
    "Belofte": "eerstelijn.models",
    "Bron": "eerstelijn.models",
    "Doel": "eerstelijn.models",
    "InvalidRegistry": "eerstelijn.problems",
    "Kwartaal": "eerstelijn.kwartaal",
    "Mijlpaal": "eerstelijn.models",
    "Partij": "eerstelijn.models",
    "Problem": "eerstelijn.problems",
    "Registry": "eerstelijn.models",
    "Severity": "eerstelijn.problems",
    "Termijn": "eerstelijn.kwartaal",
    "load_registry": "eerstelijn.load",
}

if TYPE_CHECKING:
    from eerstelijn.kwartaal import Kwartaal, Termijn
    from eerstelijn.load import load_registry
    from eerstelijn.models import Actie, Belofte, Bron, Doel, Mijlpaal, Partij, Registry
    from eerstelijn.problems import InvalidRegistry, Problem, Severity


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'eerstelijn' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value
    return value
