"""Hypothesis strategies shared by the test suite, one section per package."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from clairlib.calendar import FiscalYear, Marks, Part, Period, PeriodSet, Precision
from clairlib.calendar._marks import part_span
from clairlib.calendar._numerals import int_to_kanji

# -- clairlib.calendar ------------------------------------------------------------------

#: Every day the era calendar covers in the tests: the Gregorian switch to 2100.
FIRST_DAY = date(1873, 1, 1)
LAST_DAY = date(2100, 12, 31)

wareki_days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
"""Days from 明治6年1月1日 (1873-01-01) to 2100-12-31."""

any_days = st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31))
"""Days a Period can hold, including ones before the era calendar."""

wareki_months = st.tuples(st.integers(1873, 2100), st.integers(1, 12))
"""(year, month) pairs the era calendar covers."""

# FY1872 ends in 1873 but is named by 31 December 1872, before the Gregorian switch.
wareki_fiscal_years = st.builds(FiscalYear, st.integers(1873, 2100))
"""Fiscal years that have an era name."""

fiscal_years = st.builds(FiscalYear, st.integers(1, 9998))
"""Every fiscal year clairlib accepts."""


@st.composite
def periods(draw: st.DrawFn, days: st.SearchStrategy[date] = any_days) -> Period:
    """A Period of any precision, single or a range, between the ends of ``days``."""
    precision = draw(st.sampled_from(Precision))
    a, b = sorted([draw(days), draw(days)])
    if draw(st.booleans()):
        b = a
    if precision is Precision.DAY:
        return Period(a, b, precision)
    if precision is Precision.MONTH:
        return Period.between(Period.month(a.year, a.month), Period.month(b.year, b.month))
    if precision is Precision.YEAR:
        return Period.between(Period.year(a.year), Period.year(b.year))
    first = FiscalYear.of(a).year if a >= date(1, 4, 1) else 1
    last = max(first, min(FiscalYear.of(b).year, 9998) if b >= date(1, 4, 1) else 1)
    return Period.between(Period.fiscal_year(first), Period.fiscal_year(last))


@st.composite
def period_sets(draw: st.DrawFn, days: st.SearchStrategy[date] = any_days) -> PeriodSet:
    """A PeriodSet of one to five periods, sometimes repeating monthly or yearly."""
    items = draw(st.lists(periods(days), min_size=1, max_size=5))
    recurrence = draw(st.sampled_from([None, None, "P1M", "P2W", "P1Y", "P3D"]))
    return PeriodSet(items, recurrence)


@st.composite
def _part_sides(draw: st.DrawFn, days: st.SearchStrategy[date]) -> tuple[Part, date, date]:
    part = draw(st.sampled_from(Part))
    day = draw(days)
    if part is Part.FISCAL_YEAR_END:
        year = FiscalYear.of(day).year
        first, last = date(year + 1, 3, 31), date(year + 1, 3, 31)
    else:
        first, last = part_span(part, day.year, day.month)
    return part, first, last


@st.composite
def marked_periods(draw: st.DrawFn, days: st.SearchStrategy[date] = any_days) -> Period:
    """A Period with marks: a weekday, a part of a month, times, 頃 or an open side.

    Every kind of printed mark the parser keeps, singly or on both sides of a range.
    """
    kind = draw(st.sampled_from(["weekday", "part", "time", "approximate", "open"]))
    if kind == "weekday":
        a, b = sorted([draw(days), draw(days)])
        if draw(st.booleans()):
            return Period.day(a, weekday=a.weekday())
        marks = Marks(start_weekday=a.weekday(), end_weekday=b.weekday())
        return Period(a, b, Precision.DAY, marks)
    if kind == "part":
        first = draw(_part_sides(days))
        if draw(st.booleans()):
            part, a, b = first
            return Period(a, b, Precision.DAY, Marks(start_part=part, end_part=part))
        left, right = sorted([first, draw(_part_sides(days))], key=lambda side: side[1])
        marks = Marks(start_part=left[0], end_part=right[0])
        return Period(left[1], right[2], Precision.DAY, marks)
    if kind == "time":
        day = draw(days)
        start = draw(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
        end = draw(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
        start, end = sorted([start, end])
        if draw(st.booleans()):
            end = start
        weekday = day.weekday() if draw(st.booleans()) else None
        return Period(
            day,
            day,
            Precision.DAY,
            Marks(
                start_weekday=weekday,
                end_weekday=weekday,
                start_time=start,
                end_time=end,
            ),
        )
    base = draw(periods(days))
    if kind == "approximate":
        return Period(base.start, base.end, base.precision, Marks(approximate=True))
    return Period.since(base) if draw(st.booleans()) else Period.until(base)


_ERAS_PRINTED = ["", "", "", "昭和", "平成", "平成", "令和", "平\n成", "H", "R", "㍻", "同", "明治"]
_SPACES = ["", "", "", " ", "　", "\n"]
_JOINS = ["～", "～", "-", "から", "より", "まで", "、", ",", "・", "と", "および", "①", ""]
# What follows a day, and what follows a month or a year.
_AFTER_DAY = [
    "(火)",
    "（ 水）",
    "(日)",
    "10:00",
    "10:00～12:30",
    "",
    "",
    "",
    "",
    "頃",
    "から",
    "(月)1",
]
_AFTER_MONTH = ["", "", "", "", "", "頃", "現在", "中", "上旬", "末", "から", "間"]
# What may come before a point.
_BEFORE = ["", "", "", "", "", "", "去る", "自 ", "至 ", "同"]
# Relative words, for a year, a fiscal year or a day ('昨年10月', '前年度', '翌日').
_RELATIVE = [
    "昨年",
    "前年度",
    "昨年度",
    "今年",
    "本年度",
    "来年",
    "一昨年",
    "翌年度",
    "前日",
    "翌日",
]
# A year beside the year printed, in brackets ('令和5年(2023年)', '2001年(平成13年)').
_BESIDE = ["", "", "", "", "({western}年)", "（{western}年）", "(平成{heisei}年)", "(R{reiwa}年)"]
# Recurrence words, before a point or after a range mark ('' most often, before one).
_REPEATS = ["", "毎年", "毎月", "各月", "各\n月", "毎週", "毎週水曜日"]
# A duration after a range mark ('8月5日から4日間', '2016年度から3年間', '4月から6カ月').
_UNITS = ["日間", "日間", "週間", "カ月", "カ月間", "ヶ月", "年間", "年間"]


def _mostly(low: int, high: int, wide_low: int, wide_high: int) -> st.SearchStrategy[int]:
    """Numbers in ``low..high`` nine times in ten, else anywhere in the wider range."""
    return st.one_of(*[st.integers(low, high)] * 9, st.integers(wide_low, wide_high))


@st.composite
def printed_points(draw: st.DrawFn, first: bool = True) -> str:
    """One point as documents print it: an era, a year, a month, a day, and what follows.

    The shapes are the printed ones (a year, a month of a year, a day, a month and day,
    a day alone, a bare number, a dotted, slashed or compact western date), now and then
    after 去る, 自, 至 or 同; now and then a number runs past its range (月 13, 日 32, year 0) or a
    mark does not fit, so that points the reader refuses come up too.
    """
    space = st.sampled_from(_SPACES)
    shapes = ["y", "ym", "ym", "ymd", "ymd", "ymd", "md", "m", "bare", "western"]
    shapes += [] if first else ["d", "d"]
    shape = draw(st.sampled_from([*shapes, "rel"]))
    parts: list[str] = [draw(st.sampled_from(_BEFORE))]
    if shape == "rel":
        parts.append(draw(st.sampled_from(_RELATIVE)))
        if draw(st.booleans()):
            parts += [draw(space), str(draw(_mostly(1, 12, 0, 13))), "月"]
            if draw(st.booleans()):
                parts += [str(draw(_mostly(1, 28, 0, 32))), "日"]
        return "".join([*parts, draw(space), draw(st.sampled_from(_AFTER_MONTH))])
    if shape == "bare":
        # A number whose unit the next point gives ('7・8月', 'H10-R3', '4、5日').
        era = draw(st.sampled_from(["", "", "H", "R"]))
        return "".join([*parts, era, str(draw(_mostly(1, 31, 0, 2100))), draw(space)])
    if shape == "western":
        y, m, d = (
            draw(_mostly(1990, 2030, 0, 9999)),
            draw(_mostly(1, 12, 0, 13)),
            draw(_mostly(1, 28, 0, 32)),
        )
        form = draw(
            st.sampled_from(
                [
                    "{y}.{m:02d}.{d:02d}",
                    "{m}/{d}",
                    "{y}/{m}/{d}",
                    "{y:04d}{m:02d}{d:02d}",
                    "H{e}.{m}.{d}",
                ]
            )
        )
        text = form.format(y=y, m=m, d=d, e=y % 40)
        return "".join([*parts, text, draw(space), draw(st.sampled_from(_AFTER_DAY))])
    if "y" in shape:
        era = draw(st.sampled_from(_ERAS_PRINTED))
        year = draw(_mostly(1, 30, 0, 70) if era else _mostly(1990, 2030, 0, 2200))
        # Kanji positionally ('平成一四年') and as a number ('平成十四年'), now and then.
        kanji = "".join("〇一二三四五六七八九"[int(ch)] for ch in str(year))
        digits = draw(
            st.sampled_from([str(year), str(year), f"{year:02d}", "元", kanji, int_to_kanji(year)])
        )
        mark = "年" if shape != "y" else draw(st.sampled_from(["年", "年度", "年度", "年代"]))
        parts += [era, draw(space), digits, draw(space), mark, draw(space)]
        # The same year again in brackets, or a year off by one.
        western = (year if not era else 1988 + year) + draw(st.sampled_from([0, 0, 0, 1]))
        beside = draw(st.sampled_from(_BESIDE))
        parts.append(beside.format(western=western, heisei=western - 1988, reiwa=western - 2018))
    if "m" in shape:
        parts += [str(draw(_mostly(1, 12, 0, 13))), draw(space), draw(st.sampled_from("月月月⽉"))]
    if "d" in shape:
        parts += [str(draw(_mostly(1, 28, 0, 32))), draw(space), draw(st.sampled_from("日日日⽇"))]
    parts += [draw(space), draw(st.sampled_from(_AFTER_DAY if "d" in shape else _AFTER_MONTH))]
    return "".join(parts)


@st.composite
def printed_expressions(draw: st.DrawFn) -> str:
    """Points joined by range and list marks (or by nothing), as documents print them."""
    # Now and then a recurrence: '毎年10月', '平成25年4月～各月'.
    items = [draw(st.sampled_from(_REPEATS[:1] * 12 + _REPEATS)), draw(printed_points())]
    for _ in range(draw(st.integers(0, 3))):
        join = [draw(st.sampled_from(_JOINS)), draw(st.sampled_from(_SPACES))]
        if draw(st.integers(0, 9)) == 0:
            items += [*join, draw(st.sampled_from(_REPEATS[1:]))]
        elif draw(st.integers(0, 5)) == 0:
            # A duration rather than a second point.
            length = str(draw(_mostly(1, 12, 0, 40))) + draw(st.sampled_from(_UNITS))
            items += [*join, length]
        else:
            items += [*join, draw(printed_points(first=False))]
    return "".join(items)


@st.composite
def printed_day_lists(draw: st.DrawFn) -> str:
    """Days of one month listed as documents print them: '2013年10月4、5日', '7日(木)8日(金)'.

    A western or era year now and then, a month, then days joined by a list word or
    mark or side by side, each with its 日 or not, its weekday now and then (often not
    the day's), and spaces anywhere; a number now and then past its range.
    """
    space = st.sampled_from(_SPACES)
    parts = []
    era = draw(st.sampled_from(["", "", "", "平成", "昭和", "令和", "平 成", "H"]))
    if era:
        number = str(draw(_mostly(1, 31, 0, 99)))
        parts += [era, draw(space), number, draw(space), "年", draw(space)]
    elif draw(st.booleans()):
        parts += [str(draw(_mostly(2010, 2016, 0, 9999))), draw(space), "年", draw(space)]
    parts += [str(draw(_mostly(1, 12, 0, 13))), draw(space), "月", draw(space)]
    for index in range(draw(st.integers(1, 4))):
        if index:
            parts += [
                draw(st.sampled_from(["、", ",", "・", "と", "および", "", "①"])),
                draw(space),
            ]
        parts.append(str(draw(_mostly(1, 28, 0, 32))))
        parts += [draw(space), draw(st.sampled_from(["日", "日", ""])), draw(space)]
        if draw(st.booleans()):
            weekday = draw(st.sampled_from("月火水木金土日"))
            parts += [
                draw(st.sampled_from(["(", "（"])),
                weekday,
                draw(st.sampled_from([")", "）"])),
            ]
            parts.append(draw(space))
    return "".join(parts)


# -- clairlib.model: every class and the three documents -----------------------------
# Built for round trips through clairlib.io: ids are unique within each record list,
# office codes are reference offices, country codes are ones CLDR knows.

from clairlib import model as m  # noqa: E402
from clairlib import reference  # noqa: E402
from clairlib.model.places import is_country_code  # noqa: E402

_OFFICE_CODES = sorted(office.code for office in reference.offices())
_COUNTRY_CODES = ["CN", "FR", "GB", "HK", "JP", "KR", "SG", "US", "AU", "BR", "DE", "NZ"]
assert all(is_country_code(code) for code in _COUNTRY_CODES)

texts = st.text(st.characters(codec="utf-8"), max_size=12)
"""Any text JSON can carry: Japanese, emoji, quotes, control characters."""


def _readable_number(value: Decimal) -> bool:
    # The range clairlib.load accepts (clairlib.io._values.in_range), typed out here.
    return len(value.as_tuple().digits) <= 30 and -30 <= value.adjusted() <= 30


ids = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", min_size=1, max_size=8)
office_codes = st.sampled_from(_OFFICE_CODES)
country_codes = st.sampled_from(_COUNTRY_CODES)
decimals = st.decimals(allow_nan=False, allow_infinity=False).filter(_readable_number)
"""Finite Decimals clairlib reads: integral, fractional ('68.5'), trailing zeros ('2.0'),
of at most 30 significant digits with an exponent within ±30."""


def _opt(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


def _few(strategy: st.SearchStrategy[object], *, unique_ids: bool = False) -> st.SearchStrategy:
    if unique_ids:
        return st.lists(strategy, max_size=3, unique_by=lambda item: item.id).map(tuple)  # type: ignore[attr-defined]
    return st.lists(strategy, max_size=3).map(tuple)


@st.composite
def multi_period_sets(draw: st.DrawFn) -> PeriodSet:
    """A PeriodSet whose ISO text cannot be mistaken for a single Period."""
    items = draw(st.lists(periods(), min_size=1, max_size=3))
    recurrence = None if len(items) > 1 else draw(st.sampled_from(["P1M", "P1Y", "P2W"]))
    return PeriodSet(items, recurrence)


periods_or_sets = periods() | multi_period_sets()

quantities = st.builds(
    m.Quantity,
    value=decimals,
    unit=st.sampled_from(["", "件", "名", "団体", "千円", "%"]),
    scale=st.sampled_from([1, 1, 1000, 10_000]),
    qualifier=_opt(st.sampled_from(m.Qualifier)),
    text=_opt(texts),
)
counts = st.builds(
    m.Quantity,
    value=st.decimals(min_value=0, max_value=10**9, places=0),
    unit=st.sampled_from(["件", "名", "団体"]),
    qualifier=_opt(st.sampled_from(m.Qualifier)),
)
countries = st.builds(m.Country, country_codes)
local_governments = st.builds(
    m.LocalGovernment,
    name=texts,
    kind=_opt(st.sampled_from(m.LocalGovernmentKind)),
    prefecture=_opt(st.sampled_from(["JP-01", "JP-13", "JP-14", "JP-47"])),
    count=st.integers(1, 5),
)

items = st.recursive(
    st.builds(m.Item, text=texts),
    lambda inner: st.builds(m.Item, text=texts, items=_few(inner)),
    max_leaves=4,
)
objectives = st.builds(
    m.Objective, id=ids, number=st.integers(1, 9), text=texts, title=_opt(texts), items=_few(items)
)
pillars = st.builds(
    m.Pillar,
    id=ids,
    title=texts,
    kind=st.sampled_from(m.PillarKind),
    number=_opt(st.integers(1, 7)),
    numeral=_opt(st.sampled_from(["Ⅰ", "Ⅱ", "I", "１"])),
    title_en=_opt(texts),
    objectives=_few(objectives, unique_ids=True),
)
crosswalk_links = st.builds(
    m.CrosswalkLink, source=ids, targets=_few(ids), partial=st.booleans(), note=_opt(texts)
)
crosswalks = st.builds(m.Crosswalk, source=ids, target=ids, links=_few(crosswalk_links))
frameworks = st.builds(
    m.Framework,
    id=ids,
    title=texts,
    pillars=_few(pillars, unique_ids=True),
    crosswalks=_few(crosswalks),
)

departments = st.builds(m.Department, name=texts, divisions=_few(texts), name_en=_opt(texts))
offices = st.builds(
    m.Office,
    code=ids,
    name=texts,
    kind=st.sampled_from(m.OfficeKind),
    name_en=_opt(texts),
    city=_opt(texts),
    country=country_codes,
    jurisdiction=_few(country_codes),
    departments=_few(departments),
)

venues = st.builds(m.Venue, text=texts, countries=_few(country_codes), city=_opt(texts))
breakdown_items = st.builds(m.BreakdownItem, key=texts, value=counts, label=_opt(texts))
breakdowns = st.builds(
    m.Breakdown,
    dimension=st.sampled_from(["country", "local_government_kind", "role"]),
    items=_few(breakdown_items),
    overlapping=st.booleans(),
)
participants = st.builds(
    m.Participants,
    count=counts,
    kind=st.sampled_from(m.ParticipantKind),
    basis=st.sampled_from(m.CountingBasis),
    role=_opt(st.sampled_from(["ALT", "CIR", "SEA"])),
    label=_opt(texts),
    breakdowns=_few(breakdowns),
)
events = st.builds(
    m.Event,
    id=ids,
    name=texts,
    programme=_opt(ids),
    offices=_few(office_codes),
    venue=_opt(venues),
    period=_opt(periods_or_sets),
    period_text=_opt(texts),
    kind=st.sampled_from(m.EventKind),
    partners=_few(texts),
    participants=_few(participants),
    local_governments=_few(local_governments),
    group=_opt(texts),
    description=_opt(texts),
    tags=_few(texts),
)
persons = st.builds(
    m.Person,
    id=ids,
    role=texts,
    programme=_opt(ids),
    name=_opt(texts),
    origin=_opt(texts),
    country=_opt(country_codes),
    field=_opt(texts),
    office=_opt(office_codes),
    host=_opt(local_governments),
    period=_opt(periods_or_sets),
    count=st.integers(1, 5),
)
grants = st.builds(
    m.Grant,
    id=ids,
    programme=_opt(ids),
    name=_opt(texts),
    recipient=_opt(texts),
    projects=_opt(counts),
    amount=_opt(quantities),
)
publications = st.builds(
    m.Publication,
    id=ids,
    title=texts,
    kind=st.sampled_from(["clair_report", "series", "mail_magazine", "newsletter"]),
    programme=_opt(ids),
    office=_opt(office_codes),
    country=_opt(country_codes),
    issue=_opt(texts),
    period=_opt(periods_or_sets),
    published_fy=_opt(st.integers(1989, 2100)),
    accesses=_opt(counts),
)

indicators = st.builds(
    m.Indicator,
    id=ids,
    name=texts,
    unit=st.sampled_from(["件", "名", "%"]),
    name_en=_opt(texts),
    pillar=_opt(ids),
    objective=_opt(ids),
    basis=st.sampled_from(m.CountingBasis),
    over_offices=st.sampled_from(m.Aggregation),
    over_periods=st.sampled_from(m.Aggregation),
    numerator=_opt(ids),
    denominator=_opt(ids),
    higher_is_better=st.booleans(),
)
targets = st.builds(
    m.Target, indicator=ids, value=quantities, fiscal_year=_opt(fiscal_years), note=_opt(texts)
)
measurements = st.builds(
    m.Measurement,
    id=ids,
    indicator=ids,
    fiscal_year=fiscal_years,
    value=quantities,
    office=_opt(office_codes),
    country=_opt(country_codes),
    breakdowns=_few(breakdowns),
    change=_opt(quantities),
    source=_opt(texts),
)

agenda_items = st.builds(m.AgendaItem, number=st.integers(1, 20), title=texts, outcome=_opt(texts))
meetings = st.builds(
    m.Meeting,
    id=ids,
    board=st.sampled_from(m.Board),
    ordinal=st.integers(1, 99),
    date=periods(),
    agenda=_few(agenda_items),
)
officers = st.builds(m.Officer, role=texts, name=texts, affiliation=_opt(texts))
staff_counts = st.builds(m.StaffCount, office=office_codes, rank=texts, count=st.integers(0, 50))
organisations = st.builds(
    m.Organisation,
    as_of=_opt(periods()),
    officers=_few(officers),
    officers_as_of=_opt(periods()),
    departments=_few(departments),
    offices=_few(office_codes),
    headquarters_posts=_few(texts),
    staff=_few(staff_counts),
)

blocks = st.builds(m.Block, kind=st.sampled_from(m.BlockKind), text=texts, ref=_opt(ids))
programmes = st.builds(
    m.Programme,
    id=ids,
    name=texts,
    name_en=_opt(texts),
    pillar=_opt(ids),
    cross_listed=_few(ids),
    cross_listing=_opt(st.sampled_from(m.CrossListing)),
    priority=_opt(st.sampled_from(m.Priority)),
    marker=_opt(st.sampled_from(["○", "①", "②"])),
    number=_opt(st.integers(1, 30)),
    offices=_few(office_codes),
    countries=_few(country_codes),
    kind=_opt(texts),
    body=_few(blocks),
)
sections = st.recursive(
    st.builds(
        m.Section,
        id=ids,
        title=texts,
        number=_opt(texts),
        pillar=_opt(ids),
        body=_few(blocks),
        programmes=_few(programmes, unique_ids=True),
    ),
    lambda inner: st.builds(
        m.Section, id=ids, title=texts, body=_few(blocks), sections=_few(inner, unique_ids=True)
    ),
    max_leaves=3,
)
columns = st.builds(
    m.Column,
    key=ids,
    label=texts,
    role=st.sampled_from(m.ColumnRole),
    unit=_opt(texts),
    group=_opt(texts),
    overlapping=st.booleans(),
)
cells = st.none() | texts | quantities
rows = st.builds(
    m.Row,
    cells=st.dictionaries(texts, cells, max_size=3),
    kind=st.sampled_from(m.RowKind),
    group=_opt(texts),
    record=_opt(ids),
)
tables = st.builds(
    m.Table,
    id=ids,
    caption=texts,
    columns=_few(columns),
    rows=_few(rows),
    notes=_few(texts),
    programme=_opt(ids),
)
selectors = st.builds(
    m.Selector,
    records=st.sampled_from(["events", "persons", "grants", "publications"]),
    measure=st.sampled_from(["count", "distinct:country", "sum:count"]),
    where=st.dictionaries(texts, texts, max_size=2),
    count_as=st.dictionaries(texts, texts, max_size=2),
)
figures = st.builds(
    m.Figure,
    id=ids,
    label=texts,
    value=quantities,
    programme=_opt(ids),
    pillar=_opt(ids),
    basis=st.sampled_from(m.CountingBasis),
    source=_opt(texts),
    computed_from=_opt(selectors),
    parts=_few(ids),
    overlapping=st.booleans(),
    numerator=_opt(ids),
    denominator=_opt(ids),
    change=_opt(quantities),
    previous=_opt(quantities),
    unchecked=_opt(texts),
    period=_opt(periods()),
)
office_focuses = st.builds(m.OfficeFocus, office=office_codes, text=texts)

mid_term_plans = st.builds(
    m.MidTermPlan,
    id=ids,
    title=texts,
    period=periods(),
    framework=frameworks,
    issuer=_opt(texts),
    published=_opt(periods()),
    philosophy=_few(texts),
    resolutions=_few(texts),
    environment=_few(texts),
    body=_few(blocks),
    indicators=_few(indicators, unique_ids=True),
    targets=_few(targets),
)
annual_plans = st.builds(
    m.AnnualPlan,
    id=ids,
    title=texts,
    fiscal_year=fiscal_years,
    framework=_opt(frameworks),
    issuer=_opt(texts),
    preamble=_few(blocks),
    sections=_few(sections, unique_ids=True),
    focus=_few(office_focuses),
    indicators=_few(indicators, unique_ids=True),
    targets=_few(targets),
)
annual_reports = st.builds(
    m.AnnualReport,
    id=ids,
    title=texts,
    fiscal_year=fiscal_years,
    framework=_opt(frameworks),
    issuer=_opt(texts),
    preamble=_few(blocks),
    sections=_few(sections, unique_ids=True),
    tables=_few(tables, unique_ids=True),
    figures=_few(figures, unique_ids=True),
    events=_few(events, unique_ids=True),
    persons=_few(persons, unique_ids=True),
    grants=_few(grants, unique_ids=True),
    publications=_few(publications, unique_ids=True),
    indicators=_few(indicators, unique_ids=True),
    measurements=_few(measurements, unique_ids=True),
    meetings=_few(meetings, unique_ids=True),
    organisation=_opt(organisations),
)
documents = mid_term_plans | annual_plans | annual_reports
"""Any of the three documents."""


# -- clairlib.rules and clairlib.aggregate ---------------------------------------------

_AUDIT_OFFICES = ("NYC", "LON", "PAR", "SIN", "SEL", "SYD", "BEJ")
_AUDIT_COUNTRIES = ("US", "GB", "FR", "CH", "SG", "KR", "CN")
_AUDIT_VENUES = (
    "ニューヨーク",
    "ロンドン",
    "パリ",
    "パリ、ロンドン",
    "シンガポール",
    "ソウル特別市",
)


@st.composite
def audit_events(draw: st.DrawFn, *, max_size: int = 25) -> tuple[m.Event, ...]:
    """Events with unique ids around FY2013, some outside it.

    Each has 0–2 offices and countries, a programme that may be unknown (``p9``) and
    maybe participants with a breakdown that may not add up.
    """
    out: list[m.Event] = []
    for i in range(draw(st.integers(0, max_size))):
        # Months from 2013-03 to 2014-04: one month either side of FY2013.
        month = draw(st.integers(0, 13))
        year, number = (2013 + (month + 2) // 12, (month + 2) % 12 + 1)
        count = draw(st.integers(0, 50))
        split = draw(st.integers(0, count + 2))
        people = m.Participants(
            count=m.Quantity.of(count, "名"),
            breakdowns=(
                m.Breakdown(
                    dimension="role",
                    items=(
                        m.BreakdownItem(key="a", value=m.Quantity.of(split, "名")),
                        m.BreakdownItem(
                            key="b",
                            value=m.Quantity.of(count - split if split <= count else 0, "名"),
                        ),
                    ),
                    overlapping=draw(st.booleans()),
                ),
            ),
        )
        out.append(
            m.Event(
                id=f"e{i:03d}",
                name=f"event {i}",
                programme=draw(st.sampled_from(("p1", "p2", "p9"))),
                offices=tuple(
                    draw(st.lists(st.sampled_from(_AUDIT_OFFICES), max_size=2, unique=True))
                ),
                venue=m.Venue(
                    text=draw(st.sampled_from(_AUDIT_VENUES)),
                    countries=tuple(
                        draw(st.lists(st.sampled_from(_AUDIT_COUNTRIES), max_size=2, unique=True))
                    ),
                ),
                period=Period.month(year, number),
                kind=draw(st.sampled_from((m.EventKind.EXHIBITION, m.EventKind.SEMINAR))),
                participants=(people,) if draw(st.booleans()) else (),
            )
        )
    return tuple(out)


@st.composite
def audited_reports(draw: st.DrawFn) -> m.AnnualReport:
    """An FY2013 report whose declared figures may or may not match its events."""
    events = draw(audit_events())
    selectors = (
        m.Selector(records="events"),
        m.Selector(records="events", measure="distinct:country"),
        m.Selector(records="events", measure="distinct:venue", where={"programme": "p1"}),
        m.Selector(records="events", measure="sum:participants", where={"office": "SIN"}),
    )
    figures = tuple(
        m.Figure(
            id=f"f{k}",
            label=f"figure {k}",
            value=m.Quantity.of(
                draw(st.integers(0, 30)), qualifier=draw(_opt(st.sampled_from(m.Qualifier)))
            ),
            computed_from=selector,
        )
        for k, selector in enumerate(selectors)
    )
    framework = m.Framework(
        id="f", title="f", pillars=(m.Pillar(id="1", title="1", kind=m.PillarKind.KEY_FIELD),)
    )
    section = m.Section(
        id="s1",
        title="s1",
        pillar="1",
        programmes=(m.Programme(id="p1", name="p1"), m.Programme(id="p2", name="p2")),
    )
    return m.AnnualReport(
        id="r",
        title="r",
        fiscal_year=FiscalYear(2013),
        framework=framework,
        sections=(section,),
        figures=figures,
        events=events,
    )


# -- hostile input: arbitrary JSON and mutations of the examples -----------------------
# For the fuzz of tests/test_fuzz.py. Numbers reach both sides of the range load
# accepts (at most 30 significant digits, exponents within ±30); those past it are
# written into the JSON text as they are, since Python's json cannot write them.

import json as _json  # noqa: E402
import re  # noqa: E402
from decimal import Decimal as _Decimal  # noqa: E402
from pathlib import Path as _Path  # noqa: E402
from typing import Any as _Any  # noqa: E402

import attrs  # noqa: E402

from clairlib.testing import HOSTILE_STRINGS  # noqa: E402

hostile_texts = (
    st.sampled_from(HOSTILE_STRINGS)
    | st.text(
        st.characters(categories=["Cc", "Cs", "Cf", "Zl", "Zp", "Zs", "Lo", "Ll", "Nd", "Po"]),
        max_size=16,
    )
    | st.sampled_from(["", " ", "\x1b]0;t\x07", "\x1b[2J", "\x9b31m", "\u202e", "\udcff", "\ufffe"])
)
"""Text from anywhere: injection payloads, controls, escapes, lone surrogates, bidi marks."""


@attrs.frozen
class RawNumber:
    """A number written into the JSON text as it is: one Python's json could not write."""

    text: str


_RAW_MARK = "\x00clairlib-raw-number:"
_RAW_TOKEN = re.compile(r'"\\u0000clairlib-raw-number:([^"\\]*)"')

out_of_range_numbers = st.builds(
    RawNumber,
    st.sampled_from(["1e999999999", "-1e999999999", "1e-999999999", "1e5000", "1e31", "1e-31"])
    | st.integers(31, 4400).map(lambda digits: "9" * digits)
    | st.integers(31, 60).map(lambda digits: "0." + "1" * digits),
)
"""Numbers past the range load accepts (huge, tiny, too many digits), as JSON text."""

hostile_numbers = st.one_of(
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, -1, 1, 2**31, 2**63, 10**30]),
    st.floats(-1e30, 1e30, allow_nan=False, allow_subnormal=False),
    out_of_range_numbers,
)
"""Integers and fractions of every sign and size, inside the range load accepts and past it."""

