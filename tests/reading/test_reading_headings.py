"""Headings in every numbering style the documents print, and lines that only look like one."""

from __future__ import annotations

import pytest

from clairlib.model import CrossListing, Priority
from clairlib.reading._headings import (
    _UNIT_AFTER_NUMBER,
    _UNIT_OPENERS,
    Heading,
    HeadingKind,
    _heading,
    classify,
    classify_opening,
    cross_listing,
    is_caption,
)
from clairlib.reading._layout import normal

SECTIONS = [
    ("1 自治体の海外における経済活動を支援", 1, "自治体の海外における経済活動を支援", "1"),
    ("1. 自治体の海外における経済活動を支援", 1, "自治体の海外における経済活動を支援", "1."),
    ("１．地域の支援の充実・強化", 1, "地域の支援の充実・強化", "１．"),
    ("４．人材育成の充実・強化", 4, "人材育成の充実・強化", "４．"),
    ("Ⅲ 草の根交流を推進", 3, "草の根交流を推進", "Ⅲ"),
    ("VII 海外事務所を自治体の頼れる海外拠点に", 7, "海外事務所を自治体の頼れる海外拠点に", "VII"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "number", "title", "printed"), SECTIONS)
def test_section_styles(text: str, number: int, title: str, printed: str) -> None:
    """``1 ``, ``1.``, ``１．``, ``Ⅲ``, ``VII``: a section with its number as printed, stop kept."""
    heading = classify(text)
    assert heading is not None
    assert (HeadingKind.SECTION, number, title, printed) == (
        heading.kind,
        heading.number,
        heading.title,
        heading.printed,
    )


def test_subsection() -> None:
    """``（１）経済分野`` is a subsection numbered 1, printed （１）."""
    heading = classify("（１）経済分野 ")
    assert heading is not None
    assert (HeadingKind.SUBSECTION, 1, "経済分野", "（１）") == (
        heading.kind,
        heading.number,
        heading.title,
        heading.printed,
    )


@pytest.mark.parametrize(
    "text",
    [
        "4 月来日としてきたが、英語圏の JET プログラム参加者の来日について、関係三省と協議し、平",
        "25 年度は、6 か国で 20 件のセミナーや PR 活動を行った。",
        "2  1      1  ",
        "12 か国、21 地域で 45 件のイベントに出展等を行った。",
        "5 分野",
        "12 事業",
    ],
)
def test_wrapped_lines_are_no_sections(text: str) -> None:
    """A wrapped line that begins with a number and a unit is prose, not a heading."""
    heading = classify(text)
    assert heading is None or heading.kind is not HeadingKind.SECTION


def test_programme_markers() -> None:
    """``○ …`` and ``① …`` open programmes; ① is numbered 1; a sentence is no programme."""
    circle = classify("○ 海外経済活動支援と海外活動へのきめ細かなサポート ")
    first = classify("① 自治体の経済活動に対する助言")
    assert circle is not None
    assert first is not None
    assert (HeadingKind.PROGRAMME, "○", None) == (circle.kind, circle.printed, circle.number)
    assert (HeadingKind.PROGRAMME, "①", 1, True) == (
        first.kind,
        first.printed,
        first.number,
        first.spaced,
    )
    assert classify("○ 会議を開催した。") is None


def test_priority_marks() -> None:
    """<重点事業> and <一般事業> set the priority of the programmes after them."""
    priority = classify(" <重点事業> ")
    general = classify("<一般事業>")
    assert priority is not None
    assert general is not None
    assert (Priority.PRIORITY, Priority.GENERAL) == (priority.priority, general.priority)


def test_cross_listing_marks() -> None:
    """（一部再掲） is a partial cross-listing, （再掲） a full one; the name loses the mark."""
    assert ("多文化共生に関する研修", CrossListing.PARTIAL) == cross_listing(
        "多文化共生に関する研修（一部再掲）"
    )
    assert ("海外活動支援", CrossListing.FULL) == cross_listing("海外活動支援(再掲)")
    assert ("海外活動支援", None) == cross_listing("海外活動支援")


def test_captions() -> None:
    """``<平成 25 年度 …一覧>`` is a caption; ``<講演 1>`` is too short to be one."""
    assert "平成 25 年度 自治体向けに日本で開催した海外経済セミナー一覧" == is_caption(
        "<平成 25 年度 自治体向けに日本で開催した海外経済セミナー一覧> "
    )
    assert is_caption("<講演 1>") is None


@pytest.mark.parametrize(
    ("text", "number", "title", "printed", "style"),
    [
        ("ア 観光展への出展", 1, "観光展への出展", "ア", 3),
        ("イ．物産展への出展", 2, "物産展への出展", "イ．", 3),
        ("ｳ 商談会", 3, "商談会", "ｳ", 3),
        ("（ア）欧州での出展", 1, "欧州での出展", "（ア）", 4),
        ("(エ) 北米での出展", 4, "北米での出展", "(エ)", 4),
    ],
)
def test_katakana_levels(text: str, number: int, title: str, printed: str, style: int) -> None:
    """``ア``, ``イ．``, ``（ア）``: a level below (1), numbered in アイウエオ order."""
    heading = classify(text)
    assert heading is not None
    assert (HeadingKind.SUBSECTION, number, title, printed, style) == (
        heading.kind,
        heading.number,
        heading.title,
        heading.printed,
        heading.style,
    )


@pytest.mark.parametrize("text", ["アメリカでの取組", "ア、イの両方を行った", "イベントを開催"])
def test_katakana_words_are_no_headings(text: str) -> None:
    """A line opening with a katakana word, or listing ア、イ, is no heading."""
    assert classify(text) is None


def test_a_heading_built_at_once_is_the_one_its_constructor_makes() -> None:
    """``_heading`` gives what ``Heading(...)`` gives, every field, defaults too."""
    expected = Heading(kind=HeadingKind.SECTION, title="研修", printed="1.", number=1, style=1)
    built = _heading(HeadingKind.SECTION, "研修", "1.", 1, style=1)
    assert (expected, repr(expected), Heading) == (built, repr(built), type(built))
    assert Heading(kind=HeadingKind.PRIORITY, priority=Priority.GENERAL) == _heading(
        HeadingKind.PRIORITY, "", priority=Priority.GENERAL
    )


@pytest.mark.parametrize(
    "text",
    ["（１）経済分野", "(件)", "<重点事業>", "【一般事業】", "<講演 1>", "① 助言", "○ 研修",
     "ア 研修", "(イ) 研修", "４．人材育成", "2  1      1", "Ⅲ 草の根交流", "① ", "1"],
)  # fmt: skip
def test_classify_opening_is_classify(text: str) -> None:
    """A text that may open a heading reads the same through either door."""
    assert classify(text) == classify_opening(text, normal(text)) == classify_opening(text)


def test_a_unit_after_a_number_opens_with_a_unit_opener() -> None:
    """No text whose first character is not in _UNIT_OPENERS opens with a unit."""
    expected: list[str] = []
    assert expected == [
        char
        for char in map(chr, range(0x110000))
        if char not in _UNIT_OPENERS and _UNIT_AFTER_NUMBER.match(char + "目") is not None
    ]
    assert ["月", "人", None] == [
        match and match.group() for match in map(_UNIT_AFTER_NUMBER.match, ("月来日", "人", "人材"))
    ]
