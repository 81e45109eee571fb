"""The records behind table rows: rows that are plainly events become event records."""

from __future__ import annotations

import clairlib
from clairlib.model import AnnualReport

EVENTS = """\
平成25年度事業報告
1 自治体の海外における経済活動を支援
○ 海外での観光プロモーション
海外事務所において、自治体の観光プロモーションを支援した。主なものは次のとおりである。
<平成 25 年度 観光プロモーション一覧>
名称                    開催時期           開催場所
日本観光セミナー        平成 25 年 9 月    シドニー
祭り in シドニー        平成 25 年 12 月   シドニー
日本酒等販売促進事業    未定               ソウル特別市
以上のとおり、各事務所が自治体の海外での観光プロモーションを支援した。
"""


def test_rows_that_are_events_become_records_tied_to_their_row() -> None:
    """A name, a date the calendar reads in the report's year, a venue: an event record."""
    report = clairlib.read(EVENTS).document
    assert isinstance(report, AnnualReport)
    (table,) = report.tables
    first, second = report.events
    assert ("日本観光セミナー", "2013-09", "平成 25 年 9 月", "シドニー") == (
        first.name,
        first.period.isoformat() if first.period else None,
        first.period_text,
        first.venue.text if first.venue else None,
    )
    assert "2013-12" == (second.period.isoformat() if second.period else None)
    assert report.sections[0].programmes[0].id == first.programme
    # The third row's date (未定) does not read: it stays a row with no record.
    assert [first.id, second.id, None] == [row.record for row in table.rows]