json_values: st.SearchStrategy[_Any] = st.recursive(
    st.none() | st.booleans() | hostile_numbers | hostile_texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_texts, inner, max_size=4),
    max_leaves=16,
)
"""Any JSON value."""

_KINDS = ["annual_report", "annual_plan", "mid_term_plan"]
_TOP_FIELDS = [
    "events", "figures", "tables", "sections", "indicators", "targets", "framework",
    "period", "persons", "grants", "meetings", "organisation", "issuer", "published",
]  # fmt: skip

json_documents = st.fixed_dictionaries(
    {"kind": st.sampled_from(_KINDS) | json_values, "id": hostile_texts | json_values},
    optional={
        "title": hostile_texts | json_values,
        "fiscal_year": st.integers(-5, 10**5) | json_values,
        **dict.fromkeys(_TOP_FIELDS, json_values),
    },
)
"""JSON objects shaped like a document enough to get past the kind check, often."""

_ROOT = _Path(__file__).parent.parent
EXAMPLE_FILES = {
    "fy2011-plan": _ROOT / "examples" / "fy2011-plan.json",
    "fy2025-plan": _ROOT / "examples" / "fy2025-plan.json",
    "midterm-plan-2022": _ROOT / "examples" / "midterm-plan-2022.json",
    "fy2013-excerpt": _ROOT / "tests" / "data" / "rules" / "fy2013-excerpt.json",
    "fy2013-report": _ROOT / "examples" / "fy2013-report.json",
}
_PARSED: dict[str, _Any] = {}
_LEAVES: dict[str, list[tuple[str | int, ...]]] = {}


