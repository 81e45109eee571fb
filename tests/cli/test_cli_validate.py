"""clairlib validate: text and JSON reports, exit status 0 / 1 / 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from clairlib.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, run
from clairlib.io import dumps, load
from clairlib.model import AnnualReport, Figure, Quantity

EXCERPT = Path(__file__).parent.parent / "data" / "rules" / "fy2013-excerpt.json"


def _excerpt() -> AnnualReport:
    doc = load(EXCERPT)
    assert isinstance(doc, AnnualReport)
    return doc


def _valid_copy(tmp_path: Path) -> Path:
    """The excerpt with the TEFL rate printed as 116/168 gives it, 69.0 %."""
    doc = _excerpt()
    figures = tuple(
        attrs.evolve(f, value=Quantity.of("69.0", "%")) if f.id == "f3-tefl-rate" else f
        for f in doc.figures
    )
    path = tmp_path / "valid.json"
    path.write_text(dumps(attrs.evolve(doc, figures=figures)), encoding="utf-8")
    return path


def test_text_report_of_the_excerpt(capsys: pytest.CaptureFixture[str]) -> None:
    """The excerpt as printed: exit 1, the TEFL ratio error with its evidence, the skips."""
    assert EXIT_FINDINGS == run(["validate", str(EXCERPT)])
    out = capsys.readouterr().out
    assert out.startswith(f"{EXCERPT}: invalid — 1 error, 1 warning, 0 notes")
    assert "Errors (1):\n  [ratio] $.figures[7].value\n" in out
    assert "    evidence: 68.5 == 69.05 (±0.05)\n" in out
    assert "    parts: $.figures[6].value, $.figures[5].value\n" in out
    assert "Skipped (4):" in out


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON for systems: valid, findings with rule/severity/path/evidence, skipped."""
    assert EXIT_FINDINGS == run(["validate", str(EXCERPT), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert False is data["valid"]
    assert [
        {
            "rule": "ratio",
            "severity": "error",
            "path": "$.figures[7].value",
            "left": "68.5",
            "op": "==",
            "right": "69.05",
            "tolerance": "0.05",
            "parts": ["$.figures[6].value", "$.figures[5].value"],
        }
    ] == [
        {k: v for k, v in f.items() if k != "message"}
        for f in data["findings"]
        if f["rule"] == "ratio"
    ]
    assert ["ratio", "group-label"] == [f["rule"] for f in data["findings"]]
    assert 4 == len(data["skipped"])
    assert {"rule", "path", "reason", "awaits"} == set(data["skipped"][0])


def test_valid_document_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With 69.0 % printed, nothing is wrong: exit 0."""
    assert EXIT_OK == run(["validate", str(_valid_copy(tmp_path))])
    assert ": valid — 0 errors" in capsys.readouterr().out


def test_previous_year_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--previous with FY2012's 490 support cases contradicts 521 (前年度比 35 件増)."""
    last = AnnualReport(
        id="fy2012",
        title="平成24年度事業報告",
        fiscal_year=_excerpt().fiscal_year - 1,
        figures=(
            Figure(id="f7-support-cases", label="海外活動支援件数", value=Quantity.of(490, "件")),
        ),
    )
    previous = tmp_path / "fy2012.json"
    previous.write_text(dumps(last), encoding="utf-8")
    status = run(["validate", str(_valid_copy(tmp_path)), "--previous", str(previous)])
    out = capsys.readouterr().out
    assert EXIT_FINDINGS == status
    assert "[reported-change] $.figures[13].change" in out
    assert "evidence: 490 == 486" in out


@pytest.mark.parametrize("content", [None, "{", '{"kind": "annual_report", "id": 3}'])
def test_unreadable_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    """A missing file, broken JSON or a malformed document: exit 2, one line, no traceback."""
    path = tmp_path / "doc.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert EXIT_USAGE == run(["validate", str(path)])
    captured = capsys.readouterr()
    assert "" == captured.out
    assert 1 == len(captured.err.splitlines())
    assert captured.err.startswith(f"clairlib: cannot read {path}")
    assert "Traceback" not in captured.err


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--format xml is refused with exit 2 and one line."""
    with pytest.raises(SystemExit) as raised:
        run(["validate", str(EXCERPT), "--format", "xml"])
    assert EXIT_USAGE == raised.value.code
    assert 1 == len(capsys.readouterr().err.splitlines())


def test_text_report_counts_the_printed_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """The second line accounts for the excerpt's 42 printed figures (worked out by hand)."""
    run(["validate", str(EXCERPT)])
    lines = capsys.readouterr().out.splitlines()
    assert (
        "42 printed figures: 34 checked (33 agree, 1 disagree), "
        "3 await last year's report, 5 unchecked"
    ) == lines[1]


def test_json_report_has_the_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json carries the coverage counts and each figure's state."""
    run(["validate", str(EXCERPT), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert {
        "total": 42,
        "checked": 34,
        "agree": 33,
        "disagree": 1,
        "awaiting": 3,
        "unchecked": 5,
    } == data["coverage"]
    states = {f["path"]: f["state"] for f in data["figures"]}
    assert "disagree" == states["$.figures[7].value"]
    assert "awaiting" == states["$.figures[13].change"]


def test_unchecked_lists_reasons_once_with_paths(capsys: pytest.CaptureFixture[str]) -> None:
    """--unchecked groups the figures by reason: each reason once, its paths under it."""
    run(["validate", str(EXCERPT), "--unchecked"])
    out = capsys.readouterr().out
    assert "Awaiting (3):" in out
    assert "Unchecked (5):" in out
    assert 1 == out.count("  no records behind it: it is linked to no records, parts or ratio (5):")
    assert "    $.figures[11].value" in out


def test_repeated_skips_are_grouped(capsys: pytest.CaptureFixture[str]) -> None:
    """The four skips of the excerpt share one reason: one line, with the count."""
    run(["validate", str(EXCERPT)])
    out = capsys.readouterr().out
    skipped = out.split("Skipped (4):\n")[1].splitlines()
    assert 1 == len([line for line in skipped if line.startswith("  [")])
    assert "value (4): $.figures[11].change" in skipped[0]
