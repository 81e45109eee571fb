"""clairlib summary: each headline once, declared beside computed, in one language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clairlib._commands.summary import width
from clairlib.cli import EXIT_OK, EXIT_USAGE, run

DATA = Path(__file__).parent.parent / "data" / "rules"
EXCERPT = DATA / "fy2013-excerpt.json"
EXAMPLES = Path(__file__).parents[2] / "examples"


def test_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Pillar blocks in order, the printed figure beside the computed one and its scope."""
    assert EXIT_OK == run(["summary", str(EXCERPT)])
    out = capsys.readouterr().out
    assert out.startswith(
        "fy2013-excerpt — FY2013 (平成25年度)\n\n1 自治体の海外における経済活動を支援\n"
    )
    lines = out.splitlines()
    events = next(line for line in lines if "(f1-events-count)" in line)
    assert events.split()[:5] == ["events", "(f1-events-count)", "「45", "件」", "45"]
    assert "events of table t1-1 (" in events
    assert "2 多文化共生のまちづくりを支援\n  (nothing)\n" in out
    whole = out[out.index("Whole report") :]
    # 18,909 + 20,496 + 36,906 千円 over three grants; 45 events; 97 staff.
    assert "76,311 千円" in whole
    assert "97 名" in whole


def test_columns_align_by_display_width(capsys: pytest.CaptureFixture[str]) -> None:
    """In Japanese, every row of a block starts its computed column at the same column."""
    assert EXIT_OK == run(["summary", str(EXCERPT), "--lang", "ja"])
    out = capsys.readouterr().out
    block = out.split("\n\n")[1].splitlines()[1:]  # pillar 1, its heading left out
    # Each row's printed column starts at the same display column, whatever the label.
    starts = {width(line[: line.index("「")]) for line in block if "「" in line}
    assert 1 == len(starts)
    assert width(block[0][: block[0].index("記載")]) in starts
    assert "項目" in block[0]


def test_width_counts_full_width_characters_twice() -> None:
    """「45 件」 takes 2 + 1 + 1 + 1 + 2 + 2 = 9 columns: the brackets and 件 are wide."""
    assert 9 == width("「45 件」")
    assert 3 == width("abc")


def test_labels_in_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en writes English headings and words; --lang ja Japanese ones."""
    run(["summary", str(EXCERPT), "--lang", "en"])
    en = capsys.readouterr().out
    run(["summary", str(EXCERPT), "--lang", "ja"])
    ja = capsys.readouterr().out
    assert "computed over" in en
    assert "集計の範囲" not in en
    assert "集計の範囲" in ja
    assert "computed over" not in ja
    assert "報告全体" in ja


def test_json_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON: per pillar headlines with declared and computed values, scope and path."""
    assert EXIT_OK == run(["summary", str(EXCERPT), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert ("fy2013-excerpt", 2013, "en") == (data["document"], data["fiscal_year"], data["lang"])
    first = data["pillars"][0]
    assert "1" == first["pillar"]
    countries = next(h for h in first["headlines"] if h["key"] == "countries")
    assert (12, 12, "12 か国", "$.figures[1].value") == (
        countries["declared"],
        countries["computed"],
        countries["text"],
        countries["path"],
    )
    totals = {h["key"]: h["computed"] for h in data["total"]["headlines"]}
    assert 14 == totals["countries"]


def test_a_plan_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """A plan: per pillar its objectives and programmes (II: 5 objectives, 5 programmes)."""
    assert EXIT_OK == run(["summary", str(EXAMPLES / "fy2025-plan.json")])
    out = capsys.readouterr().out
    assert out.startswith("fy2025-plan — FY2025: 22 programmes\n")
    row = next(line for line in out.splitlines() if line.startswith("  II "))
    assert ["5", "5", "0"] == row.split()[-3:]


def test_bad_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang fr is refused with exit 2."""
    with pytest.raises(SystemExit) as raised:
        run(["summary", str(EXCERPT), "--lang", "fr"])
    assert EXIT_USAGE == raised.value.code
