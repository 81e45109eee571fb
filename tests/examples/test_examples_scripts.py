"""The example scripts run as a user runs them and print what the documents say.

Each script runs in a fresh process from a temporary working directory, so that it
finds the documents relative to its own file, not to where it is started. The
expected lines were worked out by hand from the printed documents.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import clairlib.io
from clairlib.exporting import read_json
from clairlib.model import AnnualReport

EXAMPLES = Path(__file__).parents[2] / "examples"


def _run(script: str, *args: str, cwd: Path) -> list[str]:
    env = {**os.environ, "TMPDIR": str(cwd), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLES / script), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert 0 == done.returncode, done.stderr
    assert "" == done.stderr
    return done.stdout.splitlines()


def test_audit_report_prints_findings_by_severity(tmp_path: Path) -> None:
    """audit_report.py names the report and prints the TEFL error and the 2014 warning.

    Four warnings: forum issue 294 dated 2014 年 4 月; 延べ約 40 自治体等 against the 35
    bodies the media PR table names; スイス and 香港 printed under フランス and 中国. Six
    notes: ジャパン・エキスポ, 日韓交流おまつり 2013, 日英交流セミナー, JIJI TOP Seminar and the
    two NATAS fairs are each printed in two tables as two records.
    """
    lines = _run("audit_report.py", cwd=tmp_path)
    assert lines[0].startswith("平成25年度事業報告 (fy2013-report): ")
    assert lines[0].endswith(" findings, not valid")
    headings = [line for line in lines if line.split(":")[0] in ("error", "warning", "info")]
    assert ["error", "warning", "info"] == [h.split(":")[0] for h in headings]
    assert "warning: 4" in lines
    assert "info: 6" in lines
    report = clairlib.io.load(EXAMPLES / "fy2013-report.json")
    assert isinstance(report, AnnualReport)
    figure = next(i for i, f in enumerate(report.figures) if f.id == "f3-tefl-completion-rate")
    issue = next(i for i, p in enumerate(report.publications) if "日本食品を海外に" in p.title)
    tefl = lines.index(f"  [ratio] $.figures[{figure}].value")
    assert lines[tefl + 1].startswith("    figure 'f3-tefl-completion-rate' (英語教授法(TEFL)")
    assert "    evidence: 68.5 == 69.05 (tolerance 0.05)" == lines[tefl + 2]
    dated = lines.index(f"  [period-within-fy] $.publications[{issue}].period")
    assert "    evidence: 2014-04 within FY2013" == lines[dated + 2]
    assert lines.index("warning: 4") < dated


def test_export_report_writes_every_format(tmp_path: Path) -> None:
    """export_report.py OUT writes CSV files, a Word file and JSON that reads back."""
    lines = _run("export_report.py", "out", cwd=tmp_path)
    out = tmp_path / "out"
    assert f"wrote {Path('out')}" == lines[-1]
    assert any(line.startswith("csv: ") for line in lines)
    assert any(line.startswith("json: 1 file(s) in ") for line in lines)
    assert "  fy2013-report-csv/events.csv" in " ".join(lines)
    events = (out / "fy2013-report-csv" / "events.csv").read_text(encoding="utf-8-sig")
    assert "HYPER JAPAN 2013" in events
    original = clairlib.io.load(EXAMPLES / "fy2013-report.json")
    assert original == read_json(out / "fy2013-report.json")
    assert (out / "fy2013-report.docx").read_bytes().startswith(b"PK")


def test_export_report_defaults_to_a_temporary_directory(tmp_path: Path) -> None:
    """Without an argument, export_report.py writes into a new temporary directory."""
    lines = _run("export_report.py", cwd=tmp_path)
    written = Path(lines[-1].removeprefix("wrote "))
    assert tmp_path == written.parent
    assert written.name.startswith("clairlib-export-")
    assert (written / "fy2013-report.json").is_file()


def test_compare_plans_counts_per_pillar(tmp_path: Path) -> None:
    """compare_plans.py maps FY2011 sections through the crosswalk; counts per pillar."""
    lines = _run("compare_plans.py", cwd=tmp_path)
    first = lines.index("I 自治体の海外における経済活動を支援")
    assert "  FY2011 1(1) 経済分野: 2 programmes" == lines[first + 1]
    assert "    1(1).1 海外事務所における自治体の経済活動支援の強化" == lines[first + 2]
    assert lines[first + 4].startswith(
        "  FY2011 3 海外事務所の事業の重点化と運営のスリム化 — in part: "
    )
    assert "  FY2025: 3 programmes" == lines[first + 5]
    assert "  FY2011 7 中期的な事業展開の展望: 0 programmes" in lines
    table = lines[lines.index("pillar  FY2011  FY2025") + 1 :]
    rows = [line.split() for line in table]
    # FY2011: 1(1) 2, 1(2) 4, 2 5, 6 4, 5 2, 4 6, 3 8, 7 0 programmes; FY2025: ○ per section.
    assert [
        ["I", "2", "3"],
        ["II", "4", "5"],
        ["III", "5", "4"],
        ["IV", "4", "3"],
        ["V", "2", "2"],
        ["VI", "6", "3"],
        ["VII", "8", "2"],
        ["base", "0", "0"],
        ["total", "31", "22"],
    ] == rows


def test_tally_events_reproduces_the_printed_headline(tmp_path: Path) -> None:
    """tally_events.py: the economic events are 45 in 21 regions, 13 countries by code.

    香港 is HK by ISO code, where the report's 12 か国 counts it under 中国.
    """
    lines = _run("tally_events.py", cwd=tmp_path)
    assert ["All events by country", "All events by office", "Economic events by country"] == [
        line for line in lines if line.endswith(("by country", "by office"))
    ]
    economic = lines[lines.index("Economic events by country") + 1 :]
    assert "  FR     10  フランス" == economic[0]
    assert "  US      9  アメリカ合衆国" == economic[1]
    assert "  CH      1  スイス" in economic
    assert "  HK      1  中華人民共和国香港特別行政区" in economic
    assert "  45 events: 45 in 13 groups (counted 47 times), 0 with no country" in economic
    assert "  21 regions (distinct venues)" == economic[-1]