def _leaves(value: _Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    # Every text and number in the document, by its path of keys and indexes.
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    if isinstance(value, str | int | float | _Decimal) and not isinstance(value, bool):
        return [path]
    return []


def _example(name: str) -> tuple[_Any, list[tuple[str | int, ...]]]:
    if name not in _PARSED:
        data = _json.loads(EXAMPLE_FILES[name].read_text(encoding="utf-8"))
        _PARSED[name] = data
        _LEAVES[name] = _leaves(data)
    return _PARSED[name], _LEAVES[name]


def _replaced(tree: _Any, path: tuple[str | int, ...], value: _Any) -> _Any:
    # A copy of ``tree`` with the leaf at ``path`` replaced; untouched parts are shared.
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(tree, dict):
        return {**tree, head: _replaced(tree[head], rest, value)}
    copy = list(tree)
    copy[head] = _replaced(tree[head], rest, value)  # type: ignore[index]
    return copy


@st.composite
def mutated_examples(draw: st.DrawFn, names: tuple[str, ...] = tuple(EXAMPLE_FILES)) -> _Any:
    """One of the examples (parsed JSON) with one to three texts or numbers replaced.

    A text becomes hostile text, a number another number, and now and then either
    becomes a value of the other kind or null, so every field's checks are tried.
    """
    data, leaves = _example(draw(st.sampled_from(names)))
    for path in draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=3)):
        old: _Any = data
        for step in path:
            old = old[step]
        same = hostile_texts if isinstance(old, str) else hostile_numbers
        other = st.none() | (hostile_numbers if isinstance(old, str) else hostile_texts)
        data = _replaced(data, path, draw(same | same | same | other))
    return data


