"""Japanese words for the model's enumerations, as Japanese documents print them.

A Japanese table, summary or sheet writes each member as the word a document prints
(``延べ`` for gross, ``重点事業`` for priority); readers take either the word or the
member's English value.

>>> from clairlib.model import CountingBasis
>>> japanese_word(CountingBasis.GROSS)
'延べ'
"""

from __future__ import annotations

import enum
import functools

from clairlib.model.documents import CrossListing, Priority
from clairlib.model.governance import Board
from clairlib.model.indicators import Aggregation
from clairlib.model.places import LocalGovernmentKind
from clairlib.model.quantity import Qualifier
from clairlib.model.records import CountingBasis, EventKind, ParticipantKind

__all__ = ["enum_member", "japanese_word", "japanese_words"]

_WORDS: dict[type[enum.Enum], dict[str, str]] = {
    EventKind: {
        "exhibition": "展示会",
        "promotion": "プロモーション",
        "reception": "レセプション",
        "seminar": "セミナー",
        "conference": "国際会議",
        "training": "研修",
        "media": "取材協力",
        "dispatch": "派遣",
        "exchange": "交流",
        "support": "支援",
        "award": "表彰",
        "meeting": "会合",
        "other": "その他",
    },
    ParticipantKind: {"persons": "人", "bodies": "団体", "governments": "自治体"},
    CountingBasis: {"distinct": "実数", "gross": "延べ"},
    LocalGovernmentKind: {member.value: member.japanese for member in LocalGovernmentKind},
    Priority: {"priority": "重点事業", "general": "一般事業"},
    CrossListing: {"full": "再掲", "partial": "一部再掲"},
    Aggregation: {
        "sum": "合計",
        "last": "最新値",
        "max": "最大値",
        "min": "最小値",
        "none": "集計しない",
    },
    Board: {"directors": "理事会", "councillors": "評議員会"},
    Qualifier: {member.value: member.japanese for member in Qualifier},
}


def japanese_words(cls: type[enum.Enum]) -> dict[str, str]:
    """The Japanese word of each member's value; the values themselves for an unknown enum."""
    words = _WORDS.get(cls)
    if words is None:
        return {str(member.value): str(member.value) for member in cls}
    return words


def japanese_word(member: enum.Enum) -> str:
    """The Japanese word for ``member`` (its value when the enumeration has no words)."""
    return japanese_words(type(member)).get(member.value, str(member.value))


@functools.cache
def _members(cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    found: dict[str, enum.Enum] = {}
    for member in cls:
        found[str(member.value)] = member
        found.setdefault(japanese_words(cls)[member.value], member)
    return found


def enum_member(cls: type[enum.Enum], text: str) -> enum.Enum | None:
    """The member whose value or Japanese word is ``text``; None when there is none."""
    return _members(cls).get(text.strip())
