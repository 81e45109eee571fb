"""Tests of the hook markers every layer shares."""

from __future__ import annotations

import pluggy

import clairlib.plugins
from clairlib import hooks


def test_one_marker_for_every_layer() -> None:
    """The plugin host, the default plugins and third parties use the same two markers."""
    import clairlib.exporting._csv as csv_plugin
    import clairlib.rules._plugin as rules_plugin

    assert hooks.hookimpl is clairlib.plugins.hookimpl
    assert hooks.hookspec is clairlib.plugins.hookspec
    # The modules import the marker for their own use; it is no export of theirs.
    assert hooks.hookimpl is vars(csv_plugin)["hookimpl"]
    assert hooks.hookimpl is vars(rules_plugin)["hookimpl"]


def test_markers_mark_for_clairlib() -> None:
    """A function marked with hookimpl carries pluggy's options under the project 'clairlib'."""

    @hooks.hookimpl
    def clairlib_rules() -> tuple[()]:
        return ()

    assert isinstance(hooks.hookimpl, pluggy.HookimplMarker)
    assert "clairlib" == hooks.PROJECT
    assert hasattr(clairlib_rules, "clairlib_impl")
