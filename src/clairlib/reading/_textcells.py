"""The cells of a table printed as text: what a word is, what kind, the rows placed.

Shared by the two ways a text table is read (:mod:`._textcolumns`,
:mod:`._textflow`): the rows placed (:class:`TextTable`), or why not
(:class:`Refusal`); a cell's kind (words, a number, a date); the words of a line
as a plain extraction prints them (a space outside dates, numbers with their
counters and brackets parts two words); a vertical label's letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

import attrs

from clairlib.model import RowKind
from clairlib.reading._layout import Line, normal

__all__ = ["Refusal", "TextRow", "TextTable"]

_TOTALS = frozenset({"計", "合計", "総計"})
_SUBTOTALS = frozenset({"小計"})
_OPEN = "(（「｢『【〈《[［｛"
_CLOSE = ")）」｣』】〉》]］｝"
_DATE = re.compile(
    r"(?:(?:明治|大正|昭和|平成|令和)\s*(?:\d{1,2}|元)\s*年度?|\d{4}\s*年度?)"
    r"(?:\s*\d{1,2}\s*(?:[～〜~\-－]\s*\d{1,2}\s*)?月)?"
    r"(?:\s*\d{1,2}\s*(?:[～〜~]\s*\d{1,2}\s*)?日(?!本))?(?:\s*\d{1,3}\s*日間)?"
)
_COUNTERS = "名|件|か国|ヵ国|ヶ国|カ国|箇国|団体|回|日間|人|千円|万円|円|%|％|分野|か所|箇所|都市"
# A number and its counter (``4,372 名``), an ordinal (``第 26 回``): one cell's words.
_UNIT = re.compile(
    rf"\d[\d,]*(?:\.\d+)?\s+(?:{_COUNTERS})(?=\Z|[\s(（])|第\s*\d+\s*[回号期次代版条位部章巻]"
    # A number in words (創立 25 周年, 2 年後): the word goes on after it.
    r"|\d+\s+(?:周|歳|倍|年(?!度))"
)
_NUMBER = re.compile(r"[-+▲△]?\d[\d,]*(?:\.\d+)?\s*(?:%|％)?")
_NUMBER_UNIT = re.compile(rf"\d[\d,]*(?:\.\d+)?\s*(?:{_COUNTERS})(?:[(（].*)?")
_KIND_OPENERS = frozenset("-+▲△明大昭平令")
_ERAS = frozenset("明大昭平令")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WIDE_GAP = re.compile(r"  +|\u3000+")

# Kinds of cell text: what a column holds is of one kind.
_TEXT, _NUM, _DATE_KIND, _EMPTY = "text", "number", "date", "empty"


class TextRow(NamedTuple):
    """A row placed from the lines: one text a column ("" where empty), kind, group."""

    # A named tuple, not an attrs class: a reading places hundreds of rows, each made in
    # one step (``tuple.__new__``) where a frozen class sets its fields one by one.
    cells: tuple[str, ...]
    line: Line
    kind: RowKind = RowKind.DATA
    group: str | None = None


@attrs.frozen(kw_only=True)
class TextTable:
    """A table placed from the lines: header labels ("" where unknown) and rows.

    ``grouped`` says the first column holds the group labels (kept on the rows'
    ``group``, not in their cells); ``left_out`` says which groups' rows could not be
    placed and why (their lines are only in the printed text).
    """

    header: tuple[str, ...]
    rows: tuple[TextRow, ...]
    grouped: bool = False
    groups: tuple[str, ...] = ()  # the spanning header over each column, as printed
    left_out: tuple[Refusal, ...] = ()  # groups whose rows could not be placed, and why


@attrs.frozen(kw_only=True)
class Refusal:
    """Why the lines of a table cannot be placed into cells, and where."""

    reason: str
    line: Line | None = None


# -- what a cell's text is ------------------------------------------------------------


@lru_cache(maxsize=4096)
def _kind(text: str) -> str:
    # Numbers and dates open with a digit, a sign or an era's name: most words do not.
    opener = text[:1]
    if opener not in _KIND_OPENERS and not opener.isdigit():
        return _TEXT if text else _EMPTY
    if text.isascii() and text.isdigit():
        return _NUM  # plain digits (a count): NFKC already, and a number at a look
    folded = normal(text)
    if not folded:
        return _EMPTY
    # A number opens with a sign or a digit: a word opening with an era's name is at most
    # a date.
    if folded[0] not in _ERAS and (_NUMBER.fullmatch(folded) or _NUMBER_UNIT.fullmatch(folded)):
        return _NUM
    if _DATE.fullmatch(folded):
        return _DATE_KIND
    return _TEXT


def _opens(text: str) -> bool:
    # Whether a word opens a total row: 計, 合計, 総計 and 小計 all begin so, and all
    # hold 計 (told first: no one-character string made for most words).
    return "計" in text and text[:1] in _TOTAL_OPENERS and _row_kind(text) is not RowKind.DATA


_TOTAL_OPENERS = frozenset("計合総小")


def _row_kind(first: str) -> RowKind:
    # 計, 合計, 総計, 小計: two letters, with a space or two between as printed at most.
    # Each holds 計, and no other character folds to one that does.
    if len(first) > 6 or "計" not in first:
        return RowKind.DATA
    folded = normal(first)
    if folded in _TOTALS:
        return RowKind.TOTAL
    if folded in _SUBTOTALS:
        return RowKind.SUBTOTAL
    return RowKind.DATA


# East Asian wide and full-width characters (Unicode's W and F): two columns each.
_WIDE = re.compile(
    "[\u1100-\u115f\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uf900" <= char <= "\uffef"


def _vertical(line: Line) -> str | None:
    # One character alone on its line, not a digit: a letter of a vertical label.
    folded = line.folded
    return folded if _letter(folded) else None


def _label_line(line: Line) -> str | None:
    # A label alone on its line in angle brackets (<事業担当者向け>): the rows' group.
    folded = line.folded
    if len(folded) > 2 and folded[0] in "<〈《" and folded[-1] in ">〉》":
        inner = line.text.strip()[1:-1].strip()
        if inner and not any(c in inner for c in "<>〈〉《》"):
            return inner
    return None


def _letter(text: str) -> bool:
    return len(text) == 1 and _cjk(text) and not text.isdigit()


def _header_count(lines: Sequence[Line], words: Callable[[Line], Sequence[str]]) -> int:
    # The header: the lines before the first that prints a number or a date, or a letter
    # of a vertical label after the header's words (letters before them are the
    # header's own vertical words, 国/名), up to five; the first line alone where none
    # does so soon.
    worded = False
    for index, line in enumerate(lines[:6]):
        if worded and _label_line(line) is not None:
            return index
        if _vertical(line) is not None:
            if worded:
                return index
            continue
        if any(_kind(w) in (_NUM, _DATE_KIND) for w in words(line)):
            return index
        worded = True
    return 1


# A number no date or counter goes on from: digits (and commas) up to a space or the
# line's end, no 年, 周, 歳, 倍 or counter after the space. Tried first at a digit, it takes
# the number at once where _DATE and _UNIT would each be tried and fail at every digit
# of it (neither can begin inside it and end past its space): the same word, cheaper.
_NUMBER_GOES_ON = "年周歳倍" + "".join(counter[0] for counter in _COUNTERS.split("|"))
_PLAIN_NUMBER = f"\\d[\\d,]*+(?=[ \u3000]|\\Z)(?!\\s*+[{re.escape(_NUMBER_GOES_ON)}])"
_PAIRS = tuple(zip(_OPEN, _CLOSE, strict=True))
_OPENING = re.escape(_OPEN)
# A word runs to a space outside a date, a number and its counter, and brackets (an
# unclosed bracket holds to the line's end).
_WORD_RUN = (
    "(?:"
    + "|".join(
        [
            # What opens none of the stretches below, many characters at a time.
            f"[^ \u3000\\d明大昭平令第{_OPENING}]+",
            # A date, or a number with its counter, tried only where one may open; then
            # brackets, only at an opening one (the engine looks at the first character
            # once for each set of alternatives, not once for each alternative).
            f"(?=[\\d明大昭平令第])(?:{_PLAIN_NUMBER}|{_DATE.pattern}|{_UNIT.pattern})",
            f"(?=[{_OPENING}])(?:"
            + "|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}?" for o, c in _PAIRS)
            + ")",
            "[^ \u3000]",
        ]
    )
    # Possessive: what follows a word (spaces, or none) always matches, so the engine
    # never steps back into it; it keeps no state to do so.
    + ")++"
)
# One group: findall hands out the words themselves, no pair a word to take apart.
_WORD = re.compile(f"({_WORD_RUN})[ \u3000]*")
_SPACED_WORD = re.compile(f"({_WORD_RUN})([ \u3000]*)")
_BRACKETS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    # The line's words. A table's lines are looked at by more than one of the ways it is
    # read: each line's words are found once a reading (forget() clears them).
    if " " not in text and "\u3000" not in text:
        return (text,)
    if "  " in text or "\u3000" in text:
        # A wide gap, which in a row of numbers stands for empty cells: the words are
        # found with their spaces, in one pass for both.
        return tuple([word for word, _ in _spaced(text)])
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=4096)
def _spaced(text: str) -> tuple[tuple[str, int], ...]:
    # The line's words and the spaces after each: a run of spaces in a row of numbers
    # stands for empty cells (asked of such rows only, once a reading).
    return tuple([(word, len(spaces)) for word, spaces in _SPACED_WORD.findall(text)])


# Japanese and other wide characters; full-width digits and Latin letters are Latin
# (NFKC makes them so), as the digits of ``New York Now ２０１４`` are.
_CJK = re.compile("[\u3000-\u9fff\uf900-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uffef]")


@lru_cache(maxsize=4096)
def _cells(text: str) -> tuple[str, ...]:
    # The line's words with Latin words glued (_glued), once a reading (forget() clears
    # them). Most lines hold no letter outside the Japanese ones, and no note mark: their
    # words glue to nothing, told by one look at the line.
    words = _words(text)
    if len(words) == 1 or ("※" not in text and _NON_JAPANESE.search(text) is None):
        return words
    return tuple(_glued(list(words)))


# A character that may be a letter of a Latin word (_lettered, in a word _CJK holds no
# character of): any but ASCII's non-letters and the Japanese characters of _CJK.
_NON_JAPANESE = re.compile(
    "[^\x00-\x40\x5b-\x60\x7b-\x7f\u3000-\u9fff\uf900-\uff0f\uff1a-\uff20"
    "\uff3b-\uff40\uff5b-\uffef]"
)


def _glued(words: list[str]) -> list[str]:
    # Latin words stay together (``New York Now 2014 Winter``), a year with them; a
    # note mark stays with the word before it.
    out: list[str] = []
    latin = False  # whether the last word out is Latin (gluing keeps it so)
    # Whether the last word out has a letter, and is a word or a year (_latin_pair's
    # tests of it), told once as it goes out and kept as words glue to it.
    lettered = wordlike = False
    for word in words:
        if out and word == "※":
            out[-1] = f"{out[-1]} {word}"
            wordlike = lettered  # a year with a note mark is no year
            continue
        # Each word is told Latin once: most are Japanese, and glue to nothing.
        # A word opening with a kana or kanji is Japanese at once (_CJK holds them all).
        if not (
            word.isascii() or (not ("\u3000" <= word[:1] <= "\u9fff") and _CJK.search(word) is None)
        ):
            out.append(word)
            latin = False
            continue
        has_letter = _lettered(word)
        is_word = has_letter or _YEAR.fullmatch(normal(word)) is not None
        if latin and (lettered or has_letter) and wordlike and is_word:
            out[-1] = f"{out[-1]} {word}"  # glued: it has a letter now, and is a word
            lettered = wordlike = True
        else:
            out.append(word)
            latin, lettered, wordlike = True, has_letter, is_word
    return out


def _latin_pair(left: str, right: str) -> bool:
    # Two Latin words that go together: letters on one side at least, each a word or
    # a year.
    return (_lettered(left) or _lettered(right)) and _wordlike(left) and _wordlike(right)


def _lettered(word: str) -> bool:
    return _LETTER.search(word) is not None


def _wordlike(word: str) -> bool:
    return _lettered(word) or _YEAR.fullmatch(normal(word)) is not None


_LETTER = re.compile(r"[^\W\d_]")
