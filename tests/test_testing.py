"""Tests of clairlib.testing: the conformance suite catches exporters that break promises."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import attrs
import pytest

from clairlib import _conformance as checks
from clairlib.errors import ExportError
from clairlib.exporting import Exporter, NoOptions, Sink, option
from clairlib.testing import HOSTILE_STRINGS, check_exporter, hostile_document, sample_document


def _exporter(write: Any, options: type = NoOptions) -> Exporter:
    return Exporter(name="probe", suffix=".txt", description="probe", options=options, write=write)


def _good(document: Any, sink: Sink, options: Any, progress: Any) -> None:
    with sink.open() as stream:
        stream.write(document.title.encode("utf-8"))


def test_built_in_exporters_pass() -> None:
    """CSV and JSON pass every check."""
    check_exporter("csv", distribution="clairlib")
    check_exporter("json", distribution="clairlib")


def test_wrong_distribution_is_caught() -> None:
    """An exporter registered by another distribution than expected fails."""
    with pytest.raises(AssertionError, match="comes from distribution 'clairlib'"):
        check_exporter("csv", distribution="someone-else")


def test_unregistered_exporter_is_caught() -> None:
    """A name no entry point provides fails with the names that are found."""
    with pytest.raises(AssertionError, match="no exporter 'probe' is registered"):
        check_exporter("probe")


def test_swallowed_write_error_is_caught(tmp_path: Path) -> None:
    """An exporter that hides a failed write (leaving half a file) fails the atomic check."""

    def swallowing(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        stream = sink.open()
        with contextlib.suppress(OSError):
            stream.write(b"some output")

    with pytest.raises(AssertionError, match="did not fail when its file could not be written"):
        checks.check_atomic(_exporter(swallowing), sample_document(), tmp_path)
    checks.check_atomic(_exporter(_good), sample_document(), tmp_path / "good")


def test_stream_and_path_difference_is_caught(tmp_path: Path) -> None:
    """Different bytes to a stream and to a path fail the output check."""
    outputs = iter([b"first", b"second"])

    def varying(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        with sink.open() as stream:
            stream.write(next(outputs))

    with pytest.raises(AssertionError, match="different bytes to a stream and to a path"):
        checks.check_output(_exporter(varying), sample_document(), tmp_path)


def test_crash_on_hostile_text_is_caught() -> None:
    """A crash (not a ClairlibError) on hostile text fails; warnings do not."""

    def fragile(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        if "\x00" in document.preamble[0].text:
            raise ValueError("NUL in text")
        _good(document, sink, options, progress)

    with pytest.raises(AssertionError, match="crashed on hostile text: ValueError: NUL in text"):
        checks.check_hostile(_exporter(fragile), hostile_document())

    def warning(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        import warnings

        warnings.warn("removed characters", UserWarning, stacklevel=1)
        _good(document, sink, options, progress)

    checks.check_hostile(_exporter(warning), hostile_document())


def test_progress_going_backwards_is_caught(tmp_path: Path) -> None:
    """Progress that goes back, or past its total, fails."""

    def backwards(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        if progress is not None:
            progress(2, 3)
            progress(1, 3)
        _good(document, sink, options, progress)

    with pytest.raises(AssertionError, match="progress went back from 2 to 1"):
        checks.check_progress(_exporter(backwards), sample_document(), tmp_path)


def test_option_that_cannot_be_given_as_text_is_caught() -> None:
    """An option whose type the command line cannot spell fails the options check."""

    @attrs.frozen
    class Odd:
        size: complex = option(1j, help="no command line for this")

    with pytest.raises(ExportError, match="unsupported option type complex"):
        checks.check_options(_exporter(_good, options=Odd))


def test_sample_and_hostile_documents() -> None:
    """The sample report is valid; the hostile one carries every hostile string."""
    import clairlib

    assert clairlib.validate(sample_document()).valid
    text = hostile_document().preamble[0].text
    assert all(hostile in text for hostile in HOSTILE_STRINGS)
    assert "=cmd|' /C calc'!A0" in HOSTILE_STRINGS
    stream = io.BytesIO()
    clairlib.export(hostile_document(), "json", stream)
    assert stream.getvalue()
