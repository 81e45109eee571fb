"""The built-in text reader: a PDF tool's text extraction (``pdftotext``, copy and paste)."""

from __future__ import annotations

import re

import attrs

from clairlib._collector import collector_paused
from clairlib.hooks import hookimpl
from clairlib.reading._build import build
from clairlib.reading._layout import lines_of_text
from clairlib.reading._reader import Hints, Reader, ReadError, Reading, ReadProgress, Source

__all__ = ["TEXT_READER", "TextOptions", "clairlib_readers", "decode"]

# Text extractions of Japanese documents come as UTF-8, or Shift_JIS or EUC-JP from older
# tools; UTF-16 (what Windows' Notepad saves as "Unicode") says so with its byte order mark.
_LEGACY = ("cp932", "euc-jp")
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
# Control characters no text prints (line breaks, tabs and form feeds it does).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@attrs.frozen(kw_only=True)
class TextOptions:
    """The text reader's options.

    ``tables``: place tables' cells from the text where the lines allow it (the
    default); False keeps every table as printed text under its caption, for a
    quicker reading when only the prose is wanted.
    """

    tables: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))


def decode(source: Source) -> str:
    """The source's text; ReadError for bytes that are no text (a binary file)."""
    data = source.data
    if data.startswith(_UTF16_MARKS):
        try:
            return _text_only(source, data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise ReadError(f"{source.name}: not text in UTF-16: {error.reason}") from None
    if b"\x00" in data[:4096]:
        raise ReadError(f"{source.name}: binary data, not text (NUL bytes)")
    try:
        return _text_only(source, data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    texts = []
    for encoding in _LEGACY:
        try:
            texts.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not texts:
        raise ReadError(f"{source.name}: not text in UTF-8, Shift_JIS, EUC-JP or UTF-16")
    # Bytes that are both Shift_JIS and EUC-JP read as the one that gives Japanese: the
    # other gives half-width kana and rare kanji where the text has kana.
    return _text_only(source, max(texts, key=_kana))


def _kana(text: str) -> int:
    # The hiragana and full-width katakana of a text: most of what a Japanese text prints.
    return len(_KANA.findall(text))


_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")


def _text_only(source: Source, text: str) -> str:
    if len(_CONTROLS.findall(text, 0, 4096)) > 8:
        raise ReadError(f"{source.name}: binary data, not text (control characters)")
    return text


def read_text(
    source: Source, hints: Hints, options: object, progress: ReadProgress | None
) -> Reading:
    """Read a text extraction of a CLAIR plan or report."""
    text = decode(source)
    tables = options.tables if isinstance(options, TextOptions) else True
    with collector_paused():
        lines = lines_of_text(text)
        count = len(lines)
        if progress is not None:
            progress(0, count)
        reading = build(lines, hints, name=source.name, tables=tables)
        # The lines go before the collector is back: its first pass then walks what the
        # reading holds, not the lines it was read from as well.
        del lines
    if progress is not None:
        progress(count, count)
    return reading


def _sniff(head: bytes) -> bool:
    # Text has no NUL bytes but in UTF-16, which opens with its byte order mark; whether
    # it decodes is the reader's to say.
    return head.startswith(_UTF16_MARKS) or b"\x00" not in head


TEXT_READER = Reader(
    name="text",
    suffixes=(".txt", ".text"),
    description="a PDF's text extraction (UTF-8, Shift_JIS or UTF-16), as pdftotext prints it",
    options=TextOptions,
    read=read_text,
    sniff=_sniff,
)


@hookimpl
def clairlib_readers() -> tuple[Reader, ...]:
    """The text reader."""
    return (TEXT_READER,)
