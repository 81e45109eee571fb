"""The parser's patterns, matched on the text as printed.

Nothing is folded first: full-width digits, spaces and line breaks inside a token
(``平\\n成``, ``令和3\\n年``), the Kangxi look-alikes of 月 and 日 (U+2F49, U+2F47)
and every tilde and dash are matched where they stand, so that an error's span is an
offset of the caller's own text. The patterns are rebuilt when the era table changes.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from clairlib.calendar._era import REGISTRY, Era
from clairlib.calendar._numerals import KANJI_NUMERAL_CHARS, kanji_to_int

_S = r"\s*+"
DIGIT = "[0-9０-９]"
_KANJI = "[" + "".join(sorted(KANJI_NUMERAL_CHARS)) + "]"
MONTH_MARK = "[月⽉]"
DAY_MARK = "[日⽇]"
TILDES = "~～〜∼〰"
DASHES = "-－ー‐‑–—―−─"
_RANGE_MARKS = "[" + re.escape(TILDES + DASHES) + "]"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_LIST_MARKS = "[、，,､･・;；" + CIRCLED + "]"


#: What may follow a SIMPLE_POINT match for it to be the whole point: a range or list
#: mark, the first character of a word that joins points (から, まで, と, にかけて…).
#: None of these can go on a point, so POINT would stop where SIMPLE_POINT stopped.
SIMPLE_STOPS = frozenset(TILDES + DASHES + "、，,､･・;；" + CIRCLED + "かより至お及並とま迄以にの")
#: Digits: after a printed weekday, another point may follow with nothing between
#: ('7日(木)8日(金)'); POINT would go on only into a time ('(木)10:00').
DIGITS = frozenset("0123456789０１２３４５６７８９")
#: SIMPLE_POINT's last groups: ``lastindex`` says whether the weekday or the tail (頃,
#: 現在…) matched last. POINT ends after a tail whatever follows.
SIMPLE_WEEKDAY = 10
SIMPLE_TAIL = 13


def spaced(word: str) -> str:
    """A literal that may have spaces or line breaks between its characters."""
    return _S.join(re.escape(ch) for ch in word)


def _words(*words: str) -> str:
    return "|".join(spaced(word) for word in sorted(words, key=len, reverse=True))


def _unspaced(*words: str) -> str:
    """An alternation of ``words`` as printed unbroken, the longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _starts(*words: str) -> str:
    """A lookahead for the first characters of ``words``.

    Put before an alternation of words, it fails at once where none can start, rather
    than trying every word in turn: the same matches, found sooner.
    """
    return "(?=[" + re.escape("".join(sorted({word[0] for word in words}))) + "])"


#: Relative words that stand for a year, a fiscal year or a day.
RELATIVE = {
    "一昨年": ("y", -2),
    "昨年": ("y", -1),
    "去年": ("y", -1),
    "今年": ("y", 0),
    "本年": ("y", 0),
    "当年": ("y", 0),
    "来年": ("y", 1),
    "翌年": ("y", 1),
    "一昨年度": ("fy", -2),
    "昨年度": ("fy", -1),
    "前年度": ("fy", -1),
    "今年度": ("fy", 0),
    "本年度": ("fy", 0),
    "当年度": ("fy", 0),
    "来年度": ("fy", 1),
    "翌年度": ("fy", 1),
    "次年度": ("fy", 1),
    "前日": ("d", -1),
    "同日": ("d", 0),
    "翌日": ("d", 1),
}
PARTS = {
    "上旬": "early",
    "初旬": "early",
    "中旬": "middle",
    "下旬": "late",
    "月末": "end",
    "末日": "end",  # the last day: 3月末日 is 3月末
    "末": "end",
}
TAILS = ("頃", "ごろ", "現在", "時点", "中", "号")
_SIMPLE_PARTS = tuple(part for part in PARTS if part != "月末")
#: The relative words that stand for a year or a fiscal year (not a day).
YEAR_WORDS = tuple(word for word, (kind, _) in RELATIVE.items() if kind != "d")

