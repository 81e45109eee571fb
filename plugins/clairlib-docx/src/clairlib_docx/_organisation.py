"""Governance (board meetings and their agenda) and the organisation, at a report's end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from clairlib import reference
from clairlib.calendar import FiscalYear, Period, PeriodSet, format_period
from clairlib.errors import CalendarError
from clairlib.model import (
    Board,
    Column,
    ColumnRole,
    Meeting,
    Office,
    OfficeKind,
    Organisation,
    Quantity,
    Row,
    RowKind,
    StaffCount,
    Table,
)
from clairlib_docx._sanitize import Clean, literal
from clairlib_docx._writer import Writer

GOVERNANCE_HEADING = literal("【管理関係】(理事会等の状況)")
REFERENCE_HEADING = literal("【参考】")
HEADQUARTERS_STAFF = "本部職員"
OVERSEAS_STAFF = "海外事務所職員"
STAFF_CAPTION = "海外事務所職員内訳"
BOARD_NAMES = {Board.DIRECTORS: "理事会", Board.COUNCILLORS: "評議員会"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def wareki(period: Period | PeriodSet) -> str:
    """A period in the era calendar ('平成25年6月25日'); ISO where no era reaches it."""
    try:
        return format_period(period)
    except CalendarError:
        return period.isoformat()


def fiscal_year_name(year: FiscalYear) -> str:
    """A fiscal year in the era calendar ('平成25年度'); '5年度' where no era reaches it."""
    try:
        return year.to_wareki()
    except CalendarError:
        return f"{year.year}年度"


def circled(number: int) -> str:
    """①…⑳ for 1–20, else the number in brackets."""
    return _CIRCLED[number - 1] if 1 <= number <= len(_CIRCLED) else f"({number})"


def _office(code: str) -> Office | None:
    try:
        return reference.office(code)
    except reference.UnknownOfficeError:
        return None


def office_name(code: str) -> str:
    """An office's name (``ニューヨーク事務所``); an unknown code as it stands."""
    found = _office(code)
    return found.name if found is not None else code


def _short_office_name(code: str) -> str:
    # Staff tables head their columns with the overseas office's city (ニューヨーク).
    found = _office(code)
    if found is None:
        return code
    if found.kind is OfficeKind.OVERSEAS and found.city:
        return found.city
    return found.name


def _is_headquarters(code: str) -> bool:
    found = _office(code)
    return found is not None and found.kind is OfficeKind.HEADQUARTERS


def write_governance(writer: Writer, meetings: Sequence[Meeting]) -> None:
    """Each board's meetings in order: ``(1) 第59回理事会（平成25年6月25日開催）`` and agenda."""
    if not meetings:
        return
    writer.heading(GOVERNANCE_HEADING, 1, new_page=True)
    boards = [board for board in Board if any(m.board is board for m in meetings)]
    for board_number, board in enumerate(boards, start=1):
        name = BOARD_NAMES[board]
        writer.heading(literal(f"{board_number} {name}の開催状況"), 2)
        held = [(i, m) for i, m in enumerate(meetings) if m.board is board]
        for number, (index, meeting) in enumerate(held, start=1):
            where = f"$.meetings[{index}]"
            writer.heading(
                literal(f"({number}) 第{meeting.ordinal}回{name}({wareki(meeting.date)}開催)"), 3
            )
            for item_index, item in enumerate(meeting.agenda):
                at = f"{where}.agenda[{item_index}]"
                title = writer.clean(item.title, f"{at}.title")
                outcome = writer.clean(item.outcome or "", f"{at}.outcome")
                shown = f"（{outcome}）" if outcome else ""
                writer.item(literal(f"第{item.number}号議案　{title}{shown}"), mark="")
            writer.tick()


def _as_of(period: Period | None) -> str:
    return f"({wareki(period)}現在)" if period is not None else ""


def _count(printed: Mapping[str, Clean], label: str, computed: int | None) -> str:
    """`` 63 名`` for a heading: the count the report prints, else the one computed."""
    if label in printed:
        return f" {printed[label]}"
    return f" {computed:,} 名" if computed is not None else ""


