"""What a cell can hold: text within Excel's limits, sheet names, widths of East Asian text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from clairlib.findings import Finding, Severity

__all__ = [
    "MAX_TEXT",
    "MAX_WIDTH",
    "CellChecker",
    "SheetNames",
    "text_width",
]

MAX_TEXT = 32_767  # characters Excel keeps in one cell
MAX_WIDTH = 60.0  # widest column, in character widths: longer text wraps in the cell
_SHEET_NAME = 31
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")
# C0 controls other than tab, line feed and carriage return: the file holds them as
# _xHHHH_ escapes, which clairlib reads back; Excel shows them as they are.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A lone surrogate is no character at all: UTF-8, and so the file, cannot hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_width(text: str) -> float:
    """Width of ``text`` in Excel character widths: wide (East Asian) characters count two."""
    width = 0.0
    for line in text.splitlines() or [""]:
        line_width = 0.0
        for char in line:
            line_width += 2.0 if unicodedata.east_asian_width(char) in "WF" else 1.0
        width = max(width, line_width)
    return width


class CellChecker:
    """Checks text for what Excel cannot hold and collects one finding per field."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def text(self, text: str, where: str) -> str:
        """``text`` as a cell can hold it: cut at 32,767 characters (with a finding)."""
        if "\ufffe" in text or "\uffff" in text:
            # Non-characters no reader gives back from their escapes: removed, said so.
            text = text.replace("\ufffe", "").replace("\uffff", "")
            self.findings.append(
                Finding(
                    rule="xlsx.control-character",
                    severity=Severity.WARNING,
                    path=where,
                    message="non-characters U+FFFE/U+FFFF removed: a workbook cannot keep them",
                )
            )
        if _SURROGATE.search(text) is not None:
            found = sorted({f"U+{ord(c):04X}" for c in _SURROGATE.findall(text)})
            self.findings.append(
                Finding(
                    rule="xlsx.surrogate",
                    severity=Severity.WARNING,
                    path=where,
                    message=f"removed lone surrogates {', '.join(found)}, which UTF-8 cannot hold",
                )
            )
            text = _SURROGATE.sub("", text)
        if _CONTROL.search(text) is not None:
            found = sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)})
            self.findings.append(
                Finding(
                    rule="xlsx.control-character",
                    severity=Severity.WARNING,
                    path=where,
                    message=f"control characters {', '.join(found)} kept as _xHHHH_ escapes; "
                    "Excel may show them as boxes",
                )
            )
        if len(text) > MAX_TEXT:
            self.findings.append(
                Finding(
                    rule="xlsx.text-too-long",
                    severity=Severity.ERROR,
                    path=where,
                    message=f"expected at most {MAX_TEXT:,} characters in a cell, found "
                    f"{len(text):,}; the cell holds the first {MAX_TEXT:,}",
                )
            )
            return text[:MAX_TEXT]
        return text


class SheetNames:
    """Unique sheet names Excel accepts: 31 characters, none of ``[]:*?/\\``."""

    def __init__(self, checker: CellChecker, taken: Iterable[str] = ()) -> None:
        self.checker = checker
        self.taken = {name.casefold() for name in taken}

    def name(self, wanted: str, where: str) -> str:
        """A sheet name for ``wanted``; a finding when it had to change."""
        name = _BAD_SHEET_CHARACTERS.sub("_", _CONTROL.sub("", wanted)).strip("'").strip()
        name = name[:_SHEET_NAME] or "表"
        candidate, number = name, 1
        while candidate.casefold() in self.taken:
            number += 1
            suffix = f" ({number})"
            candidate = name[: _SHEET_NAME - len(suffix)] + suffix
        self.taken.add(candidate.casefold())
        if candidate != wanted:
            self.checker.findings.append(
                Finding(
                    rule="xlsx.sheet-name",
                    severity=Severity.INFO,
                    path=where,
                    message=f"sheet {wanted!r} is named {candidate!r}: Excel allows 31 "
                    "characters, none of []:*?/\\, and no two sheets alike",
                )
            )
        return candidate
