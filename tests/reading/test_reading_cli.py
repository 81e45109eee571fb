"""clairlib read: the draft as canonical JSON, what was read, exit 0 / 1 / 2, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import clairlib
from clairlib.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, run
from tests.reading.conftest import SOURCES


def test_read_writes_json_that_load_and_validate_take(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o writes the draft; load reads it back; validate runs on it; exit 0."""
    out = tmp_path / "fy2025.json"
    assert EXIT_OK == run(["read", str(SOURCES / "fy2025-plan.txt"), "-o", str(out)])
    printed = capsys.readouterr().out
    assert "annual_plan 令和7年度事業計画 (2025) — 7 sections, 22 programmes" in printed
    doc = clairlib.load(out)
    assert 7 == len(doc.sections)  # type: ignore[union-attr]
    assert EXIT_OK == run(["validate", str(out)])


def test_json_report_lists_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json: counts and every finding with rule, severity, path and message."""
    assert EXIT_OK == run(["read", str(SOURCES / "fy2013-report.txt"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert (2013, 7, 27) == (
        report["fiscal_year"],
        report["read"]["sections"],
        report["read"]["programmes"],
    )
    assert "read.title-inferred" in {f["rule"] for f in report["findings"]}


def test_draft_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """-o - prints the canonical JSON on stdout and what was read on stderr."""
    assert EXIT_OK == run(["read", str(SOURCES / "midterm-plan-2022.txt"), "-o", "-"])
    captured = capsys.readouterr()
    assert "mid_term_plan" == json.loads(captured.out)["kind"]
    assert "8 pillars" in captured.err


def test_error_findings_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text that is no plan, read as one on the caller's word: exit 1, the finding shown."""
    source = tmp_path / "note.txt"
    source.write_text("ただの文章です。\n", encoding="utf-8")
    code = run(["read", str(source), "--kind", "annual_plan", "--fiscal-year", "2024"])
    assert EXIT_FINDINGS == code
    assert "[read.no-sections]" in capsys.readouterr().out


@pytest.mark.parametrize("data", [b"", b"\x00\x01garbage" * 50, b"Hello, world.\n"])
def test_unreadable_exit_2_one_line_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    """Empty, binary or no plan at all: exit 2, one line on stderr, no output file."""
    source = tmp_path / "input.bin"
    source.write_bytes(data)
    out = tmp_path / "out.json"
    assert EXIT_USAGE == run(["read", str(source), "-o", str(out)])
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines())
    assert err.startswith("clairlib: ")
    assert not out.exists()


def test_a_reader_option_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """--option tables=false reaches the text reader as False: every table stays text."""
    source = str(SOURCES / "fy2013-report.txt")
    assert EXIT_OK == run(["read", source, "--format", "json", "--option", "tables=false"])
    report = json.loads(capsys.readouterr().out)
    assert 0 == report["read"]["records"]  # no table placed, so no row became an event
    assert "read.table-as-text" in {f["rule"] for f in report["findings"]}


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("tables=maybe", "clairlib: reader 'text': option 'tables': expected true or false"),
        ("colour=red", "clairlib: reader 'text' has no option 'colour' (options: tables)"),
        ("tables", "clairlib: expected an option as key=value, found 'tables'"),
    ],
)
def test_a_bad_reader_option_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, says: str
) -> None:
    """An option the reader lacks, or a value of the wrong type: one line, exit 2, no file."""
    out = tmp_path / "out.json"
    source = str(SOURCES / "fy2013-report.txt")
    assert EXIT_USAGE == run(["read", source, "-o", str(out), "--option", option])
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines())
    assert err.startswith(says)
    assert not out.exists()


def test_the_python_api_takes_an_option_as_text() -> None:
    """clairlib.read(…, tables="false") converts the text as the command line does."""
    text = (SOURCES / "fy2013-report.txt").read_text(encoding="utf-8")
    assert () == clairlib.read(text, tables="false").document.events  # type: ignore[union-attr]
