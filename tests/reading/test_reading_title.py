"""The title and cover: what they say is read into the document, and left out of its prose."""

from __future__ import annotations

import clairlib
from clairlib.calendar import FiscalYear
from clairlib.model import AnnualReport
from clairlib.reading._layout import lines_of_text
from clairlib.reading._title import ANNUAL_PLAN, ANNUAL_REPORT, Title, find_title, infer_title

BODY = """1 自治体の海外における経済活動を支援
 国内の自治体が共同して観光展や物産展に参画できる機会を拡充し、地域経済の活性化に資す
るべく、各海外事務所において、12 か国で 45 件のイベントに出展等を行った。
"""


def _read(text: str) -> AnnualReport:
    document = clairlib.read(text.encode()).document
    assert isinstance(document, AnnualReport)
    return document


def test_the_issuer_on_its_own_line_is_the_cover() -> None:
    """``一般財団法人自治体国際化協会`` under the title: the issuer, not a preamble paragraph."""
    document = _read("平成25年度事業報告\n一般財団法人自治体国際化協会\n" + BODY)
    assert ("一般財団法人自治体国際化協会", ()) == (document.issuer, document.preamble)


def test_an_issuer_broken_over_two_lines_is_one_name() -> None:
    """``一般財団法人`` / ``自治体国際化協会``: one issuer, neither line in the preamble."""
    document = _read("平成25年度事業報告\n一般財団法人\n自治体国際化協会\n" + BODY)
    assert ("一般財団法人自治体国際化協会", ()) == (document.issuer, document.preamble)


def test_a_sentence_opening_with_the_issuer_is_prose() -> None:
    """A preamble sentence that opens with the issuer's name stays in the preamble."""
    sentence = "一般財団法人自治体国際化協会は、自治体の共同組織として事業を行っている。"
    document = _read(f"平成25年度事業報告\n{sentence}\n" + BODY)
    assert [sentence] == [block.text for block in document.preamble]


def test_cover_dates_on_two_lines_name_the_fiscal_year() -> None:
    """``自 平成24年4月1日`` / ``至 平成25年3月31日``: FY2012, both lines the cover's."""
    lines = lines_of_text("事業報告\n自 平成24年4月1日\n至 平成25年3月31日\n")
    title = find_title(lines)
    assert (FiscalYear(2012), tuple(lines[1:])) == (title.fiscal_year, title.cover)


def test_cover_dates_are_left_out_of_the_preamble() -> None:
    """A report's 自…至… line under its title is read, and printed in no paragraph."""
    document = _read("平成24年度事業報告\n自 平成24年4月1日 至 平成25年3月31日\n" + BODY)
    assert (FiscalYear(2012), ()) == (document.fiscal_year, document.preamble)


def test_a_title_repeated_atop_every_page_is_still_the_title() -> None:
    """``令和4年度事業報告`` as the running header of each page: left out, and still read."""
    pages = [
        f"令和4年度事業報告\n{number} 分野{number}の推進\n"
        " 各地で研修を実施し、多くの自治体職員が参加した。これにより地域の国際化が一層進ん\n"
        f"だ。\n- {number} -"
        for number in range(1, 5)
    ]
    document = _read("\f".join(pages))
    assert ("令和4年度事業報告", FiscalYear(2022), 4, ()) == (
        document.title,
        document.fiscal_year,
        len(document.sections),
        document.preamble,
    )


def test_an_untitled_text_is_told_by_the_tense_of_its_sentences() -> None:
    """More sentences ending as done (した。) than as to be done (する。): a report."""
    past = "研修を実施した。\n派遣を行った。\n"
    future = "研修を実施する。\n派遣を行う。\n推進を図る。\n"
    assert ANNUAL_REPORT == infer_title(lines_of_text(past * 2 + future), Title()).kind
    assert ANNUAL_PLAN == infer_title(lines_of_text(past + future), Title()).kind


def test_a_sentence_broken_over_lines_counts_by_its_ending() -> None:
    """``実施し`` / ``た。`` on two lines is one sentence done; ``するた。`` is no ending."""
    lines = lines_of_text("研修を実施し\nた。事業を推進するた。\n")
    assert ANNUAL_REPORT == infer_title(lines, Title()).kind


def test_a_report_heading_marks_a_report_on_one_line_or_broken_over_two() -> None:
    """``<重点事業>`` says report over a future tense, on its line or as ``<重点`` / ``事業>``."""
    future = "研修を実施する。\n派遣を行う。\n"
    for heading in ("<重点事業>\n", "<重点\n事業>\n", "<一般事業>\n"):
        inferred = infer_title(lines_of_text(heading + future), Title())
        assert ANNUAL_REPORT == inferred.kind
        assert "the kind from its 重点事業/一般事業 headings" == inferred.inferred
    assert ANNUAL_PLAN == infer_title(lines_of_text("<重点\n" + future), Title()).kind
