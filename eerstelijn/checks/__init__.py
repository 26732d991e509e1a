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
    future_voortgang,
    groep,
    mijlpaal_order,
    missing_deadline,
    missing_status,
    missing_trekker,
    overdue_mijlpaal,
    replan_reden,
    stale_mijlpaal,
    undated_status,
    unknown_document,
    unknown_doel,
    unknown_partij,
    voortgang_bron,
    voortgang_order,
)
from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity
from eerstelijn.registry.load import IGNORED_FILE

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
        voortgang_order,
        replan_reden,
        voortgang_bron,
        missing_trekker,
        missing_deadline,
        undated_status,
        future_voortgang,
    )
}

OPT_IN: dict[str, ModuleType] = {
    module.CODE: module for module in (overdue_mijlpaal, missing_status, stale_mijlpaal)
}

# The findings that fail `check` (exit 1) when --fail-on is not given.
DEFAULT_FAIL_ON: tuple[str, ...] = (missing_trekker.CODE, missing_deadline.CODE)


def finding_codes() -> list[str]:
    """Codes of every check whose problems are findings (warnings), opt-in ones included,
    and of the reader's own finding: a file that looks like data but is not read."""
    modules = [*CHECKS.values(), *OPT_IN.values()]
    return [*(m.CODE for m in modules if m.SEVERITY is Severity.WARNING), IGNORED_FILE]


def run_checks(
    registry: Registry,
    as_of: date,
    *,
    opt_in: Collection[str] = (),
    stale_days: int = stale_mijlpaal.STALE_DAYS,
) -> list[Problem]:
    """Every check's problems, plus those of the opt-in checks named, in file and position order.

    Names in `opt_in` that are not opt-in checks are ignored: the caller validates user input.
    `stale_days` is how old a milestone's last report may be before stale-mijlpaal finds it.
    """
    modules = [*CHECKS.values(), *(OPT_IN[code] for code in OPT_IN if code in opt_in)]
    problems = [
        p
        for module in modules
        if module is not stale_mijlpaal
        for p in module.check(registry, as_of)
    ]
    if stale_mijlpaal in modules:
        problems += stale_mijlpaal.check(registry, as_of, stale_days=stale_days)
    return sorted(problems)


def integrity_problems(registry: Registry, as_of: date) -> list[Problem]:
    """Only the errors: what makes a schema-valid registry unfit for queries."""
    return [p for p in run_checks(registry, as_of) if p.severity is Severity.ERROR]
