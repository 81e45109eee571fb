"""The CSV tables: which records each holds, and its columns in their stable order.

A column is addressed by an attribute path from the row object; the writer and the
reader both work from these declarations, so the two cannot drift apart.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from clairlib.exporting._csv_rows import (
    AgendaRow,
    BreakdownRow,
    LocalGovernmentRow,
    ParticipantsRow,
    ProgrammeRow,
    agenda,
    breakdowns,
    local_governments,
    organisation,
    participants,
    programmes,
    records,
)
from clairlib.model import (
    AgendaItem,
    Aggregation,
    AnnualPlan,
    AnnualReport,
    Board,
    BreakdownItem,
    CountingBasis,
    CrossListing,
    Document,
    Event,
    EventKind,
    Figure,
    Grant,
    Indicator,
    LocalGovernment,
    LocalGovernmentKind,
    Measurement,
    Meeting,
    MidTermPlan,
    Officer,
    ParticipantKind,
    Participants,
    Person,
    Priority,
    Programme,
    Publication,
    Qualifier,
    Quantity,
    Selector,
    StaffCount,
    Target,
    Venue,
    personal_fields,
)

__all__ = ["DERIVED", "NAME_KINDS", "TABLES", "Column", "Table", "is_personal", "table_names"]

#: Kinds of column written for a reader's convenience and computed from other columns:
#: a reader of the tables checks them against those columns and does not read them.
DERIVED = frozenset(
    {
        "magnitude",
        "office_name",
        "country_name",
        "programme_name",
        "indicator_name",
        "period_start",
        "period_end",
    }
)
#: Kinds of name column a reader checks against the code beside it (not read: the code
#: is); a programme's or indicator's name is checked against the programmes or indicators
#: table.
NAME_KINDS = frozenset({"office_name", "country_name", "programme_name", "indicator_name"})


@attrs.frozen(kw_only=True)
class Column:
    """A CSV column: English key (also the English header), Japanese header, kind, path."""

    key: str
    ja: str
    kind: str  # text list int decimal bool enum period fy mapping, or one of DERIVED
    path: tuple[str, ...]
    optional: bool = False
    enum: type[enum.Enum] | None = None


@attrs.frozen(kw_only=True)
class Table:
    """A CSV table: its name, the type of its row objects and how to list them."""

    name: str
    record: type
    columns: tuple[Column, ...]
    rows: Callable[[Document], Iterable[Any]]
    nested: dict[tuple[str, ...], type] = attrs.field(factory=dict)
    kinds: tuple[type, ...] = (AnnualReport,)


def _text(key: str, ja: str, *path: str, optional: bool = True) -> Column:
    return Column(key=key, ja=ja, kind="text", path=path or (key,), optional=optional)


def _col(key: str, ja: str, kind: str, *path: str, optional: bool = False) -> Column:
    return Column(key=key, ja=ja, kind=kind, path=path or (key,), optional=optional)


def _enum(key: str, ja: str, cls: type[enum.Enum], *path: str, optional: bool = False) -> Column:
    return Column(key=key, ja=ja, kind="enum", path=path or (key,), optional=optional, enum=cls)


def _quantity(key: str, ja: str, *path: str) -> tuple[Column, ...]:
    # The first column holds the magnitude (value × scale: 2500000 for 約 250 万件), so a
    # spreadsheet totals it; the printed number keeps a column of its own.
    base = path or (key,)
    return (
        Column(key=key, ja=ja, kind="magnitude", path=base, optional=True),
        Column(key=f"{key}_printed", ja=f"{ja}（記載値）", kind="decimal", path=(*base, "value")),
        Column(key=f"{key}_unit", ja=f"{ja}（単位）", kind="text", path=(*base, "unit")),
        Column(key=f"{key}_scale", ja=f"{ja}（倍率）", kind="int", path=(*base, "scale")),
        Column(
            key=f"{key}_qualifier",
            ja=f"{ja}（修飾）",
            kind="enum",
            path=(*base, "qualifier"),
            optional=True,
            enum=Qualifier,
        ),
        Column(
            key=f"{key}_text", ja=f"{ja}（表記）", kind="text", path=(*base, "text"), optional=True
        ),
    )


def _office_names(key: str, ja: str, *path: str) -> Column:
    return Column(key=f"{key}_name", ja=ja, kind="office_name", path=path or (key,), optional=True)


def _country_names(key: str, ja: str, *path: str) -> Column:
    return Column(key=f"{key}_name", ja=ja, kind="country_name", path=path or (key,), optional=True)


def _programme(ja: str = "事業") -> tuple[Column, ...]:
    # The programme's id (p1-1) and, beside it, its name as the document prints it.
    return (
        _text("programme", ja),
        Column(key="programme_name", ja=f"{ja}名", kind="programme_name", path=("programme",),
               optional=True),
    )  # fmt: skip


def _period(key: str, ja: str, *, optional: bool = True) -> tuple[Column, ...]:
    # Start and end as full dates a spreadsheet reads as dates; the ISO text of the
    # period itself is written so that it stays text (see the writer).
    return (
        _col(key, ja, "period", optional=optional),
        Column(key=f"{key}_start", ja=f"{ja}（開始日）", kind="period_start", path=(key,)),
        Column(key=f"{key}_end", ja=f"{ja}（終了日）", kind="period_end", path=(key,)),
    )


def _indicator() -> tuple[Column, ...]:
    # The indicator's id and, beside it, its name as the indicators table holds it.
    return (
        _text("indicator", "指標ID", optional=False),
        Column(key="indicator_name", ja="指標名", kind="indicator_name", path=("indicator",),
               optional=True),
    )  # fmt: skip


_ID = _text("id", "ID", optional=False)

TABLES: tuple[Table, ...] = (
    Table(
        name="events",
        record=Event,
        columns=(
            _ID,
            _text("name", "名称", optional=False),
            *_programme(),
            _col("offices", "事務所", "list"),
            _office_names("offices", "事務所名"),
            _text("venue_text", "開催地", "venue", "text", optional=False),
            _col("venue_countries", "開催国", "list", "venue", "countries"),
            _country_names("venue_countries", "開催国名", "venue", "countries"),
            _text("venue_city", "都市", "venue", "city"),
            *_period("period", "期間"),
            _text("period_text", "期間（表記）"),
            _enum("kind", "種別", EventKind),
            _col("partners", "連携先", "list"),
            _text("group", "区分"),
            _text("description", "説明"),
            _col("tags", "タグ", "list"),
        ),
        rows=records("events"),
        nested={("venue",): Venue},
    ),
    Table(
        name="participants",
        record=ParticipantsRow,
        columns=(
            _text("event", "行事ID", optional=False),
            _col("index", "番号", "int"),
            *_quantity("count", "参加数", "participants", "count"),
            _enum("kind", "数の種類", ParticipantKind, "participants", "kind"),
            _enum("basis", "計上方法", CountingBasis, "participants", "basis"),
            _text("role", "役割", "participants", "role"),
            _text("label", "区分名", "participants", "label"),
        ),
        rows=participants,
        nested={("participants",): Participants, ("participants", "count"): Quantity},
    ),
    Table(
        name="local_governments",
        record=LocalGovernmentRow,
        columns=(
            _text("event", "行事ID", optional=False),
            _text("name", "自治体名", "government", "name", optional=False),
            _enum("kind", "自治体区分", LocalGovernmentKind, "government", "kind", optional=True),
            _text("prefecture", "都道府県コード", "government", "prefecture"),
            _col("count", "回数", "int", "government", "count"),
        ),
        rows=local_governments,
        nested={("government",): LocalGovernment},
    ),
    Table(
        name="breakdowns",
        record=BreakdownRow,
        columns=(
            _text("owner_type", "対象種別", optional=False),
            _text("owner", "対象ID", optional=False),
            _col("participants", "参加番号", "int", optional=True),
            _col("breakdown", "内訳番号", "int"),
            _text("dimension", "内訳軸", optional=False),
            _col("overlapping", "重複あり", "bool"),
            _text("key", "項目", "item", "key", optional=False),
            *_quantity("value", "値", "item", "value"),
            _text("label", "項目名", "item", "label"),
        ),
        rows=breakdowns,
        nested={("item",): BreakdownItem, ("item", "value"): Quantity},
    ),
    Table(
        name="programmes",
        record=ProgrammeRow,
        columns=(
            _text("section", "節ID", optional=False),
            _text("id", "事業ID", "programme", "id", optional=False),
            _text("name", "事業名", "programme", "name", optional=False),
            _text("name_en", "事業名（英語）", "programme", "name_en"),
            _text("pillar", "柱", "programme", "pillar"),
            _col("cross_listed", "再掲先", "list", "programme", "cross_listed"),
            _enum(
                "cross_listing",
                "再掲区分",
                CrossListing,
                "programme",
                "cross_listing",
                optional=True,
            ),
            _enum("priority", "重点・一般", Priority, "programme", "priority", optional=True),
            _text("marker", "記号", "programme", "marker"),
            _col("number", "番号", "int", "programme", "number", optional=True),
            _col("offices", "事務所", "list", "programme", "offices"),
            _office_names("offices", "事務所名", "programme", "offices"),
            _col("countries", "国", "list", "programme", "countries"),
            _country_names("countries", "国名", "programme", "countries"),
            _text("kind", "種別", "programme", "kind"),
        ),
        rows=programmes,
        nested={("programme",): Programme},
        kinds=(AnnualReport, AnnualPlan),
    ),
    Table(
        name="persons",
        record=Person,
        columns=(
            _ID,
            _text("role", "役割", optional=False),
            *_programme(),
            _text("name", "氏名"),
            _text("origin", "所属"),
            _text("country", "国"),
            _country_names("country", "国名"),
            _text("field", "分野"),
            _text("office", "事務所"),
            _office_names("office", "事務所名"),
            _text("host_name", "受入団体", "host", "name", optional=False),
            _enum("host_kind", "受入団体区分", LocalGovernmentKind, "host", "kind", optional=True),
            _text("host_prefecture", "受入団体都道府県コード", "host", "prefecture"),
            _col("host_count", "受入団体回数", "int", "host", "count"),
            *_period("period", "期間"),
            _col("count", "人数", "int"),
        ),
        rows=records("persons"),
        nested={("host",): LocalGovernment},
    ),
    Table(
        name="grants",
        record=Grant,
        columns=(
            _ID,
            *_programme(),
            _text("name", "助成名"),
            _text("recipient", "助成先"),
            *_quantity("projects", "件数"),
            *_quantity("amount", "金額"),
        ),
        rows=records("grants"),
        nested={("projects",): Quantity, ("amount",): Quantity},
    ),
    Table(
        name="publications",
        record=Publication,
        columns=(
            _ID,
            _text("title", "題名", optional=False),
            _text("kind", "種別", optional=False),
            *_programme(),
            _text("office", "事務所"),
            _office_names("office", "事務所名"),
            _text("country", "国"),
            _country_names("country", "国名"),
            _text("issue", "号"),
            *_period("period", "期間"),
            _col("published_fy", "発行年度", "int", optional=True),
            *_quantity("accesses", "アクセス数"),
        ),
        rows=records("publications"),
        nested={("accesses",): Quantity},
    ),
    Table(
        name="indicators",
        record=Indicator,
        columns=(
            _ID,
            _text("name", "指標名", optional=False),
            _text("unit", "単位", optional=False),
            _text("name_en", "指標名（英語）"),
            _text("pillar", "柱"),
            _text("objective", "目標"),
            _enum("basis", "計上方法", CountingBasis),
            _enum("over_offices", "事務所間の集計", Aggregation),
            _enum("over_periods", "期間の集計", Aggregation),
            _text("numerator", "分子"),
            _text("denominator", "分母"),
            _col("higher_is_better", "高いほど良い", "bool"),
        ),
        rows=records("indicators"),
        kinds=(AnnualReport, AnnualPlan, MidTermPlan),
    ),
    Table(
        name="targets",
        record=Target,
        columns=(
            *_indicator(),
            *_quantity("value", "目標値"),
            _col("fiscal_year", "年度", "fy", optional=True),
            _text("note", "備考"),
        ),
        rows=records("targets"),
        nested={("value",): Quantity},
        kinds=(AnnualPlan, MidTermPlan),
    ),
    Table(
        name="measurements",
        record=Measurement,
        columns=(
            _ID,
            *_indicator(),
            _col("fiscal_year", "年度", "fy"),
            *_quantity("value", "実績値"),
            _text("office", "事務所"),
            _office_names("office", "事務所名"),
            _text("country", "国"),
            _country_names("country", "国名"),
            *_quantity("change", "前年度比"),
            _text("source", "出典"),
        ),
        rows=records("measurements"),
        nested={("value",): Quantity, ("change",): Quantity},
    ),
    Table(
        name="figures",
        record=Figure,
        columns=(
            _ID,
            _text("label", "項目", optional=False),
            *_quantity("value", "値"),
            *_programme(),
            _text("pillar", "柱"),
            _enum("basis", "計上方法", CountingBasis),
            _text("source", "出典"),
            _text("selector_records", "算出元", "computed_from", "records", optional=False),
            _text("selector_measure", "算出方法", "computed_from", "measure", optional=False),
            _col("selector_where", "算出条件", "mapping", "computed_from", "where"),
            _col("selector_count_as", "読替え", "mapping", "computed_from", "count_as"),
            _col("parts", "内訳", "list"),
            _col("overlapping", "重複あり", "bool"),
            _text("numerator", "分子"),
            _text("denominator", "分母"),
            *_quantity("change", "前年度比"),
            *_quantity("previous", "前年度値"),
            _text("unchecked", "未検証の理由"),
            *_period("period", "時期"),
        ),
        rows=records("figures"),
        nested={
            ("value",): Quantity,
            ("computed_from",): Selector,
            ("change",): Quantity,
            ("previous",): Quantity,
        },
    ),
    Table(
        name="meetings",
        record=Meeting,
        columns=(
            _ID,
            _enum("board", "会議体", Board),
            _col("ordinal", "回", "int"),
            *_period("date", "開催日", optional=False),
        ),
        rows=records("meetings"),
    ),
    Table(
        name="agenda_items",
        record=AgendaRow,
        columns=(
            _text("meeting", "会議ID", optional=False),
            _col("number", "議案番号", "int", "item", "number"),
            _text("title", "議案", "item", "title", optional=False),
            _text("outcome", "結果", "item", "outcome"),
        ),
        rows=agenda,
        nested={("item",): AgendaItem},
    ),
    Table(
        name="officers",
        record=Officer,
        columns=(
            _text("role", "役職", optional=False),
            _text("name", "氏名", optional=False),
            _text("affiliation", "所属"),
        ),
        rows=organisation("officers"),
    ),
    Table(
        name="staff",
        record=StaffCount,
        columns=(
            _text("office", "事務所", optional=False),
            _office_names("office", "事務所名"),
            _text("rank", "職位", optional=False),
            _col("count", "人数", "int"),
        ),
        rows=organisation("staff"),
    ),
)


def table_names() -> tuple[str, ...]:
    """The names of the CSV tables, in the order a directory export writes them."""
    return tuple(table.name for table in TABLES)


def is_personal(table: Table, column: Column) -> bool:
    """True when the column holds a field the model marks personal (a private name)."""
    owner: type = table.record
    for depth, name in enumerate(column.path):
        if name in personal_fields(owner):
            return True
        nested = table.nested.get(column.path[: depth + 1])
        if nested is None:
            return False
        owner = nested
    return False
