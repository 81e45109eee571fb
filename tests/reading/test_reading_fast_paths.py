"""The reader's fast paths give what the plain ones give: lines, folds and figures."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from clairlib.model import Quantity
from clairlib.reading._figures import _FIGURE, _counts, quantities
from clairlib.reading._layout import Line, _nfkc, lines_of_text, normal, with_text
from tests.strategies import nfkc_texts, printed_texts, prose_numbers


@given(printed_texts)
def test_folding_is_nfkc_without_spaces(text: str) -> None:
    """``normal`` is NFKC with half-width, ideographic and tab spaces removed."""
    assert re.sub(r"[ \t\u3000]+", "", unicodedata.normalize("NFKC", text)) == normal(text)


@given(printed_texts)
def test_lines_of_text_are_the_lines_their_constructor_makes(text: str) -> None:
    """Each line the text reader builds equals the Line its own __init__ makes, fold too."""
    for line in lines_of_text(text):
        plain = Line(
            text=line.text,
            page=line.page,
            number=line.number,
            indent=line.indent,
            gap_before=line.gap_before,
        )
        assert plain == line
        assert plain.folded == line.folded
        assert line.text == line.text.rstrip()
        assert line.text.strip()


def test_lines_keep_indent_page_and_number() -> None:
    """An indented line keeps its indent; a form feed inside a line starts a page there."""
    lines = lines_of_text("　 本部において\r\n\n二行目\f三行目  \n")
    assert [
        ("本部において", 1, 1, 2, False),
        ("二行目", 1, 3, 0, True),
        ("三行目", 2, 1, 0, False),
    ] == [(line.text, line.page, line.number, line.indent, line.gap_before) for line in lines]
    assert "本部において" == lines[0].folded


def test_a_figure_ending_its_block_is_read() -> None:
    """``…参加者は 30 名`` with no 。 after it is a figure, as it is with one."""
    expected = [Quantity(value=Decimal(30), unit="名", text="30 名")]
    assert expected == [q for q, _, _ in quantities("参加者は 30 名")]
    assert expected == [q for q, _, _ in quantities("参加者は 30 名。")]


def test_figures_found_from_the_digits_keep_their_words() -> None:
    """Lead words (延べ約), a mixed scale (7万9千), a change and an ordinal read as before."""
    found = quantities("第 3 回は延べ約 1,200 名、前年度比 5 件増、7万9千人が来場した")
    assert [
        ("1200", "名", 1, "approximately", "gross"),
        ("79", "人", 1000, None, "distinct"),
    ] == [
        (str(q.value), q.unit, q.scale, q.qualifier.value if q.qualifier else None, b.value)
        for q, b, _ in found
    ]


def _no_count(text: str, match: re.Match[str]) -> bool:
    # An ordinal's number (第, No, No. or № and at most 24 characters with the spaces
    # before it) or a number just after a digit (①5), told plainly.
    at = match.start("num")
    before = text[:at]
    word = before.rstrip()
    spaces = len(before) - len(word)
    return (at > 0 and text[at - 1].isdigit()) or any(
        word.endswith(ordinal) and len(ordinal) + spaces <= 24
        for ordinal in ("第", "No", "No.", "№")
    )


# Prose numbers with the ordinals' other words and a circled digit among them.
_ORDINAL_NUMBERS = st.lists(
    prose_numbers | st.sampled_from(("No", "No.", "№", "①", " " * 20)), max_size=4
).map("".join)


@given(_ORDINAL_NUMBERS)
def test_the_figure_scan_finds_what_the_pattern_finds_that_counts(text: str) -> None:
    """The scan finds each sentence's figure matches, less an ordinal's and one after a digit."""
    expected: list[tuple[int, tuple[int, int], dict[str, str | None]]] = []
    wall = 0
    for sentence in text.split("。"):
        expected.extend(
            (wall, (wall + m.start(), wall + m.end()), m.groupdict())
            for m in _FIGURE.finditer(sentence)
            if not _no_count(sentence, m)
        )
        wall += len(sentence) + 1
    assert expected == [
        (wall, (begin, rest.end()), {"lead": text[begin : rest.start()], **rest.groupdict()})
        for wall, begin, rest in _counts(text)
    ]


@given(printed_texts, printed_texts)
def test_a_line_given_another_text_is_the_line_evolve_makes(text: str, other: str) -> None:
    """``with_text`` gives the line ``attrs.evolve`` makes, its fold made again."""
    line = Line(
        text=text, page=2, number=7, indent=1, x=3, y=4, size=9.5, level=2, gap_before=True,
        cells=("a", "b"),
    )  # fmt: skip
    expected = attrs.evolve(line, text=other)
    assert expected == with_text(line, other)
    assert expected.folded == with_text(line, other).folded


@given(nfkc_texts)
def test_the_quick_nfkc_is_nfkc(text: str) -> None:
    """The folds made before the NFKC check give what NFKC gives, composing marks too."""
    assert unicodedata.normalize("NFKC", text) == _nfkc(text)


def test_a_text_line_reads_the_fields_it_leaves_out_as_none() -> None:
    """A text line has no position, size, level or cells, and copies as the others do."""
    line = lines_of_text("本部において\n")[0]
    assert (None, None, None, None, None) == (line.x, line.y, line.size, line.level, line.cells)
    moved = attrs.evolve(line, x=3)
    assert (3, "本部において", None) == (moved.x, moved.text, line.x)
