"""The exceptions clairlib raises: one root, :class:`ClairlibError`.

Every error clairlib raises on bad input derives from :class:`ClairlibError`,
so ``except clairlib.ClairlibError`` is enough for a caller that only wants to
know whether its input was usable.
"""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from clairlib.findings import Finding

__all__ = [
    "CalendarError",
    "ClairlibError",
    "DocumentError",
    "ExportError",
    "PluginError",
]


class ClairlibError(Exception):
    """Root of every error clairlib raises on bad input or a failed operation."""


class CalendarError(ClairlibError, ValueError):
    """A date, era or period expression could not be read or is impossible.

    ``text`` is the whole expression and ``span`` the ``(start, end)`` offsets
    of the offending part within it, so a caller can underline it.
    """

    def __init__(self, message: str, *, text: str = "", span: tuple[int, int] | None = None):
        self.reason = message
        self.text = text
        self.span = span
        super().__init__(self._render())

    def _render(self) -> str:
        if not self.text:
            return self.reason
        if self.span is None:
            return f"{self.reason}: {self.text!r}"
        start, end = self.span
        part = self.text[start:end]
        return f"{self.reason}: {part!r} at {start}..{end} in {self.text!r}"


class DocumentError(ClairlibError):
    """A document is structurally unusable; ``findings`` lists every problem found."""

    def __init__(self, findings: Iterable[Finding], *, source: str | None = None):
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        where = f" in {self.source}" if self.source else ""
        count = len(self.findings)
        head = f"{count} problem{'s' if count != 1 else ''}{where}"
        lines = [f"  {finding.message} @ {finding.path}" for finding in self.findings[:20]]
        if count > 20:
            lines.append(f"  … and {count - 20} more")
        return "\n".join([head, *lines])


class ExportError(ClairlibError):
    """An export could not be completed; no partial output was left behind."""


class PluginError(ClairlibError):
    """A plugin failed to load or returned something that is not what its hook promises."""
