"""eerstelijn: the Dutch primary-care vision 2030 and its realisatieagenda as a registry.

The public names load on first use (PEP 562), so that `import eerstelijn.cli` for
`eerstelijn --help` does not pay for pydantic and ruamel.yaml.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "Actie": "eerstelijn.models",
    "Belofte": "eerstelijn.models",
    "Bron": "eerstelijn.models",
    "Doel": "eerstelijn.models",
    "InvalidRegistry": "eerstelijn.registry.load",
    "Kwartaal": "eerstelijn.kwartaal",
    "Mijlpaal": "eerstelijn.models",
    "Partij": "eerstelijn.models",
    "Problem": "eerstelijn.problems",
    "Registry": "eerstelijn.models",
    "Severity": "eerstelijn.problems",
    "Termijn": "eerstelijn.kwartaal",
    "load_registry": "eerstelijn.registry.load",
}

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

if TYPE_CHECKING:
    from eerstelijn.kwartaal import Kwartaal, Termijn
    from eerstelijn.models import Actie, Belofte, Bron, Doel, Mijlpaal, Partij, Registry
    from eerstelijn.problems import Problem, Severity
    from eerstelijn.registry.load import InvalidRegistry, load_registry


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'eerstelijn' has no attribute {name!r}")
