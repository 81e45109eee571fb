"""The governance and organisation part of a report: board meetings, officers, the structure.

A report closes with a part of its own (``【管理関係】(理事会等の状況)``, ``【参考】``):
each board meeting (``(1)第 59 回理事会(平成 25 年 6 月 25 日開催)``) with its numbered
agenda (``第 1 号議案 …``, a title wrapped over lines), the officers on a date
(``役員等(平成 26 年 5 月 12 日現在)``: role, name, affiliation), and the organisation on
a date (``機構(… 現在)``): headquarters departments and their divisions
(``総務部 ･･･ 総務課、企画調査課``), the overseas offices, the headquarters posts and the
overseas staff by office and rank (``<海外事務所職員内訳>``). Dates are read by
:mod:`clairlib.calendar` with the report's fiscal year as context (``6 月 25 日`` is
2013-06-25 in FY2013). What cannot be read for certain is left out with a finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from clairlib.calendar import CalendarError, FiscalYear, Period, parse_date
from clairlib.findings import Finding, Severity
from clairlib.model import (
    AgendaItem,
    Board,
    Department,
    Meeting,
    Officer,
    Organisation,
    StaffCount,
)
from clairlib.reading._layout import Line, joined, normal, with_text
from clairlib.reading._places import offices_in_order

__all__ = ["Governance", "read_governance"]

_BOARDS = {"理事会": (Board.DIRECTORS, "board"), "評議員会": (Board.COUNCILLORS, "council")}
# Folded: (1)第59回理事会(平成25年6月25日開催)
_MEETING = re.compile(r"\A(?:\([0-9]{1,2}\))?第([0-9]{1,3})回(理事会|評議員会)\((.+?)開催?\)\Z")
# As printed: 第 1 号議案 財団法人…について
_AGENDA = re.compile(r"\A第\s*([0-9０-９]{1,3})\s*号\s*議\s*案\s*(.*)\Z")
_AS_OF = re.compile(r"\((.+?)現在\)")
_NUMBERED = re.compile(r"\A(?:[0-9]{1,2}[.、]?|\([0-9]{1,2}\)|[①-⑳])")
# The roles a body's officers hold, as printed with spaces between their characters.
_ROLES = ("常務理事", "副会長", "理事長", "評議員", "会長", "顧問", "理事", "監事", "幹事")
_ROLE = re.compile(r"\A(" + "|".join(r"\s*".join(role) for role in _ROLES) + r")(?:\s+|\Z)")
_DEPARTMENT = re.compile(r"\A(\S.*?部)\s*[･・.…‥]{2,}\s*(\S.*)\Z")
_SPACES = re.compile(r"[ \t\u3000]+")
_NUMBER_ONLY = re.compile(r"\A[0-9０-９]{1,3}\Z")
_STAFF_ROW = re.compile(r"\A(\D+?)((?:\s+[0-9]{1,3})+)\Z")


@attrs.frozen(kw_only=True)
class Governance:
    """What the part holds: meetings, the organisation, findings, and whether anything was read."""

    meetings: tuple[Meeting, ...] = ()
    organisation: Organisation | None = None
    findings: tuple[Finding, ...] = ()


def _finding(message: str, path: str = "$") -> Finding:
    return Finding(rule="read.governance", severity=Severity.WARNING, path=path, message=message)


def _unspaced(text: str) -> str:
    # A label as printed, the spaces that stretch it to its column left out (所  長 → 所長);
    # its characters kept (参事役･調査役 stays half-width ･).
    return _SPACES.sub("", text)


def _date(text: str, fiscal: FiscalYear) -> Period | None:
    try:
        return Period.day(parse_date(text, context=fiscal))
    except CalendarError:
        return None


class _Reader:
    def __init__(self, lines: Sequence[Line], fiscal: FiscalYear) -> None:
        self.lines = [line for line in lines if not _NUMBER_ONLY.match(line.folded)]
        self.fiscal = fiscal
        self.findings: list[Finding] = []

    # -- meetings ------------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        out: list[Meeting] = []
        board: tuple[Board, str, int, Period] | None = None
        agenda: list[tuple[int, list[Line]]] = []

        def close() -> None:
            if board is not None:
                kind, stem, ordinal, date = board
                items = tuple(
                    AgendaItem(number=number, title=joined(parts)) for number, parts in agenda
                )
                out.append(
                    Meeting(
                        id=f"{stem}-{ordinal}", board=kind, ordinal=ordinal, date=date, agenda=items
                    )
                )

        for line in self.lines:
            meeting = _MEETING.match(line.folded)
            if meeting is not None:
                close()
                board, agenda = None, []
                ordinal = int(meeting.group(1))
                kind, stem = _BOARDS[meeting.group(2)]
                date = _date(meeting.group(3), self.fiscal)
                if date is None:
                    self.findings.append(
                        _finding(
                            f"{line.text.strip()} ({line.origin}): the meeting's date "
                            f"{meeting.group(3)!r} is no day; the meeting is not read"
                        )
                    )
                    continue
                board = (kind, stem, ordinal, date)
                continue
            if board is None:
                continue
            item = _AGENDA.match(line.text.strip())
            if item is not None:
                number = int(normal(item.group(1)))
                if number != len(agenda) + 1:
                    self.findings.append(
                        _finding(
                            f"{line.text.strip()} ({line.origin}): agenda item {number} "
                            f"follows item {len(agenda)}; the meeting's agenda ends there"
                        )
                    )
                    close()
                    board, agenda = None, []
                    continue
                agenda.append((number, [with_text(line, item.group(2))]))
                continue
            if agenda and not self._opens(line):
                # A title wrapped on to the next line: ``…収支決算につ`` + ``いて``.
                agenda[-1][1].append(line)
                continue
            close()
            board, agenda = None, []
        close()
        return out

    def _opens(self, line: Line) -> bool:
        folded = line.folded
        return bool(
            _NUMBERED.match(folded) or folded.startswith(("【", "<", "＜")) or _AS_OF.search(folded)
        )

    # -- organisation --------------------------------------------------------------

    def organisation(self) -> Organisation | None:
        officers_at: int | None = None
        structure_at: int | None = None
        for index, line in enumerate(self.lines):
            folded = line.folded
            if "現在" not in folded:
                continue
            if "役員" in folded and officers_at is None:
                officers_at = index
            elif "機構" in folded and structure_at is None:
                structure_at = index
        if officers_at is None and structure_at is None:
            return None
        fields: dict[str, object] = {}
        if officers_at is not None:
            end = structure_at if structure_at is not None and structure_at > officers_at else None
            fields["officers_as_of"] = self._as_of(self.lines[officers_at])
            fields["officers"] = tuple(self._officers(self.lines[officers_at + 1 : end]))
        if structure_at is not None:
            fields["as_of"] = self._as_of(self.lines[structure_at])
            fields.update(self._structure(self.lines[structure_at + 1 :]))
        return Organisation(**fields)  # type: ignore[arg-type]

    def _as_of(self, line: Line) -> Period | None:
        found = _AS_OF.search(line.folded)
        date = _date(found.group(1), self.fiscal) if found else None
        if date is None:
            self.findings.append(
                _finding(f"{line.text.strip()} ({line.origin}): no day to tell the date by")
            )
        return date

    def _officers(self, lines: Sequence[Line]) -> list[Officer]:
        out: list[Officer] = []
        role: str | None = None
        for line in lines:
            text = line.text.strip()
            found = _ROLE.match(text)
            if found is not None:
                role = _unspaced(found.group(1))
                text = text[found.end() :].strip()
            if role is None or not text:
                continue
            tokens = text.split()
            if len(tokens) == 2:
                # ``森 民夫`` and no affiliation, or ``磯貝 常勤``: not to be told apart.
                self.findings.append(
                    _finding(
                        f"officer line {line.text.strip()!r} ({line.origin}): cannot tell the "
                        "name from the affiliation; not read"
                    )
                )
                continue
            name = " ".join(tokens[:2]) if len(tokens) > 2 else tokens[0]
            affiliation = " ".join(tokens[2:]) or None
            out.append(Officer(role=role, name=name, affiliation=affiliation))
        return out

    def _structure(self, lines: Sequence[Line]) -> dict[str, object]:
        departments: list[Department] = []
        offices: tuple[str, ...] = ()
        posts: list[str] = []
        staff: list[StaffCount] = []
        place = ""
        header: list[Line] = []
        staff_offices: tuple[str, ...] | None = None
        for line in lines:
            folded = line.folded
            text = line.text.strip()
            if "本部職員" in folded:
                place = "posts"
                continue
            if "海外事務所職員" in folded and "内訳" in folded:
                place, header = "staff", []
                continue
            if "海外事務所職員" in folded:
                place = ""
                continue
            if folded.endswith("本部") and _NUMBERED.match(folded):
                place = "departments"
                continue
            if folded.endswith("海外事務所") and _NUMBERED.match(folded):
                place = "offices"
                continue
            if (_NUMBERED.match(folded) and not folded[:1].isdigit()) or folded.startswith("("):
                place = ""
                continue
            if place == "departments" and (department := _DEPARTMENT.match(text)):
                divisions = tuple(d.strip() for d in department.group(2).split("、") if d.strip())
                departments.append(
                    Department(name=department.group(1).strip(), divisions=divisions)
                )
            elif place == "offices":
                offices += offices_in_order(text)
            elif place == "posts":
                posts.extend(p.strip() for p in text.split("、") if p.strip())
            elif place == "staff":
                row = _STAFF_ROW.match(text)
                if staff_offices is None and row is None:
                    header.append(line)
                    continue
                if staff_offices is None:
                    staff_offices = offices_in_order(joined(header))
                if row is None:
                    continue
                rank = _unspaced(row.group(1))
                counts = [int(n) for n in row.group(2).split()]
                if rank in {"計", "合計"}:
                    continue
                if len(counts) != len(staff_offices) or not staff_offices:
                    self.findings.append(
                        _finding(
                            f"staff row {text!r} ({line.origin}): {len(counts)} counts under "
                            f"{len(staff_offices)} offices; not read"
                        )
                    )
                    continue
                staff.extend(
                    StaffCount(office=office, rank=rank, count=count)
                    for office, count in zip(staff_offices, counts, strict=True)
                )
        return {
            "departments": tuple(departments),
            "offices": offices,
            "headquarters_posts": tuple(posts),
            "staff": tuple(staff),
        }


def read_governance(lines: Sequence[Line], fiscal: FiscalYear) -> Governance:
    """Meetings and organisation from the lines of a report's governance part."""
    reader = _Reader(lines, fiscal)
    meetings = reader.meetings()
    organisation = reader.organisation()
    return Governance(
        meetings=tuple(meetings), organisation=organisation, findings=tuple(reader.findings)
    )
