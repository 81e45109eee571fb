"""The rule protocol, the context rules share, the report, and the validation loop."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

import attrs

from clairlib.aggregate import Evaluator
from clairlib.errors import ClairlibError
from clairlib.findings import Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document, Figure
from clairlib.model.indicators import Indicator
from clairlib.model.navigation import iter_programmes
from clairlib.rules._coverage import Coverage, Mark, account


class NotApplicable(ClairlibError):
    """Raised by a rule's ``check`` to say it cannot apply to this document, and why.

    The rule is then listed as skipped with ``reason``; findings it yielded before
    raising are kept.
    """

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@runtime_checkable
class Rule(Protocol):
    """A validation rule: a stable code, what it checks, its default severity, a check.

    ``check`` yields every finding for ``doc``. It may call ``ctx.skip(reason, path=…)``
    for a part it cannot check, or raise :class:`NotApplicable` to skip the whole rule.
    """

    @property
    def code(self) -> str:
        """The stable code findings carry (``sum-of-parts``)."""

    @property
    def description(self) -> str:
        """One line saying what the rule checks."""

    @property
    def severity(self) -> Severity:
        """The severity of the rule's findings unless a qualifier lowers it."""

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """Yield the findings for ``doc``."""


@attrs.frozen(kw_only=True)
class Skipped:
    """A rule, or one place it would have checked, that could not be applied, and why."""

    rule: str
    reason: str
    path: str = "$"
    awaits: str | None = None  # the document it needs: "previous", "plan"


class Context:
    """What rules share during one validation: the previous year's document, lookups.

    Lookups are computed on first use and cached, so that a rule that needs the
    figures by id does not rebuild the index another rule already built.
    """

    def __init__(
        self,
        doc: Document,
        *,
        previous: Document | None = None,
        plan: Document | None = None,
    ):
        self.doc = doc
        self.previous = previous
        self.plan = plan
        self.evaluator = Evaluator(doc)
        self.rule = ""
        self._skipped: list[Skipped] = []
        self._checked: list[Mark] = []

    def skip(self, reason: str, *, path: str = "$", awaits: str | None = None) -> None:
        """Record that the running rule could not check ``path``, and why.

        ``awaits`` names the document that would let it (``previous``, ``plan``): the
        figure at ``path`` then counts as awaiting that document, not as unchecked.
        """
        self._skipped.append(Skipped(rule=self.rule, reason=reason, path=path, awaits=awaits))

    def checked(self, *paths: str) -> None:
        """Record that the running rule compared the printed figures at ``paths``.

        A rule calls it for what it checked and found to hold (a finding at a path says
        the same), so that coverage counts the figure as checked.
        """
        self._checked.extend(Mark(rule=self.rule, path=path) for path in paths)

    @property
    def marks(self) -> tuple[Mark, ...]:
        """Every check and skip so far, for coverage."""
        skips = (
            Mark(rule=s.rule, path=s.path, reason=s.reason, awaits=s.awaits) for s in self._skipped
        )
        return (*self._checked, *skips)

    @property
    def skipped(self) -> tuple[Skipped, ...]:
        """Everything skipped so far."""
        return tuple(self._skipped)

    @functools.cached_property
    def figures(self) -> Mapping[str, tuple[str, Figure]]:
        """Figures by id, with their paths (the first, when an id is repeated)."""
        out: dict[str, tuple[str, Figure]] = {}
        for i, figure in enumerate(figures_of(self.doc)):
            out.setdefault(figure.id, (join_path(["figures", i]), figure))
        return out

    @functools.cached_property
    def programmes(self) -> Mapping[str, str]:
        """Programme ids to the path of their (first) definition."""
        out: dict[str, str] = {}
        for path, programme in iter_programmes(self.doc):
            out.setdefault(programme.id, path)
        return out

    @functools.cached_property
    def indicators(self) -> Mapping[str, Indicator]:
        """Indicators by id."""
        return {i.id: i for i in getattr(self.doc, "indicators", ())}


