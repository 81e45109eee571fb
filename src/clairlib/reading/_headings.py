"""What a printed line is: a heading in one of the numbering styles, a marker, a caption, prose."""

from __future__ import annotations

import enum
import re
import unicodedata

import attrs

from clairlib._filling import filling
from clairlib.model import CrossListing, Priority
from clairlib.reading._layout import nfkc, normal
from clairlib.reading._units import UNITS

__all__ = [
    "BULLET_OPENERS",
    "KANA_OPENERS",
    "KANA_STOPS",
    "OPENERS",
    "PRIORITY_MARK",
    "PROGRAMME",
    "SECTION",
    "SUBSECTION",
    "Heading",
    "HeadingKind",
    "classify",
    "classify_opening",
    "cross_listing",
    "is_caption",
    "item_marker",
    "may_open",
]

_ROMAN = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
}  # fmt: skip
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Folded (NFKC: １．→ 1. ; Ⅲ → III ; （１）→ (1)), spaces kept as one.
_SECTION = re.compile(r"\A([0-9]{1,2})([.、]\s*|\s+)(\S.*)\Z")
_ROMAN_SECTION = re.compile(r"\A(VIII|VII|VI|IV|IX|V|III|II|I|X)(?:[.、]\s*|\s+)(\S.*)\Z")
_SUBSECTION = re.compile(r"\A\(([0-9]{1,2})\)\s*(\S.*)\Z")
# The levels below (1), as official documents number them: ア, イ … then (ア), (イ) ….
_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
# After ア a stop or a space: ``ア、イの…`` lists two of them in prose.
_KANA_ITEM = re.compile(rf"\A([{_KANA}])(?:\.\s*|\s+)(\S.*)\Z")
_KANA_PAREN = re.compile(rf"\A\(([{_KANA}])\)\s*(\S.*)\Z")
_PROGRAMME = re.compile(rf"\A(○|◯|[{_CIRCLED}])(\s*)(\S.*)\Z")
_PROGRAMME_MARKS = frozenset("○◯" + _CIRCLED)
_ROMAN_LETTERS = frozenset("IVX")
_HALF_KANA = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜ"  # _KANA as half-width
# A katakana letter opens a heading only before a space or a stop (ア 研修, ア．): most
# lines it opens are words (アメリカ, イベント), told by their second character.
KANA_OPENERS = frozenset(_KANA + _HALF_KANA)
_KANA_LETTERS = frozenset(_KANA)
# What follows a bracket that opens a heading, folded: (1), (ア).
_BRACKETED = frozenset("0123456789" + _KANA)
KANA_STOPS = frozenset(" \t\u3000.．")
_BULLET = re.compile(r"\A(?:[-*]\s+)?([・･◆◇■□●]|-(?=\s))\s*")
# What a bullet opens with: a line that opens otherwise is no bullet.
BULLET_OPENERS = frozenset("-*・･◆◇■□●")
_CROSS = re.compile(r"[(（]\s*(一部)?再掲\s*[)）]\s*\Z")
# What may follow a number when the line is prose or a table cell, not a heading.
_UNIT_AFTER_NUMBER = re.compile(
    r"\A(?:月|年|日|名|件|か国|ヶ国|カ国|か所|回|団体|人(?!材)|本(?!部)|%|％|社|つ|項目|会場|千|万|億|位|号|言語|校|時間|割|歳|週|,|\.|:|：|=|\)|）)"
)
# What a unit after a number opens with: a title that opens otherwise is not tried.
_UNIT_OPENERS = frozenset("月年日名件かヶカ回団人本%％社つ項会千万億位号言校時割歳週,.:：=)）")
_MAX_TITLE = 64
# A number's counter alone (``5 分野``, ``12 事業``): a count in a table's cell, no title.
_COUNTERS = frozenset(UNITS)
# What a heading opens with: a line that opens otherwise is no heading.
OPENERS = frozenset("0123456789０１２３４５６７８９ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX（(○◯<〈【＜" + _CIRCLED)
# The brackets, folded, of a priority mark (<重点事業>, 【一般事業】).
_MARK_OPENERS = frozenset("<〈【")
# ``①平成 25 年 7 月``: a date in a list of dates, no heading.
_DATE = re.compile(r"\A(?:明治|大正|昭和|平成|令和)?\s*[0-9０-９元]{1,4}\s*年")
# What a title that is a date opens with, besides a digit (a digit opens no title anyway).
_DATE_OPENERS = frozenset("明大昭平令元")
# The number as printed with its full stop, and the number with its separator.
_PRINTED_NUMBER = re.compile(r"\A([（(][0-9０-９]+[）)]|(?:[0-9０-９]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]+)[.．]?)")
_NUMBER_BEFORE_TITLE = re.compile(
    r"\A(?:[（(][0-9０-９]+[）)]|[0-9０-９]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]+)[.．、]?[\s\u3000]*"
)


