"""The mid-term plan (philosophy, resolutions, environment, pillars, base) and KPI targets."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from clairlib.calendar import FiscalYear
from clairlib.model import (
    Block,
    BlockKind,
    Column,
    ColumnRole,
    Indicator,
    Item,
    MidTermPlan,
    Quantity,
    Row,
    Table,
    Target,
)
from clairlib_docx._organisation import circled, fiscal_year_name, wareki
from clairlib_docx._sanitize import Clean, literal
from clairlib_docx._writer import Writer

TARGETS_HEADING = literal("数値目標")
PLAN_PERIOD = "計画期間"
_STATEMENTS = (
    ("クレアの理念", "philosophy"),
    ("クレアの決意", "resolutions"),
    ("中長期の事業環境", "environment"),
)


def pillar_heading(numeral: Clean, title: Clean) -> Clean:
    """``Ⅰ 自治体の海外における経済活動を支援``; the operating base has no numeral."""
    return Clean(f"{numeral} {title}") if numeral else title


def _items(writer: Writer, items: Sequence[Item], path: str, level: int) -> None:
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        writer.item(writer.clean(item.text, f"{where}.text"), level=level)
        _items(writer, item.items, f"{where}.items", level + 1)


def _contents_end(body: tuple[Block, ...]) -> int:
    """Where a table of contents (目次) the body opens with ends; 0 when there is none.

    The plan prints its contents before the statements and the rest of its prose after
    them; the model keeps both in ``body``, so the contents are told by their heading.
    """
    if not body or body[0].kind is not BlockKind.HEADING or "目次" not in body[0].text:
        return 0
    end = 1
    while end < len(body) and body[end].kind is not BlockKind.HEADING:
        end += 1
    return end


def write_mid_term_plan(writer: Writer, plan: MidTermPlan, title: Clean, issuer: Clean) -> None:
    """The mid-term plan as printed: statements, then each pillar with its objectives."""
    writer.title(title)
    first_year = fiscal_year_name(FiscalYear.of(plan.period.start))
    if first_year not in title.replace(" ", ""):  # the title usually says the period itself
        writer.subtitle(literal(f"（{wareki(plan.period)}）"))
    if plan.published is not None:
        writer.subtitle(literal(wareki(plan.published)))
    if issuer:
        writer.subtitle(issuer)
    contents = _contents_end(plan.body)
    writer.blocks(plan.body[:contents], "$.body", heading_level=1)
    for heading, field in _STATEMENTS:
        statements: tuple[str, ...] = getattr(plan, field)
        if statements:
            writer.heading(literal(heading), 1)
            for index, text in enumerate(statements):
                writer.item(writer.clean(text, f"$.{field}[{index}]"), mark="◆")
    writer.blocks(plan.body[contents:], "$.body", heading_level=1, start=contents)
    for index, pillar in enumerate(plan.framework.pillars):
        where = f"$.framework.pillars[{index}]"
        numeral = pillar.numeral or (str(pillar.number) if pillar.number is not None else "")
        writer.heading(
            pillar_heading(
                writer.clean(numeral, f"{where}.numeral"),
                writer.clean(pillar.title, f"{where}.title"),
            ),
            1,
        )
        # The objectives are listed first; those with a heading or detail bullets then
        # follow one by one, as the plan prints its operating base.
        for number, objective in enumerate(pillar.objectives):
            at = f"{where}.objectives[{number}]"
            text = writer.clean(objective.text, f"{at}.text")
            writer.item(literal(f"{circled(objective.number)} {text}"), mark="")
        for number, objective in enumerate(pillar.objectives):
            if not (objective.title or objective.items):
                continue
            at = f"{where}.objectives[{number}]"
            if objective.title:
                title_text = writer.clean(objective.title, f"{at}.title")
            else:
                title_text = writer.clean(objective.text, f"{at}.text")
            writer.heading(literal(f"{circled(objective.number)} {title_text}"), 2)
            _items(writer, objective.items, f"{at}.items", 0)
        writer.tick()
    write_targets(writer, plan.indicators, plan.targets, level=1)


def write_targets(
    writer: Writer, indicators: Sequence[Indicator], targets: Sequence[Target], *, level: int
) -> None:
    """The KPI targets as a table: indicator, fiscal year (or plan period), target, note."""
    if not targets:
        return
    names = {
        indicator.id: writer.clean(indicator.name, f"$.indicators[{index}].name")
        for index, indicator in enumerate(indicators)
    }
    columns = (
        Column(key="indicator", label="指標"),
        Column(key="year", label="年度"),
        Column(key="target", label="目標", role=ColumnRole.VALUE),
        Column(key="note", label="備考"),
    )
    rows = []
    for index, target in enumerate(targets):
        year = (
            fiscal_year_name(target.fiscal_year) if target.fiscal_year is not None else PLAN_PERIOD
        )
        value: Quantity = target.value
        if value.text:
            value = attrs.evolve(value, text=writer.clean(value.text, f"$.targets[{index}].value"))
        indicator = names.get(target.indicator) or writer.clean(
            target.indicator, f"$.targets[{index}].indicator"
        )
        cells: dict[str, Quantity | str | None] = {
            "indicator": indicator,
            "year": year,
            "target": value,
            "note": writer.clean(target.note or "", f"$.targets[{index}].note"),
        }
        rows.append(Row(cells=cells))
    writer.heading(TARGETS_HEADING, level)
    writer.table(Table(id="targets", caption="", columns=columns, rows=tuple(rows)), "$.targets")
