"""Reading JSON from what a caller hands over, and writing files atomically."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from clairlib._targets import write_file
from clairlib.errors import DocumentError, ExportError
from clairlib.findings import Finding, Severity, join_path
from clairlib.io._problems import DUPLICATE_KEY, JSON, SOURCE, NonFinite, describe
from clairlib.io._sniff import what_it_is

# A str longer than this, or with a line break, is JSON text and never a file name.
_MAX_PATH = 4096


def _failure(rule: str, message: str, source: str | None) -> DocumentError:
    finding = Finding(rule=rule, severity=Severity.ERROR, path="$", message=message)
    return DocumentError([finding], source=source)


def _not_json(text: str | bytes | bytearray, source: str | None) -> DocumentError | None:
    """The error for input that is a known kind of file other than JSON, if it is one."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    what = what_it_is(data, source)
    if what is None:
        return None
    return _failure(JSON, f"expected a clairlib document in JSON, found {what}", source)


class _Twice(dict[str, Any]):
    """A JSON object that gave a key twice: ``again`` lists those keys (the last value kept)."""

    again: list[str]


def _twice(pairs: list[tuple[str, Any]], found: dict[str, Any]) -> _Twice:
    twice = _Twice(found)
    seen: set[str] = set()
    twice.again = []
    for key, _ in pairs:
        if key in seen:
            twice.again.append(key)
        seen.add(key)
    return twice


def _duplicates(value: Any, parts: list[str | int]) -> list[Finding]:
    # Only run when the parser met a key twice: the walk costs nothing otherwise.
    found: list[Finding] = []
    if isinstance(value, dict):
        if isinstance(value, _Twice):
            for key in dict.fromkeys(value.again):
                found.append(
                    Finding(
                        rule=DUPLICATE_KEY,
                        severity=Severity.ERROR,
                        path=join_path([*parts, key]),
                        message=(
                            f"expected each key once in an object, found {describe(key)} "
                            "again (a second value would silently replace the first)"
                        ),
                    )
                )
        for key, item in value.items():
            found.extend(_duplicates(item, [*parts, key]))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_duplicates(item, [*parts, index]))
    return found


def _decoded(text: str | bytes | bytearray) -> str:
    # json.loads decodes bytes this very way; the key count below needs the text it reads.
    if isinstance(text, str):
        return text
    return text.decode(json.detect_encoding(text), "surrogatepass")


def _no_key_twice(text: str, keys: int) -> bool:
    """True when ``text``, parsed into objects holding ``keys`` keys in all, gave no key twice.

    Every key of the text is followed by one colon outside any string, and a key given
    twice leaves fewer keys in the parsed objects than the text holds. So when the
    colons in the whole text, strings and all, number no more than the keys parsed,
    no key was lost. Colons inside strings (a time, an address) make the first count
    inconclusive; then only the colons right after a quote are counted — a key's
    colon follows its closing quote unless whitespace separates them, so with no
    whitespace before any colon those are an upper bound too. False means "may be":
    the caller then finds the repeated keys the slow way.
    """
    if text.count(":") <= keys:
        return True
    if any(space + ":" in text for space in " \t\n\r"):
        return False
    return text.count('":') <= keys


def parse(text: str | bytes | bytearray, source: str | None = None) -> Any:
    """Parse JSON exactly: numbers with a fraction become Decimals, NaN is marked, not read.

    A key given twice in one object is a ``structure.duplicate-key`` finding with its
    path: JSON parsers keep the last value, which would drop data without a word.
    """
    keys = 0

    def counted(found: dict[str, Any]) -> dict[str, Any]:
        nonlocal keys
        keys += len(found)
        return found

    try:
        decoded = _decoded(text)
        data = json.loads(
            decoded, parse_float=Decimal, parse_constant=NonFinite, object_hook=counted
        )
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _unreadable(error, text, source) from None
    except RecursionError:
        message = "expected JSON nested less deeply, found too many levels"
        raise _failure(JSON, message, source) from None
    except ValueError as error:  # e.g. an integer with more digits than Python reads
        raise _failure(JSON, f"expected valid JSON, found {error}", source) from None
    if not _no_key_twice(decoded, keys):
        _refuse_keys_twice(decoded, source)
    return data


