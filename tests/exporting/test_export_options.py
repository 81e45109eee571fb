"""Tests of exporter options: typed fields built from command-line text."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Literal

import attrs
import pytest

from clairlib.errors import ExportError
from clairlib.exporting import (
    OptionInfo,
    build_options,
    describe_options,
    option,
    option_text,
    parse_option,
)


class Paper(enum.Enum):
    """A paper size."""

    A4 = "a4"
    B5 = "b5"


TENTH = Decimal("0.1")
A4 = Paper.A4


@attrs.frozen
class Every:
    """One option of every supported type."""

    flag: bool = option(False, help="a switch")
    count: int = option(3, help="a whole number")
    ratio: float = option(1.5, help="a float")
    # Decimals and enum members are immutable: safe defaults.
    amount: Decimal = option(TENTH, help="exact")  # noqa: RUF009
    paper: Paper = option(A4, help="an enum")  # noqa: RUF009
    language: Literal["ja", "en"] = option("ja", help="a choice")
    title: str | None = option(None, help="optional text")
    tags: tuple[str, ...] = option((), help="a list")
    limit: int | None = option(None, help="optional number")


def test_defaults_when_nothing_is_given() -> None:
    """No values: every default."""
    assert Every() == build_options(Every, {})


def test_text_is_converted_to_each_type() -> None:
    """Command-line text becomes the field's type."""
    built = build_options(
        Every,
        {
            "flag": "yes",
            "count": " 7 ",
            "ratio": "2",
            "amount": "68.5",
            "paper": "b5",
            "language": "en",
            "title": "平成25年度",
            "tags": "a, b,,c",
            "limit": "10",
        },
    )
    expected = Every(
        flag=True,
        count=7,
        ratio=2.0,
        amount=Decimal("68.5"),
        paper=Paper.B5,
        language="en",
        title="平成25年度",
        tags=("a", "b", "c"),
        limit=10,
    )
    assert expected == built


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("1", True), ("on", True), ("FALSE", False), ("0", False), ("no", False)],
)
def test_booleans(text: str, value: bool) -> None:
    """The usual spellings of yes and no."""
    assert value == build_options(Every, {"flag": text}).flag


def test_none_for_optional_fields() -> None:
    """'none' or an empty value sets an optional field to None."""
    assert None is build_options(Every, {"title": "none", "limit": ""}).title


def test_python_values_pass_through() -> None:
    """Values of the right type (from Python code) are kept as they are."""
    built = build_options(Every, {"paper": Paper.B5, "count": 2, "tags": ["x"], "amount": 3})
    assert (Paper.B5, 2, ("x",), Decimal(3)) == (built.paper, built.count, built.tags, built.amount)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"colour": "red"}, "unknown option 'colour' (options: flag, count,"),
        ({"count": "many"}, "option 'count': expected int, found 'many'"),
        (
            {"flag": "maybe"},
            "option 'flag': expected true or false, found 'maybe'",
        ),
        (
            {"paper": "a3"},
            "option 'paper': expected one of 'a4', 'b5', found 'a3'",
        ),
        (
            {"language": "fr"},
            "option 'language': expected one of 'ja', 'en', found 'fr'",
        ),
        (
            {"amount": "NaN"},
            "option 'amount': expected a finite number, found 'NaN'",
        ),
        ({"count": True}, "option 'count': expected int, found True"),
    ],
)
def test_bad_values_name_the_option(values: dict[str, object], message: str) -> None:
    """A wrong key or value is an ExportError naming the option and what was found."""
    with pytest.raises(ExportError) as raised:
        build_options(Every, values, exporter="demo")
    assert str(raised.value).startswith("exporter 'demo': " + message)


def test_validator_errors_become_export_errors() -> None:
    """An options class's own validation is reported as an ExportError."""

    @attrs.frozen
    class Sized:
        size: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    with pytest.raises(ExportError, match="'size' must be >= 1"):
        build_options(Sized, {"size": "0"})


def test_option_refuses_a_mutable_default() -> None:
    """A list default would be shared between exports: use a tuple."""
    with pytest.raises(TypeError, match="use a tuple"):
        option([], help="bad")


def test_describe_options() -> None:
    """Each option with its type, default and help, in field order."""
    described = describe_options(Every)
    assert OptionInfo(name="flag", type="bool", default=False, help="a switch") == described[0]
    assert ("language", "Literal['ja', 'en']") == (described[5].name, described[5].type)
    assert ("title", "str | None") == (described[6].name, described[6].type)


def test_parse_option_and_option_text() -> None:
    """key=value splits at the first '='; option_text spells values as a command line does."""
    assert ("where", "a=b") == parse_option("where=a=b")
    with pytest.raises(ExportError, match="expected an option as key=value, found 'flag'"):
        parse_option("flag")
    assert ["none", "true", "b5", "a,b", "3"] == [
        option_text(value) for value in (None, True, Paper.B5, ("a", "b"), 3)
    ]
