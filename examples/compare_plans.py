"""Compare the FY2011 and FY2025 plans pillar by pillar, through the FY2011 crosswalk.

The FY2011 plan has seven sections of its own; its framework's crosswalk maps each
section (or sub-section) onto the pillars of the mid-term plan FY2022–FY2026, which
the FY2025 plan is organised by. For each pillar I–VII and the operating base this
prints the FY2011 sections and programmes that map to it, the FY2025 programmes under
it, and the counts. Sections the crosswalk maps only in part (一部再掲) are listed
with the crosswalk's note; their programmes count once, under their full link.
Run it with::

    uv run python examples/compare_plans.py
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import clairlib
from clairlib.model import AnnualPlan, Crosswalk, MidTermPlan, Programme, Section

EXAMPLES = Path(__file__).parent


def load_plan(name: str) -> AnnualPlan:
    """An annual plan from the examples directory."""
    plan = clairlib.load(EXAMPLES / name)
    assert isinstance(plan, AnnualPlan), f"{name} is not an annual plan"
    return plan


def walk(sections: tuple[Section, ...]) -> Iterator[Section]:
    """Every section, depth first, sub-sections after their parent."""
    for section in sections:
        yield section
        yield from walk(section.sections)


def programmes(section: Section) -> list[Programme]:
    """The programmes of a section and of all its sub-sections."""
    return [p for s in walk((section,)) for p in s.programmes]


def crosswalk(plan: AnnualPlan, target: str) -> Crosswalk:
    """The plan framework's crosswalk onto the framework ``target``."""
    assert plan.framework is not None, f"{plan.id} has no framework"
    for found in plan.framework.crosswalks:
        if found.target == target:
            return found
    raise LookupError(f"{plan.id} has no crosswalk onto {target}")


def main() -> None:
    """Print, per mid-term pillar, what the FY2011 and FY2025 plans hold under it."""
    midterm = clairlib.load(EXAMPLES / "midterm-plan-2022.json")
    assert isinstance(midterm, MidTermPlan)
    fy2011, fy2025 = load_plan("fy2011-plan.json"), load_plan("fy2025-plan.json")
    links = crosswalk(fy2011, midterm.framework.id).links
    sections = {s.id: s for s in walk(fy2011.sections)}
    later = [p for s in walk(fy2025.sections) for p in s.programmes]
    counts: list[tuple[str, int, int]] = []
    for pillar in midterm.framework.pillars:
        label = pillar.id
        print(f"\n{label} {pillar.title}")
        earlier = 0
        for link in links:
            if pillar.id not in link.targets:
                continue
            section = sections[link.source]
            if link.partial:
                print(f"  FY2011 {section.id} {section.title} — in part: {link.note or '一部再掲'}")
                continue
            found = programmes(section)
            earlier += len(found)
            print(f"  FY2011 {section.id} {section.title}: {len(found)} programmes")
            for programme in found:
                print(f"    {programme.id} {programme.name}")
        mine = [p for p in later if p.pillar == pillar.id]
        print(f"  FY2025: {len(mine)} programmes")
        for programme in mine:
            print(f"    {programme.id} {programme.name}")
        counts.append((label, earlier, len(mine)))
    print("\npillar  FY2011  FY2025")
    for label, earlier, now in counts:
        print(f"{label:<6} {earlier:>7} {now:>7}")
    total_2011 = sum(c[1] for c in counts)
    total_2025 = sum(c[2] for c in counts)
    print(f"{'total':<6} {total_2011:>7} {total_2025:>7}")


if __name__ == "__main__":
    main()
