"""A cache of functions generated once per model class, safe under threads and recursion."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from clairlib import _codegen

__all__ = ["PerClass", "generate"]

F = TypeVar("F", bound=Callable[..., Any])


class PerClass(Generic[F]):
    """Builds the function for a class on first use and hands the same one out after.

    Recursive classes (Item, Section) call their own function while it is being
    built: they get a forward reference, seen only while the lock is held, so other
    threads wait for the finished function instead of seeing a half-built one.
    """

    def __init__(self, build: Callable[[type], F]) -> None:
        self._build = build
        self._done: dict[type, F] = {}
        self._pending: dict[type, F] = {}
        self._lock = threading.RLock()

    def get(self, cls: type) -> F:
        """The function for ``cls``, built now if it is the first time."""
        found = self._done.get(cls)
        if found is not None:
            return found
        with self._lock:
            found = self._done.get(cls) or self._pending.get(cls)
            if found is None:
                slot: list[F] = []
                self._pending[cls] = cast(F, lambda *args: slot[0](*args))
                try:
                    found = self._build(cls)
                finally:
                    del self._pending[cls]
                slot.append(found)
                self._done[cls] = found
            return found


def generate(source: str, name: str, namespace: dict[str, Any], what: str) -> Any:
    """Compile ``source`` and return its function ``name`` (see ``clairlib._codegen``)."""
    return _codegen.generate(source, name, namespace, f"io {what}")
