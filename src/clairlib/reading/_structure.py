"""Lines to the body of an annual plan or report: sections, programmes, prose and tables.

One pass over the lines keeps the innermost open place (the preamble, a section,
a subsection, a programme) and what is being gathered there (a paragraph, a
bullet, a table printed as text). A heading opens a place only where its number
comes next (section 2 after section 1): a wrapped line that happens to begin with
a number is prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from math import ceil

import attrs

from clairlib.model import Block, BlockKind, Priority
from clairlib.reading._body import Body, Node, ProgrammeNode, TableNode, block
from clairlib.reading._headings import (
    BULLET_OPENERS,
    KANA_OPENERS,
    KANA_STOPS,
    OPENERS,
    PRIORITY_MARK,
    PROGRAMME,
    SECTION,
    SUBSECTION,
    Heading,
    classify,
    classify_opening,
    cross_listing,
    is_caption,
    item_marker,
    may_open,
)
from clairlib.reading._layout import Line, joined, with_text

__all__ = ["read_body"]

_PART = re.compile(r"\A[【\[](.+)[】\]]\s*(?:\(.*\))?\Z")
_ENDS_SENTENCE = ("。", "。」", "。）", "。)", "。』")
# What a caption opens with, folded (NFKC makes ＜ <): most lines are no caption.
_CAPTION_OPENERS = frozenset("<〈【")
# What a 【…】 part's heading opens with, folded.
_PART_OPENERS = frozenset("【[")
_SECTION_KINDS = frozenset({SECTION, SUBSECTION})
_STYLED = -1  # a level a Word style opened: any numbering style may nest below it
# The kinds by name: under Python 3.11 a member looked up on its class goes through
# EnumType.__getattr__, and these are asked for on every line.
_PARAGRAPH, _ITEM, _NOTE, _HEADING, _TABLE = (
    BlockKind.PARAGRAPH,
    BlockKind.ITEM,
    BlockKind.NOTE,
    BlockKind.HEADING,
    BlockKind.TABLE,
)
# What a line may open with, as printed, for it to be more than a table's line or prose:
# a heading's number or mark, a bullet, or what folds to a caption's or a 【…】 part's
# bracket or a note's ※ (the character itself, a full-width or presentation form of it,
# or a space, which folding drops). Most lines open otherwise, and are asked no more.
_MARKED = (
    OPENERS
    | BULLET_OPENERS
    | frozenset("<〈【[※" + "＜﹤\u2329︿︻［﹇")
    | frozenset(" \t\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
)
# The letters most lines open with, none of them a mark: a kanji (from CJK Extension A to
# the compatibility ideographs), a hiragana letter. A text opens with one where it lies
# between the bounds, compared whole: no first letter is taken out to be looked up.
_KANJI = ("\u3400", "\ufe00")
_HIRAGANA = ("\u3040", "\u30a0")
# A line break before a bullet's mark (BULLET_OPENERS): a bullet's line in joined text.
_BULLET_LINE = re.compile("\n[{}]".format("".join(map(re.escape, sorted(BULLET_OPENERS)))))


def _width(lengths: Sequence[int]) -> int:
    # The width of a full line of prose, from the lengths of the lines with a comma or a
    # full stop: most wrapped prose lines are this long.
    lengths = sorted(lengths)
    # An A4 page prints some 40 Japanese characters a line: no narrower than that.
    if not lengths:
        return 40
    return max(40, lengths[int(len(lengths) * 0.9)])


def _paragraphs(lines: Sequence[Line]) -> bool:
    # Whether each line is a whole paragraph (a Word file, a text without wrapping): nine
    # in ten of the lines that end a sentence somewhere end with it; wrapped lines end
    # anywhere in one.
    ending = [line.text for line in lines if "。" in line.text]
    ended = sum(1 for text in ending if text.rstrip().endswith(_ENDS_SENTENCE))
    return bool(ending) and ended * 10 >= len(ending) * 9


class _Reader:
    def __init__(
        self,
        lines: Sequence[Line],
        title_line: Line | None,
        cover: Sequence[Line],
        styled: bool = False,
    ) -> None:
        self.lines = lines
        self.title_line = title_line
        self.cover = {id(line) for line in cover}
        self.styled = styled
        # Whether each line has a comma or a full stop: prose has, a table's cells seldom.
        self.commas = commas = ["、" in (text := line.text) or "。" in text for line in lines]
        self.width = width = _width([len(line.text) for line in compress(lines, commas)])
        # The shares of the width the lines are measured against, worked out once, each as
        # the least whole length that reaches it: a line's length is whole, and comparing
        # two whole numbers is quicker than comparing one with a fraction.
        self.full = ceil(0.9 * width)  # a full line of words with no comma yet
        self.wide = ceil(0.7 * width)  # a wrapped line of prose
        self.comma_wide = ceil(min(0.7 * width, 36))  # a line of prose with a comma
        self.indented = ceil(0.45 * width)  # an indented line with a comma
        self.paragraphs: bool | None = None  # _paragraphs(lines), once it is asked
        # The last numbered line that opened nothing: its index, style and number.
        self.listed: tuple[int, int, int] | None = None
        self.circled_listed: tuple[int, int] | None = None  # the same for ①, its number
        self.body = Body()
        # The sections open, outermost first (a section, its subsection …), and the
        # numbering style of each level in the order the document first printed them.
        self.places: list[Node] = []
        self.styles: list[int] = []
        self.programme: ProgrammeNode | None = None
        self.priority: Priority | None = None
        self.circled = 0  # the last ①② number in the current place
        self.gathering: list[Line] = []
        self.gathering_kind = _PARAGRAPH
        self.table: TableNode | None = None
        self.part: Line | None = None  # a 【…】 part after the sections: governance
        self.circled_spaced: bool | None = None
        self.classified: dict[int, Heading | None] = {}

    # -- places ------------------------------------------------------------------

    def _place_body(self) -> list[Block]:
        if self.programme is not None:
            return self.programme.body
        if self.places:
            return self.places[-1].body
        return self.body.preamble

    def _place_tables(self) -> list[TableNode]:
        if self.programme is not None:
            return self.programme.tables
        if self.places:
            return self.places[-1].tables
        return self.body.preamble_tables

    def _level(self, heading: Heading) -> int | None:
        # The level a section heading opens (0 a section, 1 its subsection …), or None
        # where its number does not come next there. A style the document printed before
        # keeps its level; a new one nests below the innermost, starting at 1, only in
        # the order documents nest them: Ⅰ, then 1., then (1).
        style = heading.style
        styles = self.styles
        if style in styles:
            level = styles.index(style)
            siblings = self.body.sections if level == 0 else self.places[level - 1].children
            return level if heading.number == len(siblings) + 1 else None
        # Below the innermost open place, where no numbering style stands yet (or only a
        # level a Word style opened).
        level = len(self.places)
        if heading.number != 1 or any(known != _STYLED for known in styles[level:]):
            return None
        if level and style <= styles[level - 1]:
            return None
        if not level and heading.kind is not SECTION:
            return None
        return level

    def _flush(self) -> None:
        gathering = self.gathering
        if gathering:
            # One line (most blocks): joined's text of it, without the join.
            text = gathering[0].text.strip() if len(gathering) == 1 else joined(gathering)
            self._place_body().append(block(self.gathering_kind, text, gathering[0].origin))
            self.gathering = []
        self.gathering_kind = _PARAGRAPH

    def _close_table(self) -> None:
        table = self.table
        if table is None:
            return
        self.table = None
        text = "\n".join([line.text for line in table.lines])
        if self._is_list(table, text):
            # <…データ> over bullets: a captioned list, read as prose.
            self._place_body().append(block(_HEADING, table.caption, table.line.origin))
            for line in table.lines:
                self._content(line)
            self._flush()
            return
        # Tables are named in printed order: t1, t2 … (the block's ref is its table's id).
        ref = f"t{len(self.body.tables) + 1}"
        placed = block(_TABLE, text, table.line.origin, ref)
        self._place_body().append(placed)
        self._place_tables().append(table)
        self.body.tables.append((table, placed))

    def _is_list(self, table: TableNode, text: str) -> bool:
        # ``text``: the table's lines joined by line breaks. A list's lines are a quarter
        # bullets or more; most tables hold none, counted in the joined text at once
        # where no line holds a line break of its own.
        lines = table.lines
        if text.count("\n") == len(lines) - 1:
            opened = len(_BULLET_LINE.findall(text)) + (text[:1] in BULLET_OPENERS)
        else:
            opened = sum(1 for line in lines if line.text[:1] in BULLET_OPENERS)
        if not opened or opened * 4 < len(lines):
            return False
        bullets = [printed for line in lines if (printed := line.text)[:1] in BULLET_OPENERS]
        marked = [printed for printed in bullets if item_marker(printed) is not None]
        return len(marked) * 4 >= len(lines)

    def _close(self) -> None:
        self._flush()
        self._close_table()

    # -- headings ------------------------------------------------------------------

    def _opens_something(self, index: int, style: int | None = None) -> bool:
        # A section heading is followed by what a section holds: a 重点事業 mark, a
        # programme or subsection heading, or prose; a table cell that begins with a
        # number (``1 ハノイ、ホーチミン``) is followed by more cells.
        # Inside a table, only prose or a spaced heading will do: cells come in runs.
        strict = self.table is not None
        for line in self.lines[index + 1 : index + 3]:
            heading = self._classify(line)
            if heading is not None and (
                heading.kind is not SECTION
                # A section of a style that nests below the one asked about (1. under
                # Ⅰ); never one of the same style (1 over 1 ハノイ: a list's cells).
                or (style is not None and heading.style > style)
            ):
                # Under a caption, cells come numbered in runs (① 平成25年4月 / ① 群馬県).
                cell_like = (
                    heading.kind is SUBSECTION
                    or not heading.spaced
                    or (heading.kind is PROGRAMME and heading.number is not None)
                )
                if not (strict and cell_like):
                    return True
            if self._prose_start(line) or (not strict and len(line.text) >= self.wide):
                return True
            if not strict and (item_marker(line.text) or is_caption(line.text)):
                return True
            # Where each line is a whole paragraph, a sentence however short is prose.
            if not strict and line.text.rstrip().endswith(_ENDS_SENTENCE):
                if self.paragraphs is None:
                    self.paragraphs = _paragraphs(self.lines)
                if self.paragraphs:
                    return True
        return False

    def _accept(self, heading: Heading, line: Line, index: int) -> bool:
        kind = heading.kind
        if kind is SECTION or kind is SUBSECTION:
            style = heading.style
            listed = self.listed
            if listed is not None and listed == (index - 1, style, (heading.number or 0) - 1):
                # The next item of a numbered list on the line before (1 ハノイ, 2 …): no
                # heading, whatever its number; the item after it is the list's too.
                self.listed = (index, style, heading.number or 0)
                return False
            level = self._level(heading)
            if level is None:
                # A table's cells are no list: a heading may follow its last row.
                if self.table is None:
                    self.listed = (index, style, heading.number or 0)
                return False
            # A report's 重点事業/一般事業 groups hold programmes, never subsections.
            if level > 0 and self.priority is not None:
                return False
            return self._heading_like(line) and self._opens_something(index, heading.style)
        if not self.places:
            return False
        if kind is PRIORITY_MARK:
            return True
        # A programme: ○ anywhere but inside a table's cells; ① … in order.
        if self.table is not None and not heading.spaced:
            return False
        if heading.number is not None:
            run = self.circled_listed
            if run is not None and run[1] + 1 == heading.number and self._items(run[0], index):
                # ② after a ① that opened nothing, only a list's items between: that
                # list's next item (① 件数 ・… ・… ② 推移), whatever number comes next.
                self.circled_listed = (index, heading.number)
                return False
            if heading.number != self.circled + 1:
                self.circled_listed = (index, heading.number)
                return False
            # A document prints its ① headings one way: spaced after ① 1, spaced after.
            if self.circled_spaced is not None and heading.spaced != self.circled_spaced:
                return False
            # ``①姉妹提携件数…`` in a list: a programme heading is spaced, or opens prose;
            # under a table's caption, where cells may be numbered so, it opens prose.
            return (heading.spaced and self.table is None) or self._opens_something(index)
        return True

    def _items(self, first: int, last: int) -> bool:
        # Whether the lines between ``first`` and ``last`` are all a list's items (・…).
        return all(
            line.text[:1] in BULLET_OPENERS and item_marker(line.text) is not None
            for line in self.lines[first + 1 : last]
        )

    def _title_goes_on(self, index: int) -> bool:
        # A heading as wide as the page wraps: its end stands on the next line, short,
        # no sentence, no heading (``…の推進・ＪＥＴ経験者`` + ``の活用の促進``).
        line = self.lines[index]
        if index + 1 >= len(self.lines) or len(line.text) < 0.6 * self.width:
            return False
        after = self.lines[index + 1]
        text = after.text.strip()
        then = self.lines[index + 2].text if index + 2 < len(self.lines) else ""
        # What follows the heading's end opens something of its own: a heading, a caption.
        if classify(then) is None and is_caption(then) is None and not self._wide(then):
            return False
        if (
            not text
            or len(text) >= 0.5 * self.width
            or text.endswith(_ENDS_SENTENCE)
            or "、" in text
            or classify(text) is not None
            or is_caption(text) is not None
            or item_marker(text) is not None
        ):
            return False
        self._extend_title(text)
        return True

    def _wide(self, text: str) -> bool:
        return len(text) >= self.wide

    def _extend_title(self, text: str) -> None:
        if self.programme is not None and self.programme.line is self._last_heading_line():
            name, cross = cross_listing(self.programme.heading.title + text)
            self.programme.name = name
            self.programme.cross = cross or self.programme.cross
            return
        if self.places:
            node = self.places[-1]
            node.heading = attrs.evolve(node.heading, title=node.heading.title + text)

    def _last_heading_line(self) -> Line | None:
        if self.programme is not None:
            return self.programme.line
        return None

    def _classify(self, line: Line) -> Heading | None:
        # The lines after a heading are asked what heading they would be, for each heading
        # before them: once is enough. Most open with no heading's mark: answered at once.
        text = line.text
        if not may_open(text):
            return None
        key = id(line)
        classified = self.classified
        if key in classified:
            return classified[key]
        heading = classified[key] = classify_opening(text, line.folded)
        return heading

    def _opens_part(self, index: int) -> bool:
        # 【管理関係】, 【参考】: a part of its own after the business sections, whose
        # numbering starts again at 1; a 【…】 inside a table is a cell.
        for line in self.lines[index + 1 : index + 3]:
            heading = self._classify(line)
            if heading is not None and heading.number == 1:
                return True
        return False

    def _heading_like(self, line: Line) -> bool:
        # Inside a table a heading stands on a line of its own, shorter than prose.
        return len(line.text) < self.width

    def _styled(self, line: Line, level: int) -> tuple[Heading, int] | None:
        # A heading a Word style gives (Heading 1, 2 …) whose number Word prints itself: a
        # section at that depth (no deeper than one below the innermost open), numbered
        # after its siblings. A programme or 重点事業 mark in it reads as printed.
        printed = self._classify(line)
        if printed is not None and printed.kind not in _SECTION_KINDS:
            return None
        depth = min(level - 1, len(self.places))
        siblings = self.body.sections if depth == 0 else self.places[depth - 1].children
        heading = Heading(
            kind=SECTION if depth == 0 else SUBSECTION,
            title=line.text.strip() if printed is None else printed.title,
            printed=None if printed is None else printed.printed,
            number=len(siblings) + 1,
        )
        return heading, depth

    def _open(self, heading: Heading, line: Line, depth: int | None = None) -> None:
        self._close()
        kind = heading.kind
        if kind is SECTION or kind is SUBSECTION:
            level = self._level(heading) if depth is None else depth
            assert level is not None  # _accept found it
            node = Node(heading=heading, line=line)
            if level == 0:
                self.body.sections.append(node)
                self.priority = None
            else:
                self.places[level - 1].children.append(node)
            # A level a Word style opened holds no numbering style of its own, until a
            # numbered heading stands there.
            style = heading.style if depth is None else _STYLED
            if level == len(self.styles):
                self.styles.append(style)
            elif self.styles[level] == _STYLED:
                self.styles[level] = style
            del self.places[level:]
            self.places.append(node)
            self.programme = None
            self.circled = 0
        elif kind is PRIORITY_MARK:
            self.priority = heading.priority
            self.programme = None
            self.circled = 0
        else:
            name, cross = cross_listing(heading.title)
            self.programme = ProgrammeNode(
                heading=heading, line=line, priority=self.priority, name=name, cross=cross
            )
            self.places[-1].programmes.append(self.programme)
            if heading.number is not None:
                self.circled = heading.number
                self.circled_spaced = heading.spaced

    # -- content -------------------------------------------------------------------

    def _prose_start(self, line: Line) -> bool:
        text = line.text
        if "、" not in text and "。" not in text:
            # A full line of words with no comma yet: prose too, where cells have gaps.
            return len(text) >= self.full and text.count(" ") <= 2

        # Where a line is a whole paragraph (a Word file, a text without wrapping) the
        # width is a paragraph's: a line of 36 characters with a comma is prose there too.
        if len(text) >= self.comma_wide:
            return True
        return line.indent > 0 and len(text) >= self.indented

    def _content(self, line: Line) -> None:
        text = line.text
        if self.table is not None:
            if not self._prose_start(line):
                if line.folded.startswith("※"):
                    self.table.notes.append(text.strip())
                self.table.lines.append(line)
                return
            self._close_table()
        # item_marker's first look, inline: most lines open with no bullet.
        bullet = item_marker(text) if text[:1] in BULLET_OPENERS else None
        if bullet is not None or line.folded.startswith("※"):
            self._flush()
            self.gathering_kind = _NOTE if bullet is None else _ITEM
            body = text if bullet is None else bullet[1]
            self.gathering = [with_text(line, body)]
        else:
            # A bullet or note goes on only where its line was full (wrapped).
            if (
                self.gathering
                and self.gathering_kind is not _PARAGRAPH
                and len(self.gathering[-1].text) < self.wide
            ):
                self._flush()
            self.gathering.append(line)
        if text.rstrip().endswith(_ENDS_SENTENCE):
            self._flush()

    def run(self) -> Body:
        lines = self.lines
        title_line = self.title_line
        cover = self.cover
        leaves_out = title_line is not None or bool(cover)  # most readings leave none out
        styled = self.styled
        body = self.body
        commas = self.commas
        full, comma_wide, indented, wide = self.full, self.comma_wide, self.indented, self.wide
        (kanji, after_kanji), (hiragana, after_hiragana) = _KANJI, _HIRAGANA
        skip = False  # the line after a heading that went on to it
        for index, line in enumerate(lines):
            if leaves_out and (line is title_line or id(line) in cover):
                continue
            text = line.text
            # A line that opens with no mark is no heading, caption, part, bullet or note:
            # a table's line or prose, told by its width alone. Most open with a kanji or
            # a hiragana letter (_KANJI, _HIRAGANA), no mark; a katakana letter is a mark
            # only before a space or a stop.
            if kanji <= text < after_kanji or hiragana <= text < after_hiragana:
                marked = False
            else:
                opening = text[0] if text else ""
                marked = opening in _MARKED or (opening in KANA_OPENERS and text[1:2] in KANA_STOPS)
            if marked:
                folded = line.folded
                first = folded[:1]
                if (
                    first in _PART_OPENERS
                    and _PART.match(folded) is not None
                    and body.sections
                    and self._opens_part(index)
                ):
                    self._close()
                    self.part = line
                    # Every line after it is the part's: the governance reader's to read.
                    body.part.extend([after for after in lines[index:] if after is not title_line])
                    break
            if line.cells is not None:
                # A row the source placed in a grid: a table's, never a heading.
                if self.table is None:
                    self._close()
                    self.table = TableNode(caption="", line=line)
                self.table.lines.append(line)
                continue
            if styled and line.level and (found := self._styled(line, line.level)):
                self._open(found[0], line, found[1])
                continue
            if marked:
                # may_open, inline; a line looked ahead at is classified again, as most are
                # not (_classify keeps the look-ahead's answers).
                opens = opening in OPENERS or (opening in KANA_OPENERS and text[1:2] in KANA_STOPS)
                heading = classify_opening(text, folded) if opens else None
                if heading is not None and self._accept(heading, line, index):
                    self._open(heading, line)
                    skip = self._title_goes_on(index)
                    continue
                if skip:
                    skip = False
                    continue
                # A caption is asked for where no heading opened: few lines are both.
                if first in _CAPTION_OPENERS and (caption := is_caption(text)) is not None:
                    self._close()
                    self.table = TableNode(caption=caption, line=line)
                    continue
                table = self.table
                if table is not None and not self._prose_start(line):
                    # _content's first step, inline: most lines under a caption are its
                    # table's.
                    if folded.startswith("※"):
                        table.notes.append(text.strip())
                    table.lines.append(line)
                    continue
                self._content(line)
                continue
            if skip:
                skip = False
                continue
            # _content without its bullets and notes, and _prose_start, inline: most lines
            # are these.
            table = self.table
            if not commas[index]:
                if table is not None and (len(text) < full or text.count(" ") > 2):
                    table.lines.append(line)
                    continue
                ends = False
            else:
                if (
                    table is not None
                    and len(text) < comma_wide
                    and (line.indent <= 0 or len(text) < indented)
                ):
                    table.lines.append(line)
                    continue
                ends = "。" in text and text.rstrip().endswith(_ENDS_SENTENCE)
            if table is not None:
                self._close_table()
            gathering = self.gathering
            # A bullet or note goes on only where its line was full (wrapped).
            if (
                gathering
                and self.gathering_kind is not _PARAGRAPH
                and len(gathering[-1].text) < wide
            ):
                self._flush()
                gathering = self.gathering
            gathering.append(line)
            if ends:
                self._flush()
        self._close()
        return body


def read_body(
    lines: Sequence[Line],
    *,
    title_line: Line | None = None,
    cover: Sequence[Line] = (),
    styled: bool = False,
) -> Body:
    """Read the sections, programmes, prose and tables of an annual plan or report.

    The title line and the cover's lines (the issuer's name, 自…至…) are read already:
    they are left out of the preamble. ``styled``: a line with a heading level (a Word
    style's) opens a section at that depth, numbered or not: for a draft whose headings
    Word numbers itself.
    """
    return _Reader(lines, title_line, cover, styled).run()
