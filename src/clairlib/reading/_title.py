"""What a document is, from its title and cover: kind, fiscal year, period, issuer."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from clairlib.calendar import CalendarError, FiscalYear, Period, parse_date, parse_period
from clairlib.reading._layout import Line, normal

__all__ = ["ANNUAL_PLAN", "ANNUAL_REPORT", "MID_TERM_PLAN", "Title", "find_title"]

ANNUAL_PLAN = "annual_plan"
ANNUAL_REPORT = "annual_report"
MID_TERM_PLAN = "mid_term_plan"

_ERA = r"(?:明治|大正|昭和|平成|令和)"
_YEAR = r"(?:[0-9]{1,2}|元)"
# Folded text (NFKC, no spaces): 平成25年度事業報告, 令和7年度事業計画.
_ANNUAL = re.compile(rf"({_ERA}{_YEAR}年度|(?:19|20)[0-9]{{2}}年度)(事業報告|事業計画)(?:書)?")
_MID_TERM = re.compile(rf"中期経営計画\(?({_ERA}{_YEAR}年度)[-－~～―ー−]({_ERA}?{_YEAR}年度)\)?")
_COVER = re.compile(
    rf"自({_ERA}{_YEAR}年[0-9]{{1,2}}月[0-9]{{1,2}}日)至({_ERA}?{_YEAR}年[0-9]{{1,2}}月[0-9]{{1,2}}日)"
)
_ISSUED = re.compile(rf"\A({_ERA}{_YEAR}年[0-9]{{1,2}}月)\Z")
# A sentence's ending in the past (した。行った。であった。) or the future (する。行う。図る。):
# each pattern looks behind a full stop, which the search finds at once; no ending is
# another's tail, so each stop counts once.
_PAST = re.compile("。(?:(?<=した。)|(?<=行った。)|(?<=であった。))")
_FUTURE = re.compile("。(?:(?<=する。)|(?<=行う。)|(?<=図る。))")
_CAPTION_YEAR = re.compile(rf"<({_ERA}{_YEAR}年度)")
_ISSUER = re.compile(r"(?:一般|公益)?財団法人")
_ISSUER_KINDS = frozenset({"一般財団法人", "公益財団法人", "財団法人"})
_ISSUER_MAX = 40  # an issuer's name, not a sentence that opens with one
_SENTENCE_MARKS = frozenset("、。，．")
# Only the opening lines are a title or a cover.
_HEAD = 40


@attrs.frozen(kw_only=True)
class Title:
    """What the opening lines say: kind, fiscal year or period, the title line, how it was told."""

    kind: str | None = None
    fiscal_year: FiscalYear | None = None
    period: Period | None = None
    title: str | None = None
    line: Line | None = None
    issuer: str | None = None
    published: Period | None = None
    inferred: str | None = None  # how kind or year was told when no title says it
    # The cover's other lines, read into the fields above: the issuer's name, 自…至….
    cover: tuple[Line, ...] = ()


def find_title(lines: Sequence[Line]) -> Title:
    """Kind and fiscal year from the title, the cover's 自…至… dates, or the issue line."""
    kind: str | None = None
    fiscal: FiscalYear | None = None
    period: Period | None = None
    title: str | None = None
    title_line: Line | None = None
    issuer: str | None = None
    published: Period | None = None
    cover: list[Line] = []
    head = list(lines[:_HEAD])
    # Each pattern is tried only on a line holding a word it needs (財団法人, 事業, 自 …).
    for index, line in enumerate(head):
        folded = line.folded
        # A title's period may stand on the next line: 中期経営計画 / （令和4年度－令和8年度）.
        after = head[index + 1].folded if index + 1 < len(head) else ""
        if issuer is None and "財団法人" in folded and _ISSUER.match(folded):
            issuer = line.text.strip()
            # The issuer's name on a line of its own is the cover's, not the preamble's;
            # 一般財団法人 / 自治体国際化協会: the name goes on at the next line.
            if len(folded) <= _ISSUER_MAX and not _SENTENCE_MARKS & set(folded):
                cover.append(line)
                if folded in _ISSUER_KINDS and index + 1 < len(head):
                    cover.append(head[index + 1])
                    issuer += head[index + 1].text.strip()
        if published is None and folded[-1:] == "月" and (issued := _ISSUED.match(folded)):
            published = _period(issued.group(1))
        if kind is None and "中期経営計画" in folded and (mid := _MID_TERM.search(folded + after)):
            first = _fiscal(mid.group(1))
            last = _fiscal(mid.group(2), context=first)
            if first is not None and last is not None:
                kind, period = MID_TERM_PLAN, Period.between(first.to_period(), last.to_period())
                title, title_line = _title_text(lines, line), line
                if not _MID_TERM.search(folded) and index + 1 < len(head):
                    # The period ran on to the next line: ``…(令和 4 年度－令和 8 年`` + ``度)``.
                    title = line.text.strip() + head[index + 1].text.strip()
            continue
        if kind is None and "事業" in folded and (annual := _ANNUAL.search(folded)):
            kind = ANNUAL_REPORT if annual.group(2) == "事業報告" else ANNUAL_PLAN
            fiscal = _fiscal(annual.group(1))
            title, title_line = line.text.strip(), line
            continue
        # 自 … 至 … on one line or two.
        if "自" not in folded:
            continue
        pair = folded + after
        dates = _COVER.search(folded) or _COVER.match(pair)
        if dates is not None:
            if fiscal is None:
                fiscal = _cover_year(dates.group(1), dates.group(2))
            if dates.start() == 0 and dates.end() == len(folded):
                cover.append(line)
            elif dates.start() == 0 and dates.end() == len(pair):
                cover.extend(head[index : index + 2])
    return Title(
        kind=kind,
        fiscal_year=fiscal,
        period=period,
        title=title,
        line=title_line,
        issuer=issuer,
        published=published,
        cover=tuple(cover),
    )


