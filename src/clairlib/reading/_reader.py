from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from clairlib._protocol import name_check, options_check
from clairlib.errors import ClairlibError
from clairlib.model.provenance import Origin

if TYPE_CHECKING:
    from clairlib.calendar import FiscalYear
    from clairlib.findings import Finding
    from clairlib.model import Document

__all__ = [
    "Hints",
    "Origin",
    "ReadError",
    "ReadFunction",
    "ReadProgress",
    "Reader",
    "Reading",
    "Source",
]

ReadProgress: TypeAlias = Callable[[int, "int | None"], None]
"""Called with the lines read so far and the total (None while unknown)."""

_SUFFIX = re.compile(r"\.[a-z0-9]+\Z")


class ReadError(ClairlibError):
    """A source that cannot be read as a plan or report at all (empty, garbage, no kind)."""


@attrs.frozen(kw_only=True)
class Source:
    """What a reader is handed: the bytes, a name for messages and the file suffix (lower case)."""

    name: str
    data: bytes
    suffix: str = ""


@attrs.frozen(kw_only=True)
class Hints:
    """What the caller knows of the document: its kind and fiscal year, overriding the title."""

    kind: str | None = None
    fiscal_year: FiscalYear | None = None


@attrs.frozen(kw_only=True)
class Reading:
    """What a reader made of a source: the document, what it could not read, and origins.

    ``provenance`` maps a JSON path of the document (``$.pillars[0].programmes[2]``)
    to the :class:`Origin` of what was read there.
    """

    document: Document
    findings: tuple[Finding, ...] = ()
    provenance: Mapping[str, Origin] = attrs.field(factory=dict)

    @property
    def has_errors(self) -> bool:
        """True when a finding is an error (the command line exits 1)."""
        return any(finding.is_error for finding in self.findings)


ReadFunction: TypeAlias = Callable[[Source, Hints, Any, "ReadProgress | None"], Reading]


def _suffixes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _check_suffixes(
    instance: Reader, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    bad = [suffix for suffix in value if not _SUFFIX.match(suffix)]
    if bad:
        raise ValueError(f"reader suffixes must look like '.pdf' (lower case), found {bad[0]!r}")


@attrs.frozen(kw_only=True)
class Reader:
    """An input format: name, suffixes and content it recognises, typed options, a read function.

    ``sniff(head)`` is given the first bytes of a source and says whether this
    reader recognises the content (``%PDF-`` for a PDF); a source is offered to
    the reader whose suffix matches, else to the first whose ``sniff`` accepts it.
    ``read(source, hints, options, progress)`` returns a :class:`Reading`, or raises
    a :class:`~clairlib.errors.ClairlibError` for a source it cannot read at all.
    """

    name: str = attrs.field(validator=name_check("reader"))
    suffixes: tuple[str, ...] = attrs.field(converter=_suffixes, validator=_check_suffixes)
    description: str
    options: type = attrs.field(validator=options_check("reader"))
    read: ReadFunction
    sniff: Callable[[bytes], bool] | None = None
