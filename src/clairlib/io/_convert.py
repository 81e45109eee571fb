"""The cattrs converter: every rule of the canonical JSON, in one place.

Structuring runs with cattrs' detailed validation: each class collects the
problems of all its fields, each array those of all its elements, so one pass
finds every structural problem of a document. The fast loader in ``_fast`` is an
optimisation of exactly these rules and falls back to this converter on failure.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, override

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io import _values as values
from clairlib.io._describe import Kind, value_of
from clairlib.io._describe import describe as model_of
from clairlib.io._problems import (
    KIND,
    NEGATIVE,
    NOT_FINITE,
    TYPE,
    VALUE,
    Problem,
    describe,
    wrong_type,
)
from clairlib.io._writers import WriterCompiler
from clairlib.model import Quantity

Reader = Callable[[Any, Any], Any]


def is_union(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType)


def is_sequence(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_mapping(t: Any) -> bool:
    return get_origin(t) is dict


def _noted(error: Exception, index: int | str, t: Any) -> Exception:
    note = IterableValidationNote(f"Structuring {t!r} @ index {index!r}", index, t)
    error.__notes__ = [*getattr(error, "__notes__", ()), note]
    return error


def sequence_reader(element: Callable[[], Reader], element_type: Any) -> Reader:
    """Read a JSON array into a tuple, collecting every element's problems."""

    def read(value: Any, t: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise wrong_type("an array", value)
        hook = element()
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(hook(item, element_type))
            except Exception as error:
                errors.append(_noted(error, index, element_type))
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(out)

    return read


def mapping_reader(element: Callable[[], Reader], element_type: Any) -> Reader:
    """Read a JSON object with string keys into a dict, collecting every value's problems."""

    def read(value: Any, t: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise wrong_type("an object", value)
        hook = element()
        out: dict[str, Any] = {}
        errors: list[Exception] = []
        for key, item in value.items():
            if not isinstance(key, str):
                errors.append(Problem(TYPE, "an object with string keys", f"key {describe(key)}"))
                continue
            try:
                out[key] = hook(item, element_type)
            except Exception as error:
                errors.append(_noted(error, key, element_type))
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return out

    return read


def optional_reader(inner: Callable[[], Reader], inner_type: Any) -> Reader:
    """Read ``X | None``: null is None, anything else is read as an X."""

    def read(value: Any, _: Any) -> Any:
        if value is None:
            return None
        try:
            return inner()(value, inner_type)
        except Problem as problem:
            if problem.code in (TYPE, NOT_FINITE) and not problem.subpath:
                raise Problem(problem.code, f"{problem.expected} or null", problem.found) from None
            raise

    return read


def cell_reader(quantity: Callable[[], Reader]) -> Reader:
    """Read a table cell: a Quantity object, a string, or null."""

    def read(value: Any, _: Any) -> Quantity | str | None:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, dict):
            result: Quantity = quantity()(value, Quantity)
            return result
        raise wrong_type("a quantity object, a string or null", value)

    return read


def validated(reader: Reader, field: attrs.Attribute[Any]) -> Reader:
    """Run the field's own validator while reading it, so its error has the field's path."""
    check = field.validator
    assert check is not None

    def read(value: Any, t: Any) -> Any:
        result = reader(value, t)
        try:
            check(None, field, result)
        except Exception as error:
            number = result.value if isinstance(result, Quantity) else result
            if isinstance(number, int | Decimal) and number < 0:
                # attrs' ge() validators carry their bound: a row count must be 1 or more.
                least = getattr(check, "bound", 0)
                raise Problem(NEGATIVE, f"{least} or more", f"{number}") from None
            raise Problem(VALUE, "a valid value", f"{describe(value)} ({error})") from None
        return result

    return read


def _lazy(converter: cattrs.Converter, t: Any) -> Callable[[], Reader]:
    # Recursive classes (Item, Section) need their hooks resolved at call time.
    cache: list[Reader] = []

    def get() -> Reader:
        if not cache:
            cache.append(converter.get_structure_hook(t))
        return cache[0]

    return get


def _reference_reader(shape: Any, leaf: Reader) -> Reader:
    if is_sequence(shape):
        return sequence_reader(lambda: leaf, get_args(shape)[0])
    if is_union(shape):
        return optional_reader(lambda: leaf, str)
    return leaf


def union_reader(converter: cattrs.Converter, t: Any) -> Reader:
    """Read the model's unions: ``X | None``, periods and table cells."""
    members = [arg for arg in get_args(t) if arg is not type(None)]
    if set(members) == {Period, PeriodSet}:
        inner: Reader = values.read_period_or_set
    elif set(members) == {Quantity, str}:
        return cell_reader(_lazy(converter, Quantity))
    elif len(members) == 1:
        return optional_reader(_lazy(converter, members[0]), members[0])
    else:
        raise TypeError(f"no reader for the union {t!r}")
    if len(members) == len(get_args(t)):
        return inner
    return optional_reader(lambda: inner, t)


def class_reader(converter: cattrs.Converter, cls: type) -> Reader:
    """Read an attrs class from a JSON object, collecting the problems of all fields."""
    overrides = {}
    for described in model_of(cls).fields:
        field = described.attribute
        reader: Reader | None = None
        leaf = described.value.inner.kind
        if leaf is Kind.OFFICE:
            reader = _reference_reader(field.type, values.read_office)
        elif leaf is Kind.COUNTRY:
            reader = _reference_reader(field.type, values.read_country)
        if field.validator is not None:
            base = reader or _lazy(converter, field.type)()
            reader = validated(base, field)
        if reader is not None:
            overrides[field.name] = override(struct_hook=reader)
    generated: Reader = make_dict_structure_fn(cls, converter, **overrides)  # type: ignore[arg-type]
    kind = getattr(cls, "KIND", None)

    def read(value: Any, t: Any) -> Any:
        if not isinstance(value, dict):
            raise wrong_type(f"an object ({cls.__name__})", value)
        if kind is not None:
            found = value.get("kind")
            if found != kind:
                what = "none" if "kind" not in value else describe(found)
                problem = Problem(KIND, f"kind {kind!r}", what, subpath=("kind",))
                raise ClassValidationError(f"While structuring {cls.__name__}", [problem], cls)
            value = {key: item for key, item in value.items() if key != "kind"}
        return generated(value, t)

    return read


def make_converter() -> cattrs.Converter:
    """Build the converter that reads and writes clairlib's canonical JSON."""
    converter = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=True
    )
    for cls, reader in (
        (str, values.read_str),
        (int, values.read_int),
        (bool, values.read_bool),
        (Decimal, values.read_decimal),
        (FiscalYear, values.read_fiscal_year),
        (Period, values.read_period),
        (PeriodSet, values.read_period_or_set),
    ):
        converter.register_structure_hook(cls, reader)
    enum_readers: dict[type, Reader] = {}

    def read_enum(value: Any, t: type[enum.Enum]) -> Any:
        reader = enum_readers.get(t)
        if reader is None:
            reader = enum_readers[t] = values.enum_reader(t)
        return reader(value, t)

    converter.register_structure_hook(enum.Enum, read_enum)
    converter.register_structure_hook_factory(attrs.has, lambda cls: class_reader(converter, cls))
    converter.register_structure_hook_factory(
        is_sequence,
        lambda t: sequence_reader(_lazy(converter, get_args(t)[0]), get_args(t)[0]),
    )
    converter.register_structure_hook_factory(
        is_mapping, lambda t: mapping_reader(_lazy(converter, get_args(t)[1]), get_args(t)[1])
    )
    converter.register_structure_hook_factory(is_union, lambda t: union_reader(converter, t))

    writers = WriterCompiler()
    converter.register_unstructure_hook(Decimal, values.write_decimal)
    converter.register_unstructure_hook(FiscalYear, values.write_fiscal_year)
    converter.register_unstructure_hook(Period, values.write_period)
    converter.register_unstructure_hook(PeriodSet, values.write_period)
    converter.register_unstructure_hook(enum.Enum, lambda member: member.value)
    converter.register_unstructure_hook_factory(attrs.has, writers.writer)

    def container(t: Any) -> Callable[[Any], Any]:
        # Never as it is: tuples become lists.
        return writers.value(value_of(t)) or (lambda value: value)

    for predicate in (is_sequence, is_mapping):
        converter.register_unstructure_hook_factory(predicate, container)
    return converter
