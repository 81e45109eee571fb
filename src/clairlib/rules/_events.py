"""same-event: one event printed in two tables as two records, and whether they agree.

A report lists an activity wherever it belongs: ジャパン・エキスポ among the economic
events and again among the JETAA events, worded a little differently each time
(ジャパン･エキスポ). Two records describe one event when they are in different tables,
share an office, their periods overlap, and their names share a distinctive core (the
name without generic words such as セミナー or における講演). Their attributes are then
compared: a venue, a period, partners or participants that disagree are a warning naming
both paths; when everything agrees the pair is a note, for a total over both tables counts
the event twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

import attrs

from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document
from clairlib.model.records import Event
from clairlib.rules._base import Context

# Words that name a kind of activity, not which one: they do not make two names the same.
_GENERIC = (
    "における",
    "プレゼンテーション",
    "セミナー",
    "シンポジウム",
    "フォーラム",
    "イベント",
    "ブース出展",
    "出展",
    "講演",
    "開催",
    "参加",
    "事業",
    "の",
)
_PUNCTUATION = re.compile(r"[\s･・、。,.．\"'’「」｢｣『』\[\]【】:：~～〜\-－—/]")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")
# Bigram overlap above which two distinctive cores name the same thing.
_SIMILAR = 0.6
# A core this short (two kanji) is too common to identify an event by containment.
_SHORTEST = 4


def core(name: str) -> str:
    """The distinctive part of an event's name: folded, without brackets or generic words."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _BRACKETED.sub("", text)
    text = _PUNCTUATION.sub("", text)
    for word in _GENERIC:
        text = text.replace(word, "")
    return text


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def same_name(a: str, b: str) -> bool:
    """True when two printed names share a distinctive core, however they are worded."""
    x, y = core(a), core(b)
    if not x or not y:
        return False
    if x == y:
        return True
    if min(len(x), len(y)) >= _SHORTEST and (x in y or y in x):
        return True
    gx, gy = _bigrams(x), _bigrams(y)
    return bool(gx and gy) and len(gx & gy) / len(gx | gy) >= _SIMILAR


def _tables_of(doc: AnnualReport) -> dict[str, frozenset[str]]:
    listed: dict[str, set[str]] = {}
    table_ids = {t.id for t in doc.tables}
    for table in doc.tables:
        for row in table.rows:
            if row.record is not None:
                listed.setdefault(row.record, set()).add(table.id)
    for event in doc.events:
        listed.setdefault(event.id, set()).update(t for t in event.tags if t in table_ids)
    return {k: frozenset(v) for k, v in listed.items()}


def _overlap(a: Event, b: Event) -> bool:
    if a.period is None or b.period is None:
        return False
    return a.period.start <= b.period.end and b.period.start <= a.period.end


def _differences(a: Event, b: Event) -> list[tuple[str, str, str]]:
    """(attribute, a's value, b's value) where both print a value and the values disagree."""
    out: list[tuple[str, str, str]] = []
    if a.period is not None and b.period is not None and a.period != b.period:
        out.append(("period", a.period.isoformat(), b.period.isoformat()))
    if a.venue is not None and b.venue is not None:
        ca, cb = set(a.venue.countries), set(b.venue.countries)
        if ca and cb and not ca & cb:
            out.append(("venue country", ", ".join(sorted(ca)), ", ".join(sorted(cb))))
        if a.venue.city and b.venue.city and core(a.venue.city) != core(b.venue.city):
            out.append(("venue city", a.venue.city, b.venue.city))
    if a.partners and b.partners and not set(a.partners) & set(b.partners):
        out.append(("partners", ", ".join(a.partners), ", ".join(b.partners)))
    pa = [p.count.magnitude for p in a.participants]
    pb = [p.count.magnitude for p in b.participants]
    if len(pa) == 1 and len(pb) == 1 and pa != pb:
        out.append(("participants", str(pa[0]), str(pb[0])))
    return out


@attrs.frozen(kw_only=True)
class SameEvent:
    """One event printed in two tables as two records is found, and the two compared.

    Records are the same event when they sit in different tables, share an office, their
    periods overlap and their names share a distinctive core. Attributes both print and
    that disagree (period, venue, partners, participants) are a warning naming both
    paths; a pair that agrees is a note.
    """

    code: str = "same-event"
    description: str = "an event listed in two tables is one event, with the same attributes"
    severity: Severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every pair of records that describe one event."""
        if not isinstance(doc, AnnualReport):
            return
        tables = _tables_of(doc)
        by_office: dict[str, list[int]] = {}
        for i, event in enumerate(doc.events):
            for office in event.offices:
                by_office.setdefault(office, []).append(i)
        seen: set[tuple[int, int]] = set()
        for members in by_office.values():
            yield from self._pairs(doc.events, members, tables, seen)

    def _pairs(
        self,
        events: Sequence[Event],
        members: list[int],
        tables: dict[str, frozenset[str]],
        seen: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        for x, i in enumerate(members):
            a = events[i]
            ta = tables.get(a.id, frozenset())
            for j in members[x + 1 :]:
                b = events[j]
                tb = tables.get(b.id, frozenset())
                if (i, j) in seen or not ta or not tb or ta & tb:
                    continue
                if not (_overlap(a, b) and same_name(a.name, b.name)):
                    continue
                seen.add((i, j))
                yield self._finding(i, a, ta, j, b, tb)

    def _finding(
        self, i: int, a: Event, ta: frozenset[str], j: int, b: Event, tb: frozenset[str]
    ) -> Finding:
        first, second = join_path(["events", i]), join_path(["events", j])
        where = f"{a.name!r} ({', '.join(sorted(ta))}) and {b.name!r} ({', '.join(sorted(tb))})"
        differences = _differences(a, b)
        if differences:
            _, left, right = differences[0]
            said = "; ".join(f"{w}: {x} against {y}" for w, x, y in differences)
            return Finding(
                rule=self.code,
                severity=self.severity,
                path=second,
                message=f"{where} are one event printed in two tables, but they disagree — "
                f"{said} (at {first} and {second})",
                evidence=Evidence(left=left, op="==", right=right, parts=(first, second)),
            )
        return Finding(
            rule=self.code,
            severity=Severity.INFO,
            path=second,
            message=f"{where} are one event printed in two tables as two records ({first}, "
            f"{second}); they agree, and a total over both tables counts it twice",
            evidence=Evidence(left=a.id, op="==", right=b.id, parts=(first, second)),
        )
