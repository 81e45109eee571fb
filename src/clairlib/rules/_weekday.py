"""weekday: a weekday printed beside a date (6 月 5 日(水)) is that date's weekday."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta

import attrs

from clairlib.calendar import Period, PeriodSet
from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document
from clairlib.rules._base import Context

_KANJI = "月火水木金土日"  # Monday first, as date.weekday() counts
_PRINTED = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[(（]\s*([月火水木金土日])\s*[)）]")
# A period longer than this is not searched day by day for the printed month and day.
_LONGEST = 400


def _days(period: Period | PeriodSet, month: int, day: int) -> list[date]:
    parts = period.periods if isinstance(period, PeriodSet) else (period,)
    found: list[date] = []
    for part in parts:
        if (part.end - part.start).days > _LONGEST:
            continue
        current = part.start
        while current <= part.end:
            if (current.month, current.day) == (month, day):
                found.append(current)
            current += timedelta(days=1)
    return found


@attrs.frozen(kw_only=True)
class Weekday:
    """A weekday printed in a record's period text is the weekday of the date it follows.

    The date is the day of the record's period with the printed month and day; a
    printed weekday that is not that day's is an error with both weekdays.
    """

    code: str = "weekday"
    description: str = "a printed weekday is the weekday of its date"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every printed weekday its date does not fall on."""
        if not isinstance(doc, AnnualReport):
            return
        for e, event in enumerate(doc.events):
            text = event.period_text
            if not text or event.period is None or ("日" not in text):
                continue
            for match in _PRINTED.finditer(unicodedata.normalize("NFKC", text)):
                month, day, printed = int(match[1]), int(match[2]), match[3]
                for when in _days(event.period, month, day):
                    actual = _KANJI[when.weekday()]
                    if actual == printed:
                        continue
                    yield Finding(
                        rule=self.code,
                        severity=self.severity,
                        path=join_path(["events", e, "period_text"]),
                        message=f"{event.id!r} prints {match[0]!r}, but {when.isoformat()} "
                        f"is a {actual}曜日, not a {printed}曜日",
                        evidence=Evidence(left=printed, op="==", right=actual),
                    )
