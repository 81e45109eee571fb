"""The JSON Schema (draft 2020-12) of the canonical JSON, generated from its descriptions.

Every model class becomes a definition under ``$defs``: an object whose properties
are its fields (titles and descriptions from the class's docstring and the comment
beside each field), enums as their values, fiscal years, periods, office and
country codes as the patterns the loader reads. What a pattern cannot say — that
30 February does not exist, that an office code is one clairlib knows or the
document's organisation lists, that ids are unique — the loader (dates) and the
rules (offices and ids, in :func:`clairlib.validate`) check.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
from typing import Any

from clairlib.errors import ClairlibError
from clairlib.io._describe import Field, Kind, Value, describe
from clairlib.io._values import DECIMAL_TEXT, INT_LIMIT, MAX_DIGITS, MAX_EXPONENT
from clairlib.io._writers import WriterCompiler
from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan, Quantity, records

__all__ = ["DRAFT", "json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DOCUMENTS = (MidTermPlan, AnnualPlan, AnnualReport)
_KINDS = {cls.KIND: cls for cls in _DOCUMENTS}

# One side of an ISO period: 'FY2013', '2013', '2013-08' or '2013-08-01'.
_SIDE = r"(?:FY[0-9]{4}|[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?)"
_PERIOD = rf"{_SIDE}(?:/{_SIDE})?"
_PERIODS = rf"{_PERIOD}(?:,{_PERIOD})*"
PERIOD_PATTERN = rf"^{_PERIOD}$"
PERIOD_SET_PATTERN = rf"^(?:{_PERIODS}|R/{_PERIODS}/P[1-9][0-9]*[DWMY])$"
# HQ; a prefecture by ISO 3166-2 (JP-01 … JP-47); a designated city by its six-digit
# local-government code; an overseas office by three capitals (NYC, LON …).
OFFICE_PATTERN = r"^(?:HQ|JP-(?:0[1-9]|[1-3][0-9]|4[0-7])|[0-9]{6}|[A-Z]{3})$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"

_writers = WriterCompiler()


def _decimal_text(*, non_negative: bool) -> str:
    # The reader's DECIMAL_TEXT; a pattern cannot count significant digits across the
    # point and the exponent, so the size limit is in the description only.
    body = DECIMAL_TEXT.pattern.removeprefix("-?")
    return f"^{body}$" if non_negative else f"^-?{body}$"


def _decimal(*, non_negative: bool = False) -> dict[str, Any]:
    number: dict[str, Any] = {"type": "number"}
    if non_negative:
        number["minimum"] = 0
    return {
        "anyOf": [number, {"type": "string", "pattern": _decimal_text(non_negative=non_negative)}],
        "description": (
            "an exact decimal: a JSON number, or its text where it has fractional digits "
            f'("68.5", "2.0"); at most {MAX_DIGITS} significant digits, exponent within '
            f"±{MAX_EXPONENT}"
        ),
    }


def _comments(cls: type) -> dict[str, str]:
    """The comment beside each field in the class's source: ``unit: str | None = None  # …``."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    found = {}
    for match in re.finditer(r"^    (\w+): [^#\n]*#\s*(.+)$", source, re.MULTILINE):
        found[match.group(1)] = match.group(2).strip()
    return found


def _doc(obj: object) -> str | None:
    doc = inspect.getdoc(obj)
    if doc is None or doc.startswith(("Create a new", "An enumeration.")):
        return None
    return doc


def _title(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"title": obj.__name__}
    doc = _doc(obj)
    if doc is not None:
        out["description"] = doc
    return out


def _name(cls: type) -> str:
    return cls.__name__