class HeadingKind(enum.Enum):
    """What a line opens."""

    SECTION = "section"  # 1 … / １．… / I …
    SUBSECTION = "subsection"  # （１）…
    PROGRAMME = "programme"  # ○ … / ① …
    PRIORITY = "priority"  # <重点事業> / <一般事業>


@attrs.frozen(kw_only=True)
class Heading:
    """A heading line read: its kind, number as printed and as a number, title, marker."""

    kind: HeadingKind
    title: str = ""
    printed: str | None = None  # the number or marker as printed: "1", "１", "（１）", "○"
    number: int | None = None
    roman: bool = False
    spaced: bool = True  # a space between the marker and the title
    # A section's numbering style, by how deep documents print it: Ⅰ 0, 1. 1, (1) 2,
    # ア 3, (ア) 4.
    style: int = 0
    priority: Priority | None = None


def _heading(
    kind: HeadingKind,
    title: str,
    printed: str | None = None,
    number: int | None = None,
    *,
    roman: bool = False,
    spaced: bool = True,
    style: int = 0,
    priority: Priority | None = None,
) -> Heading:
    # What Heading(...) makes, every field given and of its type, built slot by slot
    # without the constructor (see clairlib._filling): one is built a heading line.
    heading = _new(_Filling)
    heading.kind = kind
    heading.title = title
    heading.printed = printed
    heading.number = number
    heading.roman = roman
    heading.spaced = spaced
    heading.style = style
    heading.priority = priority
    heading.__class__ = Heading
    return heading  # type: ignore[no-any-return]


_Filling = filling(Heading)
_new = object.__new__

# The kinds by name, for the code that runs on every line: under Python 3.11 a member
# looked up on its class (HeadingKind.SECTION) goes through EnumType.__getattr__.
SECTION, SUBSECTION, PROGRAMME, PRIORITY_MARK = (
    HeadingKind.SECTION,
    HeadingKind.SUBSECTION,
    HeadingKind.PROGRAMME,
    HeadingKind.PRIORITY,
)
# 重点事業 and 一般事業 as printed (folded, no spaces): the title and priority each gives.
_PRIORITIES = {
    f"{open_}{title}{close}": (title, priority)
    for title, priority in (("重点事業", Priority.PRIORITY), ("一般事業", Priority.GENERAL))
    for open_, close in ("<>", "〈〉", "【】")
}


def _title_ok(title: str, *, numbered: bool = True) -> bool:
    title = title.strip()
    if not title or len(title) > _MAX_TITLE or title[-1] in "。、，,":
        return False
    # After a bare number, a unit or a comma says the line is a wrapped sentence:
    # ``4 月来日としてきたが``, ``6 本となり、…``.
    first = title[0]
    if numbered and (
        (first in _UNIT_OPENERS and _UNIT_AFTER_NUMBER.match(title))
        or "、" in title
        or title in _COUNTERS
    ):
        return False
    if first in _DATE_OPENERS and _DATE.match(title):
        return False
    # A title opens with a word: not a digit, bracket or punctuation.
    punctuation = unicodedata.category(first)[0] in "PSZ" and first not in "「『｢"
    return not (first.isdigit() or punctuation)


def may_open(text: str) -> bool:
    """Whether ``text`` (its leading spaces stripped) opens as a heading may: most lines do not."""
    first = text[:1]
    return first in OPENERS or (first in KANA_OPENERS and text[1:2] in KANA_STOPS)


def classify(text: str, *, compact: str | None = None) -> Heading | None:
    """The heading ``text`` would be, whatever the document's numbering style; None for prose.

    ``compact`` is the text folded as a line's ``folded`` (NFKC, no spaces), when known.
    """
    # Most lines are prose: a heading opens with a number, numeral, mark or bracket.
    if not may_open(text.lstrip(" \t\u3000")):
        return None
    return classify_opening(text, compact)


