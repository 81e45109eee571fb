"""The hooks a clairlib plugin implements (project name ``clairlib``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from clairlib.hooks import PROJECT, hookimpl, hookspec

if TYPE_CHECKING:
    from clairlib.exporting import Exporter
    from clairlib.reading import Reader
    from clairlib.rules import Rule

__all__ = [
    "PROJECT",
    "clairlib_exporters",
    "clairlib_readers",
    "clairlib_rules",
    "hookimpl",
    "hookspec",
]


@hookspec
def clairlib_exporters() -> Iterable[Exporter]:  # type: ignore[empty-body]
    """Return the exporters this plugin provides."""


@hookspec
def clairlib_rules() -> Iterable[Rule]:  # type: ignore[empty-body]
    """Return the validation rules this plugin provides."""


@hookspec
def clairlib_readers() -> Iterable[Reader]:  # type: ignore[empty-body]
    """Return the readers this plugin provides."""
