"""The bundled mid-term plan FY2022–FY2026, checked against facts typed from the printed plan."""

from __future__ import annotations

from pathlib import Path

from clairlib.model import MidTermPlan, PillarKind
from clairlib.reference import framework, mid_term_plan

SOURCE = Path(__file__).parents[1] / "data" / "sources" / "midterm-plan-2022.txt"


def _flat(path: Path) -> str:
    # The PDF's text breaks lines anywhere: the text joined line to line, trimmed.
    return "".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


def test_objectives_per_pillar() -> None:
    """Pillars I–VII hold 5, 5, 4, 4, 3, 4, 4 objectives; the operating base holds 3."""
    pillars = mid_term_plan().framework.pillars
    assert ["I", "II", "III", "IV", "V", "VI", "VII", "base"] == [p.id for p in pillars]
    assert [5, 5, 4, 4, 3, 4, 4, 3] == [len(p.objectives) for p in pillars]


def test_pillar_kinds() -> None:
    """I–IV are key fields (重要分野), V–VII common foundations (共通基盤), then the base."""
    kinds = [p.kind for p in mid_term_plan().framework.pillars]
    expected = [PillarKind.KEY_FIELD] * 4 + [PillarKind.COMMON_FOUNDATION] * 3
    assert [*expected, PillarKind.OPERATING_BASE] == kinds


def test_pillar_titles_and_printed_numerals() -> None:
    """Titles as printed; numerals as the pillar headings print them (I, Ⅱ, Ⅲ, IV …)."""
    pillars = mid_term_plan().framework.pillars
    assert ["I", "Ⅱ", "Ⅲ", "IV", "V", "VI", "VII", None] == [p.numeral for p in pillars]
    assert [1, 2, 3, 4, 5, 6, 7, None] == [p.number for p in pillars]
    assert "草の根交流と次世代グローバル人材を育成するJETプログラムを推進" == pillars[2].title
    assert "海外事務所を自治体の頼れる海外拠点に" == pillars[6].title
    assert "事業基盤の整備" == pillars[7].title


def test_objective_texts_verbatim() -> None:
    """Objective texts are the printed sentences without the circled number."""
    plan_framework = mid_term_plan().framework
    third = plan_framework.pillar("I").objective("I-3")
    assert (
        "アドバイザーの派遣等を通じて、自治体が経済分野の事業推進について気軽に相談できる相手になります。"
        == (third.text)
    )
    assert 3 == third.number
    assert (
        "7つの海外事務所とのネットワークを引き続き維持・強化し、そのネットワークを自治体の海外活動支援や調査に利活用します。"
        == (plan_framework.pillar("VII").objective("VII-3").text)
    )


def test_operating_base_objectives_with_their_bullets() -> None:
    """Base objectives keep the list wording as text, the heading as title, and bullets."""
    base = mid_term_plan().framework.pillar("base")
    second = base.objective("base-2")
    assert (
        "カスタマー・ファースト(顧客優先)、コスト・コンシャス(強いコスト意識)に徹した事業を展開します。"
        == second.text
    )
    assert "カスタマー・ファースト、コスト・コンシャスに徹した事業を展開します。" == second.title
    assert [7, 5, 3] == [len(o.items) for o in base.objectives]
    nested = second.items[2]
    assert "コストを意識して事業を見直し、歳出の抑制に努めます。" == nested.text
    assert [
        "事務事業評価等により、自治体の意見を幅広く収集し、事業に反映",
        "職員提案等を通じ、身近なことから始められる工夫、改善による経費の節減事務の効率化を実施",
    ] == [item.text for item in nested.items]
    assert [0, 0, 2, 0, 0] == [len(item.items) for item in second.items]


def test_philosophy_resolutions_environment() -> None:
    """クレアの理念 has 2 points, クレアの決意 5, 中長期の事業環境 5 (the ◆ bullets)."""
    plan = mid_term_plan()
    assert (2, 5, 5) == (len(plan.philosophy), len(plan.resolutions), len(plan.environment))
    assert "体系的な人材の育成を実施します。" == plan.resolutions[-1]
    assert not any(text.startswith("◆") for text in plan.philosophy)


def test_period_and_publication() -> None:
    """The plan covers FY2022–FY2026 and was published in January 2022 (令和4年1月)."""
    plan = mid_term_plan()
    assert isinstance(plan, MidTermPlan)
    assert "FY2022/FY2026" == plan.period.isoformat()
    assert plan.published is not None
    assert "2022-01" == plan.published.isoformat()


def test_printed_typos_are_kept() -> None:
    """The plan prints クエア and クリア for クレア in places: kept as printed."""
    plan = mid_term_plan()
    assert "クエアが力を入れる分野" in [block.text for block in plan.body]
    last_bullet = plan.framework.pillar("base").objective("base-1").items[-1].text
    assert last_bullet.startswith("自治体の役に立つべくクリアの価値を")


def test_every_text_is_in_the_printed_plan() -> None:
    """Nothing is invented: every printed string of the plan occurs in the printed plan text."""
    printed = _flat(SOURCE)
    plan = mid_term_plan()
    texts = [plan.title, *plan.philosophy, *plan.resolutions, *plan.environment]
    texts += [block.text for block in plan.body]
    for pillar in plan.framework.pillars:
        texts.append(pillar.title)
        for objective in pillar.objectives:
            texts.append(objective.text)
            if objective.title is not None:
                texts.append(objective.title)
            stack = list(objective.items)
            while stack:
                item = stack.pop()
                texts.append(item.text)
                stack.extend(item.items)
    assert 70 < len(texts)
    assert [] == [text for text in texts if text not in printed]


def test_framework_by_id_is_the_plans() -> None:
    """``framework('midterm-2022')`` is the plan's framework, the same object each time."""
    assert mid_term_plan().framework is framework("midterm-2022")
    assert mid_term_plan() is mid_term_plan()
