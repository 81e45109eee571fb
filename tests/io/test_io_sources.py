"""Where documents come from and go to: paths, text, bytes, dicts; atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import clairlib
from clairlib import io
from clairlib.calendar import FiscalYear
from clairlib.errors import DocumentError, ExportError
from clairlib.model import AnnualReport

TEXT = '{"kind": "annual_report", "id": "r", "title": "報告", "fiscal_year": 2013}'
REPORT = AnnualReport(id="r", title="報告", fiscal_year=FiscalYear(2013))


class _Named(os.PathLike[str]):
    """A PathLike that is not a pathlib.Path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    """A file holding TEXT."""
    path = tmp_path / "report.json"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_load_reads_a_path_object(report_file: Path) -> None:
    """A pathlib.Path is read as a file."""
    assert REPORT == io.load(report_file)


def test_load_reads_a_path_given_as_str(report_file: Path) -> None:
    """A str naming an existing file is read as that file."""
    assert REPORT == io.load(str(report_file))


def test_load_reads_any_path_like(report_file: Path) -> None:
    """Any os.PathLike is read as a file."""
    assert REPORT == io.load(_Named(report_file))


def test_load_reads_json_text() -> None:
    """A str holding JSON is parsed."""
    assert REPORT == io.load(TEXT)


def test_load_reads_utf8_bytes_with_or_without_a_bom() -> None:
    """Bytes are UTF-8 JSON; a leading byte-order mark is allowed."""
    assert REPORT == io.load(TEXT.encode("utf-8"))
    assert REPORT == io.load(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))


def test_load_reads_a_parsed_dict() -> None:
    """An already parsed dict is structured directly."""
    assert REPORT == io.load(json.loads(TEXT))


def test_loads_reads_text_and_bytes_but_never_a_path(report_file: Path) -> None:
    """loads() parses its argument as JSON even when it names a file."""
    assert REPORT == io.loads(TEXT)
    assert REPORT == io.loads(TEXT.encode("utf-8"))
    with pytest.raises(DocumentError):
        io.loads(str(report_file))


def test_a_missing_file_is_a_document_error(tmp_path: Path) -> None:
    """A path that does not exist is reported, naming the file."""
    with pytest.raises(DocumentError) as caught:
        io.load(tmp_path / "missing.json")
    (finding,) = caught.value.findings
    assert ("structure.source", "$") == (finding.rule, finding.path)
    assert str(tmp_path / "missing.json") == caught.value.source


def test_a_str_that_is_neither_json_nor_a_file_says_so() -> None:
    """A short str that names no file and is not JSON is reported as such."""
    with pytest.raises(DocumentError) as caught:
        io.load("reports/fy2013.json")
    (finding,) = caught.value.findings
    assert "structure.source" == finding.rule
    assert 'found "reports/fy2013.json"' in finding.message


def test_load_refuses_other_types() -> None:
    """Passing a number or a list is a programming error, not a bad document."""
    with pytest.raises(TypeError, match="takes a path"):
        io.load(42)


def test_clairlib_exposes_load_dump_and_dumps_lazily(tmp_path: Path) -> None:
    """clairlib.load / dumps / dump are the io functions."""
    assert (io.load, io.dumps, io.dump) == (clairlib.load, clairlib.dumps, clairlib.dump)


def test_dump_writes_the_canonical_text(tmp_path: Path) -> None:
    """The file dump writes holds exactly what dumps returns, as UTF-8."""
    target = tmp_path / "out.json"
    io.dump(REPORT, target)
    assert io.dumps(REPORT).encode("utf-8") == target.read_bytes()


def test_dump_replaces_an_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    """An existing file is replaced whole; its permission bits carry over."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    io.dump(REPORT, target)
    assert REPORT == io.load(target)
    assert 0o640 == target.stat().st_mode & 0o777


def test_a_failed_dump_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after writing part of the data leaves the old file and no stray file."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ExportError, match="No space left on device"):
        io.dump(REPORT, target)
    assert "old" == target.read_text(encoding="utf-8")
    assert ["out.json"] == sorted(p.name for p in tmp_path.iterdir())


def test_a_dump_interrupted_while_replacing_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even an interrupt (not an OSError) at the last step removes the temporary file."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        io.dump(REPORT, target)
    assert "old" == target.read_text(encoding="utf-8")
    assert ["out.json"] == sorted(p.name for p in tmp_path.iterdir())


def test_dump_into_a_missing_directory_creates_it(tmp_path: Path) -> None:
    """Missing parent directories are created, as export creates them."""
    target = tmp_path / "no" / "such" / "out.json"
    io.dump(REPORT, target)
    assert io.dumps(REPORT) == target.read_text(encoding="utf-8")


def test_dump_of_text_utf8_cannot_hold_is_an_export_error(tmp_path: Path) -> None:
    """A lone surrogate in a field is refused, naming the character, and nothing is written."""
    report = AnnualReport(id="r", title="bad \ud800", fiscal_year=FiscalYear(2013))
    with pytest.raises(ExportError, match=r"U\+D800"):
        io.dump(report, tmp_path / "out.json")
    assert [] == list(tmp_path.iterdir())


def test_importing_clairlib_does_not_import_the_io_package() -> None:
    """clairlib.load is lazy: a bare ``import clairlib`` leaves clairlib.io unloaded."""
    code = "import sys, clairlib; print('clairlib.io' in sys.modules, 'cattrs' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "False False" == result.stdout.strip()