def json_text(value: _Any) -> str:
    """``value`` as JSON text, every non-ASCII character (lone surrogates too) escaped."""
    text = _json.dumps(value, ensure_ascii=True, default=_raw_placeholder)
    return _RAW_TOKEN.sub(lambda match: match.group(1), text)


def _raw_placeholder(value: _Any) -> str:
    if isinstance(value, RawNumber):
        return _RAW_MARK + value.text
    raise TypeError(f"not JSON: {value!r}")


# -- clairlib.io: the JSON Schema -----------------------------------------------------


def _inlined(node: Any, defs: dict[str, Any], depth: dict[str, int], limit: int) -> Any:
    """``node`` with its ``$ref``s replaced by their definitions, recursion cut at ``limit``.

    Item and Section hold themselves: past ``limit`` levels of one definition, an
    array of it is left empty.
    """
    if isinstance(node, list):
        return [_inlined(item, defs, depth, limit) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        if depth.get(name, 0) >= limit:
            return False  # no value: the array around it can only be empty
        depth[name] = depth.get(name, 0) + 1
        try:
            target = _inlined(defs[name], defs, depth, limit)
        finally:
            depth[name] -= 1
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return {"allOf": [target, _inlined(rest, defs, depth, limit)]} if rest else target
    return {key: _inlined(value, defs, depth, limit) for key, value in node.items()}


def _merged(parts: list[Any]) -> Any:
    # allOf as the schema uses it: a definition, then properties narrowed further.
    base = dict(parts[0])
    for part in parts[1:]:
        for key, value in part.get("properties", {}).items():
            base["properties"] = {**base.get("properties", {}), key: value}
    return base


def from_json_schema(schema: Any) -> st.SearchStrategy[Any]:
    """JSON values valid against ``schema``, for the parts of JSON Schema clairlib's uses.

    hypothesis-jsonschema would do this, but its object strategy relies on Hypothesis
    internals that the Hypothesis this project uses no longer has.
    """
    if schema is False:
        return st.nothing()
    if "allOf" in schema:
        return from_json_schema(_merged(schema["allOf"]))
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([from_json_schema(option) for option in schema[key]])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return st.text(max_size=8)
    if kind == "integer":
        low = schema.get("minimum", schema.get("exclusiveMinimum", -(2**40) - 1) + 1)
        return st.integers(low, schema.get("maximum", 2**40))
    if kind == "number":
        low = schema.get("minimum")
        return st.integers(min_value=low) | st.floats(
            min_value=low, allow_nan=False, allow_infinity=False
        )
    if kind == "array":
        if schema["items"] is False:
            return st.just([])
        return st.lists(from_json_schema(schema["items"]), max_size=3)
    if kind == "object":
        properties = schema.get("properties", {})
        if not properties:
            values = from_json_schema(schema.get("additionalProperties", {"type": "string"}))
            return st.dictionaries(st.text(max_size=5), values, max_size=3)
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {key: from_json_schema(value) for key, value in properties.items() if key in required},
            optional={
                key: from_json_schema(value)
                for key, value in properties.items()
                if key not in required
            },
        )
    raise ValueError(f"no strategy for the schema {schema!r}")