def classify_opening(text: str, compact: str | None = None) -> Heading | None:
    """``classify(text, compact=compact)`` for a text that ``may_open`` says may open one."""
    if compact is None:
        compact = normal(text)
    # What the text opens with, folded: the folded text's first character (its leading
    # spaces are the ones ``may_open`` passes over, which fold to nothing).
    first = compact[0] if compact else ""  # indexed: a slice costs more
    if first in _MARK_OPENERS:
        # <重点事業>, <一般事業>: no other heading opens with a bracket of these.
        if compact in _PRIORITIES:
            title, priority = _PRIORITIES[compact]
            return _heading(PRIORITY_MARK, title, priority=priority)
        return None
    if first == "(":
        # (1) …, (ア) …: a bracket before anything else opens prose, (平成 25 年 …).
        if compact[1:2] not in _BRACKETED:
            return None
        folded = nfkc(text).strip()
        stripped = text.strip()
        match = _SUBSECTION.match(folded)
        if match is not None:
            if _title_ok(match.group(2)):
                title = _original_title(stripped, match.group(2))
                number = int(match.group(1))
                return _heading(SUBSECTION, title, _printed_number(stripped), number, style=2)
            return None
        kana = _KANA_PAREN.match(folded)
        return None if kana is None else _kana_heading(stripped, kana, paren=True)
    stripped = text.strip()
    # Each pattern is tried only on a line opening with what it opens with: a programme's
    # mark as printed; folded, a katakana letter, a digit, or a Roman numeral's letter.
    if stripped and stripped[0] in _PROGRAMME_MARKS and (match := _PROGRAMME.match(stripped)):
        marker, space, name = match.groups()
        if not _title_ok(name, numbered=False):
            return None
        circled = _CIRCLED.index(marker) + 1 if marker in _CIRCLED else None
        printed = "○" if marker == "◯" else marker
        return _heading(PROGRAMME, name.strip(), printed, circled, spaced=bool(space))
    folded = nfkc(text).strip()
    first = folded[0] if folded else ""
    if first in _KANA_LETTERS:
        kana = _KANA_ITEM.match(folded)
        return None if kana is None else _kana_heading(stripped, kana, paren=False)
    if "0" <= first <= "9" and (match := _SECTION.match(folded)):
        # ``4. 人材育成`` is a heading whatever follows; ``4 月来日`` is a wrapped line.
        if _title_ok(match.group(3), numbered=not match.group(2).strip()):
            title = _original_title(stripped, match.group(3))
            number = int(match.group(1))
            return _heading(SECTION, title, _printed_number(stripped), number, style=1)
        return None
    match = _ROMAN_SECTION.match(folded) if first in _ROMAN_LETTERS else None
    if match and _title_ok(match.group(2)) and not match.group(2)[0].isascii():
        title = _original_title(stripped, match.group(2))
        number = _ROMAN[match.group(1)]
        return _heading(SECTION, title, _printed_number(stripped), number, roman=True)
    return None


def _kana_heading(stripped: str, kana: re.Match[str], *, paren: bool) -> Heading | None:
    # ア …, (ア) …: a heading where its title is one, no list (ア、イの…).
    if not _title_ok(kana.group(2), numbered=False) or "、" in kana.group(2):
        return None
    # The marker as printed: （ア）, ア．, ア; the title after it, as printed.
    marker = stripped[:3] if paren else stripped[:1]
    if not paren and stripped[1:2] in ".．":
        marker = stripped[:2]
    title = stripped[len(marker) :].strip()
    number = _KANA.index(kana.group(1)) + 1
    return _heading(SUBSECTION, title, marker, number, style=4 if paren else 3)


def _printed_number(text: str) -> str:
    # The number as printed with its full stop, when it has one, so a writer prints it
    # back as the document does: "１．", "1.", "1", "（１）", "Ⅲ", "III".
    match = _PRINTED_NUMBER.match(text)
    return match.group(1) if match else text.split()[0]


def _original_title(text: str, folded_title: str) -> str:
    # The title as printed (full-width kept): what follows the number and its separator.
    match = _NUMBER_BEFORE_TITLE.match(text)
    return text[match.end() :].strip() if match else folded_title


def cross_listing(title: str) -> tuple[str, CrossListing | None]:
    """A title without its （再掲）/（一部再掲） mark, and the mark read."""
    match = _CROSS.search(title)
    if match is None:
        return title, None
    kind = CrossListing.PARTIAL if match.group(1) else CrossListing.FULL
    return title[: match.start()].rstrip(), kind


def is_caption(text: str) -> str | None:
    """A table caption ``<平成 25 年度 …一覧>``: its text, or None."""
    stripped = text.strip()
    if len(stripped) >= 3 and stripped[0] in "<〈＜【" and stripped[-1] in ">〉＞】":
        inner = stripped[1:-1].strip()
        if len(normal(inner)) >= 8:
            return inner
    return None


def item_marker(text: str) -> tuple[str, str] | None:
    """A bullet line (``・…``, ``◆ …``, ``- …``): the marker and the text after it."""
    if text[:1] not in BULLET_OPENERS:
        return None
    match = _BULLET.match(text)
    if match is None:
        return None
    rest = text[match.end() :].strip()
    if not rest:
        return None
    return match.group(1), rest
