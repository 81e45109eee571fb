"""Validating the FY2013 example and a generated report of 1,000,000 events, against loading.

    uv run python benchmarks/rules.py [--events N] [--rounds N]

The baseline is ``clairlib.load`` of each report's canonical JSON, measured in this
run; ``clairlib.rules.validate`` with the default rules must take no longer
(target ≤ 1.00×) on both: the FY2013 example (154 figures, 29 tables, every rule with
something to say) and the generated report. The generated report is what an auditor
meets: programmes under seven pillars, events with offices, venues, periods (some
outside the fiscal year) and participants broken down by role, declared figures
computed from the events (counts, distinct countries and venues, participant sums),
figures with parts, a ratio, reported changes, per-office measurements with an
all-offices total, a table with 計 and subtotal rows, and per pillar the figures a
report prints of it (events, sessions, countries, venues, participants). Each rule's
own time is printed too.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import functools
import random
from pathlib import Path

import attrs

import clairlib
from clairlib.calendar import FiscalYear
from clairlib.model import (
    AnnualReport,
    Breakdown,
    BreakdownItem,
    Column,
    ColumnRole,
    Figure,
    Framework,
    Indicator,
    Measurement,
    Participants,
    Pillar,
    PillarKind,
    Programme,
    Quantity,
    Row,
    RowKind,
    Section,
    Selector,
    Table,
)
from clairlib.rules import default_rules, validate

_VENUES = (
    ("ニューヨーク", ("US",)),
    ("ロンドン", ("GB",)),
    ("パリ", ("FR",)),
    ("パリ、ロンドン", ("FR", "GB")),
    ("シンガポール", ("SG",)),
    ("ジャカルタ", ("ID",)),
    ("ソウル特別市", ("KR",)),
    ("シドニー", ("AU",)),
    ("北京", ("CN",)),
    ("香港", ("CN",)),
)


def _framework() -> Framework:
    return Framework(
        id="fy2013",
        title="平成25年度事業報告の事業体系",
        pillars=tuple(
            Pillar(
                id=str(n),
                title=f"pillar {n}",
                kind=PillarKind.KEY_FIELD if n <= 4 else PillarKind.COMMON_FOUNDATION,
                number=n,
            )
            for n in range(1, 8)
        ),
    )


def _sections() -> tuple[Section, ...]:
    # The programmes the generated events name: P-1-1 … P-7-12.
    return tuple(
        Section(
            id=f"s{p}",
            title=f"section {p}",
            pillar=str(p),
            programmes=tuple(
                Programme(id=f"P-{p}-{k}", name=f"programme {p}-{k}", pillar=str(p))
                for k in range(1, 13)
            ),
        )
        for p in range(1, 8)
    )


def _tags_and_participants(rnd: random.Random) -> _bench.EventFields:
    tags = ("t7-1",) if rnd.random() < 0.3 else ()
    if rnd.random() >= 0.5:
        return {"tags": tags}
    total = rnd.randint(1, 200)
    share = rnd.randint(0, total)
    roles = (
        BreakdownItem(key="staff", value=Quantity.of(share, "名")),
        BreakdownItem(key="public", value=Quantity.of(total - share, "名")),
    )
    people = Participants(
        count=Quantity.of(total, "名"), breakdowns=(Breakdown(dimension="role", items=roles),)
    )
    return {"tags": tags, "participants": (people,)}


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events and the figures, tables and KPIs around them.

    Some events fall in April 2014, outside the fiscal year; half have participants
    broken down by role.
    """
    report = _bench.generate(
        count,
        seed,
        venues=_VENUES,
        names=("event",),
        spans=(0, 0, 1, 2, 4),
        outside=True,
        more=_tags_and_participants,
    )
    per_office = dict.fromkeys(_bench.OVERSEAS, 0)
    for event in report.events:
        per_office[event.offices[0]] += 1
    tagged = sum(len(event.tags) for event in report.events)
    total = sum(per_office.values())
    figures = (
        Figure(
            id="f-events",
            label="イベント",
            value=Quantity.of(count, "件"),
            computed_from=Selector(records="events"),
        ),
        Figure(
            id="f-countries",
            label="開催国",
            value=Quantity.of(8, "か国"),  # 北京 and 香港 are both printed under 中国
            computed_from=Selector(records="events", measure="distinct:country"),
        ),
        Figure(
            id="f-venues",
            label="開催地域",
            value=Quantity.of(10, "地域"),
            computed_from=Selector(records="events", measure="distinct:venue"),
        ),
        Figure(
            id="f-tagged",
            label="t7-1 のイベント",
            value=Quantity.of(tagged, "件"),
            computed_from=Selector(records="events", where={"tags": "t7-1"}),
        ),
        Figure(
            id="f-sin-people",
            label="シンガポール事務所の参加者",
            value=Quantity.of(1, "名", qualifier=clairlib.model.Qualifier.MORE_THAN),
            computed_from=Selector(
                records="events", measure="sum:participants", where={"office": "SIN"}
            ),
        ),
        *(Figure(id=f"f-{o}", label=o, value=Quantity.of(n, "件")) for o, n in per_office.items()),
        Figure(
            id="f-offices",
            label="事務所計",
            value=Quantity.of(total, "件"),
            parts=tuple(f"f-{o}" for o in _bench.OVERSEAS),
            change=Quantity.of(35, "件"),
            previous=Quantity.of(total - 35, "件"),
        ),
        *(
            Figure(
                id=f"f-{p}-{measure}",
                label=f"柱 {p} の {measure}",
                value=Quantity.of(1, qualifier=clairlib.model.Qualifier.AT_LEAST),
                pillar=str(p),
                computed_from=Selector(records="events", measure=measure, where={"pillar": str(p)}),
            )
            for p in range(1, 8)
            for measure in (
                "count",
                "sessions",
                "distinct:country",
                "distinct:venue",
                "sum:participants",
            )
        ),
        Figure(id="f-enrolled", label="受講者", value=Quantity.of(168, "名")),
        Figure(id="f-completed", label="修了者", value=Quantity.of(116, "名")),
        Figure(
            id="f-rate",
            label="修了率",
            value=Quantity.of("68.5", "%"),
            numerator="f-completed",
            denominator="f-enrolled",
        ),
    )
    rows = [
        Row(group=o, cells={"office": o, "events": Quantity.of(n, "件")})
        for o, n in per_office.items()
    ]
    rows.append(Row(kind=RowKind.TOTAL, cells={"office": "計", "events": Quantity.of(total, "件")}))
    table = Table(
        id="t7-1",
        caption="事務所別イベント件数",
        columns=(
            Column(key="office", label="事務所名"),
            Column(key="events", label="件数", role=ColumnRole.SUM, unit="件"),
        ),
        rows=tuple(rows),
    )
    fy = FiscalYear(2013)
    measurements = [
        Measurement(
            id=f"m-{o}", indicator="k-events", fiscal_year=fy, office=o, value=Quantity.of(n, "件")
        )
        for o, n in per_office.items()
    ]
    measurements.append(
        Measurement(
            id="m-all",
            indicator="k-events",
            fiscal_year=fy,
            value=Quantity.of(total, "件"),
            change=Quantity.of(35, "件"),
        )
    )
    return attrs.evolve(
        report,
        framework=_framework(),
        sections=_sections(),
        tables=(table,),
        figures=figures,
        indicators=(Indicator(id="k-events", name="イベント件数", unit="件", pillar="7"),),
        measurements=tuple(measurements),
    )


