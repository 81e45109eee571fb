"""Generated code that tracebacks and debuggers can show: compiled with its source kept."""

from __future__ import annotations

import itertools
import linecache
from typing import Any

__all__ = ["generate"]

_counter = itertools.count()


def generate(source: str, name: str, namespace: dict[str, Any], what: str) -> Any:
    """Compile ``source`` and return its function ``name``, defined in ``namespace``.

    The source is registered with ``linecache`` under a unique file name (as attrs and
    cattrs do with their generated code), so tracebacks, ``inspect.getsource`` and
    debuggers show the generated lines.
    """
    filename = f"<clairlib.{what} {next(_counter)}>"
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]
