"""The collector is paused inside the block and left as the caller had it."""

from __future__ import annotations

import gc

import pytest

from clairlib._collector import collector_paused


def test_the_collector_is_paused_inside_and_enabled_again_after_an_error() -> None:
    """An enabled collector is off in the block and on again after it, even when it raises."""
    seen: list[bool] = []

    def fail() -> None:
        with collector_paused():
            seen.append(gc.isenabled())
            raise KeyError("x")

    assert gc.isenabled()
    with pytest.raises(KeyError):
        fail()
    assert [False] == seen
    assert gc.isenabled()


def test_a_collector_the_caller_paused_stays_paused() -> None:
    """A collector already off stays off after the block: the caller turns it back on."""
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