def schema_documents(kind: str) -> st.SearchStrategy[Any]:
    """JSON values generated from clairlib's JSON Schema for documents of ``kind``."""
    from clairlib.io import json_schema

    schema = json_schema(kind)
    defs = schema.pop("$defs")
    name = kind.title().replace("_", "")
    return from_json_schema(_inlined(defs[name], defs, {}, 1))


# Printed text as a PDF tool extracts it: Japanese, full- and half-width digits and
# letters, the spaces documents print (half-width, ideographic, tabs, no-break), form
# feeds and line breaks of either kind, and a few characters NFKC changes (㈱, ①, ｶ).
printed_texts = st.text(
    st.sampled_from(
        list("本部事業報告年度の、。 \u3000\t\u00a0\f\n\r０１2３abＡＢ-－()（）<＞㈱①ｶﾞ※・")
    ),
    max_size=80,
)


# -- clairlib.exporting: the readers' cells ---------------------------------------------

# Texts a column of each kind reads, and some it does not (the last of each row).
_CELL_TEXTS: dict[str, tuple[str, ...]] = {
    "text": ("NYC", "ニューヨーク", "'=1+1", "'plain", "US", " "),
    "list": ("NYC", "NYC;LON", "a\\;b", "US;GB", ";"),
    "mapping": ("a=b", "a=b;c=d", "no pair"),
    "int": ("0", "7", "-3", " 12 ", "7.5", "many"),
    "decimal": ("250", "68.5", "1E+3", "NaN", "x"),
    "bool": ("true", "false", "1", "0", "TRUE", "maybe"),
    "enum": ("exchange", "other", "gross", "net", "交流", "延べ", "unknown"),
    "period": (
        "2013-07-27",
        "2013-08",
        "2013-04-01/2013-05-31",
        "'2013-09",
        "2013-04-01,2013-06-01",
        "平成25年8～9月",
        "2013-13",
    ),
    "fy": ("2013", "FY2014", "平成25年度", "year"),
}


