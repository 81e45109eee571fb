"""What the plugin host checks of a plugin's objects before it keeps them.

A broken object is reported with its plugin and left out when it is collected, so
that it cannot break ``clairlib plugins``, the demo or every export later on. Each
check returns the problem as text, or None when the object is usable.
"""

from __future__ import annotations

from typing import Any

__all__ = ["describe", "is_instance", "options_problem", "rule_problem"]


def describe(value: object) -> str:
    """A short repr of ``value`` for a message, even when its ``repr`` raises."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 60 else text[:57] + "..."


def _raised(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def is_instance(value: object, cls: type) -> bool | None:
    """``isinstance``, or None when checking a protocol's members raised."""
    try:
        return isinstance(value, cls)
    except Exception:
        return None


def options_problem(kind: str, name: str, options: type) -> str | None:
    """Why the options class of the ``kind`` called ``name`` cannot be used, if it cannot.

    Its annotations must resolve (an unresolvable one would fail every listing and
    every export) and its defaults must build an instance.
    """
    from clairlib.exporting import build_options, describe_options, option_text

    try:
        for option in describe_options(options):
            option_text(option.default)
        build_options(options, {})
    except Exception as error:
        label = getattr(options, "__name__", describe(options))
        return f"{kind} {name!r}: its options class {label} cannot be used: {_raised(error)}"
    return None


def rule_problem(rule: Any) -> str | None:
    """Why ``rule`` cannot be run and listed: its code, description and severity."""
    from clairlib.findings import Severity

    for attribute, expected in (("code", str), ("description", str), ("severity", Severity)):
        try:
            value = getattr(rule, attribute)
        except Exception as error:
            return f"rule {describe(rule)}: its {attribute} raised {_raised(error)}"
        if not isinstance(value, expected) or (attribute == "code" and not value):
            what = {"code": "a non-empty string", "description": "a string"}.get(
                attribute, f"a {expected.__name__}"
            )
            return f"rule {describe(rule)}: its {attribute} must be {what}, found {describe(value)}"
    if not callable(getattr(rule, "check", None)):
        return f"rule {rule.code!r}: its check is not callable"
    return None