PLAIN: re.Pattern[str]
PLAIN_ITEM: re.Pattern[str]
PLAIN_ITEMS: re.Pattern[str]
PLAIN_HEAD: re.Pattern[str]
PLAIN_MONTHS: re.Pattern[str]
POINT: re.Pattern[str]
SIMPLE_POINT: re.Pattern[str]
WESTERN: re.Pattern[str]
AFTER: re.Pattern[str]
END_WORDS: re.Pattern[str]
DURATION: re.Pattern[str]
LEAD: re.Pattern[str]
REPEAT: re.Pattern[str]
QUICK_ITEM: re.Pattern[str]
QUICK_DAY: re.Pattern[str]
QUICK_DAYS_HEAD: re.Pattern[str]
QUICK_DAYS_AFTER: re.Pattern[str]
QUICK_DAYS_RANGE: re.Pattern[str]
QUICK_BLOCKED: re.Pattern[str]
#: Every spelling of an era the patterns match: name, ligature, initial (also full-width).
ERAS: dict[str, Era] = {}
#: For the fast path: an era's name → (its year 1 minus one, first day, last day).
ERA_SPANS: dict[str, tuple[int, date, date]] = {}
#: For the fast lanes: an era's name → {a year as printed in digits or 元: its Gregorian
#: year and each month's first and last day (index 1..12)}, for the era's whole years
#: only (1 January to 31 December inside the era), so that nothing read in them needs
#: the era's bounds checked, nor a month's length worked out. The first and last years
#: are left out: the fast lanes check those against ERA_SPANS.
ERA_YEARS: dict[str, dict[str, tuple[int, tuple[tuple[date, date], ...]]]] = {}
#: A month as the fast lanes read it in digits ('4', '04', '４') → its number, 1..12 only.
MONTHS: dict[str, int] = {}
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
for _month in range(1, 13):
    for _text in {str(_month), f"{_month:02d}"}:
        MONTHS[_text] = MONTHS[_text.translate(_FULL_WIDTH)] = _month


_TIME = rf"{DIGIT}{{1,2}}+{_S}[:：]{_S}{DIGIT}{{2}}"


def _suffix() -> str:
    time = _TIME
    weekday = (
        rf"[(（<＜〈]{_S}(?P<wd>[月火水木金土日⽉⽇]){_S}(?:曜{_S}(?:日|⽇)?{_S})?"
        rf"(?:[・,、･]?{_S}[祝休]{_S}(?:日|⽇)?{_S})?[)）>＞〉]{_S}"
    )
    return (
        rf"(?:{_starts(*PARTS)}(?P<part>{_words(*PARTS)}){_S})?"
        rf"(?:{weekday})?"
        rf"(?:(?P<t1>{time})(?:{_S}{_RANGE_MARKS}{_S}(?P<t2>{time}))?{_S})?"
        rf"(?:{_starts(*TAILS)}(?P<tail>{_words(*TAILS)}){_S})?"
    )


def _branches(pattern: str) -> str:
    """``pattern`` with each greedy optional group ``(?:X)?`` written ``(?:X|)``.

    The same matches, groups and ``lastindex``: both try X first, then nothing. The
    regular expression engine runs a branch to nothing faster than a repeat of at
    most one (a third of a match's time in these patterns, mostly optional groups).
    """
    out: list[str] = []
    opens: list[int] = []  # where each open group's '(' is in ``out``
    i, size = 0, len(pattern)
    while i < size:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[":
            j = i + 1
            j += pattern[j] == "^"
            j += pattern[j] == "]"
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            opens.append(len(out))
            out.append(ch)
            i += 1
            continue
        if ch == ")":
            start = opens.pop()
            optional = pattern[i + 1 : i + 2] == "?" and pattern[i + 2 : i + 3] not in ("?", "+")
            group = "".join(out[start : start + 4])
            if not optional or group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                out.append(ch)
                i += 1
                continue
            if group.startswith("(?:"):
                out.append("|)")
            else:
                # A capturing group: the branch goes round it.
                out[start] = "(?:("
                out.append(")|)")
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_branches(pattern))


def _months_of(year: int) -> tuple[tuple[date, date], ...]:
    """Each month's first and last day in ``year``, at its number (index 0 is unused)."""
    starts = [date(year, month, 1) for month in range(1, 13)] + [date(year + 1, 1, 1)]
    return ((starts[0], starts[0]), *((starts[i], starts[i + 1] - _ONE_DAY) for i in range(12)))


_ONE_DAY = timedelta(days=1)


