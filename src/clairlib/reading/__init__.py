"""Reading: turn a printed plan or report (a PDF, its text, a Word file) into a draft document.

A :class:`Reader` has a name, the file suffixes and content it recognises, typed
options and a ``read`` function that turns a :class:`Source` into a
:class:`Reading`: the draft document, the findings for what could not be read,
and the :class:`Origin` of every part read. Readers come from plugins through
the ``clairlib_readers`` hook, like exporters; the text reader is built in.
Every reader hands its lines to one builder (:class:`Line`, the layout
contract), so a PDF, its text and a Word file read the same way.
``clairlib.load`` stays the reader of clairlib's own JSON.

>>> import clairlib
>>> reading = clairlib.read(
...     "令和7年度事業計画\\n1. 自治体の海外における経済活動を支援\\n"
...     "○ 情報の発信\\nセミナーを 3 回開催する。\\n"
... )
>>> [p.name for p in reading.document.sections[0].programmes]
['情報の発信']
"""

from __future__ import annotations

from clairlib.reading._api import read, source_of
from clairlib.reading._build import build
from clairlib.reading._layout import Line, ideographs, lines_of_text
from clairlib.reading._reader import (
    Hints,
    Origin,
    Reader,
    ReadError,
    ReadFunction,
    Reading,
    ReadProgress,
    Source,
)

__all__ = [
    "Hints",
    "Line",
    "Origin",
    "ReadError",
    "ReadFunction",
    "ReadProgress",
    "Reader",
    "Reading",
    "Source",
    "build",
    "ideographs",
    "lines_of_text",
    "read",
    "source_of",
]
