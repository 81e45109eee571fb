"""Tests of the hook specifications a plugin implements."""

from __future__ import annotations

import inspect

import pluggy

from clairlib.plugins import _hookspecs, hookimpl, hookspec


def test_markers_belong_to_the_clairlib_project() -> None:
    """Hookimpl and hookspec mark for the project name 'clairlib'."""
    assert "clairlib" == hookimpl.project_name
    assert "clairlib" == hookspec.project_name
    assert isinstance(hookimpl, pluggy.HookimplMarker)


def test_hooks_are_named_and_documented_in_one_line() -> None:
    """Each hook takes no arguments and says in one line what it returns."""
    hooks = {
        name: function
        for name, function in vars(_hookspecs).items()
        if name.startswith("clairlib_") and callable(function)
    }
    assert {
        "clairlib_exporters": "Return the exporters this plugin provides.",
        "clairlib_readers": "Return the readers this plugin provides.",
        "clairlib_rules": "Return the validation rules this plugin provides.",
    } == {name: inspect.getdoc(function) for name, function in hooks.items()}
    assert all(not inspect.signature(function).parameters for function in hooks.values())
