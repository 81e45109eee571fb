"""The date or period a prose figure's sentence prints, read in the document's fiscal year."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

import clairlib
from clairlib.calendar import FiscalYear, registered_era
from clairlib.model import AnnualReport, Block
from clairlib.reading._figures import period_of, prose_figures
from tests.reading.conftest import source_text

FY2013 = FiscalYear(2013)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("平成25年11月に開催し、45件の相談があった。", "2013-11"),
        ("平成 25 年度は、本部において 30 団体 32 名を受け入れた。", "FY2013"),
        ("平成２５年度は２０件であった。", "FY2013"),  # full-width digits
        ("本年度は 20 件の支援を行った。", "FY2013"),
        ("11 月から 12 月にかけて 3 回開催した。", "2013-11/2013-12"),
        ("2 月に 3 回開催した。", "2014-02"),  # February of FY2013 is in 2014
        ("平成 23～25 年度に 40 件を支援した。", "FY2011/FY2013"),
        ("平成25年12月～同26年1月に 4 回開催した。", "2013-12/2014-01"),
        ("平成 25 年 11 月 10 日から 13 日にかけて 3 か国で開催した。", "2013-11-10/2013-11-13"),
        ("平成 25 年 8 月、7 日間で 12 名を派遣した。", "2013-08"),  # 7 日間 is a duration
        ("平成26年3月末現在 1,000 人が登録している。", "2014-03(end)"),
        ("平成 25 年度末の登録者は 1,000 人であった。", "FY2013(end)"),
        # The same date twice is one date.
        ("平成 25 年度に 11 本を発刊し、平成25年度のアクセスは 5 万件であった。", "FY2013"),
        # A comparison is not the sentence's date: 前年度比 leaves 平成 25 年度.
        ("平成 25 年度は計 521 件(前年度比 35 件増)であった。", "FY2013"),
        ("平成24年度と比べ、平成25年度は 10 件増えた。", "FY2013"),
        # What may open a date and does not (本部, 前回, 10 件) is passed over.
        ("本部では前回に続き平成 25 年度に 30 件を受け入れた。", "FY2013"),
    ],
)
def test_the_one_date_of_a_sentence(sentence: str, expected: str) -> None:
    """One date or period in the sentence: read with FY2013 as context."""
    period = period_of(sentence, FY2013)
    assert period is not None
    assert expected == period.isoformat()


@pytest.mark.parametrize(
    "sentence",
    [
        "45 件の相談があった。",  # no date
        "年間約 250 万件のアクセスがあった。",  # 年間 is no year
        "前年度比約 161 万件増であった。",  # a comparison only
        "昨年度に引き続き 5,000 人が来場した。",
        "9 月と 11 月に 2 回開催した。",  # several dates
        "平成 25 年度は、観光分野(11 月)、物産分野(2 月)の計 2 回を開催した。",
        "平成25年10月4、5日に 300 人が参加した。",  # two days: a set, not one period
        "同年 5 月に 3 件を支援した。",  # 同年 is another sentence's year
        # An open range says when something began, not when the figure counts.
        "平成 23年度から継続しているPR活動を行い、4 か国で 9 件のイベント等を開催した。",
        "平成 22 年 9 月以降、6 自治体に助言した。",
        "平成 26 年度末までに 500 人とする。",  # ../FY2014(end): open
        "H25年度は 12 件を支援した。",  # a number after a word: an era not read here
        "毎年11月に 3 回開催している。",  # a recurrence
        "設立 20 年を迎え 30 件の事業を行った。",  # a year with no era
        "15 日に 3 件の相談があった。",  # a day with no month
        "7 日間で 12 名が参加した。",  # a duration
        "毎月第 1 月曜日に 12 回開催した。",  # an ordinal, and 月曜日
        "平成 25 年 2 月 30 日に 3 件",  # a day the calendar refuses
    ],
)
def test_no_date_or_several_leave_it_none(sentence: str) -> None:
    """None for a sentence with no date, several, or a date that is not plainly its own."""
    assert period_of(sentence, FY2013) is None


def test_a_date_the_calendar_reads_only_with_a_warning_is_none() -> None:
    """A range printed newest first is not plainly the sentence's date, and nothing warns."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert period_of("平成26年3月～平成25年4月に 12 回開催した。", FY2013) is None


def test_an_era_registered_later_is_read() -> None:
    """未来2年度 is no date until the era 未来 (from 2040-02-01) is registered, then FY2041."""
    sentence = "未来2年度は 12 件を支援した。"
    assert period_of(sentence, FiscalYear(2041)) is None
    with registered_era("未来", date(2040, 2, 1), romaji="Mirai", initial="X"):
        period = period_of(sentence, FiscalYear(2041))
        assert period is not None
        assert "FY2041" == period.isoformat()
    assert period_of(sentence, FiscalYear(2041)) is None


def test_prose_figures_carry_their_sentences_period() -> None:
    """Each figure gets its own sentence's period: the second sentence prints none."""
    block = Block(text="平成 25 年 9 月に 3 回開催した。延べ 82 名が参加した。")
    figures = prose_figures([block], "p1", "I", FY2013, stem="p1")
    assert [("3", "2013-09"), ("82", None)] == [
        (str(f.value.value), f.period.isoformat() if f.period else None) for f in figures
    ]


def test_seed_report_figures_have_their_periods() -> None:
    """FY2013: 平成 25 年度は年間約 250 万件, 平成 25 年 11 月 10 日から 13 日, several → None."""
    report = clairlib.read(source_text("fy2013-report")).document
    assert isinstance(report, AnnualReport)

    def period(sentence: str, value: int) -> str | None:
        found = [
            f for f in report.figures if f.label.startswith(sentence) and value == f.value.value
        ]
        assert 1 == len(found), found
        return found[0].period.isoformat() if found[0].period else None

    assert "FY2013" == period("平成 25 年度は年間約 250 万件のアクセスを得た。", 250)
    assert "2013-11-10/2013-11-13" == period("日本･中国･韓国の国際交流機関の輪番制", 3)
    assert period("平成 25 年度は、観光分野(11 月) 、物産分野(2 月)", 55) is None
