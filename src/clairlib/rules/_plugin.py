"""The default plugin that contributes clairlib's own rules through the rules hook."""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from clairlib.rules import Rule, default_rules

# The same marker as clairlib.plugins.hookimpl, made here because the rules sit below the
# plugin host and must not import it.
hookimpl = pluggy.HookimplMarker("clairlib")


@hookimpl
def clairlib_rules() -> Iterable[Rule]:
    """clairlib's built-in rules."""
    return default_rules()
