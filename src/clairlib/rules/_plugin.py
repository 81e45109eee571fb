"""The default plugin that contributes clairlib's own rules through the rules hook."""

from __future__ import annotations

from collections.abc import Iterable

from clairlib.hooks import hookimpl
from clairlib.rules import Rule, default_rules


@hookimpl
def clairlib_rules() -> Iterable[Rule]:
    """clairlib's built-in rules."""
    return default_rules()
