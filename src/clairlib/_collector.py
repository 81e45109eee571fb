"""Pausing the cyclic garbage collector while a reader builds objects with no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector paused for the block, and left as the caller had it.

    Loading and reading build millions of objects without a single reference cycle
    (tests hold them to that): the collector would walk the whole growing heap again
    and again and find nothing, which costs more than the building itself.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
