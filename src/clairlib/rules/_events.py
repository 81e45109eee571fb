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
# A bigram shared by more of an office's event names than this is too common to pair them.
_COMMON = 64


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


def _candidates(
    events: Sequence[Event], members: list[int], cores: dict[int, str]
) -> list[tuple[int, int]]:
    """Pairs of an office's events that share a distinctive bigram of their names.

    Two names that are the same event share a bigram of their cores; a bigram that many
    names share (年度, 20) tells nothing, so only rare ones pair events — which keeps the
    search near-linear over a million events instead of comparing every pair.
    """
    index: dict[str, list[int]] = {}
    for i in members:
        text = cores.get(i)
        if text is None:
            text = cores[i] = core(events[i].name)
        for gram in _bigrams(text) or {text}:
            index.setdefault(gram, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for holders in index.values():
        if len(holders) > _COMMON:
            continue
        for x, i in enumerate(holders):
            for j in holders[x + 1 :]:
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def _tables_of(doc: AnnualReport) -> dict[str, frozenset[str]]:
    listed: dict[str, set[str]] = {}
    table_ids = {t.id for t in doc.tables}
    for table in doc.tables:
        for row in table.rows:
            if row.record is not None:
                listed.setdefault(row.record, set()).add(table.id)
    for event in doc.events:
        if event.tags:  # most events of a large report carry none
            found = [t for t in event.tags if t in table_ids]
            if found:
                listed.setdefault(event.id, set()).update(found)
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
            if not tables.get(event.id):
                continue  # in no table: there is no second table to find it in
            for office in event.offices:
                by_office.setdefault(office, []).append(i)
        seen: set[tuple[int, int]] = set()
        cores: dict[int, str] = {}
        for members in by_office.values():
            if len({tables[doc.events[i].id] for i in members}) < 2:
                continue  # every event of the office is in the same tables
            for i, j in _candidates(doc.events, members, cores):
                if (i, j) in seen:
                    continue
                a, b = doc.events[i], doc.events[j]
                ta, tb = tables[a.id], tables[b.id]
                if ta & tb or not (_overlap(a, b) and same_name(a.name, b.name)):
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
