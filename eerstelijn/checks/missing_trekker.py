"""missing-trekker: an action that is not done has at least one trekker.

A finding, not an error: the source itself leaves some actions without an owner, and the
registry keeps that honest with `trekker: []`. CI surfaces it so that someone picks it up.

Passing::

    - id: H2.1
      trekker: [ZN]

Failing::

    - id: H3.3
      trekker: []
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eerstelijn.models import Registry
from eerstelijn.problems import Problem, Severity

CODE = "missing-trekker"
SEVERITY = Severity.WARNING


def check(registry: Registry, as_of: date) -> Iterator[Problem]:
    """Report each open action with an empty or absent trekker list."""
    for actie in registry.acties:
        if not actie.trekker and not actie.done_on(as_of):
            where = "trekker" if actie.origin.locate("trekker") != actie.origin.locate() else "id"
            yield actie.origin.problem(CODE, SEVERITY, f"action {actie.id} has no trekker", where)
