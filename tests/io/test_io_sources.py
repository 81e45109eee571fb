"""Where documents come from and go to: paths, text, bytes, dicts; atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

import clairlib
from clairlib import io
from clairlib.calendar import FiscalYear
from clairlib.errors import DocumentError, ExportError
from clairlib.model import AnnualReport
from clairlib.testing import sample_document

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


@pytest.mark.parametrize(
    ("source", "found"),
    [(None, "null"), ([1, 2], "an array of 2"), (42, "number 42"), (object(), "object")],
)
def test_load_refuses_other_types_with_a_document_error(source: object, found: str) -> None:
    """None, a list, a number or any other object is a DocumentError, not a TypeError."""
    with pytest.raises(DocumentError) as caught:
        io.load(source)
    (finding,) = caught.value.findings
    assert ("structure.source", "$") == (finding.rule, finding.path)
    assert finding.message.endswith(f"found {found}")


def test_loads_refuses_what_is_not_text_with_a_document_error() -> None:
    """loads(None) is a ClairlibError naming what it was given."""
    with pytest.raises(DocumentError, match="expected JSON text or bytes, found null"):
        io.loads(None)  # type: ignore[arg-type]


def _office_file(member: str) -> bytes:
    stream = BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<document/>")
    return stream.getvalue()


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (_office_file("word/document.xml"), "a Word document (.docx): read it with clairlib read"),
        (_office_file("xl/workbook.xml"), "an Excel workbook (.xlsx): read it with clairlib read"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document: read it with clairlib read"),
        (_office_file("other.txt"), "a ZIP archive"),
    ],
    ids=["docx", "xlsx", "pdf", "zip"],
)
def test_an_office_file_or_pdf_is_named_by_its_content(data: bytes, said: str) -> None:
    """A .docx, .xlsx or PDF is told from its bytes, whatever its name, with what reads it."""
    with pytest.raises(DocumentError) as caught:
        io.load(data)
    (finding,) = caught.value.findings
    assert ("structure.json", "$") == (finding.rule, finding.path)
    assert f"expected a clairlib document in JSON, found {said}" == finding.message


def test_a_docx_named_json_is_still_a_docx(tmp_path: Path) -> None:
    """The content decides: a Word document saved as report.json is reported as one."""
    path = tmp_path / "report.json"
    path.write_bytes(_office_file("word/document.xml"))
    with pytest.raises(DocumentError, match=r"found a Word document \(\.docx\)"):
        io.load(path)


def test_clairlib_s_own_events_csv_is_recognised(tmp_path: Path) -> None:
    """The events.csv of clairlib's CSV export is named, with the functions that read it."""
    clairlib.export(sample_document(), "csv", tmp_path / "out")
    with pytest.raises(DocumentError) as caught:
        io.load(tmp_path / "out" / "events.csv")
    (finding,) = caught.value.findings
    assert finding.message.startswith(
        "expected a clairlib document in JSON, found clairlib's events.csv"
        " (columns ID, 名称, 事業, …)"
    )
    assert finding.message.endswith(
        "read clairlib's CSV export with clairlib.exporting.read_csv or clairlib read"
    )


def test_csv_bytes_without_a_name_are_a_csv_table() -> None:
    """CSV handed over as bytes is called a CSV table, by its shape."""
    with pytest.raises(DocumentError, match=r"found a CSV table \(columns id, name\)"):
        io.load(b"id,name\r\ne1,Expo\r\ne2,Seminar\r\n")


def test_a_directory_is_named_and_an_export_folder_pointed_at_read_csv(tmp_path: Path) -> None:
    """A directory is reported as one; the folder of a CSV export says what reads it."""
    with pytest.raises(DocumentError, match="expected a JSON file, found a directory"):
        io.load(tmp_path)
    clairlib.export(sample_document(), "csv", tmp_path / "out")
    with pytest.raises(DocumentError, match="a folder of clairlib's CSV export: read it with"):
        io.load(tmp_path / "out")


def test_text_that_is_merely_broken_json_is_not_called_csv() -> None:
    """Broken JSON keeps the JSON parser's line and column."""
    with pytest.raises(DocumentError, match="line 1, column 2"):
        io.load(b"{,}")


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


