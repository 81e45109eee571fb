"""One generated function per header building a table's row objects: the readers' fast lane.

The general reader (:meth:`TableReader.build`) reads a row cell by cell, guarding
each cell so that a problem names it, and gathers the fields in a dict per row. A
well-formed row needs none of that: for a header, :func:`compile_row` writes one
function that hands each cell to its column's converter and calls the record's
constructors directly, nested objects inline. The fast lane reports nothing: a row
for which it raises is read again by the general reader, whose findings say which
cell and why, so both lanes give the same records and the same findings.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from clairlib._codegen import generate
from clairlib.exporting._csv_spec import Column, Table

__all__ = ["Converter", "Remembered", "Verbatim", "compile_row"]

#: A column's converter: one cell (its text, or a workbook's cell value) to the field value.
Converter = Callable[[Any], Any]


@attrs.frozen
class Verbatim:
    """A text column's converter for which a text cell is its own value, checked inline.

    A cell that is a non-empty ``str`` whose first character is none of ``escapes``
    is the value itself, an empty cell (``""``) is ``empty``; any other cell is
    handed to ``otherwise``. The tests are written into the generated function, so
    such a cell costs no call.
    """

    otherwise: Converter
    empty: Any
    escapes: str = ""


_MISSING = object()


@attrs.frozen
class Remembered:
    """A converter whose values of cells already seen are looked up, inline.

    ``memo`` maps cells to their values; ``otherwise`` converts any other cell (and
    may add it to ``memo``). Only cells equal to a key are found, so a memo whose
    keys are all ``str`` never gives a number cell a text's value.
    """

    memo: dict[Any, Any]
    otherwise: Converter


def _tree(
    table: Table, fields: dict[tuple[str, ...], int]
) -> dict[tuple[str, ...], list[tuple[str, tuple[str, ...] | int]]]:
    """Each object's arguments: its fields' cell positions and its nested objects."""
    nodes: dict[tuple[str, ...], list[tuple[str, tuple[str, ...] | int]]] = {}
    for prefix in ((), *table.nested):
        depth = len(prefix) + 1
        arguments: dict[str, tuple[str, ...] | int] = {
            path[-1]: position
            for path, position in fields.items()
            if len(path) == depth and path[:-1] == prefix
        }
        # A nested object takes the name over a cell of the same path, as the general
        # reader has it.
        for nested in table.nested:
            if len(nested) == depth and nested[:-1] == prefix:
                arguments[nested[-1]] = nested
        nodes[prefix] = list(arguments.items())
    return nodes


_SHARED = 4096  # nested objects remembered per place in a table


def _storing(memo: dict[tuple[Any, ...], Any]) -> Callable[[tuple[Any, ...], Any], Any]:
    """The function remembering an object made of text cells (a few thousand at most)."""

    def store(cells: tuple[Any, ...], made: Any) -> Any:
        # Only text keys: 1.0 and True are equal keys but not equal cells. A lookup
        # with a number never finds a key of texts, so it needs no such test.
        if len(memo) < _SHARED and all(cell.__class__ is str for cell in cells):
            memo[cells] = made
        return made

    return store


def compile_row(
    table: Table,
    columns: Sequence[Column | None],
    converters: Sequence[Converter | Verbatim | Remembered | None],
) -> Callable[[Sequence[Any]], Any]:
    """The function building one row object from the row's cells (one per header position).

    ``converters[n]`` reads the cell at position ``n`` (None where ``columns[n]`` is);
    the function takes exactly as many cells as there are columns.
    A nested object all of whose cells are empty (``""``) is None; one whose text
    cells were seen before is the object they made then (they are frozen), unless it
    holds a mapping. A field the header leaves out and that has no default (a
    personal field) is ``""``. The function raises whatever a converter or a
    constructor raises.
    """
    fields: dict[tuple[str, ...], int] = {}
    for position, column in enumerate(columns):
        if column is not None:
            fields[column.path] = position  # a repeated header: the last cell, as in build
    nodes = _tree(table, fields)
    namespace: dict[str, Any] = {}
    counter = itertools.count()

    def name(value: Any) -> str:
        key = f"_v{next(counter)}"
        namespace[key] = value
        return key

    def cell(position: int) -> str:
        converter = converters[position]
        if converter is None:
            raise AssertionError(f"no converter for the cell at {position}")
        if isinstance(converter, Remembered):
            found, get = name(_MISSING), name(converter.memo.get)
            return (
                f"(_r if (_r := {get}(c{position}, {found})) is not {found} "
                f"else {name(converter.otherwise)}(c{position}))"
            )
        if not isinstance(converter, Verbatim):
            return f"{name(converter)}(c{position})"
        test = f"c{position}.__class__ is str and c{position}"
        if converter.escapes:
            test += f" and c{position}[0] not in {name(converter.escapes)}"
        return (
            f'(c{position} if {test} else {name(converter.empty)} if c{position} == "" '
            f"else {name(converter.otherwise)}(c{position}))"
        )

    def expression(prefix: tuple[str, ...]) -> str:
        cls = table.record if not prefix else table.nested[prefix]
        given = {field for field, _ in nodes[prefix]}
        arguments = []
        for field, source in nodes[prefix]:
            if not field.isidentifier():
                raise AssertionError(f"a field name that is no identifier: {field!r}")
            if isinstance(source, int):
                arguments.append(f"{field}={cell(source)}")
                continue
            inside = sorted(p for path, p in fields.items() if path[: len(source)] == source)
            if not inside:
                arguments.append(f"{field}=None")
                continue
            empty = " and ".join(f'c{p} == ""' for p in inside)
            arguments.append(f"{field}=(None if {empty} else {nested(source, inside)})")
        for field in attrs.fields(cls):
            if field.name not in given and field.default is attrs.NOTHING:
                # A personal field left out of the export: an empty text stands in.
                arguments.append(f'{field.name}=""')
        return f"{name(cls)}({', '.join(arguments)})"

    def nested(prefix: tuple[str, ...], inside: list[int]) -> str:
        built = expression(prefix)
        if any(getattr(columns[p], "kind", None) == "mapping" for p in inside):
            return built  # it holds a dict: one object each
        # Equal cells make equal objects, and frozen ones can be shared: a venue, a
        # count seen before is looked up by its cells.
        memo: dict[tuple[Any, ...], Any] = {}
        key = f"_k{len(namespace)}"
        found, get, store = name(_MISSING), name(memo.get), name(_storing(memo))
        cells = f"({', '.join(f'c{p}' for p in inside)},)"
        return (
            f"(_n if (_n := {get}(({key} := {cells}), {found})) is not {found} "
            f"else {store}({key}, {built}))"
        )

    # The cells are unpacked once into locals: an exact count, which the caller checks.
    used = set(fields.values())
    targets = "".join(f"c{p}, " if p in used else "_, " for p in range(len(columns)))
    body = expression(())
    # The converters and classes are bound as defaults: locals, not global look-ups.
    bound = "".join(f", {key}={key}" for key in namespace)
    source = f"def build(c{bound}):\n    ({targets}) = c\n    return {body}\n"
    built: Callable[[Sequence[Any]], Any] = generate(
        source, "build", namespace, f"exporting csv reader of {table.name}"
    )
    return built
