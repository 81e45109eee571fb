"""The example plugin reads Markdown back: what the exporter wrote gives the plan again."""

from __future__ import annotations

from pathlib import Path

import clairlib
from clairlib.reading._compare import compare
from clairlib.testing import ReaderConformance

EXAMPLES = Path(__file__).resolve().parents[2]


def test_exported_plan_reads_back(tmp_path: Path) -> None:
    """The FY2025 plan → Markdown → read: the same sections, programmes and narrative."""
    plan = clairlib.load(EXAMPLES / "fy2025-plan.json")
    clairlib.export(plan, "markdown", tmp_path / "plan.md")
    comparison = compare(plan, clairlib.read(tmp_path / "plan.md").document)
    assert [] == comparison.outline_diff
    assert 1.0 == comparison.narrative_share


class TestMarkdownReaderConformance(ReaderConformance):
    """The reader half of clairlib's conformance suite, on a small Markdown plan."""

    reader = "markdown"
    distribution = "clairlib-markdown"

    def sample(self) -> bytes:
        """A one-programme annual plan as the exporter writes it."""
        return (
            "# 令和7年度事業計画\n\n## 1 自治体の海外における経済活動を支援\n\n"
            "### ○ 情報の発信\n\nセミナーを開催し、情報を発信する。\n"
        ).encode()
