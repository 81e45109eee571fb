"""Field helpers shared by the model modules."""

from __future__ import annotations

from typing import Any

import attrs

PERSONAL = "clairlib_personal"


def personal(**kwargs: Any) -> Any:
    # Metadata lets exporters leave out fields that identify a private person.
    return attrs.field(metadata={PERSONAL: True}, **kwargs)


def personal_fields(cls: type) -> frozenset[str]:
    """The names of the fields of ``cls`` that identify a private person."""
    return frozenset(f.name for f in attrs.fields(cls) if f.metadata.get(PERSONAL))
