"""The command line under hostile input and faults: one line on stderr, exit 2, no traceback.

The subprocess tests run ``python -m clairlib`` for real, with standard output on a
full disk, a closed pipe, and locales whose encoding is strict.
"""

from __future__ import annotations

import io
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from clairlib._commands import _input, _output
from clairlib.cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, run

ROOT = Path(__file__).parent.parent.parent
REPORT = ROOT / "examples" / "fy2013-report.json"
FULL_DISK = "clairlib: cannot write to standard output: No space left on device"

# A title and a figure label that try to retitle the terminal (OSC), paint it (CSI),
# send a C1 CSI, reverse the text, and carry a byte that is not UTF-8.
HOSTILE_LABEL = "\x1b]0;pwned\x07\x1b[31mred\x9b\u202eevil\udcff"
HOSTILE_SHOWN = "\\x1b]0;pwned\\x07\\x1b[31mred\\x9b\\u202eevil\\xff"


def _hostile_report(tmp_path: Path) -> Path:
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["figures"][0]["label"] = HOSTILE_LABEL
    data["title"] = HOSTILE_LABEL
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    return path


def _cli(
    *args: str, env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    environment.pop("PYTHONIOENCODING", None)
    environment.pop("PYTHONUTF8", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "clairlib", *args], env=environment, timeout=120, **kwargs
    )


# -- the printer --------------------------------------------------------------------


def test_visible_escapes_controls_and_keeps_text() -> None:
    """C0 (but tab and line feed), DEL, C1, bidi overrides and surrogates become escapes."""
    assert "a\tb\nc\\x00\\x1b[0m\\x7f\\x85\\u202e\\u2028\\xff\\ud800 日本 é 😀" == (
        _output.visible("a\tb\nc\x00\x1b[0m\x7f\x85\u202e\u2028\udcff\ud800 日本 é 😀")
    )


