"""Numbers in prose as quantities: scale, qualifier, gross counts, changes, percentages."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from clairlib.calendar import Period
from clairlib.model import CountingBasis, Figure, Origin, Qualifier, Quantity
from clairlib.reading._figures import _figure, _quantity, _wide, quantities

CASES = [
    ("各海外事務所において、12 か国で出展した。", Decimal(12), "か国", 1, None),
    ("延べ約 40 自治体等の紹介を行った。", Decimal(40), "自治体等", 1, Qualifier.APPROXIMATELY),
    ("年間約 250 万件のアクセスがあった。", Decimal(250), "件", 10_000, Qualifier.APPROXIMATELY),
    ("12 事業、18,909 千円の助成を行い", Decimal(12), "事業", 1, None),
    ("新規招致枠は上限 50 人とした。", Decimal(50), "人", 1, Qualifier.AT_MOST),
    ("修了率は 80%を超える。", Decimal(80), "%", 1, Qualifier.MORE_THAN),
    ("満足との回答が 96.9 ％であった。", Decimal("96.9"), "%", 1, None),
    ("参加者は 7万9千人であった。", Decimal(79), "人", 1000, None),
    ("参加者は１，５３６名であった。", Decimal(1536), "名", 1, None),
    ("100 名以上が参加した。", Decimal(100), "名", 1, Qualifier.AT_LEAST),
    ("3 万人余が来場した。", Decimal(3), "人", 10_000, Qualifier.MORE_THAN),
    ("延べ 55 の団体から参加があった。", Decimal(55), "団体", 1, None),
    ("全国 47 都道府県が参加した。", Decimal(47), "都道府県", 1, None),
    ("20 市区町村から応募があった。", Decimal(20), "市区町村", 1, None),
    ("県内 3 ヶ所で開催した。", Decimal(3), "ヶ所", 1, None),
    ("来場者は前年度比 1.5 倍となった。", Decimal("1.5"), "倍", 1, None),
    ("約 2,000 ドルを支援した。", Decimal(2000), "ドル", 1, Qualifier.APPROXIMATELY),
    ("5 か年の計画を策定した。", Decimal(5), "か年", 1, None),
    ("12 施設を訪問した。", Decimal(12), "施設", 1, None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "value", "unit", "scale", "qualifier"), CASES)
def test_first_figure(
    sentence: str, value: Decimal, unit: str, scale: int, qualifier: Qualifier | None
) -> None:
    """The first figure of each sentence, read as printed."""
    quantity = quantities(sentence)[0][0]
    assert (value, unit, scale, qualifier) == (
        quantity.value,
        quantity.unit,
        quantity.scale,
        quantity.qualifier,
    )


def test_thousand_yen_is_a_unit() -> None:
    """千円 is a unit of its own: 18,909 千円 is 18909 of 千円, scale 1."""
    quantity = quantities("12 事業、18,909 千円の助成を行い")[1][0]
    assert (Decimal(18909), "千円", 1) == (quantity.value, quantity.unit, quantity.scale)


def test_gross_counts() -> None:
    """延べ marks a gross count; a plain count is distinct."""
    found = quantities("延べ 72 名を派遣し、218 名が参加した。")
    assert [CountingBasis.GROSS, CountingBasis.DISTINCT] == [basis for _, basis, _ in found]


def test_change_on_last_year() -> None:
    """``約 1,552 万件(前年度比約 161 万件増)`` is one figure with its change."""
    found = quantities("アクセス数は約 1,552 万件(前年度比約 161 万件増)となった。")
    assert 1 == len(found)
    quantity, _, change = found[0]
    assert (Decimal(1552), 10_000) == (quantity.value, quantity.scale)
    assert change is not None
    assert (Decimal(161), 10_000, Qualifier.APPROXIMATELY) == (
        change.value,
        change.scale,
        change.qualifier,
    )


def test_decrease_is_negative() -> None:
    """``計 83 件(前年度比 16 件減)``: the change is −16."""
    change = quantities("計 83 件(前年度比 16 件減)であった。")[0][2]
    assert change is not None
    assert Decimal(-16) == change.value


@pytest.mark.parametrize(
    "sentence",
    ["第 4 回会議を開催した。", "平成 25 年 9 月に開催した。", "平成 25 年度は好評であった。"],
)
def test_ordinals_and_dates_are_no_figures(sentence: str) -> None:
    """第 4 回, 平成 25 年 9 月 and 平成 25 年度 are not declared figures."""
    assert [] == quantities(sentence)


def test_a_number_is_read_whole() -> None:
    """``123百人`` is no figure: its last digit is not read as 3 百 on its own."""
    assert [] == quantities("参加者は 123百人であった。")


def test_an_ordinal_with_a_space_before_its_number() -> None:
    """``No. 5 件目`` and ``№ 2 件`` are ordinals, no counts; ``計 5 件`` is a count."""
    assert [] == quantities("No. 5 件目の相談、№ 2 件目の依頼")
    assert [Decimal(5)] == [q.value for q, _, _ in quantities("計 5 件の相談")]


def test_an_ordinal_word_counts_only_within_its_window() -> None:
    """``第`` and 23 spaces before ``3 回`` make an ordinal; with 24 spaces it is too far back."""
    assert [] == quantities("第" + " " * 23 + "3 回")
    assert ["3 回"] == [q.text for q, _, _ in quantities("第" + " " * 24 + "3 回")]
    assert [] == quantities("No." + " " * 21 + "3 回")
    assert ["3 回"] == [q.text for q, _, _ in quantities("No." + " " * 22 + "3 回")]


def test_lead_words_end_where_the_figure_before_ends() -> None:
    """In ``5件以上限 3件`` the 上 of 以上 is the first figure's: the second has no 上限."""
    found = quantities("5件以上限 3件")
    assert [("5件以上", Qualifier.AT_LEAST), ("3件", None)] == [
        (q.text, q.qualifier) for q, _, _ in found
    ]


