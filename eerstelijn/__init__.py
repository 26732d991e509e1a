"""eerstelijn: the Dutch primary-care vision 2030 and its realisatieagenda as a registry."""

from eerstelijn.kwartaal import Kwartaal, Termijn
from eerstelijn.load import InvalidRegistry, load_registry
from eerstelijn.models import Actie, Belofte, Bron, Doel, Mijlpaal, Partij, Registry
from eerstelijn.problems import Problem, Severity

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
