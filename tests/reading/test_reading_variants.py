"""The same document printed differently reads the same: wrapping, page furniture, digits."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest

import clairlib
from clairlib.model import Document
from clairlib.reading._compare import compare
from tests.reading.conftest import DOCUMENTS, source_text

_LONG = 30  # a line this long or longer is a wrapped line of prose


def _rewrap(text: str, width: int) -> str:
    # Join each run of wrapped prose lines (long, not ending a sentence) and wrap it
    # again at ``width``: headings and short lines stay as they are.
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            joined = "".join(run)
            if joined.endswith("。"):  # a sentence: prose, wrapped again
                out.extend(joined[i : i + width] for i in range(0, len(joined), width))
            else:  # a table's cells or a heading: as printed
                out.extend(run)
            run.clear()

    for line in text.split("\n"):
        body = line.rstrip()
        if not body.strip():
            continue
        first = body.lstrip()[:1]
        wrapped = len(body) >= _LONG and "、" in body and first not in "○①②③④⑤<-※"
        if run and not wrapped and (first in "○①②③④⑤<-※・" or len(body) < _LONG // 2):
            flush()  # a heading, bullet or note after a sentence that ran on
        if run or wrapped:
            run.append(body.strip() if run else body)
            if body.endswith("。") or not wrapped:
                flush()
        else:
            out.append(body)
    flush()
    return "\n".join(out) + "\n"


def _paginate(text: str, every: int = 40) -> str:
    # A running header and a page number between every ``every`` lines, as printed.
    lines = text.split("\n")
    out: list[str] = []
    for page, start in enumerate(range(0, len(lines), every), start=1):
        out.append("自治体国際化協会")
        out.extend(lines[start : start + every])
        out.append(f"- {page} -")
        out.append("\f")
    return "\n".join(out)


def _swap_digits(text: str) -> str:
    # Half-width digits become full-width and full-width ones half-width.
    def swap(match: re.Match[str]) -> str:
        char = match.group()
        if char.isascii():
            return chr(ord(char) - ord("0") + ord("０"))
        return unicodedata.normalize("NFKC", char)

    return re.sub(r"[0-9０-９]", swap, text)


def _blank_lines(text: str, *, add: bool) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    return ("\n\n" if add else "\n").join(lines) + "\n"


VARIANTS: dict[str, Callable[[str], str]] = {
    "rewrapped-35": lambda t: _rewrap(t, 35),
    "rewrapped-52": lambda t: _rewrap(t, 52),
    "paginated": _paginate,
    "digits-swapped": _swap_digits,
    "blank-lines-added": lambda t: _blank_lines(t, add=True),
    "blank-lines-removed": lambda t: _blank_lines(t, add=False),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_variant_reads_the_same(name: str, variant: str, examples: dict[str, Document]) -> None:
    """The variant gives the example's outline and ≥ 99% of its narrative in place."""
    text = VARIANTS[variant](source_text(name))
    reading = clairlib.read(text)
    comparison = compare(examples[name], reading.document)
    assert [] == comparison.outline_diff
    assert comparison.narrative_share >= 0.99
