"""Tests of clairlib.export(): destinations, atomic output and failures mid-export."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import clairlib
from clairlib.errors import ClairlibError, ExportError, PluginError
from clairlib.exporting import Exporter, NoOptions, Sink, export, run
from clairlib.testing import sample_document

Write = Callable[[Any, Sink, Any, Any], None]


def _exporter(write: Write, *, multi_file: bool = False) -> Exporter:
    return Exporter(
        name="test", suffix=".txt", description="for tests", options=NoOptions, write=write,
        multi_file=multi_file,
    )  # fmt: skip


def _single(document: Any, sink: Sink, options: Any, progress: Any) -> None:
    with sink.open() as stream:
        stream.write(document.title.encode("utf-8"))


def _members(document: Any, sink: Sink, options: Any, progress: Any) -> None:
    for name in ("a.txt", "b.txt"):
        with sink.open(name) as stream:
            stream.write(name.encode())


def _fails_midway(*, member: bool) -> Write:
    def write(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        first = sink.open("a.txt" if member else None)
        first.write(b"half of the output")
        if member:
            first.close()
            sink.open("b.txt").write(b"started")
        raise ExportError("the disk is full")

    return write


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def test_single_file_to_a_path(tmp_path: Path) -> None:
    """The output appears at the path, with the paths written returned."""
    target = tmp_path / "deep" / "out.txt"
    assert (target,) == export(sample_document(), _exporter(_single), target)
    assert "平成25年度事業報告".encode() == target.read_bytes()


def test_failure_midway_keeps_the_existing_file(tmp_path: Path) -> None:
    """A failure after half the output: the old file is intact, no temporary file is left."""
    target = tmp_path / "out.txt"
    target.write_bytes(b"yesterday's export")
    with pytest.raises(ExportError, match="the disk is full"):
        export(sample_document(), _exporter(_fails_midway(member=False)), target)
    assert {"out.txt": b"yesterday's export"} == _files(tmp_path)


def test_failure_midway_leaves_no_new_file_or_directory(tmp_path: Path) -> None:
    """A failure in a new place leaves nothing behind, not even the directories made."""
    with pytest.raises(ExportError):
        export(sample_document(), _exporter(_fails_midway(member=False)), tmp_path / "a" / "b.txt")
    with pytest.raises(ExportError):
        export(sample_document(), _exporter(_fails_midway(member=True)), tmp_path / "dir")
    assert [] == list(tmp_path.iterdir())


def test_multi_file_failure_keeps_every_old_member(tmp_path: Path) -> None:
    """Members finished before the failure are not renamed in: the old set stays whole."""
    target = tmp_path / "dir"
    target.mkdir()
    (target / "a.txt").write_bytes(b"old a")
    (target / "b.txt").write_bytes(b"old b")
    with pytest.raises(ExportError):
        export(sample_document(), _exporter(_fails_midway(member=True), multi_file=True), target)
    assert {"dir/a.txt": b"old a", "dir/b.txt": b"old b"} == _files(tmp_path)


def test_multi_file_into_a_directory(tmp_path: Path) -> None:
    """Members are written into the directory; other files there are left alone."""
    target = tmp_path / "dir"
    target.mkdir()
    (target / "keep.me").write_bytes(b"mine")
    paths = export(sample_document(), _exporter(_members, multi_file=True), target)
    assert (target / "a.txt", target / "b.txt") == paths
    assert {"dir/a.txt": b"a.txt", "dir/b.txt": b"b.txt", "dir/keep.me": b"mine"} == _files(
        tmp_path
    )


def test_a_crash_is_an_export_error_and_cleans_up(tmp_path: Path) -> None:
    """An exporter's own bug becomes an ExportError naming it; nothing is left."""

    def crash(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        sink.open().write(b"partial")
        raise KeyError("programme")

    with pytest.raises(
        ExportError, match="exporter 'test' failed: KeyError: 'programme'"
    ) as raised:
        export(sample_document(), _exporter(crash), tmp_path / "out.txt")
    assert isinstance(raised.value.__cause__, KeyError)
    assert [] == list(tmp_path.iterdir())


def test_interrupt_passes_through_and_cleans_up(tmp_path: Path) -> None:
    """Ctrl-C is not turned into an ExportError, and still leaves no temporary file."""

    def interrupted(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        sink.open().write(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export(sample_document(), _exporter(interrupted), tmp_path / "out.txt")
    assert [] == list(tmp_path.iterdir())


def test_os_error_is_an_export_error(tmp_path: Path) -> None:
    """A write error from the system is an ExportError."""

    def full(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        sink.open()
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match=r"could not write: .*No space left on device"):
        export(sample_document(), _exporter(full), tmp_path / "out.txt")


def test_writing_nothing_is_an_error(tmp_path: Path) -> None:
    """An exporter that opens nothing has failed, and says so."""
    with pytest.raises(ExportError, match="exporter 'test' wrote nothing"):
        export(sample_document(), _exporter(lambda *args: None), tmp_path / "out.txt")


@pytest.mark.parametrize(
    ("calls", "message"),
    [
        ([None, None], "opened its output twice"),
        ([None, "a.txt"], "opened its output and then a member 'a.txt'"),
        (["a.txt", "a.txt"], "opened member 'a.txt' twice"),
        (["../escape.txt"], "expected a plain file name for an output member"),
        ([""], "expected a plain file name"),
    ],
)
def test_sink_misuse_is_refused(tmp_path: Path, calls: list[str | None], message: str) -> None:
    """Opening the output twice, mixing output and members, or a path as member: refused."""

    def write(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        for name in calls:
            sink.open(name).write(b"x")

    with pytest.raises(ExportError, match=message):
        export(sample_document(), _exporter(write), tmp_path / "out")
    assert [] == list(tmp_path.iterdir())


def test_single_file_onto_a_directory_is_refused(tmp_path: Path) -> None:
    """A single file cannot replace a directory."""
    with pytest.raises(ExportError, match=r"writes one file, but .* is a directory"):
        export(sample_document(), _exporter(_single), tmp_path)


def test_stream_gets_the_bytes_and_stays_open() -> None:
    """To a stream: bytes go straight there, and closing in the exporter does not close it."""
    stream = io.BytesIO()
    assert () == export(sample_document(), _exporter(_single), stream)
    assert not stream.closed
    assert "平成25年度事業報告".encode() == stream.getvalue()


def test_several_members_to_a_stream_are_refused() -> None:
    """A stream holds one output; a second member is an error."""
    with pytest.raises(ExportError, match="writes several files; give a directory"):
        export(sample_document(), _exporter(_members, multi_file=True), io.BytesIO())


def test_permissions_follow_the_umask_and_the_replaced_file(tmp_path: Path) -> None:
    """A new file gets the umask's permissions; a replaced file keeps its own."""
    umask = os.umask(0o027)
    try:
        export(sample_document(), _exporter(_single), tmp_path / "new.txt")
        old = tmp_path / "old.txt"
        old.write_bytes(b"x")
        old.chmod(0o600)
        export(sample_document(), _exporter(_single), old)
    finally:
        os.umask(umask)
    assert 0o640 == stat.S_IMODE((tmp_path / "new.txt").stat().st_mode)
    assert 0o600 == stat.S_IMODE(old.stat().st_mode)


def test_bad_document_destination_or_name() -> None:
    """Not a document, not a destination, not an exporter: clear ClairlibErrors."""
    with pytest.raises(ExportError, match="expected a MidTermPlan, AnnualPlan or AnnualReport"):
        export({"kind": "annual_report"}, _exporter(_single), io.BytesIO())  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="expected a path or a binary stream, found 42"):
        export(sample_document(), _exporter(_single), 42)  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="expected a binary stream, found a text stream"):
        export(sample_document(), _exporter(_single), io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(ExportError, match=r"export by name with clairlib.export\(document, 'csv'"):
        export(sample_document(), "csv", io.BytesIO())  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="no exporter is called 'pdf'"):
        clairlib.export(sample_document(), "pdf", io.BytesIO())
    assert issubclass(PluginError, ClairlibError)


def test_progress_is_passed_through() -> None:
    """The progress callback given to export() reaches the exporter."""
    seen: list[tuple[int, int | None]] = []

    def write(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        progress(1, 2)
        _single(document, sink, options, progress)

    export(sample_document(), _exporter(write), io.BytesIO(), progress=lambda *a: seen.append(a))
    assert [(1, 2)] == seen


def test_run_takes_ready_options() -> None:
    """run() writes with an options instance built elsewhere."""
    stream = io.BytesIO()
    run(sample_document(), _exporter(_single), stream, NoOptions())
    assert stream.getvalue()


def test_exporter_fields_are_checked() -> None:
    """A bad name, suffix or options class is refused when the Exporter is made."""
    with pytest.raises(ValueError, match="lower-case letters"):
        attrs.evolve(_exporter(_single), name="Word Doc")
    with pytest.raises(ValueError, match=r"look like '\.csv'"):
        attrs.evolve(_exporter(_single), suffix="csv")
    with pytest.raises(TypeError, match="must be an attrs class"):
        attrs.evolve(_exporter(_single), options=dict)

    @attrs.frozen
    class Needy:
        size: int

    with pytest.raises(TypeError, match=r"needs a default; \['size'\] have none"):
        attrs.evolve(_exporter(_single), options=Needy)


def test_clairlib_export_looks_the_exporter_up_by_name() -> None:
    """clairlib.export finds an installed exporter by its name and writes with it."""
    stream = io.BytesIO()
    clairlib.export(sample_document(), "json", stream)
    assert stream.getvalue().startswith(b'{\n  "events": [')
