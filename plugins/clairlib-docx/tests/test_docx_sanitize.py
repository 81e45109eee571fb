"""Characters XML cannot hold: removed with a finding that names the field, never a crash."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from clairlib_docx import write_docx
from clairlib_docx._sanitize import Sanitiser, escape

from clairlib.findings import Severity
from clairlib.model import AgendaItem, Block, BlockKind, Meeting, Programme, Row, Section


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("a\x00b", "ab", "U+0000 at 1"),
        (
            "\x01\x08\x0b\x0c\x0e\x1f",
            "",
            "U+0001 at 0, U+0008 at 1, U+000B at 2, U+000C at 3, U+000E at 4",
        ),
        ("前\ud800後", "前後", "U+D800 at 1"),
        ("\udfff", "", "U+DFFF at 0"),
        ("x\ufffey\uffff", "xy", "U+FFFE at 1, U+FFFF at 3"),
    ],
)
def test_invalid_characters_removed(text: str, expected: str, removed: str) -> None:
    """Controls, lone surrogates and U+FFFE/U+FFFF are removed, each reported once per field."""
    sanitiser = Sanitiser()
    assert expected == sanitiser.clean(text, "$.title")
    [finding] = sanitiser.findings
    assert ("docx.invalid-xml-char", Severity.WARNING, "$.title") == (
        finding.rule,
        finding.severity,
        finding.path,
    )
    assert removed in finding.message


def test_long_lists_are_cut_short() -> None:
    """A field with many bad characters names the first five and counts the rest."""
    sanitiser = Sanitiser()
    assert "" == sanitiser.clean("\x01" * 8, "$.title")
    assert "removed 8 characters" in sanitiser.findings[0].message
    assert "and 3 more" in sanitiser.findings[0].message


@pytest.mark.parametrize(
    "text", ["tab\there", "line\nbreak\r\nand\rcr", "絵文字😀と𠮷", "\u3000全角空白"]
)
def test_valid_characters_kept(text: str) -> None:
    """Tab, newline, carriage return, emoji and supplementary kanji are kept, silently."""
    sanitiser = Sanitiser()
    assert text == sanitiser.clean(text, "$.title")
    assert [] == sanitiser.findings


def test_path_made_only_when_needed() -> None:
    """A path may be given as a callable; it is called only for a field that needs cleaning."""
    calls: list[str] = []

    def path() -> str:
        calls.append("called")
        return "$.x"

    sanitiser = Sanitiser()
    sanitiser.clean("clean", path)
    sanitiser.clean("dirty\x00", path)
    assert ["called"] == calls


def test_escape() -> None:
    """Markup characters are escaped for text and attributes alike."""
    assert "a &lt;b&gt; &amp; &quot;c&quot;" == escape('a <b> & "c"')


def test_hostile_report_written_with_findings(make: Any) -> None:
    """Bad characters anywhere are dropped, the file opens, and every field is named."""
    base = make()
    events = base.tables[0]
    hostile_table = events.__class__(
        id=events.id,
        caption=events.caption + "\x07",
        columns=events.columns,
        rows=(Row(group="アメ\x00リカ", cells={"venue": "ニュー\ufffeヨーク"}), *events.rows[1:]),
        notes=("※注\x1b",),
        programme=events.programme,
    )
    section = base.sections[0]
    programme = section.programmes[0]
    hostile_programme = Programme(
        id=programme.id,
        name="海外\x0b経済",
        marker="○",
        priority=programme.priority,
        body=(Block(text="本文\ud83d"), *programme.body[1:]),
    )
    hostile_section = Section(
        id=section.id, number="1", title="自治体\x01の海外", programmes=(hostile_programme,)
    )
    meeting = Meeting(
        id="board-59",
        board=base.meetings[0].board,
        ordinal=59,
        date=base.meetings[0].date,
        agenda=(AgendaItem(number=1, title="議案\uffff"),),
    )
    report = make(
        sections=(hostile_section, *base.sections[1:]),
        tables=(hostile_table, *base.tables[1:]),
        meetings=(meeting,),
        issuer="一般財団法人\x02自治体国際化協会",
    )
    buffer = io.BytesIO()
    findings = write_docx(report, buffer)
    assert [
        "$.issuer",
        "$.sections[0].title",
        "$.sections[0].programmes[0].name",
        "$.sections[0].programmes[0].body[0].text",
        "$.tables[0].caption",
        "$.tables[0].rows[0].group",
        "$.tables[0].rows[0].cells.venue",
        "$.tables[0].notes[0]",
        "$.meetings[0].agenda[0].title",
    ] == [finding.path for finding in findings]
    assert {"docx.invalid-xml-char"} == {finding.rule for finding in findings}
    buffer.seek(0)
    texts = [p.text for p in docx.Document(buffer).paragraphs]
    assert "1 自治体の海外" in texts
    assert "○ 海外経済" in texts
    assert "本文" in texts
    assert "一般財団法人自治体国際化協会" in texts


def test_table_printed_twice_reported_once(make: Any) -> None:
    """A table placed twice (a programme printed again under another pillar) gives one finding."""
    base = make()
    events = base.tables[0]
    dirty = events.__class__(
        id=events.id,
        caption=events.caption,
        columns=events.columns,
        rows=(Row(group="アメリカ", cells={"venue": "ニュー\x00ヨーク"}),),
    )
    placed = (Block(kind=BlockKind.TABLE, ref=events.id),)
    sections = tuple(
        Section(
            id=f"s{n}",
            number=str(n),
            title="節",
            programmes=(Programme(id=f"p{n}", name="事業", marker="○", body=placed),),
        )
        for n in (1, 2)
    )
    findings = write_docx(make(sections=sections, tables=(dirty,)), io.BytesIO())
    assert ["$.tables[0].rows[0].cells.venue"] == [finding.path for finding in findings]
