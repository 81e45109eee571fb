"""The hook markers of clairlib's plugins, defined once for every layer.

A plugin marks its hook functions with :data:`hookimpl`; clairlib's hook
specifications (in :mod:`clairlib.plugins`) are marked with :data:`hookspec`.
Both belong to the pluggy project ``clairlib``. The markers sit at the ground
floor of the package, so that a default plugin inside a lower layer (the CSV
exporter, the built-in rules) marks its hooks without importing the plugin host.

>>> from clairlib.hooks import hookimpl
>>> @hookimpl
... def clairlib_exporters():
...     return ()
>>> hookimpl.project_name
'clairlib'
"""

from __future__ import annotations

import pluggy

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "clairlib"
"""The pluggy project name of clairlib's hooks (and its entry-point group)."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks a clairlib hook specification."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's implementation of a clairlib hook."""
