"""Reading a CSV export back into records: the inverse of the CSV exporter."""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from clairlib.errors import ClairlibError, DocumentError
from clairlib.exporting._csv_beside import BOUNDS, bound_problem, id_name_checks
from clairlib.exporting._csv_cells import REREAD, CellError, read_cell
from clairlib.exporting._csv_plan import Converter, Remembered, Verbatim, compile_row
from clairlib.exporting._csv_rows import (
    AgendaRow,
    BreakdownRow,
    LocalGovernmentRow,
    ParticipantsRow,
    ProgrammeRow,
)
from clairlib.exporting._csv_spec import DERIVED, TABLES, Column, Table
from clairlib.exporting._csv_words import country_name, magnitude, office_name
from clairlib.exporting._csv_write import CodeNames, check_encoding, join_list
from clairlib.findings import Finding, Severity, join_path
from clairlib.model import (
    Breakdown,
    Event,
    Figure,
    Grant,
    Indicator,
    Measurement,
    Meeting,
    Officer,
    Person,
    Programme,
    Publication,
    StaffCount,
    Target,
)

__all__ = ["REREAD", "CellError", "CsvRecords", "TableReader", "assemble_records", "read_csv"]

_RULE = "csv-read"
_MEMO = 4096  # cells remembered per column: codes, kinds, periods repeat
# Name columns checked against the code beside them (programme names need the document).
_NAMES = {"office_name": CodeNames(office_name), "country_name": CodeNames(country_name)}


