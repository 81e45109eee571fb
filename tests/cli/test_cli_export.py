"""Tests of ``clairlib export`` and ``clairlib plugins``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from clairlib._commands.export import ProgressBar, split_options
from clairlib.cli import EXIT_USAGE, run
from clairlib.errors import ExportError
from clairlib.exporting import read_csv
from clairlib.io import dump, dumps
from clairlib.plugins import PluginHost, reset_plugin_manager
from clairlib.testing import sample_document


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """The sample report saved as canonical JSON."""
    path = tmp_path / "fy2013.json"
    dump(sample_document(), path)
    return path


def test_export_to_several_formats(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each format lands in DIR; the paths written are printed; nothing else on stderr."""
    out = tmp_path / "out"
    assert 0 == run(["export", str(report), "--to", "csv", "--to", "json", "--out", str(out)])
    printed = capsys.readouterr()
    assert "" == printed.err
    lines = printed.out.splitlines()
    assert str(out / "fy2013-csv" / "events.csv") == lines[0]
    assert str(out / "fy2013.json") == lines[-1]
    assert dumps(sample_document()) == (out / "fy2013.json").read_text(encoding="utf-8")
    assert sample_document().events == read_csv(out / "fy2013-csv").events


def test_options_go_to_the_formats_that_have_them(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--option key=value reaches every chosen format that has the key."""
    out = tmp_path / "out"
    code = run([
        "export", str(report), "--to", "csv", "--to", "markdown", "--out", str(out),
        "--option", "table=events", "--option", "headers=en", "--option", "markdown.tables=no",
    ])  # fmt: skip
    assert 0 == code
    assert [out / "fy2013-csv" / "events.csv", out / "fy2013.md"] == [
        Path(line) for line in capsys.readouterr().out.splitlines()
    ]
    assert (out / "fy2013-csv" / "events.csv").read_bytes().startswith(b"\xef\xbb\xbfid,name,")
    assert "|" not in (out / "fy2013.md").read_text(encoding="utf-8")


def test_split_options() -> None:
    """Unscoped keys go to every format that knows them; scoped ones to one format."""
    known = {"csv": frozenset({"encoding", "table"}), "docx": frozenset({"font"})}
    assert {"csv": {"encoding": "cp932"}, "docx": {"font": "游明朝"}} == split_options(
        ["encoding=cp932", "docx.font=游明朝"], ["csv", "docx"], known
    )
    with pytest.raises(ExportError, match="unknown option 'colour': none of csv, docx has it"):
        split_options(["colour=red"], ["csv", "docx"], known)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--to", "pdf"], "no exporter is called 'pdf' (installed: csv, "),
        (["--to", "csv", "--option", "encoding=cp-nope"], "unknown encoding 'cp-nope'"),
        (["--to", "csv", "--option", "csv.tabel=events"], "exporter 'csv': unknown option 'tabel'"),
        (["--to", "json", "--option", "oops"], "expected an option as key=value, found 'oops'"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line(
    report: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    """Unknown format, bad option or value: one line on stderr, exit 2, nothing written."""
    assert EXIT_USAGE == run(["export", str(report), "--out", str(tmp_path / "out"), *extra])
    err = capsys.readouterr().err
    assert err.startswith("clairlib: " + message)
    assert 1 == len(err.splitlines())
    assert not (tmp_path / "out").exists()


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not a document is a one-line error, not a traceback."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "annual_report"}', encoding="utf-8")
    assert EXIT_USAGE == run(["export", str(bad), "--to", "json", "--out", str(tmp_path)])
    assert "Traceback" not in capsys.readouterr().err


def test_without_out_writes_into_the_current_directory(
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without --out, the export lands in the directory the command runs in."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert 0 == run(["export", str(report), "--to", "json"])
    assert "fy2013.json" == capsys.readouterr().out.strip()
    assert dumps(sample_document()) == (here / "fy2013.json").read_text(encoding="utf-8")


def test_refuses_to_overwrite_the_input(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exporting JSON next to a JSON input of the same name would destroy it: refused."""
    before = report.read_bytes()
    assert EXIT_USAGE == run(["export", str(report), "--to", "json", "--out", str(report.parent)])
    assert "would overwrite the input" in capsys.readouterr().err
    assert before == report.read_bytes()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    """On a terminal the bar is drawn and its line ended; piped, nothing is written."""
    terminal = _Terminal()
    bar = ProgressBar("csv", terminal)
    bar(0, 4)
    bar(4, 4)
    bar.close()
    assert terminal.getvalue().endswith(f"\rcsv [{'#' * 30}] 100%\n")
    piped = io.StringIO()
    quiet = ProgressBar("csv", piped)
    quiet(1, 2)
    quiet.close()
    assert "" == piped.getvalue()


def test_progress_bar_without_a_total_counts() -> None:
    """Without a total the bar shows the count done."""
    terminal = _Terminal()
    ProgressBar("docx", terminal)(12345, None)
    assert "\rdocx 12,345" == terminal.getvalue()


@pytest.fixture
def fresh_host() -> Iterator[None]:
    """Find plugins afresh for the test, and restore the shared host after it."""
    old = reset_plugin_manager()
    yield
    reset_plugin_manager(old)


def test_plugins_lists_exporters_and_rules(
    capsys: pytest.CaptureFixture[str], fresh_host: None
) -> None:
    """Each exporter with suffix and distribution, its options, and each rule."""
    assert 0 == run(["plugins"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "Exporters:" == lines[0]
    csv_line = next(line for line in lines if line.startswith("  csv "))
    assert csv_line.split()[:3] == ["csv", ".csv/", "clairlib"]
    markdown = next(line for line in lines if line.startswith("  markdown "))
    assert markdown.split()[:3] == ["markdown", ".md", "clairlib-markdown"]
    assert "      encoding=utf-8-sig (str)" in out
    assert "      include_personal=false (bool) include fields naming private persons" in out
    assert "Rules:" in lines
    assert any(line.split()[:2] == ["sum-of-parts", "clairlib"] for line in lines)
    assert "Broken plugins:" not in out


def test_plugins_lists_readers(capsys: pytest.CaptureFixture[str], fresh_host: None) -> None:
    """Each reader with its suffixes and distribution, between the exporters and the rules."""
    assert 0 == run(["plugins"])
    lines = capsys.readouterr().out.splitlines()
    readers = lines.index("Readers:")
    assert lines.index("Exporters:") < readers < lines.index("Rules:")
    text = next(line for line in lines[readers:] if line.startswith("  text "))
    assert ["text", ".txt", ".text", "clairlib"] == text.split()[:4]
    pdf = next(line for line in lines[readers:] if line.startswith("  pdf "))
    assert ["pdf", ".pdf", "clairlib-pdf"] == pdf.split()[:3]


def test_plugins_lists_a_broken_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_host: None
) -> None:
    """A plugin that failed to load is listed with its distribution and the reason."""
    import importlib.metadata

    info = tmp_path / "broken_dist-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-dist\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[clairlib]\nbroken = no_such_module_at_all\n")
    points = list(importlib.metadata.Distribution.at(info).entry_points)
    reset_plugin_manager(PluginHost(entry_points=points, strict=False))
    assert 0 == run(["plugins"])
    out = capsys.readouterr().out
    assert (
        "Broken plugins:\n  broken (broken-dist): failed to import 'no_such_module_at_all'" in out
    )
