"""unique-id: ids that references use name exactly one thing."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document
from clairlib.model.navigation import iter_programmes, iter_sections

# A namespace is a list of sources: ids and how to name the place of the i-th one. Paths
# are made only for a repeat, since a report may hold a million records.
_Source = tuple[Sequence[str], Callable[[int], str]]


def _listed(name: str | list[str | int], items: Sequence[Any], key: str = "id") -> _Source:
    base = join_path([name] if isinstance(name, str) else name)
    return [getattr(item, key) for item in items], lambda i: f"{base}[{i}].{key}"


def _fixed(pairs: Sequence[tuple[str, str]]) -> _Source:
    return [ident for _, ident in pairs], lambda i: pairs[i][0]


def _collections(doc: Document) -> Iterator[tuple[str, list[_Source]]]:
    """Yield (what, sources) for each namespace of ids in the document."""
    if isinstance(doc, AnnualReport):
        # Records and measurements share one namespace: a table row's ``record`` may
        # name any of them.
        yield (
            "record",
            [
                _listed(name, getattr(doc, name))
                for name in ("events", "persons", "grants", "publications", "measurements")
            ],
        )
        yield "figure", [_listed("figures", doc.figures)]
        yield "table", [_listed("tables", doc.tables)]
        yield "meeting", [_listed("meetings", doc.meetings)]
        for t, table in enumerate(doc.tables):
            yield (
                f"column of table {table.id!r}",
                [_listed(["tables", t, "columns"], table.columns, "key")],
            )
    yield "indicator", [_listed("indicators", getattr(doc, "indicators", ()))]
    yield "programme", [_fixed([(f"{path}.id", p.id) for path, p in iter_programmes(doc)])]
    yield "section", [_fixed([(f"{path}.id", s.id) for path, s in iter_sections(doc)])]
    framework = getattr(doc, "framework", None)
    if framework is not None:
        yield "pillar", [_listed(["framework", "pillars"], framework.pillars)]
        for p, pillar in enumerate(framework.pillars):
            yield (
                f"objective of pillar {pillar.id!r}",
                [_listed(["framework", "pillars", p, "objectives"], pillar.objectives)],
            )


@attrs.frozen(kw_only=True)
class UniqueIds:
    """Every id is used once in its namespace: records, figures, tables, programmes ….

    Events, persons, grants, publications and measurements share one namespace, since
    a table row's ``record`` may name any of them. Each repeat is a finding at the repeat, naming
    the first use.
    """

    code: str = "unique-id"
    description: str = "ids are unique within their kind (records share one namespace)"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: object) -> Iterator[Finding]:
        """Yield a finding for every id used a second time in its namespace."""
        for what, sources in _collections(doc):
            every = [ident for ids, _ in sources for ident in ids]
            if len(set(every)) == len(every):
                continue  # the common case: nothing repeats, no need to find where
            first: dict[str, tuple[int, int]] = {}
            for n, (ids, _) in enumerate(sources):
                for i, ident in enumerate(ids):
                    seen = first.setdefault(ident, (n, i))
                    if seen == (n, i):
                        continue
                    earlier = sources[seen[0]][1](seen[1])
                    path = sources[n][1](i)
                    yield Finding(
                        rule=self.code,
                        severity=self.severity,
                        path=path,
                        message=f"{what} id {ident!r} is used again; first used at {earlier}",
                        evidence=Evidence(left=ident, op="!=", right=ident, parts=(earlier, path)),
                    )
