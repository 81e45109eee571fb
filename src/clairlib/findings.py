"""Findings: what validation and loading say about a document, with paths and evidence.

A finding names the place it concerns with a JSON-path-like string in the same
grammar cattrs uses for structuring errors: ``$.events[3].period``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["Evidence", "Finding", "Severity", "join_path"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class Severity(enum.Enum):
    """How much a finding matters: only ``ERROR`` makes a document invalid."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Evidence:
    """The comparison behind a finding: ``left op right`` within ``tolerance``.

    ``parts`` holds the paths of the records or figures that were combined to
    make ``left`` or ``right`` (the rows of a sum, the records counted).
    """

    left: Any
    op: str
    right: Any
    tolerance: Any = None
    parts: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule or the loader found: code, severity, where, what, and why."""

    rule: str
    severity: Severity
    path: str
    message: str
    evidence: Evidence | None = None

    @property
    def is_error(self) -> bool:
        """True when this finding makes the document invalid."""
        return self.severity is Severity.ERROR


def join_path(parts: Iterable[str | int], *, root: str = "$") -> str:
    """Render path parts as ``$.events[3].period``; odd keys are quoted: ``$["a b"]``."""
    out = [root]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            out.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace('"', '\\"')
            out.append(f'["{escaped}"]')
    return "".join(out)
