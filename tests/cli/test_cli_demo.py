"""Tests for ``clairlib demo``: the whole pipeline on the bundled FY2013 report."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from clairlib.cli import run
from clairlib.plugins import exporters

ROOT = Path(__file__).parents[2]


def test_demo_validates_summarizes_and_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo prints summary and findings and writes every installed format into --out."""
    out = tmp_path / "demo"
    assert 0 == run(["demo", "--out", str(out)])
    printed = capsys.readouterr().out
    # Headline figures typed from the FY2013 report (海外活動支援件数等, 計 521 件 3,147 名).
    assert "521" in printed
    assert "3,147" in printed
    # The report's one printed inconsistency that is an error: TEFL 116/168 printed 68.5 %.
    assert "[ratio] $.figures[61].value" in printed
    assert f"Files are in {out.resolve()}" in printed
    for name, exporter in exporters().items():
        expected = out / (
            f"fy2013-report-{name}" if exporter.multi_file else f"fy2013-report{exporter.suffix}"
        )
        assert expected.exists(), name
        assert str(expected) in printed


def test_demo_default_out_is_clairlib_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --out the demo writes into ./clairlib-demo."""
    monkeypatch.chdir(tmp_path)
    assert 0 == run(["demo"])
    capsys.readouterr()
    assert (tmp_path / "clairlib-demo" / "fy2013-report.json").is_file()


@pytest.mark.skipif(shutil.which("uv") is None, reason="building the wheel needs uv")
def test_wheel_carries_the_bundled_report(tmp_path: Path) -> None:
    """The built wheel contains the FY2013 report the demo reads, so it runs when installed."""
    subprocess.run(
        ["uv", "build", "--wheel", "--package", "clairlib", "--out-dir", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=None,
    )
    (wheel,) = tmp_path.glob("clairlib-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "clairlib/samples/fy2013-report.json" in names
    assert "clairlib/reference/data/midterm-plan-2022.json" in names
    assert "clairlib/py.typed" in names


def test_demo_runs_as_a_module(tmp_path: Path) -> None:
    """``python -m clairlib demo`` runs in a fresh process and exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", "clairlib", "demo", "--out", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == done.returncode, done.stderr
    assert "Traceback" not in done.stderr
