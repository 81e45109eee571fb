"""The command line's one printer: every line a command prints goes through it.

Documents carry text from anywhere, so nothing is printed as it comes:

- Control characters are made visible — C0 (but line feed and tab), DEL, C1, the
  bidirectional overrides and isolates, the line and paragraph separators — so an
  ANSI or OSC escape in a title cannot move the cursor, retitle the terminal or hide
  text. ``\\x1b`` is printed as the four characters ``\\x1b``.
- A lone surrogate (from a file name that is not UTF-8, or from a document) is shown
  as its byte ``\\xff`` (when it stands for one) or as ``\\ud800``, never written raw.
- Text the output's encoding cannot hold (``LANG=C`` without UTF-8) is backslash-escaped.
- JSON output stays valid JSON: the same characters become ``\\u`` escapes.
- A reader that stops early (``| head``) ends the output quietly; any other failure to
  write (a full disk) is a :class:`~clairlib.errors.ClairlibError` of one line.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys

from clairlib.errors import ClairlibError

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from typing import TextIO

__all__ = ["OutputError", "emit", "emit_json", "say", "visible"]

# C0 but \t and \n, DEL, C1, surrogates, bidi embeddings/overrides/isolates/marks,
# line and paragraph separators, and the BOM/word joiner family that hides text.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)


class OutputError(ClairlibError):
    """Standard output or standard error could not be written (other than a closed pipe)."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character, surrogate and direction override escaped."""
    return _UNSAFE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _encodable(text: str, stream: TextIO) -> str:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        return text.encode("ascii", "backslashreplace").decode("ascii")
    return text


def _silence(stream: TextIO) -> None:
    # Point the descriptor at nothing, so that the interpreter's final flush of what is
    # still buffered does not fail (and print a traceback) a second time.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def _write(text: str, stream: TextIO, name: str) -> None:
    try:
        stream.write(_encodable(text, stream) + "\n")
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
    except (OSError, ValueError) as error:
        _silence(stream)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise OutputError(f"cannot write to {name}: {reason}") from None


def emit(text: str = "") -> None:
    """Print ``text`` on standard output, its control characters made visible."""
    _write(visible(text), sys.stdout, "standard output")


def emit_json(data: object) -> None:
    """Print ``data`` as indented JSON that is safe on a terminal and still valid JSON."""
    import json  # here: --help, which prints no JSON, starts without it

    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = _UNSAFE.sub(_json_escape, text)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=2)
    _write(text, sys.stdout, "standard output")


def say(text: str) -> None:
    """Print ``text`` on standard error, made visible; a failure there is not reported."""
    with contextlib.suppress(OutputError):
        _write(visible(text), sys.stderr, "standard error")
