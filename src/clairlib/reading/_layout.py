"""The layout contract shared by the readers: printed lines with their page and position.

Every reader (text, PDF, Word) turns its source into :class:`Line` objects in
reading order; one builder turns lines into a document. A text extraction gives
page (form feeds) and line numbers; a PDF adds the position and the size of the
type; a Word file gives paragraphs as lines, with its heading styles as ``level``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from clairlib._filling import filling
from clairlib.model.provenance import Origin, origin_at

__all__ = [
    "Line",
    "drop_furniture",
    "ideographs",
    "joined",
    "lines_of_text",
    "nfkc",
    "normal",
    "with_text",
]

# ``- 3 -``, ``－ 3 －``, ``3``, ``3/12``, ``p. 3``: a page number alone on its line.
_PAGE_NUMBER = re.compile(
    r"\A[-－—–‐ー\s]*(?:[pP]\.?\s*)?[0-9０-９]{1,3}(?:\s*/\s*[0-9０-９]{1,3})?[-－—–‐ー\s]*\Z"
)
# A page number, folded, is short (``-3-``, ``p.12``, ``3/12``): longer lines are not tried.
_PAGE_NUMBER_MAX = 24
# What a page number's line opens with (a space other than the ones a line is stripped
# of, too): the pattern is tried on those lines only. A string, not a set: looking a
# character up in it hashes no new one-character string.
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)  # every character str.isspace() is true of (tested)
_PAGE_NUMBER_OPENERS = "-－—–‐ーpP0123456789０１２３４５６７８９" + _SPACES


@attrs.frozen(kw_only=True)
class Line:
    """One printed line: its text (trailing spaces removed), page, line number, position.

    ``indent`` is the number of leading spaces a text extraction printed (a
    paragraph's first line is indented); ``x``/``y`` are whole points from the
    page's top-left (PDF only); ``level`` is a heading level a Word style gives.
    """

    text: str
    page: int = 1
    number: int = 0
    indent: int = 0
    x: int | None = None
    y: int | None = None
    size: float | None = None
    level: int | None = None
    gap_before: bool = False  # a blank line (or a wide vertical gap) printed before it
    # A table row whose cells the source places (a Word table, a PDF's ruled grid).
    cells: tuple[str, ...] | None = None
    # The text folded for comparing (NFKC, no spaces), once: every step looks at it.
    folded: str = attrs.field(init=False, repr=False, eq=False)

    @folded.default
    def _fold(self) -> str:
        return normal(self.text)

    @property
    def origin(self) -> Origin:
        """Where the line was printed, for the document's provenance."""
        return origin_at(self.page, self.number, self.x, self.y)


# Lines built slot by slot (see clairlib._filling): the text reader's trusted constructor.
_Filling = filling(Line)


def normal(text: str) -> str:
    """Text folded for comparing headings: NFKC, spaces removed."""
    # Most lines are normalised already (NFKC's quick check says so at once), and
    # after NFKC the only spaces left are " " and tabs: three calls, no regex.
    if not _is_normalized("NFKC", text):
        text = _nfkc(text)
    return text.replace(" ", "").replace("\t", "")


_is_normalized = unicodedata.is_normalized
_normalize = unicodedata.normalize

# The characters that keep most printed lines from being NFKC already (half-width ･｢｣,
# full-width brackets and signs, circled numbers), each with the one character it
# decomposes to. Replacing one by it leaves the text's NFKD, and so its NFKC, as it was
# (both are starters that decompose no further): where the text is NFKC after the
# replacements, that is its NFKC, found without normalising it.
_FOLDS = tuple(
    (char, _normalize("NFKC", char))
    for char in "･｢｣､｡～（）－：％！①②③④⑤⑥⑦⑧⑨⑩"
    if len(_normalize("NFKD", char)) == 1
    and _normalize("NFKD", char) == _normalize("NFKC", char)
    and unicodedata.combining(char) == unicodedata.combining(_normalize("NFKD", char)) == 0
)


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, quicker for the usual printed line."""
    return text if _is_normalized("NFKC", text) else _nfkc(text)


def _nfkc(text: str) -> str:
    # unicodedata.normalize("NFKC", text), quicker for the usual printed line.
    text = _folds(text)
    return text if _is_normalized("NFKC", text) else _normalize("NFKC", text)


def _folds(text: str) -> str:
    # The text with _FOLDS' characters replaced: its NFKC is the text's. A replace
    # looks for the character as ``in`` would, and gives the text back where it is not.
    for char, folded in _FOLDS:
        text = text.replace(char, folded)
    return text


# The Kangxi radicals and the CJK radicals NFKC maps to an ideograph: a PDF's fonts give
# them for the ideographs they look like (⽇本, ⾏った, ⼈材), a text extraction keeps them.
_RADICALS = {
    code: folded
    for code in (*range(0x2F00, 0x2FD6), *range(0x2E80, 0x2EF4))
    if len(folded := _normalize("NFKC", chr(code))) == 1 and folded != chr(code)
}
_RADICAL = re.compile("[" + "".join(map(chr, sorted(_RADICALS))) + "]")


def ideographs(text: str) -> str:
    """``text`` with the radicals a PDF's fonts give for ideographs (⽇, ⾏) as the ideographs.

    Only where Unicode's NFKC says which ideograph a radical stands for; the rest of the
    text is left as printed (full-width digits, half-width kana stay).
    """
    return text.translate(_RADICALS) if _RADICAL.search(text) is not None else text


def _printed_and_folded(text: str) -> tuple[str, str]:
    # A line that is no NFKC: its text with radicals as ideographs (ideographs), and its
    # NFKC. A radical is left by _FOLDS' replacements: only a line they do not fold may
    # hold one, and is looked at for it.
    folded = _folds(text)
    if _is_normalized("NFKC", folded):
        return text, folded
    return ideographs(text), _normalize("NFKC", folded)


def lines_of_text(text: str) -> list[Line]:
    """Split a text extraction into lines; a form feed starts a new page; blank lines dropped.

    A blank line is remembered on the line after it (``gap_before``): PDF tools print
    blank lines between wrapped lines too, so it is a hint, never a paragraph break.
    """
    out: list[Line] = []
    append = out.append
    filling, done = _Filling, Line
    is_normalized, printed_and_folded = _is_normalized, _printed_and_folded
    gap = False
    # Each look through the whole text costs: most texts have no CR and no form feed.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f") if "\f" in text else [text]
    folded_text, nfkc_already = _folded(text)
    folded_pages = folded_text.split("\f") if len(pages) > 1 else [folded_text]
    last = len(pages)
    for page, printed in enumerate(pages, start=1):
        raws = printed.split("\n")
        # The folded page has a line for every printed one: folding keeps line breaks.
        folds = folded_pages[page - 1].split("\n")
        # What stands on a line before a form feed is the page's last line; nothing
        # there (the form feed on a line of its own) is no blank line.
        if page < last and not raws[-1].strip():
            raws.pop()
        # A page's last blank line may have been popped: zip stops at the printed lines.
        for number, raw, folded in zip(itertools.count(1), raws, folds):
            if not raw:
                gap = True
                continue
            stripped = raw.rstrip()
            if not stripped:
                gap = True
                continue
            body = stripped.lstrip(" \t\u3000")
            # Most lines are not indented: lstrip gives the line itself back.
            indent = 0 if body is stripped else len(stripped) - len(body)
            if nfkc_already or is_normalized("NFKC", folded):
                # Spaces are gone from the folded line; what whitespace a line ends
                # with that folds to no space (\x1c, \u2028 …) goes as rstrip took it.
                if stripped is not raw:
                    folded = folded.rstrip()
            else:
                # Full-width digits, half-width kana, radicals: the line is folded alone.
                if is_normalized("NFKC", body):
                    folded = body
                else:
                    body, folded = printed_and_folded(body)
                if " " in folded:
                    folded = folded.replace(" ", "")
                if "\t" in folded:
                    folded = folded.replace("\t", "")
            # The one Line builder, without the constructor (see clairlib._filling).
            line = filling()
            line.text = body
            line.page = page
            line.number = number
            line.indent = indent
            line.x = line.y = line.size = line.level = line.cells = None
            line.gap_before = gap
            line.folded = folded
            line.__class__ = done
            append(line)
            gap = False
    return out


def _folded(text: str) -> tuple[str, bool]:
    # Every line folded at once: the text with no spaces (" ", tabs, and the ideographic
    # space NFKC makes one) and with _FOLDS' replacements, and whether that is NFKC
    # already, as a printed text mostly is. Where it is, or where a line of it is, that
    # is the line's folding: a space parts no characters NFKC would compose, so taking
    # it out first changes nothing the check passes. A line that is not (full-width
    # digits, half-width kana, radicals) is folded on its own. The spaces go first: the
    # replacements then look through a shorter text.
    folded = _folds(text.replace(" ", "").replace("\u3000", "").replace("\t", ""))
    return folded, _is_normalized("NFKC", folded)


def with_text(line: Line, text: str) -> Line:
    """The line with another text (a bullet's words after its marker), folded again.

    What ``attrs.evolve(line, text=text)`` makes, without the constructor: the line's
    other fields are copied as they are.
    """
    copy = _Filling()
    copy.text = text
    copy.page = line.page
    copy.number = line.number
    copy.indent = line.indent
    copy.x = line.x
    copy.y = line.y
    copy.size = line.size
    copy.level = line.level
    copy.gap_before = line.gap_before
    copy.cells = line.cells
    copy.folded = normal(text)
    copy.__class__ = Line
    return cast(Line, copy)


def drop_furniture(lines: Sequence[Line]) -> tuple[list[Line], int]:
    """Leave out page numbers, and the headers and footers printed beside them.

    Returns the lines kept and how many were left out. A page number is a number
    alone on its line in dashes (``- 3 -``) or first or last on its page; a header
    or footer is a text that stands next to a page edge (a form feed or a page
    number) at least three times (a running title, ``自治体国際化協会``).
    """
    # A page number is short, and opens with a dash, a digit or ``p`` (or a space): most
    # lines are asked no more.
    numbers = {
        index
        for index, line in enumerate(lines)
        if len(line.folded) <= _PAGE_NUMBER_MAX
        and line.text[:1] in _PAGE_NUMBER_OPENERS  # "" too: the pattern then refuses it
        and _PAGE_NUMBER.match(line.text)
        and _is_page_edge(index, lines)
    }
    # The lines at a page edge: the first and last, those beside a page break, and
    # those beside a page number (found from the breaks and numbers, not line by line).
    last = len(lines) - 1
    edge: set[int] = {0, last} if lines else set()
    pages = [line.page for line in lines]
    if pages.count(pages[0] if pages else 0) != len(pages):
        for index, (page, after) in enumerate(itertools.pairwise(pages)):
            if page != after:
                edge.update((index, index + 1))
    for index in numbers:
        edge.update((index - 1, index + 1))
    edges: Counter[str] = Counter()
    for index in edge:
        if 0 <= index <= last and index not in numbers and len(lines[index].text) <= 40:
            edges[lines[index].folded] += 1
    repeated = {text for text, count in edges.items() if count >= 3}
    if not numbers and not repeated:
        return list(lines), 0
    kept = [
        line
        for index, line in enumerate(lines)
        if index not in numbers and line.folded not in repeated
    ]
    return kept, len(lines) - len(kept)


def _is_page_edge(index: int, lines: Sequence[Line]) -> bool:
    # A bare number inside a page is a table cell; a page number stands in dashes, or
    # first or last on its page.
    line = lines[index]
    if any(dash in line.text for dash in "-－—–‐"):
        return True
    first = index == 0 or lines[index - 1].page != line.page
    last = index == len(lines) - 1 or lines[index + 1].page != line.page
    return (first or last) and lines[0].page != lines[-1].page


def joined(lines: Iterable[Line]) -> str:
    """Join wrapped lines as the document prints them: no space between Japanese characters.

    A space is kept where both sides are Latin letters or digits (``Annual
    Convention and`` + ``World``), as the line break stood for one.
    """
    out = ""
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if out and _latin(out[-1]) and _latin(text[0]):
            out += " "
        out += text
    return out


def _latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "&,.;:)")