def table_cells(kind: str) -> st.SearchStrategy[str]:
    """A cell's text for a column of ``kind``: one it reads, one it may not, or empty."""
    known = _CELL_TEXTS.get(kind, _CELL_TEXTS["text"])
    return st.sampled_from(("", *known)) | texts


def sheet_cells(kind: str) -> st.SearchStrategy[object]:
    """A workbook cell's value for a column of ``kind``: a text as above, or a typed value."""
    typed = st.sampled_from((0.0, 1.0, -2.0, 2.5, True, False, 7, date(2013, 7, 27)))
    return table_cells(kind) | typed


# Prose with numbers as reports print them: digits with commas and points, scales,
# counters, lead and tail words (約, 延べ, 以上, 増), ordinals and dates around them.
_PROSE_NUMBER_WORDS = [
    *"0123456789", *"0123456789", ",", ".", " ", "　", "１", "２", "，", "．", "万", "千", "百",
    "億", "円", "千円", "件", "名", "か国", "の", "団体", "約", "延べ", "年間", "以上", "超", "余",
    "増", "減", "前年度比", "第", "回", "年", "月", "は", "、", "。", "(", "=", "のべ", "およそ",
    "上限", "最大", "計", "各", "間", "\t", "\u00a0",
]  # fmt: skip
prose_numbers = st.lists(st.sampled_from(_PROSE_NUMBER_WORDS), max_size=30).map("".join)

# Printed lines NFKC changes: half-width and full-width signs, circled numbers, half-width
# kana with their sound marks (which compose), combining marks, and plain Japanese.
nfkc_texts = st.text(
    st.sampled_from(list("･｢｣､｡～（）－：％！①②⑩ｶﾞﾟｱ゙゚かがぱ本事 \u3000\t\u0301ea１Ａ㈱・「」~()")),
    max_size=40,
)
