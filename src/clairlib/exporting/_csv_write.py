"""Writing CSV tables: one compiled row function per table, streamed in chunks."""

from __future__ import annotations

import codecs
import csv
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, BinaryIO

import attrs

from clairlib._codegen import generate
from clairlib.errors import ExportError
from clairlib.exporting._csv_spec import Column, Table
from clairlib.exporting._csv_words import country_name, japanese_words, magnitude, office_name

__all__ = [
    "CHUNK",
    "TRIGGERS",
    "Converter",
    "check_encoding",
    "compile_row",
    "join_list",
    "join_mapping",
    "write_table",
]

CHUNK = 2_000  # rows converted and encoded at a time: small enough to stay in cache

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


def join_list(items: tuple[str, ...]) -> str:
    """Items joined by ``;``, with ``\\`` and ``;`` inside an item escaped by ``\\``."""
    return ";".join(_escape(item, ";") for item in items)


def join_mapping(mapping: Mapping[str, str]) -> str:
    """``key=value`` pairs joined by ``;``, escaped as :func:`join_list` does."""
    return ";".join(f"{_escape(k, ';=')}={_escape(v, ';=')}" for k, v in mapping.items())


class _Texts:
    """Texts of the values one table writes, remembered while it is written (bounded).

    Periods are remembered by identity, since hashing one runs Python code; the
    objects are kept alive alongside so no id is reused while it is remembered.
    """

    def __init__(self, *, neutralise: bool, protect: bool = False) -> None:
        self.neutralise = neutralise
        self.protect = protect
        self.periods: dict[int, str] = {}
        self.bounds: dict[int, tuple[str, str]] = {}
        self.lists: dict[tuple[str, ...], str] = {}
        self._alive: list[Any] = []

    def period(self, period: Any) -> str:
        if len(self.periods) >= _REMEMBERED:
            self.periods.clear()
            self.bounds.clear()
            self._alive.clear()
        text: str = period.isoformat()
        if self.protect:
            text = "'" + text
        self.periods[id(period)] = text
        self._alive.append(period)
        return text

    def bound(self, period: Any) -> tuple[str, str]:
        if len(self.bounds) >= _REMEMBERED:
            self.periods.clear()
            self.bounds.clear()
            self._alive.clear()
        bounds = (period.start.isoformat(), period.end.isoformat())
        self.bounds[id(period)] = bounds
        self._alive.append(period)
        return bounds

    def list(self, items: tuple[str, ...]) -> str:
        if len(self.lists) >= _REMEMBERED:
            self.lists.clear()
        text = join_list(items)
        if self.neutralise and text[:1] in TRIGGERS:
            text = "'" + text
        self.lists[items] = text
        return text


_REMEMBERED = 4096


def _decimal(value: Decimal) -> str:
    # Never an exponent: a spreadsheet must read the cell as the plain number printed.
    return format(value, "f")