def test_emit_json_stays_valid_json_with_every_hostile_character(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """JSON output escapes C1, DEL and bidi characters as u-escapes and parses back."""
    _output.emit_json({"t": "\x1b\x7f\x9b\u202e日本"})
    out = capsys.readouterr().out
    assert '{\n  "t": "\\u001b\\u007f\\u009b\\u202e日本"\n}\n' == out
    assert {"t": "\x1b\x7f\x9b\u202e日本"} == json.loads(out)


def test_a_stream_that_cannot_encode_gets_backslash_escapes() -> None:
    """On an ASCII stream, Japanese text is printed as escapes instead of failing."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    saved = sys.stdout
    sys.stdout = stream
    try:
        _output.emit("報告")
    finally:
        sys.stdout = saved
    stream.flush()
    assert b"\\u5831\\u544a\n" == raw.getvalue()


# -- arguments are paths ------------------------------------------------------------


@pytest.mark.parametrize("name", ["[draft] report.json", "{v2} report.json", "2013"])
@pytest.mark.parametrize("command", ["validate", "summary", "export"])
def test_a_missing_file_says_so_whatever_it_looks_like(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    command: str,
) -> None:
    """An argument that looks like JSON text or a number is a path, and a missing one says so."""
    monkeypatch.chdir(tmp_path)
    extra = ["--to", "json", "--out", "out"] if command == "export" else []
    assert EXIT_USAGE == run([command, name, *extra])
    assert f"clairlib: cannot read {name}: no such file\n" == capsys.readouterr().err


@pytest.mark.parametrize("name", ["[draft] report.json", "{v2} report.json", "2013"])
def test_a_file_named_like_json_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A file whose name starts with a bracket or is a number is read as the file it is."""
    (tmp_path / name).write_bytes(REPORT.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert EXIT_OK == run(["summary", name])
    assert capsys.readouterr().out.startswith("fy2013-report — FY2013 (平成25年度)")


def test_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` is standard input."""
    stdin = io.TextIOWrapper(io.BytesIO(REPORT.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert EXIT_OK == run(["summary", "-"])
    assert capsys.readouterr().out.startswith("fy2013-report — FY2013")


@pytest.mark.parametrize("command", ["validate", "summary", "export"])
def test_dev_zero_is_refused_as_a_device(
    command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """/dev/zero is a character device: refused at once, not read until memory runs out."""
    extra = ["--to", "json", "--out", str(tmp_path)] if command == "export" else []
    assert EXIT_USAGE == run([command, "/dev/zero", *extra])
    expected = "clairlib: cannot read /dev/zero: it is a character device, not a regular file\n"
    assert expected == capsys.readouterr().err
    assert [] == list(tmp_path.iterdir())


def test_a_fifo_and_a_directory_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FIFO is refused without waiting for a writer; a directory is named as one."""
    os.mkfifo(tmp_path / "pipe")
    assert EXIT_USAGE == run(["validate", str(tmp_path / "pipe")])
    assert EXIT_USAGE == run(["validate", str(tmp_path)])
    assert [
        f"clairlib: cannot read {tmp_path / 'pipe'}: it is a FIFO (named pipe), not a regular file",
        f"clairlib: cannot read {tmp_path}: it is a directory, not a regular file",
    ] == capsys.readouterr().err.splitlines()


def test_input_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file or standard input larger than the limit is refused with the limit named."""
    monkeypatch.setattr(_input, "MAX_INPUT", 1000)
    assert EXIT_USAGE == run(["validate", str(REPORT)])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" " * 1001)))
    assert EXIT_USAGE == run(["validate", "-"])
    assert [
        f"clairlib: cannot read {REPORT}: it is larger than the 1,000 bytes clairlib reads "
        "from one document",
        "clairlib: cannot read standard input: it is larger than the 1,000 bytes clairlib "
        "reads from one document",
    ] == capsys.readouterr().err.splitlines()


def test_export_of_an_empty_object_prints_its_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``{}`` has no kind: the message says so rather than only counting one problem."""
    (tmp_path / "empty.json").write_text("{}", encoding="utf-8")
    assert EXIT_USAGE == run(
        ["export", str(tmp_path / "empty.json"), "--to", "json", "--out", str(tmp_path / "o")]
    )
    err = capsys.readouterr().err
    assert err.startswith(f"clairlib: cannot read {tmp_path / 'empty.json'}: expected kind")
    assert err.endswith("found none @ $.kind\n")


# -- the guard ----------------------------------------------------------------------


def test_an_interrupt_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C in a command ends it with 130 and prints nothing."""
    import clairlib.aggregate

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(clairlib.aggregate, "summarize", interrupted)
    assert EXIT_INTERRUPTED == run(["summary", str(REPORT)])
    assert ("", "") == tuple(capsys.readouterr())


def _blocked_reading_stdin(pid: int) -> bool:
    # The kernel names the wait differently across versions (pipe_wait, pipe_read,
    # anon_pipe_read); where it shows the system call, read(0, …) says it exactly.
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        call = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    if call[:2] == ["0", "0x0"] and platform.machine() == "x86_64":
        return True
    return "pipe_read" in wchan or wchan in {"pipe_wait", "wait_woken"}


def test_sigint_in_a_real_process_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """A real SIGINT while reading standard input ends the process with 130, silently."""
    child = subprocess.Popen(
        [sys.executable, "-m", "clairlib", "validate", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None
    child.stdin.write(b"{")
    child.stdin.flush()
    # Signal only once the command is blocked on standard input (imports done, guard in
    # place): a signal during the imports tests something else.
    for _ in range(1200):
        if _blocked_reading_stdin(child.pid):
            break
        time.sleep(0.05)
    else:
        child.kill()
        pytest.fail("the command never blocked reading standard input")
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert (EXIT_INTERRUPTED, b"", b"") == (child.returncode, out, err)


def test_an_unexpected_exception_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug (here a TypeError) is named in one line, with exit 2 and no traceback."""
    import clairlib.aggregate

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("boom\nsecond line")

    monkeypatch.setattr(clairlib.aggregate, "summarize", broken)
    assert EXIT_USAGE == run(["summary", str(REPORT)])
    assert (
        "clairlib: unexpected TypeError: boom (a bug: please report it)\n"
        == capsys.readouterr().err
    )


# -- real processes: full disk, closed pipe, strict locales ---------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(REPORT)],
        ["summary", str(REPORT)],
        ["plugins"],
        ["export", str(REPORT), "--to", "json", "--out", "OUT"],
    ],
    ids=["validate", "summary", "plugins", "export"],
)
def test_standard_output_on_a_full_disk_is_one_line_exit_2(tmp_path: Path, args: list[str]) -> None:
    """``>/dev/full``: exit 2 and the one line that says the disk is full."""
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    with open("/dev/full", "wb") as full:
        result = _cli(*args, stdout=full, stderr=subprocess.PIPE)
    assert (EXIT_USAGE, FULL_DISK) == (result.returncode, result.stderr.decode().strip())


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``| head -1``: the reader leaving early is no error and prints no traceback."""
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "wb") as closed:
        result = _cli("validate", str(REPORT), stdout=closed, stderr=subprocess.PIPE)
    assert (1, b"") == (result.returncode, result.stderr)


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C.UTF-8"},
        {"LANG": "C"},
        {"LC_ALL": "C"},
        {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "ascii"},
    ],
    ids=["strict-utf8", "lang-c", "lc-all-c", "ascii"],
)
@pytest.mark.parametrize("command", ["validate", "summary"])
def test_hostile_text_and_file_names_print_under_every_locale(
    tmp_path: Path, env: dict[str, str], command: str
) -> None:
    """Surrogates, escapes and an undecodable file name are printed visibly, in every locale."""
    hostile = _hostile_report(tmp_path)
    name = os.fsencode(tmp_path) + b"/\xff\xfe.json"
    os.rename(hostile, name)
    # In Japanese the summary shows the figures' printed labels, the hostile one among them.
    extra = ["--lang", "ja"] if command == "summary" else []
    result = _cli(command, os.fsdecode(name), *extra, env=env, capture_output=True)
    assert result.returncode in {0, 1}, result.stderr
    assert b"" == result.stderr
    assert b"\x1b" not in result.stdout
    assert b"\xc2\x9b" not in result.stdout
    assert b"\xff" not in result.stdout
    if command == "summary":
        assert HOSTILE_SHOWN.encode() in result.stdout
    else:
        assert b"\\xff\\xfe.json: invalid" in result.stdout


@pytest.mark.parametrize("env", [{"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C"}], ids=["strict-utf8", "c"])
def test_an_undecodable_missing_file_name_is_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    """The error about a missing file whose name is not UTF-8 shows the byte as an escape."""
    name = os.fsencode(tmp_path) + b"/\xff.json"
    result = _cli("validate", os.fsdecode(name), env=env, capture_output=True)
    expected = f"clairlib: cannot read {tmp_path}/\\xff.json: no such file"
    assert (EXIT_USAGE, expected) == (result.returncode, result.stderr.decode().strip())


def test_export_says_when_it_removes_a_stale_temporary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The temporary file of a killed export is removed by the next one, which says so."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=60)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".fy2013-report.json.{dead.pid}.0123abcd.tmp"
    stale.write_bytes(b"{")
    assert EXIT_OK == run(["export", str(REPORT), "--to", "json", "--out", str(out)])
    captured = capsys.readouterr()
    assert f"{out / 'fy2013-report.json'}\n" == captured.out
    expected = (
        f"clairlib: warning: removed {stale}, a temporary file left by an interrupted write "
        f"(process {dead.pid})\n"
    )
    assert expected == captured.err
    assert ["fy2013-report.json"] == os.listdir(out)


def test_warnings_during_a_command_are_one_visible_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A warning (a plugin's, carrying document text) is printed by the safe printer."""
    import warnings

    import clairlib.aggregate

    real = clairlib.aggregate.summarize

    def warning(*args: Any, **kwargs: Any) -> Any:
        warnings.warn("title \x1b[2J cleared", UserWarning, stacklevel=1)
        return real(*args, **kwargs)

    monkeypatch.setattr(clairlib.aggregate, "summarize", warning)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        assert EXIT_OK == run(["summary", str(REPORT)])
    assert "clairlib: warning: title \\x1b[2J cleared\n" == capsys.readouterr().err


def test_docx_export_of_fiscal_year_1_writes_a_western_year(tmp_path: Path) -> None:
    """A year before the era calendar has no era name: the Word title says 1年度 instead."""
    docx = pytest.importorskip("docx")
    import clairlib
    from clairlib.calendar import FiscalYear
    from clairlib.model import AnnualReport

    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(1))
    (path,) = clairlib.export(report, "docx", tmp_path / "r.docx")
    texts = [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]
    assert "1年度事業報告" in texts


def test_export_reads_standard_input_and_names_the_output_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``export -`` reads the document from standard input and writes stdin.json."""
    stdin = io.TextIOWrapper(io.BytesIO(REPORT.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert EXIT_OK == run(["export", "-", "--to", "json", "--out", str(tmp_path)])
    assert f"{tmp_path / 'stdin.json'}\n" == capsys.readouterr().out
    assert ["stdin.json"] == os.listdir(tmp_path)
