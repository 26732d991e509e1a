"""Consistency checks over a loaded Registry; each module is one check with its own code.

A module's docstring is the user documentation of its code: what it finds, and a passing and a
failing YAML example.
"""

from __future__ import annotations

from datetime import date
from types import ModuleType

from eerstelijn.checks import (
    duplicate_id,
    groep,
    mijlpaal_order,
    missing_deadline,
    missing_trekker,
    unknown_doel,
    unknown_partij,
)
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

__all__ = ["CHECKS", "integrity_problems", "run_checks"]

CHECKS: dict[str, ModuleType] = {
    module.CODE: module
    for module in (
        duplicate_id,
        unknown_partij,
        unknown_doel,
        groep,
        mijlpaal_order,
        missing_trekker,
        missing_deadline,
    )
}


def run_checks(registry: Registry, as_of: date) -> list[Problem]:
    """Every check's problems, in file and position order."""
    return sorted(p for module in CHECKS.values() for p in module.check(registry, as_of))


def integrity_problems(registry: Registry, as_of: date) -> list[Problem]:
    """Only the errors: what makes a schema-valid registry unfit for queries."""
    return [p for p in run_checks(registry, as_of) if p.severity is Severity.ERROR]