def infer_title(lines: Sequence[Line], found: Title) -> Title:
    """For a text without a title: the kind from its form, the year from its table captions.

    A report lists 重点事業/一般事業 and says what was done (``…を行った。``); a plan
    says what will be done (``…する。``). A report's tables are captioned with the
    year reported (``<平成 25 年度 …一覧>``): the year most captions name.
    """
    kind = found.kind
    fiscal = found.fiscal_year
    how: list[str] = []
    folded = [line.folded for line in lines] if kind is None or fiscal is None else []
    # The text with its lines kept apart (a caption stands on one line), for the year.
    lined = "\n".join(folded) if fiscal is None else ""
    if kind is None:
        # A heading found in a line is in the lines run together: only a text without
        # one on a line is run together to look again, and a marked text's tense is
        # not counted.
        marked = _marked(lined)
        if not marked:
            text = "".join(folded)
            marked = _marked(text)
        if marked:
            kind = ANNUAL_REPORT
            how.append("the kind from its 重点事業/一般事業 headings")
        else:
            past = len(_PAST.findall(text))
            future = len(_FUTURE.findall(text))
            if past or future:
                kind = ANNUAL_REPORT if past > future else ANNUAL_PLAN
                how.append("the kind from the tense of its sentences")
    if fiscal is None:
        years: Counter[int] = Counter()
        for match in _CAPTION_YEAR.finditer(lined):
            year = _fiscal(match.group(1))
            if year is not None:
                years[year.year] += 1
        if years:
            fiscal = FiscalYear(years.most_common(1)[0][0])
            how.append(f"the fiscal year from {sum(years.values())} table captions")
    return attrs.evolve(found, kind=kind, fiscal_year=fiscal, inferred="; ".join(how) or None)


def _marked(text: str) -> bool:
    # A report's headings, 重点事業 and 一般事業, in angle brackets.
    return "<重点事業>" in text or "<一般事業>" in text


# A document repeats its year in every caption: each printed form is parsed once.
@functools.lru_cache(maxsize=256)
def _fiscal(text: str, *, context: FiscalYear | None = None) -> FiscalYear | None:
    try:
        return FiscalYear.parse(text, context=context)
    except CalendarError:
        return None


def _period(text: str) -> Period | None:
    try:
        found = parse_period(text)
    except CalendarError:
        return None
    return found if isinstance(found, Period) else None


def _cover_year(first: str, last: str) -> FiscalYear | None:
    try:
        start = parse_date(first)
        end = parse_date(last, context=start.year)
    except CalendarError:
        return None
    fiscal = FiscalYear.of(start)
    # The cover names one fiscal year: 1 April to 31 March of the next year.
    return fiscal if (start, end) == (fiscal.start, fiscal.end) else None


def _title_text(lines: Sequence[Line], line: Line) -> str:
    # A mid-term plan's title may stand on two lines: the name, then its period.
    index = list(lines).index(line)
    text = line.text.strip()
    if index + 1 < len(lines) and normal(lines[index + 1].text).startswith("("):
        text += lines[index + 1].text.strip()
    return text
