"""Faults at the output: targets that are not files, symlinks, long names, stale temporaries.

Every writer goes through :mod:`clairlib._targets`; these tests try ``export`` and
``dump`` alike against what a hostile or unlucky file system offers.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import clairlib
from clairlib import samples
from clairlib.calendar import FiscalYear
from clairlib.errors import ExportError
from clairlib.model import AnnualReport

REPORT = AnnualReport(id="r", title="報告", fiscal_year=FiscalYear(2013))


def _export(path: Path) -> None:
    clairlib.export(REPORT, "json", path)


def _dump(path: Path) -> None:
    clairlib.dump(REPORT, path)


def _expected(write: Callable[[Path], None]) -> str:
    if write is _dump:
        return clairlib.dumps(REPORT)
    stream = io.BytesIO()
    clairlib.export(REPORT, "json", stream)
    return stream.getvalue().decode("utf-8")


WRITERS: list[Callable[[Path], None]] = [_export, _dump]


def _names(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_fifo_target_is_refused_and_kept(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """A FIFO at the target is refused, naming it, and stays a FIFO with nothing beside it."""
    target = tmp_path / "out.json"
    os.mkfifo(target)
    with pytest.raises(ExportError, match=r"out\.json: it is a FIFO"):
        write(target)
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert ["out.json"] == _names(tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_character_device_target_is_refused(
    tmp_path: Path, write: Callable[[Path], None]
) -> None:
    """A character device (here a private /dev/null twin) is never replaced by a file."""
    target = tmp_path / "null"
    os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    with pytest.raises(ExportError, match="it is a character device, not a regular file"):
        write(target)
    assert stat.S_ISCHR(os.lstat(target).st_mode)
    assert ["null"] == _names(tmp_path)


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_symlink_is_written_through(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """A symlink to a file stays a symlink; the file it points to gets the new content."""
    real = tmp_path / "data" / "real.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(Path("data") / "real.json")
    write(link)
    assert link.is_symlink()
    assert _expected(write) == real.read_text(encoding="utf-8")
    assert 0o640 == stat.S_IMODE(real.stat().st_mode)
    assert ["data", "latest.json"] == _names(tmp_path)
    assert ["real.json"] == _names(real.parent)


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_dangling_symlink_is_refused(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """A symlink to nothing is refused, naming where it points, and is left alone."""
    link = tmp_path / "out.json"
    link.symlink_to("missing.json")
    with pytest.raises(ExportError, match=r"symbolic link to 'missing\.json'"):
        write(link)
    assert "missing.json" == os.readlink(link)
    assert ["out.json"] == _names(tmp_path)


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_symlink_to_a_fifo_is_refused(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """Following a symlink never leads to replacing something that is not a file."""
    os.mkfifo(tmp_path / "pipe")
    link = tmp_path / "out.json"
    link.symlink_to("pipe")
    with pytest.raises(ExportError, match="a FIFO"):
        write(link)
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert ["out.json", "pipe"] == _names(tmp_path)


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_missing_parent_directories_are_created(
    tmp_path: Path, write: Callable[[Path], None]
) -> None:
    """Both writers create the directories a target needs."""
    target = tmp_path / "a" / "b" / "out.json"
    write(target)
    assert _expected(write) == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_255_byte_name_is_written(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """A name at the file system's limit works: 80 kanji (240 bytes) and '.json' and ten more."""
    name = "報" * 80 + "0123456789.json"
    assert 255 == len(name.encode("utf-8"))
    write(tmp_path / name)
    assert [name] == _names(tmp_path)


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_name_over_255_bytes_is_refused(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """A name the file system cannot hold is refused before anything is written."""
    name = "a" * 252 + ".json"
    with pytest.raises(ExportError, match="257 bytes long"):
        write(tmp_path / name)
    assert [] == _names(tmp_path)


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


def _temporary_name(final: str, pid: int) -> str:
    return f".{final}.{pid}.0123abcd.tmp"


def test_a_stale_temporary_of_a_dead_process_is_removed_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The next export to the same place removes a temporary whose process is gone, and says so."""
    pid = _dead_pid()
    stale = tmp_path / _temporary_name("out.json", pid)
    stale.write_bytes(b"half")
    with caplog.at_level(logging.WARNING, logger="clairlib"):
        _export(tmp_path / "out.json")
    assert ["out.json"] == _names(tmp_path)
    assert [f"removed {stale}, a temporary file left by an interrupted write (process {pid})"] == [
        record.getMessage() for record in caplog.records
    ]


def test_temporaries_of_running_processes_and_other_names_are_kept(tmp_path: Path) -> None:
    """A temporary of a live process, another target's, or a file merely like ours stays."""
    live = _temporary_name("out.json", os.getppid())
    other = _temporary_name("other.json", _dead_pid())
    lookalike = ".out.json.old.tmp"
    for name in (live, other, lookalike):
        (tmp_path / name).write_bytes(b"x")
    _dump(tmp_path / "out.json")
    assert sorted([live, other, lookalike, "out.json"]) == _names(tmp_path)


def test_a_locked_temporary_is_kept_even_if_its_pid_looks_dead(tmp_path: Path) -> None:
    """A temporary whose lock is held (a writer in another pid namespace) is not removed."""
    stale = tmp_path / _temporary_name("out.json", _dead_pid())
    stale.write_bytes(b"x")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys; f = open(sys.argv[1], 'rb'); fcntl.flock(f, fcntl.LOCK_EX);"
            " print('locked', flush=True); sys.stdin.read()",
            str(stale),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert "locked" == holder.stdout.readline().strip()
        _dump(tmp_path / "out.json")
        assert stale.exists()
    finally:
        assert holder.stdin is not None
        assert holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


_SLOW_EXPORT = """
import sys, time, attrs
import clairlib
from clairlib import samples
from clairlib.exporting import Exporter, NoOptions
from clairlib.calendar import FiscalYear
from clairlib.model import AnnualReport

def write(document, sink, options, progress):
    out = sink.open()
    out.write(b"partial output")
    out.flush()
    print("writing", flush=True)
    time.sleep(60)

slow = Exporter(name="slow", suffix=".json", description="sleeps", options=NoOptions, write=write)
report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013))
clairlib.export(report, slow, sys.argv[1])
"""


def test_kill_9_mid_export_keeps_the_old_file_and_the_next_export_cleans_up(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``kill -9`` mid-export leaves the old file whole; the next export removes the leftover."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert "writing" == child.stdout.readline().strip()
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    leftover = _names(tmp_path)
    assert 2 == len(leftover)
    assert "old" == target.read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="clairlib"):
        _export(target)
    assert ["out.json"] == _names(tmp_path)
    assert _expected(_export) == target.read_text(encoding="utf-8")
    assert 1 == len(caplog.records)
    assert f"(process {child.pid})" in caplog.records[0].getMessage()


# -- streams ------------------------------------------------------------------------


class _ShortWriter(io.RawIOBase):
    """A raw stream that takes at most ``limit`` bytes a call, as a pipe or socket may."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data[: self.limit])
        self.data += chunk
        return len(chunk)


def test_a_short_writing_stream_receives_everything() -> None:
    """Every byte reaches a stream that takes 1,000 bytes a call, for JSON and CSV alike."""
    report = samples.fy2013_report()
    expected = io.BytesIO()
    clairlib.export(report, "json", expected)
    short = _ShortWriter(1000)
    clairlib.export(report, "json", short)  # type: ignore[arg-type]
    assert len(expected.getvalue()) > 10_000
    assert expected.getvalue() == bytes(short.data)


def test_a_stream_that_accepts_nothing_is_an_export_error() -> None:
    """A stream that takes no bytes at all is reported, not looped on forever."""
    with pytest.raises(ExportError, match="accepted 0 of"):
        clairlib.export(REPORT, "json", _ShortWriter(0))  # type: ignore[arg-type]


def test_exporting_to_a_closed_stream_is_an_export_error() -> None:
    """A closed stream is refused with a ClairlibError, not a bare ValueError."""
    stream = io.BytesIO()
    stream.close()
    with pytest.raises(ExportError, match="closed stream"):
        clairlib.export(REPORT, "json", stream)


class _Failing(io.RawIOBase):
    """A stream whose write fails with ENOSPC and whose flush and close fail otherwise."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise ValueError("flush of a broken stream")


def test_cleanup_of_a_failed_stream_does_not_mask_the_error() -> None:
    """The write's error is reported even when flushing the stream afterwards fails too."""
    with pytest.raises(ExportError, match="No space left on device"):
        clairlib.export(REPORT, "json", _Failing())  # type: ignore[arg-type]


def test_a_full_disk_stream_is_an_export_error() -> None:
    """/dev/full as the output stream gives an ExportError that says the disk is full."""
    with (
        open("/dev/full", "wb", buffering=0) as stream,
        pytest.raises(ExportError, match="No space left"),
    ):
        clairlib.export(samples.fy2013_report(), "csv", stream)


def test_a_closed_pipe_is_an_export_error() -> None:
    """Writing to a pipe whose reader has gone gives an ExportError, not a BrokenPipeError."""
    read, write = os.pipe()
    os.close(read)
    with (
        os.fdopen(write, "wb", buffering=0) as stream,
        pytest.raises(ExportError, match="Broken pipe"),
    ):
        clairlib.export(samples.fy2013_report(), "json", stream)


@pytest.mark.parametrize("write", WRITERS, ids=["export", "dump"])
def test_a_parent_that_is_a_file_is_refused(tmp_path: Path, write: Callable[[Path], None]) -> None:
    """A file where a parent directory should be is an ExportError, and is left as it was."""
    (tmp_path / "a").write_text("file", encoding="utf-8")
    with pytest.raises(ExportError, match=r"b/out\.json: Not a directory"):
        write(tmp_path / "a" / "b" / "out.json")
    assert "file" == (tmp_path / "a").read_text(encoding="utf-8")
    assert ["a"] == _names(tmp_path)


def test_a_multi_file_export_refuses_a_fifo_member_and_writes_no_member(tmp_path: Path) -> None:
    """One member that is a FIFO fails the whole CSV export; no other member is replaced."""
    target = tmp_path / "csv"
    target.mkdir()
    os.mkfifo(target / "events.csv")
    with pytest.raises(ExportError, match=r"events\.csv: it is a FIFO"):
        clairlib.export(samples.fy2013_report(), "csv", target)
    assert ["events.csv"] == _names(target)
