"""Consistency checks over a loaded Registry; each module is one check with its own code.

A module's docstring is the user documentation of its code: what it finds, and a passing and a
failing YAML example. The checks in CHECKS always run; those in OPT_IN run only when asked for
(`check --fail-on`), because they judge progress the source never reports.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from types import ModuleType

from eerstelijn.checks import (
    duplicate_id,
    groep,
    mijlpaal_order,
    missing_deadline,
    missing_status,
    missing_trekker,
    overdue_mijlpaal,
    unknown_document,
    unknown_doel,
    unknown_partij,
)
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

__all__ = [
    "CHECKS",
    "DEFAULT_FAIL_ON",
    "OPT_IN",
    "finding_codes",
    "integrity_problems",
    "run_checks",
]

CHECKS: dict[str, ModuleType] = {
    module.CODE: module
    for module in (
        duplicate_id,
        unknown_partij,
        unknown_doel,
        unknown_document,
        groep,
        mijlpaal_order,
        missing_trekker,
        missing_deadline,
    )
}

OPT_IN: dict[str, ModuleType] = {
    module.CODE: module for module in (overdue_mijlpaal, missing_status)
}

# The findings that fail `check` (exit 1) when --fail-on is not given.
DEFAULT_FAIL_ON: tuple[str, ...] = (missing_trekker.CODE, missing_deadline.CODE)


def finding_codes() -> list[str]:
    """Codes of every check whose problems are findings (warnings), opt-in ones included."""
    modules = [*CHECKS.values(), *OPT_IN.values()]
    return [m.CODE for m in modules if m.SEVERITY is Severity.WARNING]


def run_checks(registry: Registry, as_of: date, *, opt_in: Collection[str] = ()) -> list[Problem]:
    """Every check's problems, plus those of the opt-in checks named, in file and position order.

    Names in `opt_in` that are not opt-in checks are ignored: the caller validates user input.
    """
    modules = [*CHECKS.values(), *(OPT_IN[code] for code in OPT_IN if code in opt_in)]
    return sorted(p for module in modules for p in module.check(registry, as_of))


def integrity_problems(registry: Registry, as_of: date) -> list[Problem]:
    """Only the errors: what makes a schema-valid registry unfit for queries."""
    return [p for p in run_checks(registry, as_of) if p.severity is Severity.ERROR]