class _Builder:
    """Collects the definitions of the classes and enums a schema refers to."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def value(self, value: Value, field: Field | None = None) -> dict[str, Any]:
        kind = value.kind
        if kind is Kind.STR:
            return {"type": "string"}
        if kind is Kind.INT:
            return self._integer(field)
        if kind is Kind.BOOL:
            return {"type": "boolean"}
        if kind is Kind.DECIMAL:
            return _decimal()
        if kind is Kind.FISCAL_YEAR:
            return {"$ref": "#/$defs/FiscalYear"}
        if kind is Kind.PERIOD:
            return {"$ref": "#/$defs/Period"}
        if kind is Kind.PERIOD_OR_SET:
            return {"$ref": "#/$defs/PeriodSet"}
        if kind is Kind.OFFICE:
            return {"$ref": "#/$defs/OfficeCode"}
        if kind is Kind.COUNTRY:
            return {"$ref": "#/$defs/CountryCode"}
        if kind is Kind.ENUM:
            self._enum(value.type)
            return {"$ref": f"#/$defs/{_name(value.type)}"}
        if kind is Kind.MODEL:
            self.model(value.type)
            return {"$ref": f"#/$defs/{_name(value.type)}"}
        if kind is Kind.CELL:
            self.model(Quantity)
            return {
                "anyOf": [{"$ref": "#/$defs/Quantity"}, {"type": "string"}, {"type": "null"}],
                "description": "a table cell: a quantity, text as printed, or empty",
            }
        inner = self.value(value.inner, field)
        if kind is Kind.OPTIONAL:
            return {"anyOf": [inner, {"type": "null"}]}
        if kind is Kind.MAPPING:
            return {"type": "object", "additionalProperties": inner}
        return {"type": "array", "items": inner}

    def _integer(self, field: Field | None) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer", "minimum": 1 - INT_LIMIT}
        check = field.attribute.validator if field is not None else None
        # attrs' ge()/gt() validators carry their bound (a row count of 1 or more).
        bound, op = getattr(check, "bound", None), getattr(check, "compare_op", None)
        if isinstance(bound, int) and op in (">=", ">"):
            del out["minimum"]
            out["minimum" if op == ">=" else "exclusiveMinimum"] = bound
        out["maximum"] = INT_LIMIT - 1
        return out

    def _enum(self, cls: type[enum.Enum]) -> None:
        name = _name(cls)
        if name not in self.defs:
            self.defs[name] = {**_title(cls), "enum": [member.value for member in cls]}

    def model(self, cls: type) -> None:
        name = _name(cls)
        if name in self.defs:
            return
        self.defs[name] = {}  # recursive classes (Item, Section) refer to themselves
        model = describe(cls)
        comments = _comments(cls)
        properties: dict[str, Any] = {}
        if model.kind is not None:
            properties["kind"] = {"const": model.kind}
        for field in model.fields:
            schema = self._constrained(cls, field)
            note = comments.get(field.name)
            if note is not None:
                schema = {**schema, "description": note}
            if not field.required:
                default = _writers.value(field.value)
                schema = {
                    **schema,
                    "default": field.default if default is None else default(field.default),
                }
            properties[field.key] = schema
        required = [field.key for field in model.fields if field.required]
        if model.kind is not None:
            required = ["kind", *required]
        definition: dict[str, Any] = {**_title(cls), "type": "object", "properties": properties}
        if required:
            definition["required"] = required
        definition["additionalProperties"] = False
        self.defs[name] = definition

    def _constrained(self, cls: type, field: Field) -> dict[str, Any]:
        """The field's schema with what its validator requires, where a schema can say it."""
        check = field.attribute.validator
        inner = getattr(check, "validator", None)  # attrs.validators.optional(…)
        if records._non_negative in (check, inner):  # a count of 0 or more
            self.model(Quantity)
            value = {"$ref": "#/$defs/Quantity"}
            quantity = {"allOf": [value, {"properties": {"value": _decimal(non_negative=True)}}]}
            if field.value.kind is Kind.OPTIONAL:
                return {"anyOf": [quantity, {"type": "null"}]}
            return quantity
        if cls is Quantity and field.name == "scale":  # 10 for 十, 10000 for 万: positive
            return {"type": "integer", "exclusiveMinimum": 0}
        return self.value(field.value, field)


def _leaves() -> dict[str, Any]:
    return {
        "FiscalYear": {
            "title": "FiscalYear",
            "description": "a fiscal year (年度, April to March) by the year it starts: 2013",
            "type": "integer",
            "minimum": 1,
            "maximum": 9998,
        },
        "Period": {
            "title": "Period",
            "description": (
                "a period in ISO text: a day '2013-08-01', a month '2013-08', a year '2013', "
                "a fiscal year 'FY2013', or a range of one precision '2013-12/2014-01'"
            ),
            "type": "string",
            "pattern": PERIOD_PATTERN,
        },
        "PeriodSet": {
            "title": "PeriodSet",
            "description": (
                "a period, or several separated by commas ('2013-07,2013-09/2013-10'), or a "
                "recurrence 'R/2013-04/P1M' (each month from April 2013)"
            ),
            "type": "string",
            "pattern": PERIOD_SET_PATTERN,
        },
        "OfficeCode": {
            "title": "OfficeCode",
            "description": (
                "an office: 'HQ', a prefectural branch 'JP-13', a designated-city branch by "
                "its local-government code '011002', an overseas office 'NYC'; a code must "
                "be one of clairlib's reference offices or listed in the document's "
                "organisation.offices"
            ),
            "type": "string",
            "pattern": OFFICE_PATTERN,
        },
        "CountryCode": {
            "title": "CountryCode",
            "description": "an ISO 3166-1 alpha-2 country code such as 'US' that CLDR knows",
            "type": "string",
            "pattern": COUNTRY_PATTERN,
        },
    }


def _envelope(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": "Envelope",
        "description": "a document with the version of this schema, as earlier exports wrote",
        "type": "object",
        "properties": {"clairlib": {"const": "1"}, "document": document},
        "required": ["clairlib", "document"],
        "additionalProperties": False,
    }


@functools.cache
def _schema(kind: str | None) -> dict[str, Any]:
    builder = _Builder()
    classes = _DOCUMENTS if kind is None else (_KINDS[kind],)
    for cls in classes:
        builder.model(cls)
    documents = [{"$ref": f"#/$defs/{_name(cls)}"} for cls in classes]
    document = documents[0] if len(documents) == 1 else {"oneOf": documents}
    what = "a clairlib document" if kind is None else f"a clairlib {kind.replace('_', ' ')}"
    return {
        "$schema": DRAFT,
        "title": "clairlib canonical JSON, version 1",
        "description": (
            f"The canonical JSON of {what}, as clairlib.dumps writes it and clairlib.load "
            'reads it (bare, or in the envelope {"clairlib": "1", "document": …}).'
        ),
        "anyOf": [document, {"$ref": "#/$defs/Envelope"}],
        "$defs": {
            **dict(sorted(builder.defs.items())),
            **_leaves(),
            "Envelope": _envelope(document),
        },
    }


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the canonical JSON: of any document, or one kind.

    ``kind`` is ``"mid_term_plan"``, ``"annual_plan"`` or ``"annual_report"``; the schema
    also admits the document inside its envelope ``{"clairlib": "1", "document": …}``.
    """
    if kind is not None and kind not in _KINDS:
        choices = ", ".join(repr(k) for k in sorted(_KINDS))
        raise ClairlibError(f"expected a kind, one of {choices}, found {kind!r}")
    import copy

    return copy.deepcopy(_schema(kind))