def _magnitude(quantity: Any) -> str:
    # 1.5 万 is 15000, not 15000.0: zeros a scale moves behind the point say nothing.
    text = format(magnitude(quantity.value, quantity.scale), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Names:
    """Names for a code or a tuple of codes, in the same positions; empty when none is known.

    Codes repeat (a few offices, a few countries), so their names are remembered.
    """

    def __init__(self, lookup: Callable[[str, str], str], language: str) -> None:
        self.lookup = lookup
        self.language = language
        self.known: dict[Any, str] = {}

    def __call__(self, codes: Any) -> str:
        if len(self.known) >= _REMEMBERED:
            self.known.clear()
        if isinstance(codes, str):
            text = self.lookup(codes, self.language)
        else:
            found = tuple(self.lookup(code, self.language) for code in codes)
            text = join_list(found) if any(found) else ""
        self.known[codes] = text
        return text


class CodeNames:
    """The texts a name cell may hold for a code (or codes): its Japanese or English name."""

    def __init__(self, lookup: Callable[[str, str], str]) -> None:
        self.languages = (_Names(lookup, "ja"), _Names(lookup, "en"))
        self.known: dict[Any, tuple[str, ...]] = {}

    def __call__(self, codes: Any) -> tuple[str, ...]:
        found = self.known.get(codes)
        if found is None:
            if len(self.known) >= _REMEMBERED:
                self.known.clear()
            found = tuple(names(codes) if codes else "" for names in self.languages)
            self.known[codes] = found
        return found


def _neutralise(var: str) -> str:
    # Two string comparisons (in C, no allocation) rule out most text before its first
    # character is looked up: every trigger sorts below "A" or above U+FF0A.
    return (
        f"    if {var} and ({var} < 'A' or {var} > '\\uff0a') and {var}[0] in _T: "
        f'{var} = "\'" + {var}'
    )


@attrs.frozen
class Converter:
    """Turns row objects into cells: ``row(obj)`` for one, ``rows(objs)`` for a chunk."""

    row: Callable[[Any], tuple[object, ...]]
    rows: Callable[[Sequence[Any]], list[tuple[object, ...]]]


def compile_row(
    table: Table,
    columns: Sequence[Column],
    *,
    neutralise: bool,
    language: str = "en",
    protect_periods: bool = False,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> Converter:
    """The functions turning row objects into their cells, in ``columns`` order.

    ``language="ja"`` writes enumerations as their Japanese words and codes' names in
    Japanese; ``protect_periods`` prefixes a period's ISO text with ``'`` so that a
    spreadsheet keeps it as text (``2013-09`` would become a date of its choosing);
    ``names`` names the programme and indicator ids, by the kind of their name
    column (see :func:`id_names`).

    Generated code, with the loop over a chunk inside it, because the per-cell calls
    of a generic formatter would cost more than the CSV writing itself.
    """
    texts = _Texts(neutralise=neutralise, protect=protect_periods)
    namespace: dict[str, Any] = {
        "_T": TRIGGERS,
        "_list": texts.list,
        "_lcg": texts.lists.get,
        "_mapping": join_mapping,
        "_iso": texts.period,
        "_pcg": texts.periods.get,
        "_id": id,
        "_dec": _decimal,
        "_mag": _magnitude,
        "_bound": texts.bound,
        "_bcg": texts.bounds.get,
    }
    offices, countries = _Names(office_name, language), _Names(country_name, language)
    namespace.update(_on=offices, _ong=offices.known.get, _cn=countries, _cng=countries.known.get)
    lines: list[str] = []
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
    # A value several columns show (a period, its start and end; a code and its name)
    # is read from the record once.
    shared = {path for path, count in Counter(c.path for c in columns).items() if count > 1}
    fetched: dict[tuple[str, ...], str] = {}
    bounds: dict[tuple[str, ...], str] = {}
    for number, column in enumerate(columns):
        var = f"c{number}"
        if column.path in fetched:
            lines.append(f"    {var} = {fetched[column.path]}")
        else:
            holder = parent(column.path[:-1])
            attribute = column.path[-1]
            target = f"a{number}" if column.path in shared else var
            if holder == "r":
                lines.append(f"    {target} = r.{attribute}")
            else:
                lines.append(f"    {target} = None if {holder} is None else {holder}.{attribute}")
            if target != var:
                fetched[column.path] = target
                lines.append(f"    {var} = {target}")
        kind = column.kind
        if kind == "text":
            if neutralise:
                lines.append(_neutralise(var))
        elif kind in ("list", "mapping"):
            helper = "_list" if kind == "list" else "_mapping"
            if kind == "list":
                # Most lists repeat (offices, countries): their text, neutralised when
                # it is made, is looked up.
                lines.append(f"    if {var}:")
                lines.append(f"        k = _lcg({var})")
                lines.append(f"        {var} = k if k is not None else _list({var})")
                lines.append("    else:")
                lines.append(f"        {var} = ''")
            else:
                lines.append(f"    {var} = {helper}({var}) if {var} else ''")
                if neutralise:
                    lines.append(_neutralise(var))
        elif kind == "bool":
            lines.append(f"    if {var} is not None: {var} = 'true' if {var} else 'false'")
        elif kind == "decimal":
            lines.append(f"    if {var} is not None: {var} = _dec({var})")
        elif kind == "enum":
            # ``_value_`` is a plain attribute; hashing a member runs Python code.
            if language == "ja" and column.enum is not None:
                namespace[f"_w{number}"] = japanese_words(column.enum)
                lines.append(f"    if {var} is not None: {var} = _w{number}[{var}._value_]")
            else:
                lines.append(f"    if {var} is not None: {var} = {var}._value_")
        elif kind == "period":
            # Documents share period objects between records: their text is looked up
            # by identity (hashing a Period runs Python code), the object kept alongside
            # so a reused id never matches.
            lines.append(f"    if {var} is not None:")
            lines.append(f"        k = _pcg(_id({var}))")
            lines.append(f"        {var} = k if k is not None else _iso({var})")
        elif kind in ("period_start", "period_end"):
            side = 0 if kind == "period_start" else 1
            found = bounds.get(column.path)
            if found is None:
                # The start and end columns share one lookup of the period's days.
                found = bounds[column.path] = f"b{number}"
                lines.append(f"    if {var} is not None:")
                lines.append(f"        {found} = _bcg(_id({var}))")
                lines.append(f"        if {found} is None: {found} = _bound({var})")
                lines.append(f"        {var} = {found}[{side}]")
            else:
                lines.append(f"    if {var} is not None: {var} = {found}[{side}]")
        elif kind == "magnitude":
            lines.append(f"    if {var} is not None: {var} = _mag({var})")
        elif kind in ("office_name", "country_name"):
            helper = "_on" if kind == "office_name" else "_cn"
            lines.append(f"    if {var}:")
            lines.append(f"        k = {helper}g({var})")
            lines.append(f"        {var} = k if k is not None else {helper}({var})")
            lines.append("    else:")
            lines.append(f"        {var} = ''")
        elif kind in ("programme_name", "indicator_name"):
            namespace[f"_n{number}"] = dict((names or {}).get(kind, {})).get
            lines.append(f"    {var} = _n{number}({var}, '') if {var} else ''")
            if neutralise:  # a name is text from the document like any other
                lines.append(_neutralise(var))
        elif kind == "fy":
            lines.append(f"    if {var} is not None: {var} = {var}.year")
        elif kind != "int":
            raise AssertionError(f"unknown column kind {kind!r}")
        cells.append(var)
    cells_tuple = f"({', '.join(cells)},)"
    # The helpers become default arguments: local variables are the fastest to read.
    bound = ", ".join(f"{name}={name}" for name in namespace)
    source = [
        f"def row(r, {bound}):",
        *lines,
        f"    return {cells_tuple}",
        f"def rows(chunk, {bound}):",
        "    out = []",
        "    append = out.append",
        "    for r in chunk:",
        *("    " + line for line in lines),
        f"        append({cells_tuple})",
        "    return out",
    ]
    generate("\n".join(source), "rows", namespace, f"exporting csv rows of {table.name}")
    return Converter(row=namespace["row"], rows=namespace["rows"])


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


class _Lines:
    # What csv.writer writes into: its lines collected in a list (``write`` is the
    # list's own append, in C), to be encoded and written a chunk at a time.

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.write = self.parts.append

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def write_table(
    stream: BinaryIO,
    file_name: str,
    headers: Sequence[str],
    converter: Converter,
    rows: Iterable[Any],
    *,
    encoding: str,
    line_ending: str,
    tick: Callable[[int], None] | None = None,
) -> int:
    """Write the header and every row to ``stream``; return the number of rows.

    Rows are converted, joined and encoded a chunk at a time, so memory stays flat;
    a character the encoding cannot hold raises ExportError with its row and column.
    """
    # An incremental encoder writes a byte-order mark (utf-8-sig) once, at the start.
    encoder = codecs.getincrementalencoder(encoding)("strict")
    lines = _Lines()
    writer = csv.writer(lines, lineterminator=line_ending)
    writer.writerow(headers)
    try:
        stream.write(encoder.encode(lines.take()))
    except UnicodeEncodeError:
        raise _unencodable(file_name, headers, [(1, headers)], encoding) from None
    written = 0
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        writer.writerows(converter.rows(chunk))
        try:
            data = encoder.encode(lines.take())
        except UnicodeEncodeError:
            first = written + 2  # the header is row 1
            located = ((first + i, converter.row(item)) for i, item in enumerate(chunk))
            raise _unencodable(file_name, headers, located, encoding) from None
        stream.write(data)
        written += len(chunk)
        if tick is not None:
            tick(len(chunk))
    stream.write(encoder.encode("", final=True))
    return written
