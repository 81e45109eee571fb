"""The summary sheet: what the document is, and what validation found in it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from clairlib.findings import Finding
from clairlib.model import Document, MidTermPlan
from clairlib_xlsx._cells import MAX_WIDTH, CellChecker, text_width

__all__ = ["SUMMARY_SHEET", "wrapped_lines", "write_summary"]

SUMMARY_SHEET = {"ja": "概要", "en": "summary"}

_LABELS = {
    "ja": {
        "kind": "種別", "id": "ID", "period": "期間", "fiscal_year": "年度", "issuer": "発行者",
        "coverage": "印刷された数値の照合", "total": "数値", "agree": "一致",
        "disagree": "不一致", "awaiting": "照合待ち", "unchecked": "未照合",
        "findings": "検証と書き出しの指摘", "rule": "規則", "severity": "重大度",
        "path": "場所", "message": "内容", "none": "指摘なし",
        "annual_report": "事業報告", "annual_plan": "事業計画", "mid_term_plan": "中期経営計画",
    },
    "en": {
        "kind": "kind", "id": "id", "period": "period", "fiscal_year": "fiscal year",
        "issuer": "issuer",
        "coverage": "printed figures checked", "total": "figures", "agree": "agree",
        "disagree": "disagree", "awaiting": "awaiting", "unchecked": "unchecked",
        "findings": "findings of validation and export", "rule": "rule",
        "severity": "severity", "path": "where", "message": "message", "none": "no findings",
        "annual_report": "annual report", "annual_plan": "annual plan",
        "mid_term_plan": "mid-term plan",
    },
}  # fmt: skip
_SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide."""
    usable = max(width - 2.0, 1.0)  # the cell's margins
    return sum(max(1, math.ceil(text_width(line) / usable)) for line in text.splitlines() or [""])


def write_summary(
    sheet: Any,
    document: Document,
    export_findings: Sequence[Finding],
    formats: Callable[..., Any],
    language: str,
    font_size: float = 11.0,
) -> None:
    """Write the document's facts, the coverage of its printed figures and every finding
    (rows of long findings made as tall as ``font_size`` text wrapped in them)."""
    from clairlib import validate

    labels = _LABELS[language]
    checker = CellChecker()
    bold, header = formats(bold=True), formats(bold=True, header=True)
    widths = [12.0, 16.0, 40.0, 60.0]
    row = 0

    def put(col: int, value: object, fmt: Any = None) -> None:
        if value is None:
            return
        if isinstance(value, int):
            sheet.write_number(row, col, value, fmt)
            return
        text = checker.text(str(value), "$")
        sheet.write_string(row, col, text, fmt)
        widths[col] = max(widths[col], min(text_width(text[:200]) + 2, MAX_WIDTH))

    put(0, document.title, formats(bold=True, size_up=True))
    row += 2
    fiscal = getattr(document, "fiscal_year", None)
    for key, value in (
        ("kind", labels[document.KIND]),
        ("id", document.id),
        ("fiscal_year", None if fiscal is None else str(fiscal)),
        ("issuer", document.issuer),
        ("period", document.period.isoformat() if isinstance(document, MidTermPlan) else None),
    ):
        if value is not None:
            put(0, labels[key], bold)
            put(1, value)
            row += 1
    report = validate(document)
    coverage = getattr(report, "coverage", None)
    if coverage is not None:
        row += 1
        put(0, labels["coverage"], bold)
        row += 1
        for key in ("total", "agree", "disagree", "awaiting", "unchecked"):
            put(0, labels[key])
            put(1, int(getattr(coverage, key)))
            row += 1
    row += 1
    put(0, labels["findings"], bold)
    row += 1
    for col, key in enumerate(("severity", "rule", "path", "message")):
        put(col, labels[key], header)
    sheet.freeze_panes(row + 1, 0)
    first = row
    row += 1
    findings = [*report.findings, *export_findings]
    if not findings:
        put(0, labels["none"])
        row += 1
    wrap, top = formats(wrap=True), formats(top=True)  # a finding's cells share its top line
    # Neither Excel nor LibreOffice fits a row to wrapped text written without a
    # height: each message's row gets the height of the lines it wraps to.
    line_height = font_size * 1.4
    for finding in findings:
        severity = finding.severity.value
        put(0, _SEVERITY_JA.get(severity, severity) if language == "ja" else severity, top)
        put(1, finding.rule, top)
        put(2, finding.path, top)
        put(3, finding.message, wrap)
        lines = wrapped_lines(finding.message, widths[3])
        if lines > 1:
            sheet.set_row(row, lines * line_height)
        row += 1
    if findings:
        sheet.autofilter(first, 0, row - 1, 3)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width, formats(wrap=True) if col == 3 else None)
