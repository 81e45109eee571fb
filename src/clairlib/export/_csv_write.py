"""Writing CSV tables: one compiled row function per table, streamed in chunks."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any, BinaryIO

from clairlib.errors import ExportError
from clairlib.export._csv_spec import Column, Table

__all__ = [
    "CHUNK",
    "TRIGGERS",
    "check_encoding",
    "compile_row",
    "join_list",
    "join_mapping",
    "write_table",
]

CHUNK = 10_000

# A spreadsheet reads a cell starting with one of these as a formula (OWASP CSV
# injection; Japanese Excel also takes the full-width forms). Such text cells get a
# leading apostrophe; one that already starts with an apostrophe gets another, so
# the reader can always take exactly one away.
TRIGGERS = frozenset("=+-@\t\r\n'＝＋－＠")


def _escape(item: str, special: str) -> str:
    if "\\" in item:
        item = item.replace("\\", "\\\\")
    for char in special:
        if char in item:
            item = item.replace(char, "\\" + char)
    return item


@lru_cache(maxsize=4096)
def join_list(items: tuple[str, ...]) -> str:
    """Items joined by ``;``, with ``\\`` and ``;`` inside an item escaped by ``\\``."""
    return ";".join(_escape(item, ";") for item in items)


def join_mapping(mapping: Mapping[str, str]) -> str:
    """``key=value`` pairs joined by ``;``, escaped as :func:`join_list` does."""
    return ";".join(f"{_escape(k, ';=')}={_escape(v, ';=')}" for k, v in mapping.items())


@lru_cache(maxsize=4096)
def _isoformat(period: Any) -> str:
    return period.isoformat()  # type: ignore[no-any-return]


def _decimal(value: Decimal) -> str:
    # Never an exponent: a spreadsheet must read the cell as the plain number printed.
    return format(value, "f")


def _neutralise(var: str) -> str:
    return f'    if {var} and {var}[0] in _T: {var} = "\'" + {var}'


def compile_row(
    table: Table, columns: Sequence[Column], *, neutralise: bool
) -> Callable[[Any], tuple[object, ...]]:
    """One function turning a row object into its cells, in ``columns`` order.

    Generated as a single function because the per-cell calls of a generic
    formatter would cost more than the CSV writing itself on large exports.
    """
    namespace: dict[str, Any] = {
        "_T": TRIGGERS,
        "_list": join_list,
        "_mapping": join_mapping,
        "_iso": _isoformat,
        "_dec": _decimal,
    }
    lines = ["def row(r):"]
    parents: dict[tuple[str, ...], str] = {(): "r"}

    def parent(path: tuple[str, ...]) -> str:
        if path not in parents:
            above = parent(path[:-1])
            name = f"p{len(parents)}"
            if above == "r":
                lines.append(f"    {name} = r.{path[-1]}")
            else:
                lines.append(f"    {name} = None if {above} is None else {above}.{path[-1]}")
            parents[path] = name
        return parents[path]

    cells: list[str] = []
    for number, column in enumerate(columns):
        holder = parent(column.path[:-1])
        var = f"c{number}"
        attribute = column.path[-1]
        if holder == "r":
            lines.append(f"    {var} = r.{attribute}")
        else:
            lines.append(f"    {var} = None if {holder} is None else {holder}.{attribute}")
        kind = column.kind
        if kind == "text":
            if neutralise:
                lines.append(_neutralise(var))
        elif kind in ("list", "mapping"):
            helper = "_list" if kind == "list" else "_mapping"
            lines.append(f"    {var} = {helper}({var}) if {var} else ''")
            if neutralise:
                lines.append(_neutralise(var))
        elif kind == "bool":
            lines.append(f"    if {var} is not None: {var} = 'true' if {var} else 'false'")
        elif kind == "decimal":
            lines.append(f"    if {var} is not None: {var} = _dec({var})")
        elif kind == "enum":
            assert column.enum is not None
            values: dict[Any, str] = {member: str(member.value) for member in column.enum}
            values[None] = ""
            namespace[f"_e{number}"] = values
            lines.append(f"    {var} = _e{number}[{var}]")
        elif kind == "period":
            lines.append(f"    if {var} is not None: {var} = _iso({var})")
        elif kind == "fy":
            lines.append(f"    if {var} is not None: {var} = {var}.year")
        elif kind != "int":
            raise AssertionError(f"unknown column kind {kind!r}")
        cells.append(var)
    lines.append(f"    return ({', '.join(cells)},)")
    exec(compile("\n".join(lines), f"<csv row: {table.name}>", "exec"), namespace)
    return namespace["row"]  # type: ignore[no-any-return]


def check_encoding(encoding: str) -> str:
    """The encoding's canonical name; ExportError when Python does not know it."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ExportError(f"unknown encoding {encoding!r}") from None


def _unencodable(
    file_name: str,
    headers: Sequence[str],
    cells_of: Iterable[tuple[int, Sequence[object]]],
    encoding: str,
) -> ExportError:
    for line, cells in cells_of:
        for header, cell in zip(headers, cells, strict=True):
            text = "" if cell is None else str(cell)
            try:
                text.encode(encoding)
            except UnicodeEncodeError as error:
                bad = error.object[error.start]
                where = "the header" if line == 1 else f"row {line}"
                return ExportError(
                    f"cannot encode {bad!r} (U+{ord(bad):04X}) in {encoding} "
                    f"@ {file_name} {where}, column {header!r}"
                )
    return ExportError(f"cannot encode {file_name} in {encoding}")


def write_table(
    stream: BinaryIO,
    file_name: str,
    headers: Sequence[str],
    row: Callable[[Any], tuple[object, ...]],
    rows: Iterable[Any],
    *,
    encoding: str,
    line_ending: str,
    tick: Callable[[int], None] | None = None,
) -> int:
    """Write the header and every row to ``stream``; return the number of rows.

    Rows are converted and written a chunk at a time, so memory stays flat; a
    character the encoding cannot hold raises ExportError with its row and column.
    """
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
    try:
        writer = csv.writer(text, lineterminator=line_ending)
        try:
            writer.writerow(headers)
        except UnicodeEncodeError:
            raise _unencodable(file_name, headers, [(1, headers)], encoding) from None
        written = 0
        iterator = iter(rows)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            try:
                writer.writerows(map(row, chunk))
            except UnicodeEncodeError:
                first = written + 2  # the header is row 1
                located = ((first + i, row(item)) for i, item in enumerate(chunk))
                raise _unencodable(file_name, headers, located, encoding) from None
            written += len(chunk)
            if tick is not None:
                tick(len(chunk))
        text.flush()
    finally:
        # Detached, the wrapper neither closes the sink's file nor flushes into it again
        # when it is collected.
        with contextlib.suppress(Exception):
            text.detach()
    return written
