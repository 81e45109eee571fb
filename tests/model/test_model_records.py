"""Records: personal fields, non-negative counts."""

from __future__ import annotations

import pytest

from clairlib.model import (
    BreakdownItem,
    Event,
    Grant,
    Officer,
    Participants,
    Person,
    Quantity,
    StaffCount,
    personal_fields,
)


def test_personal_fields_mark_private_names() -> None:
    """A person's and an officer's name identify a private person; nothing else does."""
    assert frozenset({"name"}) == personal_fields(Person)
    assert frozenset({"name"}) == personal_fields(Officer)
    assert frozenset() == personal_fields(Event)
    assert frozenset() == personal_fields(Grant)


def test_negative_participant_count_is_refused() -> None:
    """A negative participant count is refused."""
    with pytest.raises(ValueError, match="count must not be negative"):
        Participants(count=Quantity.of(-1, "名"))


def test_negative_breakdown_value_is_refused() -> None:
    """A negative breakdown category is refused."""
    with pytest.raises(ValueError, match="must not be negative"):
        BreakdownItem(key="US", value=Quantity.of(-3, "件"))


def test_negative_staff_count_is_refused() -> None:
    """Staff counts cannot be negative."""
    with pytest.raises(ValueError, match="count"):
        StaffCount(office="NYC", rank="所長", count=-1)


def test_person_defaults() -> None:
    """A person record stands for one person unless told otherwise, with no name."""
    person = Person(id="p1", role="trainee")
    assert (1, None) == (person.count, person.name)
