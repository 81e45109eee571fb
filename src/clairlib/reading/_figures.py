"""Numbers printed in prose as declared figures, each with the sentence it came from.

``延べ約 40 自治体等`` is a gross count, approximately 40, unit 自治体等; ``年間約 250
万件`` is 250 × 万 件, approximately; ``7万9千人`` is 79 × 千 人; ``80%を超える`` is
more than 80 %; ``約 1,552 万件(前年度比約 161 万件増)`` is a figure with its reported
change. Ordinals (``第 4 回``), dates (``平成 25 年 9 月``) and years are not figures.

A figure's ``period`` is the date or period its sentence prints, read by
:mod:`clairlib.calendar` with the document's fiscal year as context: ``平成25年11月に…45
件`` is November 2013, ``平成 25 年度は…`` FY2013, ``11 月から 12 月にかけて`` the two
months, ``本年度`` the document's year. Only where the sentence prints exactly one date
expression that the calendar reads as one period without a warning; a sentence with
none, or several (``9 月と 11 月``, or two different dates apart; the same date printed
twice is one), an open range (``平成 23 年度から継続している…``: when something began),
a date the calendar refuses or reads only with a warning, a fragment of
one (``23～`` before ``25 年度``), a number after a word (``H25年度``, ``毎年11月``: an
era clairlib does not know, a recurrence) or a date that refers to another sentence's
(``同年 5 月``) leaves it None. What is not the sentence's own date is passed over: a comparison
(``前年度比``, ``昨年度に引き続き``, ``平成24年度と比べ``), a duration (``7 日間``,
``3 年間``), a day with no month (``15 日``), a year with no era (``設立 20 年``).
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from clairlib._filling import filling
from clairlib.calendar import FiscalYear, Period, eras, parse_period
from clairlib.errors import ClairlibError
from clairlib.model import Block, BlockKind, CountingBasis, Figure, Origin, Qualifier, Quantity
from clairlib.reading._units import UNITS as _UNITS

__all__ = ["period_of", "prose_figures", "quantities"]

_DIGITS = str.maketrans("０１２３４５６７８９，．％", "0123456789,.%")
_NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?"
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
# What a unit opens with: the pattern looks at the next character before trying each unit.
_UNIT_FIRSTS = "".join(sorted({re.escape(unit[0]) for unit in _UNITS}))
# What may stand before the number: 延べ (gross), 約/年間約 (approximately), 上限/最大 (at most).
_LEAD_WORDS = (("延べ", "のべ"), ("年間",), ("約", "およそ", "上限", "最大", "計", "各"))
_LEAD = "(?P<lead>" + r"\s*".join(f"(?:{'|'.join(words)})?" for words in _LEAD_WORDS) + r"\s*)"
# A number's digits are taken whole (possessive): giving a digit back could only read
# the last of them as another number (``123百人`` as 12 and 3 百). The lookahead after the
# first digit says at once whether a scale, the の, a unit or a second number follows
# the digits and spaces: most numbers (years, days) are no figure, and fail there.
_WHOLE = r"[0-9][0-9,]*+(?:\.[0-9]++)?+"
_FROM_NUMBER = (
    rf"(?P<num>[0-9](?=[0-9,.]*+\s*+[0-9億万千百の{_UNIT_FIRSTS}])[0-9,]*+(?:\.[0-9]++)?+)"
    rf"\s*+(?P<scale>億|万|千(?!円))?\s*+(?:(?P<num2>{_WHOLE})\s*+(?P<scale2>千|百)(?!円))?"
    rf"\s*+(?P<of>の\s*+)?(?=[{_UNIT_FIRSTS}])(?P<unit>{_UNIT})"
    r"(?P<tail>\s*(?:以上|未満|以下|超|余り|余|を超える|を超え|強|弱))?"
    r"(?P<change>\s*(?:増|減))?"
)
_FIGURE = re.compile(_LEAD + _FROM_NUMBER)


def _wide(text: str) -> bool:
    # Whether the text prints a full-width digit, comma, stop or percent sign (what
    # _DIGITS makes half-width): thirteen searches for one character each cost less than
    # one regex search for the set over a prose block.
    return (
        "０" in text or "１" in text or "２" in text or "３" in text or "４" in text
        or "５" in text or "６" in text or "７" in text or "８" in text or "９" in text
        or "，" in text or "．" in text or "％" in text
    )  # fmt: skip


# The figure pattern in two halves: the number onwards, found by the regex engine's own
# scan from digit to digit, and the words that may stand before it (ending where it begins).
_REST = re.compile(_FROM_NUMBER)
# How far before a number the ordinal (第) and change (前年度比) words are looked for.
_WINDOW = 24
# What ends the words before an ordinal's number (第 3 回, No.5, №2): no count.
_ORDINALS = ("第", "No", "No.", "№")
# The words before a number, read backwards from it in the reversed sentence: the lead
# words (the longest run of _LEAD's parts that ends where the number begins: each part is
# taken where it stands, as no word of the parts before it, nor a space, ends with a
# character its words end with), or an ordinal's word after spaces within the window
# (the spaces rstrip takes: \s is isspace).
_LEAD_BACK = r"\s*+" + r"\s*+".join(
    f"(?:{'|'.join(word[::-1] for word in words)})?" for words in reversed(_LEAD_WORDS)
)
_ORDINAL_BACK = "|".join(
    rf"\s{{0,{_WINDOW - len(word)}}}+{re.escape(word[::-1])}" for word in _ORDINALS
)
_LEAD_BEFORE = re.compile(_LEAD_BACK)
_WORDS_BEFORE = re.compile(rf"(?P<ordinal>{_ORDINAL_BACK})|{_LEAD_BACK}")
# What may stand just before a number with words before it: a space, or the last
# character of a lead word or an ordinal's.
_BEFORE_CHARS = frozenset(
    [word[-1] for words in _LEAD_WORDS for word in words] + [word[-1] for word in _ORDINALS]
)
_BARE = re.compile(rf"[=＝]\s*(?P<num>{_NUM})(?![0-9])")
_CHANGE = re.compile(r"前年度比\s*$|前年度比[^、。]{0,6}$|前年比\s*$")
# The blocks that are prose: a table's or a heading's text declares no figure.
# (A tuple: its members are told by identity, an enum's hash is Python's.)
_PROSE = (BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.NOTE)
_SCALES = {"億": 100_000_000, "万": 10_000, "千": 1000, "百": 100}
_TAILS = {
    "以上": Qualifier.AT_LEAST,
    "未満": Qualifier.LESS_THAN,
    "以下": Qualifier.AT_MOST,
    "超": Qualifier.MORE_THAN,
    "余": Qualifier.MORE_THAN,
    "余り": Qualifier.MORE_THAN,
    "強": Qualifier.MORE_THAN,
    "を超える": Qualifier.MORE_THAN,
    "を超え": Qualifier.MORE_THAN,
}
# The members a figure is given, looked up once (a member looked up on its class goes
# through EnumType.__getattr__).
_DISTINCT, _GROSS = CountingBasis.DISTINCT, CountingBasis.GROSS
_APPROXIMATELY, _AT_MOST = Qualifier.APPROXIMATELY, Qualifier.AT_MOST
# Units that may stand after の (延べ 55 の団体, 29 のテーマ): not 件, 名 or 回.
_AFTER_NO = {"団体", "自治体等", "自治体", "テーマ", "事業", "機関", "都市", "分野"}


def _quantity(
    value: Decimal, unit: str, scale: int, qualifier: Qualifier | None, text: str | None
) -> Quantity:
    # What Quantity(value=…, unit=…, …) makes, built slot by slot without the constructor
    # (see clairlib._filling): the value is a Decimal read from digits (finite), the scale
    # one of _SCALES' or their quotient (positive), as the validators would find.
    quantity = _new(_FillingQuantity)
    quantity.value = value
    quantity.unit = unit
    quantity.scale = scale
    quantity.qualifier = qualifier
    quantity.text = text
    quantity.__class__ = Quantity
    return quantity  # type: ignore[no-any-return]


def _figure(
    ident: str,
    label: str,
    value: Quantity,
    programme: str | None,
    pillar: str | None,
    basis: CountingBasis,
    change: Quantity | None,
    period: Period | None,
    origin: Origin | None,
) -> Figure:
    # A prose figure, as Figure(id=…, source="prose", …) makes it, built slot by slot (a
    # frozen constructor's call a field is most of a figure's cost); the checks no
    # sentence gives (parts, ratios, records) are left as the class leaves them.
    figure = _new(_FillingFigure)
    figure.id = ident
    figure.label = label
    figure.value = value
    figure.programme = programme
    figure.pillar = pillar
    figure.basis = basis
    figure.source = "prose"
    figure.computed_from = None
    figure.parts = ()
    figure.overlapping = False
    figure.numerator = None
    figure.denominator = None
    figure.change = change
    figure.previous = None
    figure.unchecked = None
    figure.period = period
    figure.origin = origin
    figure.__class__ = Figure
    return figure  # type: ignore[no-any-return]


_FillingQuantity = filling(Quantity)
_FillingFigure = filling(Figure)
_new = object.__new__


def _parse_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _counts(text: str) -> list[tuple[int, int, re.Match[str]]]:
    # The figure matches that count, each as (where its sentence begins, where its lead
    # words begin, the match from the number on): what ``_FIGURE.finditer`` finds in each
    # of the text's sentences (up to and with its 。) less an ordinal's number (第 3 回,
    # No.5) and a number after a digit (①5). The regex engine scans the whole text from
    # digit to digit for a number with a unit (no match holds a 。); the words before it
    # are read backwards in the reversed text, within its sentence: an ordinal's within
    # the window, or the lead words (約, 延べ) back to where the last match ended at most.
    counts: list[tuple[int, int, re.Match[str]]] = []
    back = ""
    size = len(text)
    wall = stop = pos = 0  # the sentence's start and end (after its 。), the last match's end
    for match in _REST.finditer(text):
        start, end = match.span()
        if start >= stop:  # the first match of a sentence
            wall = pos = text.rfind("。", stop, start) + 1 or stop
            stop = text.find("。", start) + 1 or size
        last, pos = pos, end
        begin = start
        if start > wall:
            char = text[start - 1]
            if char.isdigit():
                continue
            # No lead or ordinal word ends with another character.
            if char in _BEFORE_CHARS or char.isspace():
                back = back or text[::-1]
                words = _WORDS_BEFORE.match(back, size - start, size - wall)
                if words is not None:  # it always matches, if only the empty lead
                    if words.lastgroup == "ordinal":
                        continue
                    begin = size - words.end()
                    if begin < last:
                        begin = _lead_start(back, start, last)
        counts.append((wall, begin, match))
    return counts


def _lead_start(back: str, at: int, pos: int) -> int:
    # Where the lead words before ``at`` begin, ``pos`` at the earliest: ``back`` is the
    # text reversed.
    size = len(back)
    words = _LEAD_BEFORE.match(back, size - at, size - pos)
    return at if words is None else size - words.end()


_MONTHS = frozenset({"か月", "ヶ月", "ヵ月"})


_Found = tuple[Quantity, CountingBasis, "Quantity | None"]


def quantities(sentence: str) -> list[tuple[Quantity, CountingBasis, Quantity | None]]:
    """Every figure in a sentence: its quantity, counting basis and any reported change."""
    return [
        found for _, figures in _quantities(sentence, _half_width(sentence)) for found in figures
    ]


def _half_width(text: str) -> str:
    # Full-width digits, commas, points and ％ as half-width ones, one for one: the text's
    # positions, its 。 and its spaces stay where they are.
    return text.translate(_DIGITS) if _wide(text) else text


def _quantities(printed: str, text: str) -> list[tuple[int, list[_Found]]]:
    # The figures of each sentence (up to and with its 。) with one, by where it begins,
    # in order; a sentence may have none. ``text`` is ``printed`` with half-width digits
    # (_half_width): what is matched; a figure's printed words are the text's own.
    sentences: list[tuple[int, list[_Found]]] = []
    found: list[_Found] = []
    sentence = -1
    for wall, begin, match in _counts(text):
        if wall != sentence:
            sentence = wall
            found = []
            sentences.append((wall, found))
        start, end = match.span()
        num, scale_word, num2, scale2, of, unit, tail_word, change_word = match.groups()
        if of and unit not in _AFTER_NO:
            continue
        if end < len(text):
            after = text[end]
            if (
                (unit == "名" and after in "称簿誉")
                or (after == "前" and unit in _MONTHS)
                or (unit == "本" and after == "部")  # 日本部, 本部: not a count of 本
            ):
                continue
        qualifier: Qualifier | None = None
        basis = _DISTINCT
        if begin < start:
            lead_words = text[begin:start]
            if "約" in lead_words or "およそ" in lead_words:
                qualifier = _APPROXIMATELY
            elif "上限" in lead_words or "最大" in lead_words:
                qualifier = _AT_MOST
            if "延べ" in lead_words or "のべ" in lead_words:
                basis = _GROSS
        if tail_word is not None and (tail := tail_word.strip()):
            qualifier = _TAILS[tail]
        value = Decimal(num.replace(",", "") if "," in num else num)
        scale = _SCALES[scale_word] if scale_word else 1
        if num2 is not None:
            # 7万9千: 79 thousands.
            small = _SCALES[scale2]
            value = value * Decimal(scale // small) + _parse_number(num2)
            scale = small
        # As printed, with its words (約 1,552 万件): the spaces around it left out.
        figure = printed[begin:end].strip()
        if change_word and found:
            # What stands just before the number in its sentence (a bounded window: no copy
            # of the sentence).
            before = text[max(wall, start - _WINDOW) : start]
            if _CHANGE.search(before.rstrip("(（ 　")) or before.rstrip().endswith(
                ("(", "（", "、", "前年度比")
            ):
                # The change on the figure before it (前年度比 16 件減).
                changed = _quantity(
                    value * (-1 if change_word.strip() == "減" else 1),
                    unit,
                    scale,
                    qualifier,
                    figure,
                )
                found[-1] = (found[-1][0], found[-1][1], changed)
                continue
        found.append((_quantity(value, unit, scale, qualifier, figure), basis, None))
    if "=" not in text and "＝" not in text:
        return sentences
    # A bare number after = (a sentence's last figures, and perhaps its only ones).
    by_start = dict(sentences)
    for match in _BARE.finditer(text):
        wall = text.rfind("。", 0, match.start()) + 1
        by_start.setdefault(wall, []).append(
            (
                _quantity(_parse_number(match.group("num")), "", 1, None, match.group("num")),
                _DISTINCT,
                None,
            )
        )
    return sorted(by_start.items())


# Dates, for a figure's period. A list or range mark between two dates; a point: a
# (fiscal) year with an era or four digits, its month and day, a month with its day, a
# relative fiscal year; a bare number before a mark takes the unit after it (5～6 月).
_MARK = r"\s*(?:[～〜~\-－−–]|から|、|，|,|・|･|と|及び|および)\s*"
# What a mark opens with (after its spaces), for a quick look ahead.
_MARK_FIRSTS = r"[～〜~\-－−–、，,・･と及お]|から"
_N = r"[0-9]{1,2}"
_MONTH = rf"(?:{_N}{_MARK})*{_N}\s*月(?!\s*間|曜)(?:\s*(?:上旬|中旬|下旬|初旬|末))?"
_DAY = rf"(?:{_N}{_MARK})*{_N}\s*日(?!\s*間)(?:\s*[(（]\s*[月火水木金土日]\s*[)）])?"
_MONTH_DAY = rf"{_MONTH}(?:\s*{_DAY})?"
_RELATIVE = "一昨年度|昨年度|前年度|今年度|本年度|当年度|来年度|翌年度|次年度"
_RELATIVE_FIRST = "".join(sorted({word[0] for word in _RELATIVE.split("|")}))
# How far before its first 年 or 月 a date may start (平成 23～25 年度).
_DATE_REACH = 16
# What follows a date that is compared with, not the sentence's own: 前年度比, 昨年度に
# 引き続き, 平成24年度と比べ.
_COMPARED = re.compile(r"\s*(?:比|に比べ|と比べ|に比し|より|並み|同様|と同様|に引き続き|に続き)")
# Before a date's bare number: a word, perhaps an era clairlib does not know (未来2年度,
# H25年度), or what makes the month another's (毎年11月, 同 11 月).
_WORD_BEFORE = re.compile(r"[一-鿿々〆ヵヶァ-ヺーA-Za-zＡ-Ｚａ-ｚ]\s*\Z")
# Before a date: a fragment of a longer one (23～ before 25 年度), an ordinal (第), or
# 同年 / 同月 naming a date of another sentence (同年 5 月).
_DATE_BEFORE = re.compile(r"(?:[0-9～〜~\-－−–第]|同\s*[年月日]\s*度?)\s*\Z")


@functools.cache
def _date_pattern(era_names: tuple[str, ...]) -> re.Pattern[str]:
    era = "|".join(sorted(map(re.escape, era_names), key=len, reverse=True))
    firsts = "".join(sorted({re.escape(name[0]) for name in era_names}))
    number = rf"(?:元|{_N})"

    def year(same: str) -> str:
        # ``same`` is 同 after a date of the sentence: 同26年, 同年.
        return (
            rf"(?:(?:{era}{same})\s*(?:{number}{_MARK})*{number}"
            rf"|[12][0-9]{{3}}(?:{_MARK}[12][0-9]{{3}})*{same})\s*年(?!\s*間)"
        )

    def point(same: str) -> str:
        return (
            rf"(?:(?:{year(same)}|{_N}\s*年)\s*度(?:\s*末)?|{year(same)}(?:\s*{_MONTH_DAY}|\s*末)?"
            rf"|{_N}\s*年(?=\s*{_N}\s*月)\s*{_MONTH_DAY}|(?:{_RELATIVE})(?:\s*{_MONTH_DAY})?"
            rf"|{_MONTH_DAY})"
        )

    # 同 (the same year) only after a date of the sentence: 平成25年12月～同26年1月.
    date = rf"{point('')}(?:{_MARK}(?:{point('|同')}|{_DAY}))*(?:\s*(?:まで|にかけて|から|以降))?"
    # The match is the date's first character, the date (group ``date``) read from it by
    # the lookahead in the lookbehind: a pattern that opens with a character class lets
    # the regex engine's scan pass at once over what cannot start a date, where one that
    # opens with a lookahead is tried at every position.
    # A date opens with an era's name, a relative year, or digits (all the digits there)
    # and a 年, a 月 or a list's mark: that is looked at before the date's alternatives.
    first = f"[0-9{_RELATIVE_FIRST}{firsts}]"
    opens = rf"(?=[0-9]++\s*+(?:年|月|{_MARK_FIRSTS})|{era}|{_RELATIVE})"
    return re.compile(rf"{first}(?<=(?={opens}(?P<date>{date})){first})")


_PATTERN: list[Any] = [None, None]  # the eras the date pattern was made for, and it


def period_of(sentence: str, fiscal: FiscalYear) -> Period | None:
    """The one date or period ``sentence`` prints, read in ``fiscal``; None for none or several."""
    return _period_of(_half_width(sentence), fiscal)


def _period_of(text: str, fiscal: FiscalYear) -> Period | None:
    # ``text``: the sentence with half-width digits (_half_width).
    year, month = text.find("年"), text.find("月")
    if year < 0 and month < 0:
        return None
    first = month if year < 0 or 0 <= month < year else year
    found: str | None = None
    known = eras()
    if _PATTERN[0] is not known:  # an era registered since: names and dates read again
        _PATTERN[:] = [known, _date_pattern(tuple(era.name for era in known))]
        _read_date.cache_clear()
    pattern: re.Pattern[str] = _PATTERN[1]
    # The dates one after another, as finditer finds them: each search from the last
    # date's end.
    pos = max(0, first - _DATE_REACH)
    while (match := pattern.search(text, pos)) is not None:
        start, pos = match.span("date")
        if _COMPARED.match(text, pos):
            continue
        if _DATE_BEFORE.search(text, max(0, start - 5), start) or (
            text[start].isdigit() and _WORD_BEFORE.search(text, max(0, start - 3), start)
        ):
            return None
        # The same date printed twice (平成 25 年度に…平成25年度の…) is one date: compared
        # without its spaces (split takes what \s takes).
        printed = "".join(match.group("date").split())
        if found is not None and printed != found:
            return None
        found = printed
    if found is None:
        return None
    return _read_date(found, fiscal)


@functools.lru_cache(maxsize=1024)
def _read_date(printed: str, fiscal: FiscalYear) -> Period | None:
    # A date the calendar reads only with a warning (an era past its end, a range printed
    # backwards) is not plainly the sentence's date.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            period = parse_period(printed, context=fiscal)
        except (ClairlibError, Warning):
            return None
    # An open range (平成23年度から継続している…) says when something began, not when
    # the figure counts: no period.
    if not isinstance(period, Period) or period.open_start or period.open_end:
        return None
    return period


def prose_figures(
    blocks: Iterable[Block],
    programme: str | None,
    pillar: str | None,
    fiscal: FiscalYear,
    *,
    stem: str,
) -> list[Figure]:
    """The declared figures of the prose blocks of one place, labelled with their sentence.

    ``stem`` makes the figure ids unique within the document (``1.2-f3``).
    """
    out: list[Figure] = []
    for block in blocks:
        if block.kind not in _PROSE:
            continue
        # The block with half-width digits, one for one: its 。 stay where they are. Its
        # figures are found in one scan, each sentence's (a sentence ends with its 。, the
        # last one perhaps without) labelled with it.
        printed = block.text
        half = printed.translate(_DIGITS) if _wide(printed) else printed
        for begin, figures in _quantities(printed, half):
            if not figures:
                continue
            end = half.find("。", begin) + 1 or len(half)
            sentence = printed[begin:end].strip()
            period = _period_of(half[begin:end].strip(), fiscal)
            for quantity, basis, change in figures:
                out.append(
                    _figure(
                        f"{stem}-f{len(out) + 1}",
                        sentence,
                        quantity,
                        programme,
                        pillar,
                        basis,
                        change,
                        period,
                        block.origin,
                    )
                )
    return out