def write_organisation(
    writer: Writer,
    organisation: Organisation,
    *,
    personal: bool,
    printed: Mapping[str, Clean],
) -> None:
    """Officers, the organisation chart, headquarters posts and overseas staff by rank.

    ``printed`` maps the labels of the report's declared figures to their printed text
    (``本部職員`` → ``63 名``): a count the report prints in a heading is printed there.
    Officers are public (every report lists them) and are printed with their names;
    ``personal`` is not needed for them.
    """
    writer.heading(REFERENCE_HEADING, 1, new_page=True)
    part = 0
    if organisation.officers:
        part += 1
        writer.heading(literal(f"{part}. 役員等{_as_of(organisation.officers_as_of)}"), 2)
        writer.table(_officers_table(writer, organisation), "$.organisation.officers")
    staff = organisation.staff
    headquarters = [(i, s) for i, s in enumerate(staff) if _is_headquarters(s.office)]
    overseas = [(i, s) for i, s in enumerate(staff) if not _is_headquarters(s.office)]
    if not (
        organisation.departments or organisation.offices or organisation.headquarters_posts or staff
    ):
        return
    part += 1
    writer.heading(literal(f"{part}. 機構{_as_of(organisation.as_of)}"), 2)
    sub = 0
    if organisation.departments or organisation.offices:
        sub += 1
        writer.heading(literal(f"({sub}) 機構"), 3)
        _chart(writer, organisation)
    if organisation.headquarters_posts or headquarters:
        sub += 1
        computed = sum(s.count for _, s in headquarters) if headquarters else None
        count = _count(printed, HEADQUARTERS_STAFF, computed)
        writer.heading(literal(f"({sub}) {HEADQUARTERS_STAFF}{count}"), 3)
        posts: list[str] = [
            writer.clean(post, f"$.organisation.headquarters_posts[{i}]")
            for i, post in enumerate(organisation.headquarters_posts)
        ] or [
            f"{writer.clean(s.rank, f'$.organisation.staff[{i}].rank')} {s.count:,} 名"
            for i, s in headquarters
        ]
        writer.paragraph(literal("、".join(posts)))
    if overseas:
        sub += 1
        count = _count(printed, OVERSEAS_STAFF, sum(s.count for _, s in overseas))
        writer.heading(literal(f"({sub}) {OVERSEAS_STAFF}{count}"), 3)
        found = _printed_staff_table(writer)
        if found is not None:
            writer.table(found[1], f"$.tables[{found[0]}]")
        else:
            writer.table(_staff_table(writer, organisation, overseas), "$.organisation.staff")


def _printed_staff_table(writer: Writer) -> tuple[int, Table] | None:
    """The report's own staff table, when it has one that is not yet written."""
    for index, table in writer.tables.values():
        bare = table.caption.strip("<>＜＞ 　").replace(" ", "").replace("　", "")
        if bare == STAFF_CAPTION and table.id not in writer.written_tables:
            return index, table
    return None


def _chart(writer: Writer, organisation: Organisation) -> None:
    number = 0
    if organisation.departments:
        number += 1
        writer.paragraph(literal(f"{circled(number)} 本部"), bold=True)
        for index, department in enumerate(organisation.departments):
            at = f"$.organisation.departments[{index}]"
            name = writer.clean(department.name, f"{at}.name")
            divisions = "、".join(
                writer.clean(division, f"{at}.divisions[{number}]")
                for number, division in enumerate(department.divisions)
            )
            writer.item(literal(f"{name} ･･･ {divisions}" if divisions else name), mark="")
    overseas = [code for code in organisation.offices if not _is_headquarters(code)]
    if overseas:
        number += 1
        writer.paragraph(literal(f"{circled(number)} 海外事務所"), bold=True)
        names = "、".join(office_name(code) for code in overseas)
        writer.item(
            writer.clean(names, "$.organisation.offices"),
            mark="",
        )


def _officers_table(writer: Writer, organisation: Organisation) -> Table:
    # Printed as the report prints it: role (merged down where it repeats), name and
    # present post, with no header row.
    columns = (
        Column(key="role", label=""),
        Column(key="name", label=""),
        Column(key="affiliation", label=""),
    )
    rows = []
    for index, officer in enumerate(organisation.officers):
        where = f"$.organisation.officers[{index}]"
        cells: dict[str, Quantity | str | None] = {
            "name": writer.clean(officer.name, f"{where}.name"),
            "affiliation": writer.clean(officer.affiliation or "", f"{where}.affiliation"),
        }
        # The role is the group: printed once beside the officers who share it.
        rows.append(Row(cells=cells, group=writer.clean(officer.role, f"{where}.role")))
    return Table(id="organisation-officers", caption="", columns=columns, rows=tuple(rows))


def _staff_table(
    writer: Writer, organisation: Organisation, staff: list[tuple[int, StaffCount]]
) -> Table:
    offices = [code for code in organisation.offices if any(s.office == code for _, s in staff)]
    for _, count in staff:
        if count.office not in offices:
            offices.append(count.office)
    ranks: dict[str, dict[str, int]] = {}
    for index, count in staff:
        rank = writer.clean(count.rank, f"$.organisation.staff[{index}].rank")
        by_office = ranks.setdefault(rank, {})
        by_office[count.office] = by_office.get(count.office, 0) + count.count
    columns = [Column(key="rank", label="事務所")] + [
        Column(key=code, label=_short_office_name(code), role=ColumnRole.SUM, unit="名")
        for code in offices
    ]
    rows = [
        Row(cells={"rank": rank, **{code: Quantity.of(n.get(code, 0), "名") for code in offices}})
        for rank, n in ranks.items()
    ]
    totals = {
        code: Quantity.of(sum(n.get(code, 0) for n in ranks.values()), "名") for code in offices
    }
    rows.append(Row(cells={"rank": "計", **totals}, kind=RowKind.TOTAL))
    return Table(
        id="organisation-staff",
        caption=STAFF_CAPTION,
        columns=tuple(columns),
        rows=tuple(rows),
    )
