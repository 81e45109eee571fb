"""Framework, pillar and crosswalk lookups."""

from __future__ import annotations

import attrs
import pytest

from clairlib.model import (
    Crosswalk,
    CrosswalkLink,
    Framework,
    Item,
    Objective,
    Pillar,
    PillarKind,
)


def _framework() -> Framework:
    first = Objective(id="I-1", number=1, text="支援します。")
    second = Objective(
        id="I-2",
        number=2,
        text="見直します。",
        items=(Item(text="収集し", items=(Item(text="反映"),)),),
    )
    return Framework(
        id="f",
        title="計画",
        pillars=(
            Pillar(id="I", title="経済", kind=PillarKind.KEY_FIELD, objectives=(first, second)),
            Pillar(id="base", title="事業基盤", kind=PillarKind.OPERATING_BASE),
        ),
    )


def test_pillar_and_objective_lookup() -> None:
    """``Framework.pillar`` and ``Pillar.objective`` find by id."""
    framework = _framework()
    assert "経済" == framework.pillar("I").title
    assert 2 == framework.pillar("I").objective("I-2").number
    assert "反映" == framework.pillar("I").objective("I-2").items[0].items[0].text


def test_missing_ids_raise_key_error() -> None:
    """Unknown pillar and objective ids raise KeyError with the id."""
    framework = _framework()
    with pytest.raises(KeyError, match="IX"):
        framework.pillar("IX")
    with pytest.raises(KeyError, match="I-9"):
        framework.pillar("I").objective("I-9")


def test_crosswalk_targets_merge_links_in_order() -> None:
    """A section with a full and a partial link maps to both targets, once each."""
    crosswalk = Crosswalk(
        source="old",
        target="new",
        links=(
            CrosswalkLink(source="3", targets=("VII",)),
            CrosswalkLink(source="3", targets=("I", "VII"), partial=True),
            CrosswalkLink(source="5", targets=("V",)),
        ),
    )
    assert ("VII", "I") == crosswalk.targets_of("3")
    assert () == crosswalk.targets_of("8")


def test_model_objects_are_frozen() -> None:
    """Model objects cannot be changed after construction."""
    framework = _framework()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        framework.id = "g"  # type: ignore[misc]