# Each text gives one key twice where colons inside strings, whitespace before a colon,
# an escaped quote or another encoding might hide it from a count of colons.
_TWICE = [
    (
        '{"kind": "annual_report", "id": "r", "title": "10:00", "fiscal_year": 2013, "id": "s"}',
        "$.id",
    ),
    ('{"kind":"annual_report","id":"a:b","title":"t","fiscal_year":2013,"title":"u"}', "$.title"),
    (
        '{"kind": "annual_report", "id" : "r", "title": "t", "fiscal_year": 2013, "id" : "r"}',
        "$.id",
    ),
    (
        '{"kind":"annual_report","id":"\\":\\":","title":"t","fiscal_year":2013,"title":"u"}',
        "$.title",
    ),
    (
        '{"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013,'
        '\n"kind"\n:\n"annual_report"}',
        "$.kind",
    ),
    (
        '{"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013, '
        '"events": [{"id": "E1", "name": "http://x", "name": "y"}]}',
        "$.events[0].name",
    ),
]


@pytest.mark.parametrize(("text", "path"), _TWICE)
def test_a_key_given_twice_is_found_however_the_colons_fall(text: str, path: str) -> None:
    """Colons in strings or spaced from their key never let a repeated key through."""
    for given in (text, text.encode("utf-8"), text.encode("utf-16")):
        with pytest.raises(DocumentError) as raised:
            io.load(given)
        assert [("structure.duplicate-key", path)] == [
            (finding.rule, finding.path) for finding in raised.value.findings
        ]


def test_colons_in_strings_and_spaced_keys_are_no_repeated_key() -> None:
    """A document without a repeated key loads, whatever colons its strings hold."""
    text = '{"kind" : "annual_report", "id": "r:1", "title": "10:00 \\":", "fiscal_year" :2013}'
    expected = AnnualReport(id="r:1", title='10:00 ":', fiscal_year=FiscalYear(2013))
    assert expected == io.load(text)
    assert expected == io.load(text.encode("utf-16"))


_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fy2013-report.json"


def _unlooked(monkeypatch: pytest.MonkeyPatch) -> None:
    # The slow search for a repeated key runs only when the keys counted fall short.
    def refuse(text: str, source: str | None) -> None:
        raise AssertionError("the keys counted fell short of the text's")

    monkeypatch.setattr("clairlib.io._source._refuse_keys_twice", refuse)


def test_every_key_read_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast reader counts every object's keys, tables' cells and an envelope's too."""
    text = _EXAMPLE.read_text(encoding="utf-8")
    expected = io.load(text)
    _unlooked(monkeypatch)
    assert expected == io.load(text)
    assert expected == io.loads(text.encode("utf-8"))
    assert expected == io.load(f'{{"clairlib": "1", "document": {text}}}')


def test_a_key_given_twice_in_a_cell_or_an_envelope_is_found() -> None:
    """A repeated key in a table row's cells, or in the envelope, is found as anywhere else."""
    data = json.loads(_EXAMPLE.read_text(encoding="utf-8"))
    cells = json.dumps(data["tables"][0]["rows"][0]["cells"], ensure_ascii=False)
    text = json.dumps(data, ensure_ascii=False).replace(cells, cells[:-1] + ', "venue": "x"}', 1)
    with pytest.raises(DocumentError) as raised:
        io.load(text)
    assert [("structure.duplicate-key", "$.tables[0].rows[0].cells.venue")] == [
        (finding.rule, finding.path) for finding in raised.value.findings
    ]
    for wrapped, path in [
        ('{"clairlib": "1", "document": {"kind": "annual_report"}, "clairlib": "1"}', "$.clairlib"),
        (
            '{"clairlib": "1", "document": {"kind": "annual_report", "kind": "annual_report"}}',
            "$.document.kind",
        ),
    ]:
        with pytest.raises(DocumentError) as raised:
            io.load(wrapped)
        assert [("structure.duplicate-key", path)] == [
            (finding.rule, finding.path) for finding in raised.value.findings
        ]


def test_loads_in_threads_each_count_their_own_keys() -> None:
    """Loads running at once in threads never lend each other keys: each repeat is found."""
    from concurrent.futures import ThreadPoolExecutor

    clean = _EXAMPLE.read_text(encoding="utf-8")
    twice = clean.replace('"kind": "annual_report"', '"kind": "annual_report", "id": "x"', 1)
    assert twice != clean

    def outcome(text: str) -> str:
        try:
            io.load(text)
        except DocumentError as error:
            return error.findings[0].rule
        return "loaded"

    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(outcome, [clean, twice] * 6))
    assert ["loaded", "structure.duplicate-key"] * 6 == found
