"""Text that XML can hold: removing what it cannot, with a finding for each field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NewType

from clairlib.findings import Finding, Severity

RULE = "docx.invalid-xml-char"

# XML 1.0 allows tab, LF and CR among the C0 controls and nothing in the surrogate block
# or U+FFFE/U+FFFF; Word refuses to open a file that carries any of them.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHOWN = 5

Clean = NewType("Clean", str)
"""Text that went through the sanitiser: the only kind of text the XML writers take.

The type makes it a checked rule that every piece of text the exporter writes has been
cleaned once, wherever it comes from (a cell, a merged group label, a heading).
"""


def _describe(removed: list[tuple[int, str]]) -> str:
    shown = ", ".join(f"U+{ord(char):04X} at {offset}" for offset, char in removed[:_SHOWN])
    more = f" and {len(removed) - _SHOWN} more" if len(removed) > _SHOWN else ""
    return shown + more


class Sanitiser:
    """Removes characters XML cannot hold and records one finding per field it touched."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def clean(self, text: str, path: str | Callable[[], str]) -> Clean:
        """``text`` without XML-invalid characters; ``path`` names the field (or makes it)."""
        if _INVALID.search(text) is None:
            return Clean(text)
        removed = [(match.start(), match.group()) for match in _INVALID.finditer(text)]
        where = path if isinstance(path, str) else path()
        count = len(removed)
        self.findings.append(
            Finding(
                rule=RULE,
                severity=Severity.WARNING,
                path=where,
                message=(
                    f"removed {count} character{'s' if count != 1 else ''} that XML cannot "
                    f"hold from the Word output ({_describe(removed)})"
                ),
            )
        )
        return Clean(_INVALID.sub("", text))


def literal(text: str) -> Clean:
    """A text the exporter itself supplies (a label, a mark), checked as clean."""
    if _INVALID.search(text) is not None:
        raise ValueError(f"internal error: {text!r} holds characters XML cannot hold")
    return Clean(text)


EMPTY = Clean("")
"""The empty text."""


def escape(text: Clean) -> str:
    """``text`` escaped for an XML text node or a double-quoted attribute."""
    out: str = text
    if "&" in out:
        out = out.replace("&", "&amp;")
    if "<" in out:
        out = out.replace("<", "&lt;")
    if ">" in out:
        out = out.replace(">", "&gt;")
    if '"' in out:
        out = out.replace('"', "&quot;")
    return out


def needs_cleaning(text: str) -> bool:
    """True when ``text`` holds a character XML cannot hold."""
    return _INVALID.search(text) is not None
