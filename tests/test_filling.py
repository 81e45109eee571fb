"""Filling a frozen instance slot by slot: the same value the constructor makes, frozen."""

from __future__ import annotations

import attrs
import pytest

from clairlib._filling import filling
from clairlib.model.provenance import Origin, origin_at


@attrs.frozen(kw_only=True)
class _Pair:
    left: int
    right: str | None = None


def test_a_filled_instance_becomes_the_frozen_class() -> None:
    """Filled, then given its class, the instance equals the constructor's and is frozen."""
    pair = object.__new__(filling(_Pair))  # typed Any: a filling's fields take stores
    pair.left = 1
    pair.right = "a"
    pair.__class__ = _Pair
    assert _Pair(left=1, right="a") == pair
    assert _Pair is type(pair)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        pair.left = 2  # type: ignore[misc]


def test_origin_at_is_the_origin_the_constructor_makes() -> None:
    """``origin_at`` gives the Origin of its page, line and position, with no source."""
    assert Origin(page=3, line=12, x=None, y=None) == origin_at(3, 12, None, None)
    assert "p.2 l.5 (10,20)" == str(origin_at(2, 5, 10, 20))
    assert Origin is type(origin_at(1, 1, None, None))


def test_a_filling_called_with_no_arguments_is_empty_until_filled() -> None:
    """Calling the filling class gives an instance with no field set, filled as before."""
    pair = filling(_Pair)()
    assert not hasattr(pair, "left")
    pair.left = 2
    pair.right = None
    pair.__class__ = _Pair
    assert _Pair(left=2) == pair
