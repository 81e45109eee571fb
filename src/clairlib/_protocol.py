"""Checks shared by the plugin protocols (exporters, readers): a name and typed options."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["name_check", "options_check"]

_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")

Check = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def name_check(kind: str) -> Check:
    """An attrs validator: a ``kind``'s name is lower-case letters, digits, '-' or '_'."""

    def check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        if not _NAME.match(value):
            raise ValueError(
                f"{kind} name must be lower-case letters, digits, '-' or '_', found {value!r}"
            )

    return check


def options_check(kind: str) -> Check:
    """An attrs validator: a ``kind``'s options are an attrs class whose fields have defaults."""

    def check(instance: object, attribute: attrs.Attribute[type], value: type) -> None:
        if not (isinstance(value, type) and attrs.has(value)):
            raise TypeError(f"{kind} options must be an attrs class, found {value!r}")
        missing = [f.name for f in attrs.fields(value) if f.default is attrs.NOTHING]
        if missing:
            raise TypeError(
                f"every option of {value.__name__} needs a default; {missing} have none"
            )

    return check