def _unreadable(
    error: json.JSONDecodeError | UnicodeDecodeError,
    text: str | bytes | bytearray,
    source: str | None,
) -> DocumentError:
    known = _not_json(text, source)
    if known is not None:
        return known
    if isinstance(error, UnicodeDecodeError):
        return _failure(
            JSON,
            f"expected UTF-8 text, found byte 0x{error.object[error.start]:02x} "
            f"at offset {error.start}",
            source,
        )
    return _failure(
        JSON,
        f"expected valid JSON, found an error at line {error.lineno}, "
        f"column {error.colno}: {error.msg}",
        source,
    )


def _refuse_keys_twice(text: str, source: str | None) -> None:
    """Parse ``text`` (valid JSON) again pair by pair; raise if an object gave a key twice."""
    met: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(items)
        if len(found) == len(items):
            return found
        met.append(True)
        return _twice(items, found)

    data = json.loads(text, parse_float=Decimal, parse_constant=NonFinite, object_pairs_hook=pairs)
    if met:
        raise DocumentError(_duplicates(data, []), source=source)


def read(source: object) -> tuple[Any, str | None, str | bytes | None]:
    """The parsed JSON of ``source``, a name for it in messages (its path, if any) and its text.

    The text is the JSON text or bytes parsed (None for a dict handed over), for the
    caller to parse again. Anything but a path, JSON text, bytes or a dict is a
    DocumentError (``structure.source``), as ``None`` or a list handed over by mistake
    would otherwise fail deep inside.
    """
    if isinstance(source, dict):
        return source, None, None
    if isinstance(source, bytes | bytearray | memoryview):
        data = source if type(source) is bytes else bytes(source)  # a copy only of what can change
        return parse(data), None, data
    if isinstance(source, os.PathLike):
        path = Path(source)
        data = _read_file(path)
        return parse(data, str(path)), os.fspath(source), data
    if isinstance(source, str):
        if "\n" not in source and len(source) < _MAX_PATH and source.lstrip()[:1] not in "{[":
            path = Path(source)
            if path.is_file():
                data = _read_file(path)
                return parse(data, source), source, data
            try:
                return parse(source), None, source
            except DocumentError:
                raise _failure(
                    SOURCE,
                    f"expected JSON text or the path of an existing file, found {describe(source)}",
                    None,
                ) from None
        return parse(source), None, source
    found = describe(source) if source is None or isinstance(source, list | int | float) else None
    raise _failure(
        SOURCE,
        "expected a path, JSON text, bytes or a parsed JSON object (a dict), "
        f"found {found or type(source).__name__}",
        None,
    )


def _read_file(path: Path) -> bytes:
    if path.is_dir():
        export = (path / "events.csv").is_file()
        what = (
            "a folder of clairlib's CSV export: read it with clairlib.exporting.read_csv "
            "or clairlib read"
            if export
            else "a directory"
        )
        raise _failure(SOURCE, f"expected a JSON file, found {what}", str(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise _failure(
            SOURCE, f"expected a readable file, found {error.strerror or error}", str(path)
        ) from None


def write_atomically(text: str, path: str | os.PathLike[str]) -> None:
    """Write ``text`` as UTF-8 to ``path`` all at once: a failure leaves no partial file.

    The text goes to a temporary file beside the target, which then replaces it in
    one step, so readers see the old file or the new one, never part of either;
    :mod:`clairlib._targets` decides what may be replaced.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        character = f"U+{ord(error.object[error.start]):04X}"
        raise ExportError(
            f"could not write {os.fspath(path)}: the text holds {character}, "
            "which UTF-8 cannot encode"
        ) from None
    write_file(Path(os.fspath(path)), data)