@attrs.frozen(kw_only=True)
class CsvRecords:
    """The records a CSV export holds, read back.

    Programmes come back without their narrative (the CSV does not hold it).
    """

    events: tuple[Event, ...] = ()
    programmes: tuple[Programme, ...] = ()
    persons: tuple[Person, ...] = ()
    grants: tuple[Grant, ...] = ()
    publications: tuple[Publication, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    targets: tuple[Target, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    figures: tuple[Figure, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    officers: tuple[Officer, ...] = ()
    staff: tuple[StaffCount, ...] = ()


class TableReader:
    """Reads the tables of one export, collecting every problem as a finding.

    The cells come as text; ``where`` names a cell in a finding and ``cell`` reads one,
    so a reader of another container (a workbook) can say where and read more.
    """

    def __init__(self, *, encoding: str, neutralised: bool) -> None:
        self.encoding = check_encoding(encoding)
        self.neutralised = neutralised
        self.findings: list[Finding] = []
        self.id_names = id_name_checks()
        self._bounds: dict[int, tuple[Any, dict[str, tuple[object, ...]]]] = {}

    rule = _RULE

    def problem(self, path: str, message: str) -> None:
        self.findings.append(
            Finding(rule=self.rule, severity=Severity.ERROR, path=path, message=message)
        )

    def where(self, table: Table, index: int, path: tuple[str, ...] = ()) -> str:
        """The path a finding about row ``index`` (and its cell at ``path``) is given."""
        return join_path([table.name, index, *path])

    def cell(self, column: Column, text: str) -> Any:
        """The value of one cell's text in ``column``; raises CellError (or a ClairlibError)."""
        return read_cell(column, text, self.neutralised)

    def converter(self, column: Column) -> Converter | Verbatim | Remembered:
        """The fast lane's reading of one cell in ``column``: :meth:`cell`, remembered.

        It raises where :meth:`cell` does; a text cell that needs no work is taken as
        it is. Values of small domains (codes, kinds, periods, numbers) repeat, so the
        first few thousand are remembered: :meth:`cell` must be a pure function.
        """
        cell = self.cell
        if column.kind == "text" and type(self).cell is TableReader.cell:
            # What _cell does with a text that is neither empty nor neutralised: nothing.
            return Verbatim(
                lambda value: cell(column, value),
                None if column.optional else "",
                "'" if self.neutralised else "",
            )
        if column.kind == "mapping":  # a dict: not to be shared between rows
            return lambda value: cell(column, value)
        memo: dict[str, Any] = {}

        def remember(value: str) -> Any:
            found = cell(column, value)
            if len(memo) < _MEMO:
                memo[value] = found
            return found

        return Remembered(memo, remember)

    def text(self, value: Any) -> str:
        """One cell's value as the text :meth:`cell` reads (a CSV cell is one already)."""
        return value  # type: ignore[no-any-return]

    def texts(self, cells: Sequence[Any]) -> Sequence[str]:
        """The cells of a row as the texts :meth:`cell` reads (a CSV row's are already)."""
        return cells

    def fast_lane(
        self, table: Table, columns: Sequence[Column | None]
    ) -> Callable[[Sequence[Any]], Any]:
        """The function generated for the header: a row's cells (exactly one per column)
        to its row object, raising one of :data:`REREAD` where :meth:`build` would
        report; it neither reports nor checks magnitudes (see :meth:`builder`)."""
        return compile_row(
            table, columns, [None if c is None else self.converter(c) for c in columns]
        )

    def builder(
        self,
        table: Table,
        columns: Sequence[Column | None],
        checks: Sequence[tuple[int, Column]] = (),
    ) -> Callable[[Sequence[Any], int], Any]:
        """The function reading one row (its cells and index) as :meth:`build` does, faster.

        The row goes through one function generated for the header (see
        :func:`compile_row`); a row it cannot build is read by :meth:`build`, which
        reports every problem. The result is the row object, or None.
        """
        make = self.fast_lane(table, columns)
        width = len(columns)

        def read(cells: Sequence[Any], index: int) -> Any:
            if len(cells) == width:
                try:
                    built = make(cells)
                except REREAD:
                    pass
                else:
                    if checks and not self.check(table, built, cells, index, checks):
                        return None
                    return built
            return self.build(table, columns, self.texts(cells), index, checks)

        return read

    def rows(self, table: Table, path: Path) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, row object)`` for every readable row of ``path``."""
        try:
            with path.open(encoding=self.encoding, newline="") as stream:
                reader = csv.reader(stream)
                header = next(reader, None)
                if header is None:
                    return
                columns, checks = self.header(table, header, path.name)
                read = self.builder(table, columns, checks)
                for index, cells in enumerate(reader):
                    built = read(cells, index)
                    if built is not None:
                        yield index, built
        except UnicodeDecodeError as error:
            self.problem(
                join_path([table.name]), f"{path.name} is not {self.encoding} text: {error.reason}"
            )
        except (OSError, csv.Error) as error:
            self.problem(join_path([table.name]), f"cannot read {path.name}: {error}")

    def header(
        self,
        table: Table,
        header: Sequence[str],
        file_name: str,
        unknown: Callable[[int, str], None] | None = None,
    ) -> tuple[list[Column | None], list[tuple[int, Column]]]:
        """The column of each header cell (None: not read) and the magnitudes to check.

        A quantity's first column held the printed number before the magnitude took
        it; an export without the printed column is read that way.
        """
        by_header = {column.key: column for column in table.columns}
        by_header.update({column.ja: column for column in table.columns})
        present = {
            by_header[name].path
            for name in header
            if name in by_header and by_header[name].kind not in DERIVED
        }
        columns: list[Column | None] = []
        checks: list[tuple[int, Column]] = []
        for position, name in enumerate(header):
            column = by_header.get(name)
            if column is None:
                if unknown is not None:
                    unknown(position, name)
                else:
                    self.problem(join_path([table.name]), f"unknown column {name!r} in {file_name}")
            elif column.kind == "magnitude":
                printed = (*column.path, "value")
                if printed in present:
                    checks.append((position, column))
                    column = None
                else:
                    column = attrs.evolve(column, kind="decimal", path=printed, optional=False)
            elif column.kind in DERIVED:
                # Names and dates written beside the cells they come from: checked
                # against them, not read.
                if column.path in present:
                    checks.append((position, column))
                else:
                    self.problem(
                        self.header_where(table, position, file_name),
                        f"column {name!r} is written beside "
                        f"{_source_label(table, column, english=name == column.key)!r}, "
                        f"which {file_name} does not have: its cells are not read (add "
                        "that column)",
                    )
                column = None
            columns.append(column)
        return columns, checks

    def check(
        self,
        table: Table,
        built: Any,
        cells: Sequence[str],
        index: int,
        checks: Sequence[tuple[int, Column]],
    ) -> bool:
        """True when every magnitude cell is its quantity's value × scale, every name cell
        its code's name and every start or end cell its period's (or the cell is empty).

        Programme and indicator names wait for their table (see ``IdNames``): a
        wrong one is reported then, and its record is kept.
        """
        fine = True
        for position, column in checks:
            value = cells[position]
            if value == "":
                continue
            quantity = built
            for name in column.path:
                quantity = getattr(quantity, name, None)
            kind = column.kind
            # A day cell as written (its text, or the date a workbook holds) is the common
            # case: compared before any text is made of it.
            if kind in BOUNDS and quantity is not None and value in self.bounds(quantity)[kind]:
                continue
            text = (value if value.__class__ is str else self.text(value)).strip()
            if not text:
                continue
            if kind in BOUNDS:
                problem = bound_problem(column, quantity, text)
                if problem is not None:
                    self.problem(self.name_where(table, index, column), problem)
                    fine = False
                continue
            later = self.id_names.get(kind)
            if later is not None:
                later.add(self.name_where, table, index, column, quantity, text)
                continue
            names = _NAMES.get(column.kind)
            if names is not None:
                accepted = names.known.get(quantity)
                if text not in (accepted if accepted is not None else names(quantity)):
                    self.name_differs(table, index, column, quantity, text)
                    fine = False
                continue
            where = self.where(table, index, column.path)
            if quantity is None:
                self.problem(where, f"a magnitude {text!r} without a printed value")
                fine = False
                continue
            expected = magnitude(quantity.value, quantity.scale)
            if not self.magnitude_agrees(text, expected):
                self.problem(
                    where,
                    f"expected the magnitude {format(expected, 'f')} (printed value × scale), "
                    f"found {text!r}",
                )
                fine = False
        return fine

    def bounds(self, period: Any) -> dict[str, tuple[object, ...]]:
        """The cells that hold ``period``'s first and last day, by the kind of their column:
        the ISO text, the date and the midnight date-time a workbook gives.

        Rows share period objects: each one's days are worked out once (looked up by
        identity, the object kept alongside so that a reused id never matches).
        """
        found = self._bounds.get(id(period))
        if found is None or found[0] is not period:
            if len(self._bounds) >= _MEMO:
                self._bounds.clear()
            days: dict[str, tuple[object, ...]] = {
                kind: (day.isoformat(), day, datetime.combine(day, time()))
                for kind, day in (("period_start", period.start), ("period_end", period.end))
            }
            found = (period, days)
            self._bounds[id(period)] = found
        return found[1]

    def header_where(self, table: Table, position: int, file_name: str) -> str:
        """Where a finding about the header cell at ``position`` is given."""
        return join_path([table.name])

    def name_where(self, table: Table, index: int, column: Column) -> str:
        """Where a finding about the cell ``column`` (written beside its source) is given."""
        return self.where(table, index, column.path)

    def name_differs(self, table: Table, index: int, column: Column, codes: Any, text: str) -> None:
        """Report a name cell that is not the name, in Japanese or English, of its code.

        The name is not read (the code is): an edited name would otherwise be lost unsaid.
        """
        shown = codes if isinstance(codes, str) or codes is None else join_list(codes)
        self.problem(
            self.name_where(table, index, column),
            f"{column.ja} {text!r} is not the name of {shown!r} beside it: the code is what "
            "is read, so change the code (or clear the name)",
        )

    def magnitude_agrees(self, text: str, expected: Decimal) -> bool:
        """True when a magnitude cell's text is the magnitude worked out from the row."""
        try:
            return Decimal(text) == expected
        except InvalidOperation:
            return False

    def build(
        self,
        table: Table,
        columns: Sequence[Column | None],
        cells: Sequence[str],
        index: int,
        checks: Sequence[tuple[int, Column]] = (),
    ) -> Any:
        if len(cells) != len(columns):
            self.problem(
                self.where(table, index), f"expected {len(columns)} cells, found {len(cells)}"
            )
            return None
        raw = {
            column.path: (column, text)
            for column, text in zip(columns, cells, strict=True)
            if column is not None
        }
        try:
            built = self.assemble(table, (), raw, index)
        except _Skip:
            return None
        return built if self.check(table, built, cells, index, checks) else None

    def assemble(
        self,
        table: Table,
        prefix: tuple[str, ...],
        raw: Mapping[tuple[str, ...], tuple[Column, str]],
        index: int,
    ) -> Any:
        cls = table.record if not prefix else table.nested[prefix]
        kwargs: dict[str, Any] = {}
        depth = len(prefix) + 1
        failed = False
        for path, (column, text) in raw.items():
            if len(path) == depth and path[:-1] == prefix:
                try:
                    kwargs[path[-1]] = self.cell(column, text)
                except (CellError, ClairlibError) as error:
                    self.problem(self.where(table, index, path), str(error))
                    failed = True
        for nested in table.nested:
            if len(nested) == depth and nested[:-1] == prefix:
                # A nested object none of whose cells hold anything was None.
                if all(text == "" for path, (_, text) in raw.items() if path[:depth] == nested):
                    kwargs[nested[-1]] = None
                else:
                    try:
                        kwargs[nested[-1]] = self.assemble(table, nested, raw, index)
                    except _Skip:
                        failed = True
        if failed:
            raise _Skip
        for field in attrs.fields(cls):
            if field.name not in kwargs and field.default is attrs.NOTHING:
                # A personal field left out of the export: an empty text stands in.
                kwargs[field.name] = ""
        try:
            return cls(**kwargs)
        except (TypeError, ValueError, ClairlibError) as error:
            self.problem(self.where(table, index, prefix), str(error))
            raise _Skip from None


class _Skip(Exception):
    pass


def _named(table: str, rows: Sequence[Any]) -> list[Any]:
    """The things (programmes, indicators) the rows of ``table`` hold."""
    return [row.programme for row in rows] if table == "programmes" else list(rows)


def _source_label(table: Table, beside: Column, *, english: bool) -> str:
    """The header of the column a derived column is worked out from."""
    for column in table.columns:
        if column.path == beside.path and column.kind not in DERIVED:
            return column.key if english else column.ja
    return ".".join(beside.path)


def _table_rows(reader: TableReader, table: Table, path: Path) -> list[Any]:
    if not path.exists():
        return []
    return [row for _, row in reader.rows(table, path)]


def _files(source: Path) -> dict[str, Path]:
    names = {table.name for table in TABLES}
    if source.is_dir():
        return {name: source / f"{name}.csv" for name in names}
    if source.suffix == ".csv" and source.stem in names:
        return {source.stem: source}
    known = ", ".join(sorted(names))
    raise DocumentError(
        [
            Finding(
                rule=_RULE,
                severity=Severity.ERROR,
                path="$",
                message=f"expected a CSV export directory or one of its files ({known}.csv)",
            )
        ],
        source=os.fspath(source),
    )


def read_csv(
    source: str | os.PathLike[str], *, encoding: str = "utf-8-sig", neutralised: bool = True
) -> CsvRecords:
    """Read a CSV export (its directory, or one of its files) back into records.

    ``neutralised`` says the export prefixed formula-like text with ``'`` (the
    default), so that prefix is taken away again. Headers may be Japanese or
    English. Every unreadable cell is reported at once in a DocumentError.
    """
    path = Path(os.fspath(source))
    files = _files(path)
    reader = TableReader(encoding=encoding, neutralised=neutralised)
    tables = {table.name: table for table in TABLES}
    read: dict[str, list[Any]] = {
        name: _table_rows(reader, tables[name], file)
        for name, file in files.items()
        if file.exists()
    }
    for check in reader.id_names.values():
        beside = (path.parent if path.is_file() else path) / f"{check.table}.csv"
        if check.table not in read and beside.exists():
            # One file of an export: the table beside it names the ids the file holds.
            other = TableReader(encoding=encoding, neutralised=neutralised)
            named = _table_rows(other, tables[check.table], beside)
            check.settle(_named(check.table, named), reader.problem, neutralised=neutralised)
    records = assemble_records(reader, read)
    if reader.findings:
        raise DocumentError(reader.findings, source=os.fspath(path))
    return records


def assemble_records(reader: TableReader, read: Mapping[str, list[Any]]) -> CsvRecords:
    """Put the row objects of each table (by name) back together into records.

    Parts (participant counts, breakdowns, agenda items) go back into their owners;
    parts whose owner is not there are reported to ``reader``, and so are programme
    and indicator names beside ids that are not theirs (or, when ``read`` holds no
    programmes or indicators table, that cannot be checked).
    """

    def rows(name: str) -> list[Any]:
        return read.get(name, [])

    breakdowns: dict[tuple[str, str, int | None], dict[int, list[BreakdownRow]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in rows("breakdowns"):
        breakdowns[(row.owner_type, row.owner, row.participants)][row.breakdown].append(row)

    def breakdowns_of(key: tuple[str, str, int | None]) -> tuple[Breakdown, ...]:
        groups = breakdowns.pop(key, {})
        return tuple(
            Breakdown(
                dimension=items[0].dimension,
                overlapping=items[0].overlapping,
                items=tuple(row.item for row in items if row.item is not None),
            )
            for _, items in sorted(groups.items())
        )

    participants: dict[str, list[ParticipantsRow]] = defaultdict(list)
    for row in rows("participants"):
        participants[row.event].append(row)
    governments: dict[str, list[LocalGovernmentRow]] = defaultdict(list)
    for row in rows("local_governments"):
        governments[row.event].append(row)
    agenda: dict[str, list[AgendaRow]] = defaultdict(list)
    for row in rows("agenda_items"):
        agenda[row.meeting].append(row)

    # A record read from its own table holds none of its parts (they have tables of
    # their own): one without parts is taken as it is, not copied.
    def with_parts(event: Event) -> Event:
        counts = participants.pop(event.id, None)
        local = governments.pop(event.id, None)
        if counts is None and local is None:
            return event
        return attrs.evolve(
            event,
            participants=tuple(
                attrs.evolve(
                    row.participants, breakdowns=breakdowns_of(("event", event.id, row.index))
                )
                for row in sorted(counts or (), key=lambda row: row.index)
            ),
            local_governments=tuple(row.government for row in local or ()),
        )

    events: list[Event] = rows("events")
    if participants or governments:
        events = [with_parts(event) for event in events]
    measurements = [
        attrs.evolve(m, breakdowns=found)
        if (found := breakdowns_of(("measurement", m.id, None)))
        else m
        for m in rows("measurements")
    ]
    meetings = [
        attrs.evolve(m, agenda=tuple(row.item for row in items))
        if (items := agenda.pop(m.id, None))
        else m
        for m in rows("meetings")
    ]
    _orphans(reader, "participants", participants)
    _orphans(reader, "local_governments", governments)
    _orphans(reader, "agenda_items", agenda)
    _orphans(reader, "breakdowns", {f"{k[0]} {k[1]}": v for k, v in breakdowns.items()})
    programme_rows: list[ProgrammeRow] = rows("programmes")
    for check in reader.id_names.values():
        check.settle(
            _named(check.table, read[check.table]) if check.table in read else None,
            reader.problem,
            neutralised=reader.neutralised,
        )
    return CsvRecords(
        events=tuple(events),
        programmes=tuple(row.programme for row in programme_rows),
        persons=tuple(rows("persons")),
        grants=tuple(rows("grants")),
        publications=tuple(rows("publications")),
        indicators=tuple(rows("indicators")),
        targets=tuple(rows("targets")),
        measurements=tuple(measurements),
        figures=tuple(rows("figures")),
        meetings=tuple(meetings),
        officers=tuple(rows("officers")),
        staff=tuple(rows("staff")),
    )


def _orphans(reader: TableReader, table: str, left: Mapping[str, object]) -> None:
    for owner in left:
        reader.problem(join_path([table]), f"rows for {owner!r}, which no record has")
