"""The default rules plugin: the built-in rules through the clairlib_rules hook."""

from __future__ import annotations

import pluggy

from clairlib.model import AnnualReport
from clairlib.rules import _plugin, default_rules


def test_hook_returns_the_default_rules() -> None:
    """clairlib_rules() gives the same rules default_rules() does."""
    assert tuple(default_rules()) == tuple(_plugin.clairlib_rules())


def test_hook_is_marked_for_clairlib() -> None:
    """The hook implementation is registrable with a pluggy manager for project clairlib."""
    manager = pluggy.PluginManager("clairlib")
    manager.register(_plugin)
    assert [[rule.code for rule in default_rules()]] == [
        [r.code for r in rules] for rules in manager.hook.clairlib_rules()
    ]


def test_top_level_validate_runs_the_installed_rules(excerpt: AnnualReport) -> None:
    """clairlib.validate runs the built-in rules through the plugin host: the TEFL ratio."""
    import clairlib

    report = clairlib.validate(excerpt)
    assert {rule.code for rule in default_rules()} <= set(report.rules)
    assert [("ratio", "$.figures[7].value")] == [(f.rule, f.path) for f in report.errors]