def _whole_years() -> None:
    """Fill ERA_YEARS from the era table."""
    ERA_YEARS.clear()
    calendar: dict[int, tuple[tuple[date, date], ...]] = {}
    for key, known in REGISTRY.by_name.items():
        whole: dict[str, tuple[int, tuple[tuple[date, date], ...]]] = {}
        last = 9998 if known.end is None else known.end.year - 1
        if known.end is not None and known.end.month == 12 and known.end.day == 31:
            last += 1
        first = known.start.year + ((known.start.month, known.start.day) != (1, 1))
        for number in range(1, 100):
            year = known.first_year + number - 1
            if first <= year <= last:
                months = calendar.get(year)
                if months is None:
                    months = calendar[year] = _months_of(year)
                for text in {str(number), f"{number:02d}"}:
                    whole[text] = whole[text.translate(_FULL_WIDTH)] = (year, months)
                if number == 1:
                    whole["元"] = (year, months)
        ERA_YEARS[key] = whole


def compile_patterns() -> None:
    """Build every pattern from the era table."""
    global PLAIN, PLAIN_ITEM, PLAIN_ITEMS, PLAIN_HEAD, PLAIN_MONTHS, POINT, SIMPLE_POINT, WESTERN
    global AFTER, END_WORDS, DURATION, LEAD, REPEAT, QUICK_ITEM, QUICK_DAY, QUICK_DAYS_HEAD
    global QUICK_DAYS_AFTER, QUICK_DAYS_RANGE, QUICK_BLOCKED
    ERAS.clear()
    ERAS.update(REGISTRY.by_name)
    for known in REGISTRY.eras:
        ERAS[chr(ord(known.initial) + 0xFEE0)] = known
    ERA_SPANS.clear()
    for key, known in REGISTRY.by_name.items():
        ERA_SPANS[key] = (known.first_year - 1, known.start, known.end or date.max)
    _whole_years()
    names = sorted(REGISTRY.by_name, key=len, reverse=True)
    full = [name for name in names if len(name) > 1 or not ("A" <= name <= "Z")]
    initials = "".join(era.initial for era in REGISTRY.eras)
    fullwidth = "".join(chr(ord(ch) + 0xFEE0) for ch in initials)
    era = (
        "(?P<era>"
        + "|".join(spaced(name) for name in full)
        + f"|[{initials}{fullwidth}](?={_S}(?:{DIGIT}|元))"
        + ")"
    )
    era = _starts(*full, *initials, *fullwidth) + era
    alt_era = era.replace("(?P<era>", "(?P<alt_era>")
    year = rf"{DIGIT}{{1,4}}+|元|{_KANJI}{{1,4}}+"
    small = rf"{DIGIT}{{1,2}}+|{_KANJI}{{1,3}}+"
    POINT = _compile(
        rf"{_S}(?:(?=[自至去])(?P<pre>自|至|去る){_S})?"
        rf"(?:{era}{_S})?(?:(?P<same>同){_S})?"
        rf"(?:{_starts(*RELATIVE)}(?P<rel>{_words(*RELATIVE)}){_S}"
        rf"|(?P<y>{year})?{_S}(?P<ym>年{_S}度|年{_S}代|年){_S}"
        rf"(?:[(（]{_S}(?:{alt_era}{_S})?(?P<alt_y>{year}){_S}年{_S}[)）]{_S})?)?"
        rf"(?:(?P<mo>{small})?{_S}(?P<mm>{MONTH_MARK}){_S})?"
        rf"(?:(?P<d>{small}){_S}{DAY_MARK}(?!{_S}間){_S})?"
        rf"(?:(?P<bare>{DIGIT}{{1,4}}+)(?![0-9０-９:：]){_S})?" + _suffix()
    )
    # The most common point, '平成 25 年 8 月 1 日' or '令和7年度', alone: the parser's
    # fast path. Possessive quantifiers, since nothing here needs backtracking.
    # An era's name may be broken across lines ('平\n成'), as PDF text prints it, and so
    # may 年度 ('平成 23 年\n\n度').
    plain_era = "|".join(spaced(name) for name in full)
    PLAIN = _compile(
        rf"\s*+({plain_era})?\s*+({DIGIT}{{1,4}}+|元)\s*+(年\s*+度|年)\s*+"
        rf"(?:({DIGIT}{{1,2}}+)\s*+月\s*+(?:({DIGIT}{{1,2}}+)\s*+日\s*+)?)?"
    )
    # The common point, '2013年11月7日(木)', '8日(金)', '平成25年度', 'H10', '4' (a bare
    # number), '令和3年度末', '2012年9月号', with the group names of POINT: the reader's
    # fast lane. Each part is a part of POINT with fewer spellings (digits only, words
    # unbroken; no relative words, 同 or years in brackets). It stands for a
    # POINT match only where the text after it could not go on as a point (see
    # SIMPLE_STOPS); elsewhere POINT decides.
    SIMPLE_POINT = _compile(
        rf"{_S}(?:(?=[自至去])(?P<pre>自|至|去る){_S})?"
        rf"(?:{era}{_S})?"
        rf"(?:(?P<y>{DIGIT}{{1,4}}+|元){_S}(?P<ym>年度|年代|年){_S})?"
        rf"(?:(?P<mo>{DIGIT}{{1,2}}+){_S}(?P<mm>月){_S})?"
        rf"(?:(?P<d>{DIGIT}{{1,2}}+){_S}日{_S})?"
        rf"(?:(?P<bare>{DIGIT}{{1,4}}+)(?![0-9０-９:：]){_S})?"
        # Not 月末: where SIMPLE_POINT has no month, POINT reads its 月 as the month's.
        rf"(?:{_starts(*_SIMPLE_PARTS)}(?P<part>{_unspaced(*_SIMPLE_PARTS)}){_S})?"
        rf"(?:[(（]{_S}(?P<wd>[月火水木金土日]){_S}[)）]{_S})?"
        rf"(?:(?P<t1>{_TIME})(?:{_S}{_RANGE_MARKS}{_S}(?P<t2>{_TIME}))?{_S})?"
        rf"(?:{_starts(*TAILS)}(?P<tail>{_unspaced(*TAILS)}){_S})?"
    )
    # The reader's fast lane (see _quick): a list item of points as POINT (or WESTERN, for
    # a slashed month and day) reads them with fewer spellings (digits and kanji years,
    # words unbroken, no 同 and no relative day), so that it matches what they match
    # where the lane lets it stand. Groups, by position: the item's list word or mark, 自,
    # 至 or 去る, the first point's slashed month and day, era, relative year word, year,
    # 年 mark, era and year in brackets, month, day, bare number, part, weekday, times
    # and tail; the range mark, a recurrence word after it (各月), a duration's number
    # and unit, the second point's sixteen, the end word after it, the open word (まで,
    # 以降…). A recurrence word (毎年) may come first, before 自, 至 or 去る.
    marks = "、，,､･・;；" + CIRCLED
    plain_year = rf"{DIGIT}{{1,4}}+|元|{_KANJI}{{1,4}}+"
    point = (
        # A month and day with a slash ('6/2'), as WESTERN reads them, or a point in
        # words: its era, year word or year (and a year in brackets), month, day, bare
        # number.
        rf"{_S}(?:({DIGIT}{{1,2}}+){_S}[/／]{_S}({DIGIT}{{1,2}}+){_S}"
        rf"|(?:{era.replace('(?P<era>', '(')}{_S})?"
        rf"(?:{_starts(*YEAR_WORDS)}({_unspaced(*YEAR_WORDS)}){_S}"
        rf"|({plain_year}){_S}(年度|年代|年){_S}"
        rf"(?:[(（]{_S}(?:{era.replace('(?P<era>', '(')}{_S})?({plain_year}){_S}年{_S}[)）]{_S})?)?"
        rf"(?:({DIGIT}{{1,2}}+){_S}月{_S})?"
        rf"(?:({DIGIT}{{1,2}}+){_S}日{_S})?"
        rf"(?:({DIGIT}{{1,4}}+)(?![0-9０-９:：]){_S})?)"
        rf"(?:{_starts(*_SIMPLE_PARTS)}({_unspaced(*_SIMPLE_PARTS)}){_S})?"
        rf"(?:[(（]{_S}([月火水木金土日]){_S}[)）]{_S})?"
        rf"(?:({_TIME})(?:{_S}{_RANGE_MARKS}{_S}({_TIME}))?{_S})?"
        rf"(?:{_starts(*TAILS)}({_unspaced(*TAILS)}){_S})?"
    )
    lists, joins = ("および", "及び", "並びに", "と"), ("から", "より", "至")
    closes = ("まで", "迄", "にかけて", "にわたって", "にわたり")
    opens = ("まで", "迄", "以前", "以降", "以後")
    # As DURATION, its number in digits.
    duration = (
        rf"({DIGIT}{{1,4}}+){_S}"
        rf"(日{_S}間|週{_S}間|[かカヶケヵ箇ヵ個]{_S}月{_S}間?|年{_S}間)"
        rf"(?:{_S}(?:{_unspaced('にわたって', 'にわたり', 'の間')}))?{_S}"
    )
    range_marks = TILDES + DASHES
    # As REPEAT, without a weekday after the word.
    repeat = rf"(?=[毎各])({_words('各月', '毎月', '毎週', '毎年')}){_S}"
    QUICK_ITEM = _compile(
        rf"\s*+(?:{_starts(*lists, *marks)}(?:({_unspaced(*lists)})|([{marks}])))?"
        rf"[\s{marks}]*+{_S}(?:{repeat})?(?:(?=[自至去])(自|至|去る){_S})?{point}"
        rf"(?:{_starts(*range_marks, *joins)}({_RANGE_MARKS}|{_unspaced(*joins)}){_S}"
        rf"(?:{repeat}|{duration}|{point}(?:{_starts(*closes)}({_unspaced(*closes)}){_S})?)"
        rf"|{_starts(*opens)}({_unspaced(*opens)}){_S})?"
    )
    # The last item of a list of days, when it is a day alone ('、5日', 'と7日(土)',
    # '8日(金)'): QUICK_ITEM's groups for it, matched to the text's end, where every
    # later part of QUICK_ITEM can only match nothing. Its list word or mark, day and
    # weekday.
    QUICK_DAY = _compile(
        rf"\s*+(?:{_starts(*lists, *marks)}(?:({_unspaced(*lists)})|([{marks}])))?"
        rf"[\s{marks}]*+{_S}({DIGIT}{{1,2}}+){_S}日{_S}"
        rf"(?:[(（]{_S}([月火水木金土日]){_S}[)）]{_S})?"
    )
    # A month's days listed or side by side, how they open: '2013年10月4', '12月6日(金)',
    # '自 平成25年11月7日' (自 before a range; an era's name unbroken and its year in
    # digits, a western year, or none; the month; the first day, its 日 and weekday),
    # where a list mark or word, a weekday with a day after it, or a range mark follows
    # (QUICK_DAYS_AFTER finds one before the text's last character). The days after are
    # QUICK_DAY's. Its 自, era, year, month, day, 日 and weekday.
    after = "、，,､･・;；" + CIRCLED + "と及並)）" + TILDES + DASHES + "かよ至"
    QUICK_DAYS_AFTER = _compile(f"[{re.escape(after)}]")
    # What follows the head for a range of days to its last ('から13日', '～6月1日', '至
    # 平成25年3月31日'): the mark, the last day's era, year, month and day (a day, not a
    # duration: no 間 after it), an end word. Its era, year, month and day.
    era_names = "|".join(map(re.escape, full))
    QUICK_DAYS_RANGE = _compile(
        rf"{_S}(?:{_RANGE_MARKS}|から|より|至){_S}"
        rf"(?:(?:({era_names}){_S})?({DIGIT}{{1,4}}+){_S}年{_S})?(?:({DIGIT}{{1,2}}+){_S}月{_S})?"
        rf"({DIGIT}{{1,2}}+){_S}日(?!{_S}間){_S}(?:(?:{_unspaced(*closes)}){_S})?"
    )
    QUICK_DAYS_HEAD = _compile(
        rf"{_S}(?:(自){_S})?(?:(?:({era_names}){_S})?({DIGIT}{{1,4}}+){_S}年{_S})?"
        rf"({DIGIT}{{1,2}}+){_S}月{_S}({DIGIT}{{1,2}}+)(?![0-9０-９:：]){_S}"
        rf"(?:(日){_S}(?:[(（]{_S}([月火水木金土日]){_S}[)）]{_S})?)?"
    )
    # A character the fast lane never reads: a text holding one goes to the reader.
    readable = set(
        "0123456789０１２３４５６７８９元年度代月日火水木金土()（）自去る:：/／" + TILDES + DASHES
    )
    readable.update(marks, *lists, *joins, *closes, *opens, *ERAS, *_SIMPLE_PARTS, *TAILS)
    readable.update(*YEAR_WORDS, KANJI_NUMERAL_CHARS, "間週かカヶケヵ箇個の毎各")
    # One character class, searched in one pass. A bracket that holds neither a weekday
    # nor a year ('(①…)') or a run of five digits ('20190315') stops QUICK_ITEM where it
    # stands (it reads a bracket only round those, and at most four digits before a
    # non-digit), so the lane refuses those too, without a search of its own.
    QUICK_BLOCKED = _compile("[^\\s" + "".join(map(re.escape, sorted(readable))) + "]")
    # A list item of plain months or years, '①平成 25 年 7～8 月', '令和4年度～令和8年度',
    # '平成25年12月から平成26年1月まで': the fast path for lists and ranges.
    ends = "|".join(
        re.escape(word) for word in ("まで", "迄", "にかけて", "にわたって", "にわたり", "の間")
    )
    PLAIN_ITEM = _compile(
        rf"([\s{CIRCLED}、，,・]*+)({plain_era})?\s*+({DIGIT}{{1,4}}+|元)\s*+(年度|年)\s*+"
        rf"(?:({DIGIT}{{1,2}}+)\s*+(月)?\s*+)?"
        rf"(?:({_RANGE_MARKS}|から|より)\s*+"
        rf"(?:({plain_era})?\s*+(同)?\s*+({DIGIT}{{1,4}}+|元)\s*+(年度|年)\s*+)?"
        rf"(?:({DIGIT}{{1,2}}+)\s*+月\s*+)?(?:(?:{ends})\s*+)?)?"
    )
    # The same, each item whole in a first group, for findall over a whole list; and how
    # the first item starts, so that findall does not scan a text that is no such list.
    PLAIN_ITEMS = _compile(f"({PLAIN_ITEM.pattern})")
    PLAIN_HEAD = _compile(
        rf"[\s{CIRCLED}、，,・]*+(?:{plain_era})?\s*+(?:{DIGIT}{{1,4}}+|元)\s*+年"
    )
    # The commonest list of all, months of an era's years ('①平成 25 年 4 月 ②平成 25 年
    # 7～8 月'), each item whole in its first group: PLAIN_ITEMS with five groups, not 13.
    unbroken_era = "|".join(map(re.escape, full))
    PLAIN_MONTHS = _compile(
        rf"(([\s{CIRCLED}、，,・]*+)({unbroken_era})\s*+({DIGIT}{{1,2}}+)\s*+年\s*+"
        rf"({DIGIT}{{1,2}}+)\s*+(?:{_RANGE_MARKS}\s*+({DIGIT}{{1,2}}+)\s*+)?月\s*+)"
    )
    WESTERN = _compile(
        rf"{_S}(?:(?=[自至去])(?P<pre>自|至|去る){_S})?"
        rf"(?:(?:{era}{_S})?(?P<y>{DIGIT}{{1,4}}+|元){_S}[.．]{_S}(?P<mo>{DIGIT}{{1,2}}+)"
        rf"(?:{_S}[.．]{_S}(?P<d>{DIGIT}{{1,2}}+))?"
        rf"|(?:(?P<y2>{DIGIT}{{4}}){_S}[/／]{_S})?(?P<mo2>{DIGIT}{{1,2}}+){_S}[/／]{_S}"
        rf"(?P<d2>{DIGIT}{{1,2}}+)"
        rf"|(?P<compact>{DIGIT}{{8}})(?![0-9０-９])){_S}" + _suffix()
    )
    AFTER = _compile(
        rf"{_S}(?:(?P<range>{_RANGE_MARKS}|{_words('から', 'より', '至')})"
        rf"|(?P<list>{_LIST_MARKS}|{_words('および', '及び', '並びに', 'と')})"
        rf"|(?P<until>{_words('まで', '迄', '以前')})"
        rf"|(?P<since>{_words('以降', '以後')})){_S}"
    )
    END_WORDS = _compile(
        rf"{_S}(?:{_words('まで', '迄', 'にかけて', 'にわたって', 'にわたり', 'の間')}){_S}"
    )
    DURATION = _compile(
        rf"{_S}(?P<n>{DIGIT}{{1,4}}+|{_KANJI}{{1,3}}+){_S}"
        rf"(?P<unit>日{_S}間|週{_S}間|[かカヶケヵ箇ヵ個]{_S}月{_S}間?|年{_S}間)"
        rf"(?:{_S}{_words('にわたって', 'にわたり', 'の間')})?{_S}"
    )
    LEAD = _compile(rf"(?:\s|{_LIST_MARKS})*+")
    REPEAT = _compile(
        rf"{_S}(?P<word>{_words('各月', '毎月', '毎週', '毎年')}){_S}"
        rf"(?:(?P<wd>[月火水木金土日⽉⽇]){_S}曜{_S}(?:日|⽇)?{_S})?"
    )


def squeeze(text: str) -> str:
    """Drop the spaces and line breaks inside a token ('年\\n度' is 年度)."""
    return "".join(text.split())


def number(text: str) -> int:
    """Read a year, month or day as printed: ASCII, full-width, kanji or 元."""
    text = squeeze(text)
    if text == "元":
        return 1
    first = text[0]
    if first in KANJI_NUMERAL_CHARS:
        return kanji_to_int(text)
    return int(text)


compile_patterns()