def figures_of(doc: Document | None) -> Sequence[Figure]:
    """The declared figures of a document (a plan has none)."""
    return doc.figures if isinstance(doc, AnnualReport) else ()


@attrs.frozen(kw_only=True)
class ValidationReport:
    """What validation found: every finding, what it skipped and why, which rules ran,
    and the state of every printed figure (:attr:`coverage`)."""

    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    rules: tuple[str, ...] = ()
    coverage: Coverage = attrs.field(factory=Coverage)

    @property
    def valid(self) -> bool:
        """True when no finding is an error (warnings and notes do not invalidate)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return self._of(Severity.WARNING)

    @property
    def notes(self) -> tuple[Finding, ...]:
        """The info findings."""
        return self._of(Severity.INFO)

    def by_rule(self, code: str) -> tuple[Finding, ...]:
        """The findings of the rule ``code``."""
        return tuple(f for f in self.findings if f.rule == code)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: decimals become ints or decimal strings."""
        return {
            "valid": self.valid,
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity.value,
                    "path": f.path,
                    "message": f.message,
                    "left": _plain(f.evidence.left) if f.evidence else None,
                    "op": f.evidence.op if f.evidence else None,
                    "right": _plain(f.evidence.right) if f.evidence else None,
                    "tolerance": _plain(f.evidence.tolerance) if f.evidence else None,
                    "parts": list(f.evidence.parts) if f.evidence else [],
                }
                for f in self.findings
            ],
            "skipped": [
                {"rule": s.rule, "path": s.path, "reason": s.reason, "awaits": s.awaits}
                for s in self.skipped
            ],
            "rules": list(self.rules),
            "coverage": self.coverage.as_dict(),
            "figures": [
                {
                    "path": f.path,
                    "label": f.label,
                    "printed": f.text,
                    "state": f.state.value,
                    "reason": f.reason,
                    "awaits": f.awaits,
                    "rules": list(f.rules),
                }
                for f in self.coverage.figures
            ],
        }


def _plain(value: Any) -> Any:
    # The canonical JSON writes a decimal as an int when integral, else as a string.
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        if value == value.to_integral_value():
            return int(value)
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def _run(rule: Any, doc: Document, ctx: Context) -> Iterator[Finding]:
    for finding in rule.check(doc, ctx):
        if not isinstance(finding, Finding):
            raise TypeError(f"check() yielded {type(finding).__name__}, not a Finding")
        yield finding


def validate(
    doc: Document,
    *,
    rules: Iterable[Rule],
    previous: Document | None = None,
    plan: Document | None = None,
) -> ValidationReport:
    """Run every rule over ``doc`` and collect every finding; never stop at the first.

    ``previous`` is last year's document, for reported changes (前年度比); ``plan`` the
    plan a report is checked against. A rule that raises does not stop the run: the
    failure becomes an error finding of its own, with the rule's code, so the document
    is not called valid unchecked. The report's :attr:`~ValidationReport.coverage`
    gives every printed figure its state.
    """
    ctx = Context(doc, previous=previous, plan=plan)
    findings: list[Finding] = []
    codes: list[str] = []
    for rule in rules:
        code = str(getattr(rule, "code", type(rule).__name__))
        codes.append(code)
        ctx.rule = code
        try:
            for finding in _run(rule, doc, ctx):
                findings.append(finding)
        except NotApplicable as skip:
            ctx.skip(skip.reason)
        except Exception as error:  # a broken rule is reported, it never stops the run
            findings.append(
                Finding(
                    rule=code,
                    severity=Severity.ERROR,
                    path="$",
                    message=f"the rule {code!r} failed and checked nothing more: "
                    f"{type(error).__name__}: {error}",
                )
            )
    return ValidationReport(
        findings=tuple(findings),
        skipped=ctx.skipped,
        rules=tuple(codes),
        coverage=account(doc, findings, ctx.marks),
    )
