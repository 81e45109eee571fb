"""Plugins: the pluggy host through which exporters and validation rules are added.

A plugin is a module (or any object) with functions marked
:data:`clairlib.hooks.hookimpl` (also importable from here), named after the
hooks in this package: ``clairlib_exporters()`` returns
:class:`~clairlib.exporting.Exporter` objects, ``clairlib_rules()`` returns
:class:`~clairlib.rules.Rule` objects. clairlib's own CSV and JSON exporters and
its rules are plugins of exactly this kind. A distribution makes its plugin
known through the entry-point group ``clairlib``::

    [project.entry-points.clairlib]
    markdown = "clairlib_markdown"

Plugins are found on first use, not at import. :func:`get_plugin_manager` gives
the shared :class:`PluginHost`; tests and embedding applications can build
their own. The host only collects: ``clairlib.export`` and ``clairlib.validate``,
at the top of the package, look exporters and rules up here and hand them down.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from clairlib.hooks import hookimpl, hookspec
from clairlib.plugins._manager import (
    DEFAULT_PLUGINS,
    ENTRY_POINT_GROUP,
    STRICT_ENV,
    PluginHost,
    PluginInfo,
    PluginProblem,
    PluginWarning,
)

if TYPE_CHECKING:
    from clairlib.exporting import Exporter
    from clairlib.rules import Rule

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "STRICT_ENV",
    "PluginHost",
    "PluginInfo",
    "PluginProblem",
    "PluginWarning",
    "exporters",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "installed_rules",
    "reset_plugin_manager",
]

_host: PluginHost | None = None
_lock = threading.Lock()


def get_plugin_manager() -> PluginHost:
    """The shared plugin host, created (and its plugins found) on first use."""
    global _host
    with _lock:
        if _host is None:
            _host = PluginHost()
        return _host


def reset_plugin_manager(host: PluginHost | None = None) -> PluginHost | None:
    """Replace the shared host (None: find plugins afresh on next use); return the old one."""
    global _host
    with _lock:
        old, _host = _host, host
        return old


def exporters() -> Mapping[str, Exporter]:
    """The installed exporters by name (``csv``, ``json``, and any from plugins)."""
    return get_plugin_manager().exporters()


def installed_rules() -> tuple[Rule, ...]:
    """The installed validation rules: clairlib's own, then those of plugins."""
    return get_plugin_manager().rules()
