"""Where the charts go in a report, and what their captions say.

Each pillar's indicators end that pillar's section (``図2 「自治体のニーズに応える…」
の指標：実績と前年度``); the events by office and by country, split by pillar, follow
the pillars under a heading of their own, before governance. A caption says how the
records were counted where that matters: a record under several offices or countries
counts under each, and records naming none are left out (how many is printed).
"""

from __future__ import annotations

from collections.abc import Iterable

from clairlib.model import AnnualReport, Target
from clairlib_docx._chart_data import (
    ACTUAL,
    KpiChart,
    StackedChart,
    event_charts,
    kpi_charts,
)
from clairlib_docx._charts import draw
from clairlib_docx._sanitize import Clean, literal
from clairlib_docx._styles import TEXT_WIDTH_TWIPS
from clairlib_docx._writer import Writer

EVENTS_HEADING = literal("事業実績の図")
# Drawn as wide as the text between the default margins.
WIDTH = TEXT_WIDTH_TWIPS / 1440
_WHAT = {
    "office": (
        "事務所別のイベント等の件数（柱別）",
        "事務所",
        "複数の事務所による事業は各事務所に計上",
    ),
    "country": (
        "開催国別のイベント等の件数（柱別）",
        "開催国",
        "複数の国で開催した事業は各国に計上",
    ),
}


def kpi_caption(title: Clean, chart: KpiChart) -> Clean:
    """``「自治体の…」の指標：実績と前年度``: the pillar and what its indicators are set against."""
    others = "、".join(series for series in chart.series if series != ACTUAL)
    return Clean(f"「{title}」の指標：実績と{others}")


class ReportCharts:
    """The charts of one report, computed once, drawn where the report places them."""

    def __init__(self, report: AnnualReport, targets: Iterable[Target] = ()) -> None:
        self.kpi = kpi_charts(report, targets)
        self.events = event_charts(report)

    def pillar(self, writer: Writer, pillar: str | None, title: Clean) -> None:
        """The chart of ``pillar``'s indicators (its section titled ``title``), if any."""
        chart = self.kpi.get(pillar) if pillar is not None else None
        if chart is not None:
            picture = draw(chart, WIDTH)
            writer.figure(picture.png, picture.width, picture.height, kpi_caption(title, chart))

    def write_events(self, writer: Writer) -> None:
        """The events charts under their heading (nothing when no event has an office)."""
        if not self.events:
            return
        writer.heading(EVENTS_HEADING, 1)
        for dimension, chart in self.events:
            self._stacked(writer, dimension, chart)

    @staticmethod
    def _stacked(writer: Writer, dimension: str, chart: StackedChart) -> None:
        caption, name, overlapping = _WHAT[dimension]
        picture = draw(chart, WIDTH)
        writer.figure(picture.png, picture.width, picture.height, literal(caption))
        notes = [overlapping] if chart.overlapping else []
        if chart.unassigned:
            notes.append(f"{name}または柱の記載のない {chart.unassigned:,} 件は含まない")
        if notes:
            writer.note(literal("。".join(notes)))
