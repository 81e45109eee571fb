"""Tally the FY2013 report's events by country and by office with clairlib.aggregate.

An event held in two countries (パリ、ロンドン) or run by two offices counts under
each, so the groups can add up to more than the events: the tally says so (gross
against assigned). The economic events table alone gives the report's 45 件 in
21 地域; by ISO code its countries are 13, for 香港 (HK) has a code of its own where the
report's 12 か国 counts it under 中国 (the figure states that convention). Run it with::

    uv run python examples/tally_events.py
"""

from __future__ import annotations

from pathlib import Path

import clairlib
from clairlib.aggregate import Tally, evaluate, tally
from clairlib.model import AnnualReport, Country
from clairlib.reference import office

EXAMPLES = Path(__file__).parent


def show(title: str, found: Tally, name: dict[str, str]) -> None:
    """Print a tally's groups, largest first, then its totals."""
    print(f"\n{title}")
    for group in sorted(found, key=lambda g: (-(g.value or 0), g.key)):
        (key,) = group.key
        print(f"  {key:<4} {group.value:>4}  {name.get(key, key)}")
    print(
        f"  {found.total} events: {found.assigned} in {len(found)} groups"
        f" (counted {found.gross} times), {found.unassigned} with no {found.by[0]}"
    )


def main() -> None:
    """Print the FY2013 events by country and by office, all and economic only."""
    report = clairlib.load(EXAMPLES / "fy2013-report.json")
    assert isinstance(report, AnnualReport)
    by_country = tally(report, "events", by="country")
    by_office = tally(report, "events", by="office")
    countries = {g.key[0]: Country(g.key[0]).name_ja for g in by_country}
    offices = {g.key[0]: office(g.key[0]).name for g in by_office}
    show("All events by country", by_country, countries)
    show("All events by office", by_office, offices)
    economic = {"tags": "t1-1"}  # the table of economic events (海外で開催･参加した…)
    show("Economic events by country", tally(report, by="country", where=economic), countries)
    regions = evaluate(report, "events", measure="distinct:venue", where=economic)
    print(f"  {regions.value} regions (distinct venues)")


if __name__ == "__main__":
    main()
