"""A mid-term plan (中期経営計画): philosophy, resolutions, environment, pillars, operating base.

The plan prints its parts under fixed headings (クレアの理念, クレアの決意,
中長期の事業環境), lists its key fields (重要分野) and common foundations (共通基盤)
by numeral, then gives each pillar (``Ⅰ …``) with its numbered objectives (``①…``)
and the operating base (事業基盤の整備) with the detail of each objective.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from clairlib.findings import Finding, Severity
from clairlib.model import (
    Block,
    BlockKind,
    Framework,
    Item,
    MidTermPlan,
    Objective,
    Origin,
    Pillar,
    PillarKind,
)
from clairlib.reading._headings import item_marker
from clairlib.reading._layout import Line, joined, normal, with_text
from clairlib.reading._reader import Hints, ReadError, Reading
from clairlib.reading._title import Title

__all__ = ["build_mid_term"]

_PARTS = {
    "クレアの理念": "philosophy",
    "クレアの決意": "resolutions",
    "中長期の事業環境": "environment",
}
_KEY_FIELDS = "重要分野"
_FOUNDATIONS = "共通基盤"
_BASE = "事業基盤の整備"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_PILLAR = re.compile(r"\A(VIII|VII|VI|IV|IX|V|III|II|I)[.．]?\s*(\S.*)\Z")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _roman(text: str) -> tuple[int, str, str] | None:
    # (number, numeral as printed, title) of ``Ⅲ 草の根…`` / ``III. 草の根…``.
    folded = unicodedata.normalize("NFKC", text.strip())
    match = _PILLAR.match(folded)
    if match is None or match.group(2)[0].isascii():
        return None
    printed = text.strip().split(".")[0].split()[0].rstrip(".．")
    return _ROMAN[match.group(1)], printed, match.group(2).strip()


@attrs.define
class _Pillar:
    number: int | None
    numeral: str | None
    title: str
    line: Line
    objectives: list[tuple[int, list[Line], Line]] = attrs.field(factory=list)
    details: dict[int, tuple[str, list[tuple[int, str]]]] = attrs.field(factory=dict)


class _Reader:
    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        lengths = sorted(len(line.text) for line in lines if "、" in line.text)
        # A full line: where a bullet or an objective goes on to the next line.
        self.full = 0.85 * (lengths[int(len(lengths) * 0.9)] if lengths else 40)
        self.last: Line | None = None
        self.parts: dict[str, list[str]] = {name: [] for name in _PARTS.values()}
        self.body: list[Block] = []
        self.pillars: list[_Pillar] = []
        self.kinds: dict[int, PillarKind] = {}
        self.listing: PillarKind | None = None
        self.part: str | None = None
        self.toc: list[str] = []
        self.in_toc = False
        self.paragraph: list[Line] = []
        self.detail: int | None = None

    def _flush(self) -> None:
        if self.paragraph:
            self.body.append(Block(text=joined(self.paragraph), origin=self.paragraph[0].origin))
            self.paragraph = []

    def _toc_line(self, line: Line, text: str) -> bool:
        if text.endswith("目次"):
            self._flush()
            self.in_toc = True
            self.body.append(Block(kind=BlockKind.HEADING, text=line.text, origin=line.origin))
            return True
        if not self.in_toc:
            return False
        key = normal(text)
        if self.toc and key == self.toc[0]:
            self.in_toc = False
            return False
        bullet = item_marker(text)
        self.toc.append(key)
        self.body.append(
            Block(kind=BlockKind.ITEM, text=bullet[1] if bullet else text, origin=line.origin)
        )
        return True

    def run(self) -> None:
        for index, line in enumerate(self.lines):
            text = line.text.strip()
            key = normal(text)
            if self._toc_line(line, text):
                continue
            if key in _PARTS:
                self._flush()
                self.part = _PARTS[key]
                continue
            bullet = item_marker(text)
            wrapped = self.last is not None and len(self.last.text) >= self.full
            self.last = line
            if self.part is not None:
                if bullet is not None:
                    self.parts[self.part].append(bullet[1])
                    continue
                if wrapped and self.parts[self.part]:
                    self.parts[self.part][-1] += text
                    continue
                self.part = None
            pillar = _roman(text) if bullet is None else None
            if (
                pillar is not None
                and self.pillars_started(pillar[0])
                and self._objective_follows(index)
            ):
                self._flush()
                number, numeral, title = pillar
                self.pillars.append(_Pillar(number=number, numeral=numeral, title=title, line=line))
                self.detail = None
                continue
            if key == normal(_BASE) and self.pillars:
                self.pillars.append(_Pillar(number=None, numeral=None, title=text, line=line))
                self.detail = None
                continue
            if self.pillars:
                self._pillar_line(line, text, bullet, wrapped)
                continue
            self._body_line(line, text, bullet)
        self._flush()

    def _objective_follows(self, index: int) -> bool:
        # A pillar's heading is followed by its objective ①; the list of the pillars
        # under 重要分野 by the next pillar's name.
        if index + 1 >= len(self.lines):
            return False
        text = self.lines[index + 1].text.strip()
        bullet = item_marker(text)
        return (bullet[1] if bullet else text)[:1] in _CIRCLED

    def pillars_started(self, number: int) -> bool:
        # The pillars are printed in order: Ⅰ opens them, each next one follows.
        return number == len(self.pillars) + 1

    def _body_line(self, line: Line, text: str, bullet: tuple[str, str] | None) -> None:
        if bullet is None and self.listing is not None and _roman(text) is not None:
            bullet = ("", text)  # the list of pillars printed without bullets
        if bullet is not None:
            self._flush()
            self.body.append(Block(kind=BlockKind.ITEM, text=bullet[1], origin=line.origin))
            listed = _roman(bullet[1])
            if listed is not None and self.listing is not None:
                self.kinds[listed[0]] = self.listing
            return
        if not self.paragraph and "。" not in text and not text.endswith("、"):
            key = normal(text)
            self.listing = (
                PillarKind.KEY_FIELD
                if key == _KEY_FIELDS
                else PillarKind.COMMON_FOUNDATION
                if key == _FOUNDATIONS
                else None
            )
            self.body.append(Block(kind=BlockKind.HEADING, text=text, origin=line.origin))
            return
        self.paragraph.append(line)
        if text.endswith("。"):
            self._flush()

    def _pillar_line(
        self, line: Line, text: str, bullet: tuple[str, str] | None, wrapped: bool
    ) -> None:
        pillar = self.pillars[-1]
        body = bullet[1] if bullet is not None else text
        if body[:1] in _CIRCLED:
            number = _CIRCLED.index(body[0]) + 1
            rest = body[1:].strip()
            if number == len(pillar.objectives) + 1 and not pillar.details:
                pillar.objectives.append((number, [with_text(line, rest)], line))
            else:
                # The operating base's detail, its objectives again: ``① 組織力…`` and bullets.
                self.detail = number
                pillar.details[number] = (rest, [])
            return
        if self.detail is not None:
            title, items = pillar.details[self.detail]
            if bullet is not None:
                items.append((line.indent, bullet[1]))
            elif wrapped and items:
                items[-1] = (items[-1][0], items[-1][1] + text)
            elif wrapped:
                pillar.details[self.detail] = (title + text, items)
            return
        if pillar.objectives:
            pillar.objectives[-1][1].append(line)


def _items(entries: list[tuple[int, str]]) -> tuple[Item, ...]:
    # Bullets indented further than the one before belong to it.
    out: list[tuple[str, list[str]]] = []
    base = min((indent for indent, _ in entries), default=0)
    for indent, text in entries:
        if indent > base and out:
            out[-1][1].append(text)
        else:
            out.append((text, []))
    return tuple(Item(text=t, items=tuple(Item(text=c) for c in children)) for t, children in out)


def build_mid_term(
    lines: Sequence[Line], title: Title, hints: Hints, findings: list[Finding]
) -> Reading:
    """Read a mid-term plan's lines into a MidTermPlan."""
    # The cover (issuer, title, period, date of issue) stands before the contents or the
    # first part; what it says is in the title already.
    opening = next(
        (
            index
            for index, line in enumerate(lines)
            if normal(line.text).endswith("目次") or normal(line.text) in _PARTS
        ),
        0,
    )
    reader = _Reader([line for line in lines[opening:] if line is not title.line])
    reader.run()
    pillars: list[Pillar] = []
    for read in reader.pillars:
        ident = (
            "base"
            if read.number is None
            else next(k for k, v in _ROMAN.items() if v == read.number)
        )
        kind = (
            PillarKind.OPERATING_BASE
            if read.number is None
            else reader.kinds.get(read.number, PillarKind.SECTION)
        )
        objectives = []
        for number, parts, first in read.objectives:
            detail = read.details.get(number)
            objectives.append(
                Objective(
                    id=f"{ident}-{number}",
                    number=number,
                    text=joined(parts),
                    title=detail[0] if detail else None,
                    items=_items(detail[1]) if detail else (),
                    origin=first.origin,
                )
            )
        pillars.append(
            Pillar(
                id=ident,
                title=read.title,
                kind=kind,
                number=read.number,
                numeral=read.numeral,
                objectives=tuple(objectives),
                origin=read.line.origin,
            )
        )
    if not pillars:
        findings.append(
            Finding(
                rule="read.no-sections",
                severity=Severity.ERROR,
                path="$.framework",
                message="no pillar headings (Ⅰ …, I. …) were found in this mid-term plan",
            )
        )
    period = title.period
    if period is None:
        raise ReadError("a mid-term plan's title prints its period: （令和4年度－令和8年度）")
    start = period.start.year
    heading = title.title or "中期経営計画"
    framework_title = (
        heading[heading.index("中期経営計画") :] if "中期経営計画" in heading else heading
    )
    document = MidTermPlan(
        id=f"midterm-plan-{start}",
        title=heading,
        period=period,
        framework=Framework(id=f"midterm-{start}", title=framework_title, pillars=tuple(pillars)),
        issuer=title.issuer,
        published=title.published,
        philosophy=tuple(reader.parts["philosophy"]),
        resolutions=tuple(reader.parts["resolutions"]),
        environment=tuple(reader.parts["environment"]),
        body=tuple(reader.body),
    )
    provenance: dict[str, Origin] = {}
    for i, pillar in enumerate(pillars):
        if pillar.origin is not None:
            provenance[f"$.framework.pillars[{i}]"] = pillar.origin
        for j, objective in enumerate(pillar.objectives):
            if objective.origin is not None:
                provenance[f"$.framework.pillars[{i}].objectives[{j}]"] = objective.origin
    return Reading(document=document, findings=tuple(findings), provenance=provenance)
