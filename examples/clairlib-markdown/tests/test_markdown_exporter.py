"""Tests of the example Markdown exporter, through clairlib's conformance suite and by hand."""

from __future__ import annotations

import io

import attrs
from clairlib_markdown import escape

import clairlib
from clairlib.errors import ExportError
from clairlib.model import Block, BlockKind, Table
from clairlib.testing import ExporterConformance, sample_document


class TestMarkdownConformance(ExporterConformance):
    """The Markdown exporter keeps every promise clairlib asks of an exporter."""

    exporter = "markdown"
    distribution = "clairlib-markdown"


def _markdown(**options: object) -> list[str]:
    stream = io.BytesIO()
    clairlib.export(sample_document(), "markdown", stream, **options)
    return stream.getvalue().decode("utf-8").split("\n")


def test_report_is_titled_and_sectioned() -> None:
    """The title, the section and its priority programme become headings in order."""
    lines = _markdown()
    headings = [line for line in lines if line.startswith("#")]
    assert [
        "# 平成25年度事業報告",
        "## 1 自治体の海外における経済活動を支援",
        "### ○ 海外における観光・物産展等への参加",
    ] == headings
    assert "\\<重点事業\\>" in lines


def test_table_has_caption_header_alignment_and_bold_total() -> None:
    """A table prints its caption, a header, right-aligned numbers and a bold 計 row."""
    lines = _markdown()
    start = lines.index("**\\<平成25年度 観光展等一覧\\>**")
    assert [
        "| 事業名 | 事務所 | 参加団体数 |",
        "| --- | --- | ---: |",
        "| ニューヨーク観光展への出展 | NYC | 12団体 |",
        "| **計** |  | **12団体** |",
    ] == lines[start + 2 : start + 6]


def test_a_table_kept_as_printed_text_is_fenced_under_its_caption() -> None:
    """A table with no rows placed prints its block's text, line by line, in a fence."""
    document = sample_document()
    programme = document.sections[0].programmes[0]
    printed = "国\n名\n``名称等`` <開催時期>"
    kept = Block(kind=BlockKind.TABLE, ref="t9", text=printed)
    programme = attrs.evolve(programme, body=(*programme.body, kept))
    section = attrs.evolve(document.sections[0], programmes=(programme,))
    document = attrs.evolve(
        document,
        sections=(section,),
        tables=(*document.tables, Table(id="t9", caption="<一覧>")),
    )
    stream = io.BytesIO()
    clairlib.export(document, "markdown", stream)
    lines = stream.getvalue().decode("utf-8").split("\n")
    start = lines.index("**\\<一覧\\>**")
    assert ["", "```text", "国", "名", "``名称等`` <開催時期>", "```", ""] == lines[
        start + 1 : start + 8
    ]


def test_tables_can_be_left_out() -> None:
    """tables=false (as the command line spells it) leaves every table out."""
    assert not [line for line in _markdown(tables="false") if line.startswith("|")]


def test_heading_level_out_of_range_is_refused() -> None:
    """A heading level beyond 4 is an ExportError naming the option."""
    try:
        _markdown(heading_level="7")
    except ExportError as error:
        message = str(error)
    else:
        raise AssertionError("heading_level=7 was accepted")
    assert "heading_level" in message


def test_escape_turns_markup_into_text() -> None:
    """Formula and link markup come out as literal characters; controls are dropped."""
    assert "=1\\+1" == escape("=1+1")
    assert "\\[link\\]\\(x\\)" == escape("[link](x)")
    assert "ab" == escape("a\x00b")


def test_lone_surrogate_is_an_export_error() -> None:
    """A character UTF-8 cannot hold is refused with an ExportError, not replaced."""
    document = attrs.evolve(sample_document(), title="bad \ud800")
    try:
        clairlib.export(document, "markdown", io.BytesIO())
    except ExportError as error:
        message = str(error)
    else:
        raise AssertionError("a lone surrogate was written")
    assert "U+D800" in message
