"""What both fast readers share: the scalars they build, the characters they leave to the
round-trip loader, and how they decline a file. Kept apart from fastyaml, which imports
PyYAML: the line reader reads most files without it (7 ms of a cold check).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yaml import YAMLError

__all__ = ["Unsupported"]


class Unsupported(Exception):
    """The file holds something the fast reader leaves to the round-trip loader.

    `at` (1-based line and column), `code` and `message` say what and where, for a file too
    large for the round-trip loader; `at` is None where the fast reader cannot tell.
    """

    def __init__(
        self,
        reason: str,
        at: tuple[int, int] | None = None,
        code: str = "yaml-syntax",
        message: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.at, self.code, self.message = at, code, message or reason
        self.error: YAMLError | None = None  # a syntax error: libyaml's own account of it
        self.final = False


# libyaml and ruamel agree on line breaks and printable characters as far as registry files go;
# for the rest the round-trip loader decides: tabs (ruamel refuses some that libyaml accepts
# inside plain scalars), NEL and the Unicode line separators (YAML 1.1 and 1.2 count lines
# differently), a BOM inside the text, control characters.
# Written as the characters refused, not as the complement of those allowed: the same set (a
# test compares them over every code point), and a tenth of the time to compile (0.3 ms
# against 3 ms each, a twentieth of a cold check of the real registry).
_ODD_CHARACTER = "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
# What even a lenient read refuses: what YAML does not allow in a file, and the line breaks that
# YAML 1.1 (libyaml) counts and YAML 1.2 does not (NEL, the Unicode line separators).
_NOT_IN_A_FILE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"

# A plain scalar resolves as ruamel's round-trip loader resolves it under YAML 1.2 (its
# VersionedResolver): these are the only non-text forms the fast path builds itself ...
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"~", "null", "Null", "NULL"})
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# ... and a plain scalar matching one of YAML 1.2's other implicit types (floats, other ints,
# timestamps, merge and value keys) goes to the round-trip loader, which builds it exactly.
_OTHER_IMPLICIT = re.compile(
    r"""
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |<<
    |=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
     (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    """,
    re.VERBOSE,
)
_IMPLICIT_START = frozenset("-+.0123456789<=")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Compiled on first use: a run served by the cache never needs it (4 ms).
    return re.compile(pattern)
