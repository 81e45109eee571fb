"""``clairlib.read``: paths, bytes and text; readers found through the hook; bad input."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import clairlib
from clairlib.errors import ClairlibError
from clairlib.model import AnnualPlan
from clairlib.plugins import PluginHost
from clairlib.reading import ReadError, Source
from clairlib.reading._text import decode
from tests.reading.conftest import SOURCES

PLAN = (
    "令和7年度事業計画\n\n1. 自治体の海外における経済活動を支援\n\n"
    "○ 情報の発信\n\nセミナーを 3 回開催する。\n"
)


def test_text_reader_is_a_default_plugin() -> None:
    """The text reader comes through the same hook as a third party's."""
    found = PluginHost(entry_points=()).readers()
    assert ["text"] == list(found)
    assert (".txt", ".text") == found["text"].suffixes


def test_read_text_bytes_and_path(tmp_path: Path) -> None:
    """Text, its UTF-8, Shift_JIS, EUC-JP and UTF-16 (either order) bytes, a file: the same."""
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    readings = [
        clairlib.read(PLAN),
        clairlib.read(PLAN.encode("utf-8")),
        clairlib.read(PLAN.encode("cp932")),
        clairlib.read(PLAN.encode("euc-jp")),
        clairlib.read(PLAN.encode("utf-16")),
        clairlib.read(b"\xfe\xff" + PLAN.encode("utf-16-be")),
        clairlib.read(path),
        clairlib.read(str(path)),
    ]
    outlines = {tuple(p.name for s in r.document.sections for p in s.programmes) for r in readings}  # type: ignore[union-attr]
    assert {("情報の発信",)} == outlines
    document = readings[0].document
    assert isinstance(document, AnnualPlan)
    assert ("I", 2025) == (document.sections[0].pillar, document.fiscal_year.year)


@pytest.mark.parametrize("encoding", ["cp932", "euc-jp"])
def test_bytes_both_encodings_take_read_as_the_one_giving_kana(encoding: str) -> None:
    """EUC-JP kana are also Shift_JIS half-width kana: the decoding giving kana is taken."""
    text = "あいうえお、カタカナ"
    assert text == decode(Source(name="t.txt", data=text.encode(encoding)))


def test_provenance_names_page_and_line() -> None:
    """A programme read knows its line; the Reading maps its path to the same origin."""
    reading = clairlib.read(PLAN)
    programme = reading.document.sections[0].programmes[0]  # type: ignore[union-attr]
    assert programme.origin is not None
    assert (1, 5) == (programme.origin.page, programme.origin.line)
    assert programme.origin == reading.provenance["$.sections[0].programmes[0]"]


def test_figures_in_a_report_carry_their_sentence() -> None:
    """A report's prose figure keeps the sentence it came from and its programme."""
    text = (
        "平成25年度事業報告\n1 海外支援\n<重点事業>\n○ 支援\n12 か国で 45 件のイベントを行った。\n"
    )
    report = clairlib.read(text).document
    assert isinstance(report, clairlib.model.AnnualReport)
    assert [
        ("1.1", "か国", "12 か国で 45 件のイベントを行った。"),
        ("1.1", "件", "12 か国で 45 件のイベントを行った。"),
    ] == [(f.programme, f.value.unit, f.label) for f in report.figures]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02garbage\xff\xfe" * 40, "no installed reader recognises"),
        (bytes(range(1, 256)) * 8, "not text in UTF-8, Shift_JIS, EUC-JP or UTF-16"),
        (b"\xff\xfe\x00\xd8", "not text in UTF-16"),
        ("会議を開催した。".encode(), "fiscal year"),
        ("ただの文章です。何の計画でもない。".encode(), "not a CLAIR plan or report"),
        (b"Hello world, this is not a plan.\n", "not a CLAIR plan or report"),
    ],
)
def test_unreadable_input_is_a_clairlib_error(data: bytes, says: str) -> None:
    """Empty, binary garbage or a text with no kind or year: one ClairlibError saying so."""
    with pytest.raises(ClairlibError, match=says):
        clairlib.read(data)


def test_not_a_plan_is_a_finding_with_the_best_reading() -> None:
    """A text that is no plan, read as one on the caller's word: an error finding, not a crash."""
    reading = clairlib.read(
        "ただの文章です。\n何の計画でもない。\n", kind="annual_plan", fiscal_year=2024
    )
    assert reading.has_errors
    assert ["read.no-sections"] == [f.rule for f in reading.findings if f.is_error]
    assert "ただの文章です。" == reading.document.preamble[0].text  # type: ignore[union-attr]


def test_missing_file_and_unknown_kind() -> None:
    """A path that does not exist and a kind that is none: ReadError naming them."""
    with pytest.raises(ReadError, match="no such file"):
        clairlib.read(Path("no/such/plan.txt"))
    with pytest.raises(ReadError, match="kind must be one of"):
        clairlib.read(SOURCES / "fy2025-plan.txt", kind="novel")


@pytest.mark.parametrize("name", ["fy2011-plan", "fy2013-report", "midterm-plan-2022"])
def test_a_reading_builds_no_reference_cycle(name: str) -> None:
    """What a reading builds is freed when its last reference goes: no cyclic garbage."""
    data = (SOURCES / f"{name}.txt").read_bytes()
    clairlib.read(data)  # patterns and caches made before the count
    gc.collect()
    gc.disable()
    try:
        reading = clairlib.read(data)
        del reading
        assert 0 == gc.collect()
    finally:
        gc.enable()


def test_the_collector_is_as_the_caller_left_it() -> None:
    """The collector paused while a text is read is on again after, also after a refusal."""
    clairlib.read(PLAN)
    assert gc.isenabled()
    with pytest.raises(ReadError):
        clairlib.read(PLAN, kind="novel")
    assert gc.isenabled()
    gc.disable()
    try:
        clairlib.read(PLAN)
        assert not gc.isenabled()
    finally:
        gc.enable()