EXAMPLE = Path(__file__).parents[1] / "examples" / "fy2013-report.json"


def example(rounds: int) -> None:
    """Time load against validate on the FY2013 example, in the same run."""
    data = EXAMPLE.read_bytes()
    load_time, doc = _bench.timed(lambda: clairlib.load(data), rounds)
    rules = default_rules()
    validate_time, report = _bench.timed(lambda: validate(doc, rules=rules), rounds)
    print(f"the FY2013 example ({len(data) / 1e3:,.0f} kB), best of {rounds}")
    print(_bench.row("clairlib.load", load_time, load_time))
    print(_bench.row("clairlib.rules.validate (default)", validate_time, load_time, 1.00))
    print(f"  {report.coverage.describe()}")
    print(f"ratio validate / load (FY2013): {validate_time / load_time:.2f} (target ≤ 1.00)\n")


def main() -> None:
    """Generate, serialise, then time load against validate in the same run."""
    args = _bench.options(__doc__)
    example(max(args.rounds, 5))
    seconds, data = _bench.timed(lambda: clairlib.dumps(generate(args.events)).encode("utf-8"), 1)
    print(
        f"generated {args.events:,} events, {len(data) / 1e6:,.1f} MB canonical JSON, "
        f"in {seconds:.1f} s\n"
    )

    load_time, doc = _bench.timed(lambda: clairlib.load(data), args.rounds)
    assert isinstance(doc, AnnualReport)
    rules = default_rules()
    validate_time, report = _bench.timed(lambda: validate(doc, rules=rules), args.rounds)

    print("baseline: clairlib.load of the same bytes, best of", args.rounds)
    print(_bench.row("clairlib.load", load_time, load_time))
    print(_bench.row("clairlib.rules.validate (default)", validate_time, load_time, 1.00))
    print("\nper rule (one run each)")
    for rule in rules:
        seconds = _bench.best(functools.partial(validate, doc, rules=[rule]), 1)
        print(_bench.row(rule.code, seconds, load_time))
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    print(f"\nfindings by rule: {counts}")
    print(f"ratio validate / load: {validate_time / load_time:.2f} (target ≤ 1.00)")


if __name__ == "__main__":
    main()
