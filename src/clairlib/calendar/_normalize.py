"""Folding a written date expression to one canonical spelling, keeping track of offsets.

The parser reads the folded text; when it must report an error it folds again with
:func:`normalize_mapped` to find which characters of the original text are to blame.
Both functions run the same table and the same patterns, so they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from clairlib.calendar._era import REGISTRY
from clairlib.calendar._numerals import KANJI_NUMERAL_CHARS, kanji_to_int

_TILDES = "～〜~∼〰"
# A dash reads as a range separator only between two dates, which is the only place
# the parser looks for one; 'ー' (a long-vowel mark) is common in extracted PDFs.
_DASHES = "-－ー‐‑–—―−─"
_LIST_SEPARATORS = "、，,･・;；"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SPACES = " \u3000\t\r\n\f\v\u00a0"


def _base_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for i in range(10):
        table[0xFF10 + i] = str(i)
    for i in range(26):
        table[0xFF21 + i] = chr(0x41 + i)
        table[0xFF41 + i] = chr(0x61 + i)
    for ch in _TILDES:
        table[ord(ch)] = "~"
    for ch in _DASHES:
        table[ord(ch)] = "-"
    for ch in _LIST_SEPARATORS + _CIRCLED:
        table[ord(ch)] = ","
    for ch in _SPACES:
        table[ord(ch)] = None
    table.update({ord("（"): "(", ord("）"): ")", ord("．"): ".", ord("／"): "/"})
    return table


_BASE = _base_table()
TABLE: dict[int, str | None] = {}


def _rebuild() -> None:
    # Ligatures (㍻ ㋿ …) are spelled out so that the parser only knows era names.
    table = dict(_BASE)
    for era in REGISTRY.eras:
        if era.ligature:
            table[ord(era.ligature)] = era.name
    TABLE.clear()
    TABLE.update(table)


_rebuild()
REGISTRY.listeners.append(_rebuild)

_KANJI_RUN = re.compile("[" + "".join(sorted(KANJI_NUMERAL_CHARS)) + r"]+(?=[年月日度.~,\-)]|$)")
_KARA = re.compile("から")
_MADE = re.compile("まで$")
_WEEKDAY = re.compile(r"(?<=日)\([月火水木金土日](?:曜日?)?(?:,?[祝休]日?)?\)")


def _kanji(match: re.Match[str]) -> str:
    try:
        return str(kanji_to_int(match.group()))
    except ValueError:
        # Left as written, the parser reports it as unreadable at this very place.
        return match.group()


# Each step: a quick test that the step can matter, a pattern, a replacement.
_STEPS: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    ("か", _KARA, lambda _: "~"),
    ("ま", _MADE, lambda _: ""),
    ("", _KANJI_RUN, _kanji),
    ("日(", _WEEKDAY, lambda _: ""),
)
_KANJI_TEST = frozenset(KANJI_NUMERAL_CHARS)


def _applies(trigger: str, text: str) -> bool:
    if trigger:
        return trigger in text
    return not _KANJI_TEST.isdisjoint(text)


_ANY_STEP = re.compile("か|ま|[" + "".join(sorted(KANJI_NUMERAL_CHARS)) + r"]|日\(")


def normalize(text: str) -> str:
    """Fold ``text``: ASCII digits, '~' for every tilde, '-' for dashes, ',' between items."""
    folded = text.translate(TABLE)
    if _ANY_STEP.search(folded) is None:
        return folded
    for trigger, pattern, replace in _STEPS:
        if _applies(trigger, folded):
            folded = pattern.sub(replace, folded)
    return folded


def normalize_mapped(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Fold ``text`` as :func:`normalize` does and return each output character's source span."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        out = TABLE.get(ord(ch), ch)
        if out is None:
            continue
        for piece in out:
            chars.append(piece)
            spans.append((i, i + 1))
    folded = "".join(chars)
    for trigger, pattern, replace in _STEPS:
        if not _applies(trigger, folded):
            continue
        new_chars: list[str] = []
        new_spans: list[tuple[int, int]] = []
        last = 0
        for match in pattern.finditer(folded):
            new_chars.append(folded[last : match.start()])
            new_spans.extend(spans[last : match.start()])
            source = (spans[match.start()][0], spans[match.end() - 1][1])
            piece = replace(match)
            new_chars.append(piece)
            new_spans.extend([source] * len(piece))
            last = match.end()
        new_chars.append(folded[last:])
        new_spans.extend(spans[last:])
        folded, spans = "".join(new_chars), new_spans
    return folded, spans


def source_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Map the span ``start:end`` of ``normalize(text)`` back to a span of ``text``."""
    _, spans = normalize_mapped(text)
    if not spans:
        return (0, len(text))
    start = min(max(start, 0), len(spans) - 1)
    end = min(max(end, start + 1), len(spans))
    return (spans[start][0], spans[end - 1][1])
