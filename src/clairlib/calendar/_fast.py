"""The parser's hot path: one point with an explicit era or western year, read raw.

Most expressions in documents are a single '平成 25 年 8 月' or '令和7年度'. These are
matched on the raw text (full-width digits and spaces included) and turned into a
Period without folding, tokenising or resolving; anything else returns None and goes
to the full parser in ``_parse``, which also words every error.
"""

from __future__ import annotations

import re
from datetime import date

from clairlib.calendar._era import REGISTRY
from clairlib.calendar._numerals import TO_FULLWIDTH
from clairlib.calendar._period import (
    Period,
    Precision,
    month_end,
    new_object,
    set_end,
    set_precision,
    set_start,
)

DAY, MONTH, YEAR, FISCAL_YEAR = (
    Precision.DAY,
    Precision.MONTH,
    Precision.YEAR,
    Precision.FISCAL_YEAR,
)
_DIGITS = "[0-9０-９]"
_SIMPLE: re.Pattern[str]
_SIMPLE_DOTTED: re.Pattern[str]
_ERA_SPANS: dict[str, tuple[int, date, date]] = {}


def _compile() -> None:
    global _SIMPLE, _SIMPLE_DOTTED
    # Era year n of an era is ``offset + n``; ``date.max`` stands for "no end yet".
    _ERA_SPANS.clear()
    for key, known in REGISTRY.by_name.items():
        _ERA_SPANS[key] = (known.first_year - 1, known.start, known.end or date.max)
    raw_era = (
        "(?P<era>" + "|".join(map(re.escape, sorted(REGISTRY.by_name, key=len, reverse=True))) + ")"
    )
    # Possessive quantifiers: nothing here needs backtracking, and they are faster.
    _SIMPLE = re.compile(
        rf"\s*+{raw_era}?\s*+({_DIGITS}{{1,4}}+|元)\s*+(年度|年)\s*+"
        rf"(?:({_DIGITS}{{1,2}}+)\s*+月\s*+(?:({_DIGITS}{{1,2}}+)\s*+日\s*+)?)?"
    )
    _SIMPLE_DOTTED = re.compile(
        rf"\s*+{raw_era}?\s*+({_DIGITS}{{1,4}}+|元)\s*+(\.)\s*+({_DIGITS}{{1,2}}+)\s*+"
        rf"(?:\.\s*+({_DIGITS}{{1,2}}+)\s*+)?"
    )


_compile()
REGISTRY.listeners.append(_compile)

# int() is the slowest step left on the hot path; small numbers come from a table.
SMALL_NUMBERS: dict[str | None, int] = {"元": 1}
for _n in range(1, 100):
    SMALL_NUMBERS[str(_n)] = _n
    SMALL_NUMBERS[f"{_n:02d}"] = _n
    SMALL_NUMBERS[str(_n).translate(TO_FULLWIDTH)] = _n


def read_simple(text: str) -> Period | None:
    """Read a lone point with an explicit era or western year, or return None.

    None sends the text down the full parser, which also words every error. This is
    the hot path of every parse, hence the flat code.
    """
    match = (_SIMPLE_DOTTED if "." in text else _SIMPLE).fullmatch(text)
    if match is None:
        return None
    name, y, mark, mo, d = match.groups()
    number = SMALL_NUMBERS.get(y) or int(y)
    if name is None:
        if number < 1000:
            return None
        year, first, last = number, date.min, date.max
    else:
        offset, first, last = _ERA_SPANS[name]
        if number < 1:
            return None
        year = offset + number
    try:
        if mo is None:
            if mark == "年度":
                start, end, precision = date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR
            else:
                start, end, precision = date(year, 1, 1), date(year, 12, 31), YEAR
        elif mark == "年度":
            return None
        elif d is None:
            month = SMALL_NUMBERS.get(mo) or int(mo)
            if not 1 <= month <= 12:
                return None
            start, end, precision = date(year, month, 1), month_end(year, month), MONTH
        else:
            start = end = date(
                year, SMALL_NUMBERS.get(mo) or int(mo), SMALL_NUMBERS.get(d) or int(d)
            )
            precision = DAY
    except ValueError:
        return None
    if end < first or start > last:
        return None
    period: Period = new_object(Period)
    set_start(period, start)
    set_end(period, end)
    set_precision(period, precision)
    return period