def test_a_quantity_built_slot_by_slot_is_the_one_its_constructor_makes() -> None:
    """``_quantity`` gives what ``Quantity(...)`` gives, every field set."""
    expected = Quantity(
        value=Decimal("1552"), unit="件", scale=10_000, qualifier=Qualifier.APPROXIMATELY, text="約"
    )
    built = _quantity(Decimal("1552"), "件", 10_000, Qualifier.APPROXIMATELY, "約")
    assert (expected, attrs.asdict(expected)) == (built, attrs.asdict(built))
    assert Quantity is type(built)


def test_a_prose_figure_built_slot_by_slot_is_the_one_its_constructor_makes() -> None:
    """``_figure`` gives what ``Figure(..., source="prose")`` gives, every field set."""
    value = Quantity(value=Decimal("45"), unit="件")
    change = Quantity(value=Decimal("-16"), unit="件")
    origin = Origin(page=1, line=9)
    period = Period.month(2013, 11)
    expected = Figure(
        id="1.1-f1",
        label="45件のイベントに出展した。",
        value=value,
        programme="1.1",
        pillar="1",
        basis=CountingBasis.GROSS,
        source="prose",
        change=change,
        period=period,
        origin=origin,
    )
    built = _figure(
        "1.1-f1", "45件のイベントに出展した。", value, "1.1", "1", CountingBasis.GROSS,
        change, period, origin,
    )  # fmt: skip
    assert (expected, attrs.asdict(expected)) == (built, attrs.asdict(built))
    assert Figure is type(built)


def test_full_width_digits_and_signs_are_told_apart_from_half_width_text() -> None:
    """A full-width digit, comma, stop or percent sign is found; half-width text has none."""
    assert [True, True, True, False, False] == [
        _wide(text)
        for text in ("参加者１２名", "１，２００件", "比率５０％", "参加者12名", "研修を行った。")
    ]
