from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TypeAlias

import attrs

from clairlib._protocol import name_check, options_check

if TYPE_CHECKING:
    from clairlib.model import Document

__all__ = ["Exporter", "Progress", "Sink", "WriteFunction"]

Progress: TypeAlias = Callable[[int, "int | None"], None]
"""A progress callback: ``progress(done, total)``; ``total`` is None when unknown."""

_SUFFIX = re.compile(r"(\.[A-Za-z0-9]+)*\Z")


class Sink(Protocol):
    """Where an exporter writes: ``open()`` for its one file, ``open(name)`` per member.

    A single-file exporter calls ``sink.open()`` once. A multi-file exporter (one
    CSV per record type) calls ``sink.open("events.csv")`` for each member of the
    directory it writes. The export machinery makes the result atomic; an exporter
    only writes bytes, and may close what it opened (the sink closes it otherwise).
    """

    def open(self, name: str | None = None) -> BinaryIO:
        """A binary file to write the output (``name`` None) or one member into."""
        ...


WriteFunction: TypeAlias = Callable[["Document", Sink, Any, "Progress | None"], None]


def _check_suffix(instance: Exporter, attribute: attrs.Attribute[str], value: str) -> None:
    if not _SUFFIX.match(value):
        raise ValueError(f"exporter suffix must look like '.csv' or be '', found {value!r}")


@attrs.frozen(kw_only=True)
class Exporter:
    """An output format: name, file suffix, typed options and the function that writes.

    ``options`` is an attrs class whose fields all have defaults; ``write(document,
    sink, options, progress)`` receives an instance of it. ``multi_file`` says the
    exporter writes several members into a directory (``sink.open(name)``).
    """

    name: str = attrs.field(validator=name_check("exporter"))
    suffix: str = attrs.field(validator=_check_suffix)
    description: str
    options: type = attrs.field(validator=options_check("exporter"))
    write: WriteFunction
    multi_file: bool = False
