"""Leaf values of the canonical JSON: strict readers and their writers.

Every reader takes ``(value, type)`` as a cattrs structure hook does and raises a
:class:`~clairlib.io._problems.Problem` that says what was expected and found.
Readers are strict: JSON ``5`` is not a string and ``"5"`` is not a number.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.errors import CalendarError
from clairlib.io._problems import (
    NOT_FINITE,
    PERIOD,
    UNKNOWN_COUNTRY,
    VALUE,
    Problem,
    describe,
    is_non_finite,
    wrong_type,
)
from clairlib.model.places import is_country_code

Reader = Callable[[Any, Any], Any]

# Decimals as canonical JSON strings: plain or exponent form, ASCII digits only.
DECIMAL_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
# Python refuses to turn longer integers into text (sys.int_info.default_max_str_digits).
_MAX_INT_DIGITS = 4000

MAX_DIGITS = 30
"""The most significant digits a number may have: printed figures need far fewer."""
MAX_EXPONENT = 30
"""The largest decimal exponent, either way: ``1e30`` and ``1e-30`` are read, ``1e31`` is not."""
INT_LIMIT = 10**MAX_DIGITS
"""Whole numbers are read strictly between ``-INT_LIMIT`` and ``INT_LIMIT`` (30 digits)."""

_RANGE = (
    f"a number of at most {MAX_DIGITS} significant digits with an exponent within ±{MAX_EXPONENT}"
)


def in_range(value: Decimal) -> bool:
    """True when a finite Decimal is one clairlib reads: 30 digits, exponent within ±30.

    Public bodies print figures of a few digits; a number far beyond that is a mistake
    or an attack (``1e999999999`` would make every later sum and format hang), so it
    is refused at the door and nothing after ``load`` ever meets one.
    """
    if not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        return False
    # Its text prints every digit of the coefficient (with a sign, a point or an
    # exponent beside): text that short holds few enough digits, and is found at a
    # quarter of the cost of counting them.
    return len(str(value)) <= MAX_DIGITS or len(value.as_tuple().digits) <= MAX_DIGITS


def _checked(value: Decimal, shown: object) -> Decimal:
    if not in_range(value):
        raise Problem(VALUE, _RANGE, _shown(shown))
    return value


def _shown(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= INT_LIMIT:
        return f"a number of {len(str(abs(value)))} digits"
    text = describe(value)
    return text if len(text) <= 60 else text[:59] + "…"


def read_str(value: Any, _: Any = None) -> str:
    if isinstance(value, str):
        return value
    raise wrong_type("a string", value)


def read_int(value: Any, _: Any = None) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if not -INT_LIMIT < value < INT_LIMIT:
            raise Problem(VALUE, f"a whole number of at most {MAX_DIGITS} digits", _shown(value))
        return value
    raise wrong_type("a whole number", value)


def read_bool(value: Any, _: Any = None) -> bool:
    if value is True or value is False:
        return value
    raise wrong_type("true or false", value)


def read_decimal(value: Any, _: Any = None) -> Decimal:
    if isinstance(value, bool):
        raise wrong_type("a number", value)
    if isinstance(value, int):
        if not -INT_LIMIT < value < INT_LIMIT:
            raise Problem(VALUE, _RANGE, _shown(value))
        return Decimal(value)
    if is_non_finite(value):
        raise Problem(NOT_FINITE, "a finite number", describe(value))
    if isinstance(value, Decimal):
        return _checked(value, value)
    if isinstance(value, float):
        # A float can only come from a dict built in Python; its repr is the
        # shortest text that reads back as the same float.
        return _checked(Decimal(repr(value)), value)
    if isinstance(value, str):
        if DECIMAL_TEXT.fullmatch(value):
            return _checked(Decimal(value), value)
        if value.strip().lstrip("+-").lower() in {"nan", "snan", "inf", "infinity"}:
            raise Problem(NOT_FINITE, "a finite number", describe(value))
        raise Problem(VALUE, 'a decimal number such as 68.5 or "68.5"', describe(value))
    raise wrong_type("a number", value)


def write_decimal(value: Decimal) -> int | str:
    """An integral Decimal as a JSON int, any other as its exact text ("68.5", "2.0")."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0 and value.adjusted() < _MAX_INT_DIGITS:
        return int(value)
    return str(value)


def read_fiscal_year(value: Any, _: Any = None) -> FiscalYear:
    if not isinstance(value, int) or isinstance(value, bool):
        raise wrong_type("a fiscal year as a whole number such as 2013", value)
    try:
        return FiscalYear(value)
    except CalendarError:
        raise Problem(PERIOD, "a fiscal year 1..9998", f"{value}") from None


def write_fiscal_year(value: FiscalYear) -> int:
    return value.year


_PERIOD_EXPECTED = "a period such as '2013-08-01', '2013-08', 'FY2013' or '2013-12/2014-01'"


def read_period(value: Any, _: Any = None) -> Period:
    if not isinstance(value, str):
        raise wrong_type(_PERIOD_EXPECTED, value)
    try:
        return Period.fromisoformat(value)
    except CalendarError as error:
        raise Problem(PERIOD, _PERIOD_EXPECTED, f"{describe(value)} (calendar: {error})") from None


def is_period_set_text(text: str) -> bool:
    """True when ISO text stands for a PeriodSet rather than a single Period."""
    return "," in text or text.startswith("R/")


def read_period_or_set(value: Any, _: Any = None) -> Period | PeriodSet:
    if not isinstance(value, str):
        raise wrong_type(_PERIOD_EXPECTED, value)
    try:
        if is_period_set_text(value):
            return PeriodSet.fromisoformat(value)
        return Period.fromisoformat(value)
    except CalendarError as error:
        raise Problem(PERIOD, _PERIOD_EXPECTED, f"{describe(value)} (calendar: {error})") from None


def write_period(value: Period | PeriodSet) -> str:
    return value.isoformat()


def enum_reader(cls: type[enum.Enum]) -> Reader:
    """A reader for ``cls`` from its members' values."""
    by_value = {member.value: member for member in cls}
    choices = ", ".join(repr(v) for v in by_value)

    def read(value: Any, _: Any = None) -> enum.Enum:
        if not isinstance(value, str):
            raise wrong_type(f"a string, one of {choices}", value)
        member = by_value.get(value)
        if member is None:
            raise Problem(VALUE, f"one of {choices}", describe(value))
        return member

    return read


def read_country(value: Any, _: Any = None) -> str:
    if not isinstance(value, str):
        raise wrong_type("an ISO 3166-1 alpha-2 country code such as 'US'", value)
    if not is_country_code(value):
        raise Problem(
            UNKNOWN_COUNTRY, "an ISO 3166-1 alpha-2 country code such as 'US'", describe(value)
        )
    return value


def read_office(value: Any, _: Any = None) -> str:
    # Which offices exist is the rules' question (reference-exists): the document's own
    # organisation may add offices, and a reader only sees one value.
    if not isinstance(value, str):
        raise wrong_type("an office code such as 'HQ', 'NYC' or 'JP-13'", value)
    return value
