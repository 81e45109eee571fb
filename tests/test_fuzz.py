"""Fuzz: arbitrary JSON and mutated examples through load, validate, summary, every exporter.

Whatever the input, the outcome is a document (with findings) or a ClairlibError —
never another exception — and no example takes longer than a generous time bound
(a signal alarm, so that a hang fails the test instead of stopping the suite). The
same inputs go through the command line's printed output under a strict UTF-8, a
``LANG=C`` (UTF-8 with surrogateescape) and an ASCII standard output.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import signal
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clairlib
from clairlib.aggregate import summarize
from clairlib.cli import run
from clairlib.errors import ClairlibError
from clairlib.model import AnnualReport, Document
from tests import strategies

# Far above what any example needs on a loaded two-core machine: only a hang reaches it.
TIME_BOUND = 30

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")


class Hang(Exception):
    """An example ran past the time bound."""


@contextlib.contextmanager
def _bounded(seconds: int = TIME_BOUND) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"an example ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _load(text: str) -> Document | None:
    try:
        return clairlib.io.loads(text)
    except ClairlibError:
        return None


def _through_everything(document: Document, *, exporters: bool = True) -> None:
    report = clairlib.validate(document)
    assert isinstance(report.valid, bool)
    if isinstance(document, AnnualReport):
        with contextlib.suppress(ClairlibError):
            summarize(document)
    if not exporters:
        return
    with warnings.catch_warnings():
        # An exporter's finding (a removed character) is a warning: an allowed outcome.
        warnings.simplefilter("ignore")
        for name, exporter in sorted(clairlib.exporters().items()):
            if exporter.multi_file:
                directory = Path(tempfile.mkdtemp())
                try:
                    with contextlib.suppress(ClairlibError):
                        clairlib.export(document, name, directory / "out")
                finally:
                    shutil.rmtree(directory)
            else:
                with contextlib.suppress(ClairlibError):
                    clairlib.export(document, name, io.BytesIO())


@_fuzz(150)
@given(st.one_of(strategies.json_values, strategies.json_documents))
def test_arbitrary_json_is_a_document_or_a_clairlib_error(value: Any) -> None:
    """Any JSON value loads as a document or raises a ClairlibError; a document goes on."""
    with _bounded():
        document = _load(strategies.json_text(value))
        if document is not None:
            _through_everything(document)


_SMALL = ("fy2011-plan", "fy2025-plan", "midterm-plan-2022", "fy2013-excerpt")


@_fuzz(30)
@given(strategies.mutated_examples(_SMALL))
def test_mutated_examples_go_through_every_exporter(value: Any) -> None:
    """Every text and number of the examples, replaced, leaves only findings or ClairlibErrors."""
    with _bounded():
        document = _load(strategies.json_text(value))
        if document is not None:
            _through_everything(document)


@_fuzz(8)
@given(strategies.mutated_examples(("fy2013-report",)))
def test_mutated_fy2013_report_loads_validates_and_summarizes(value: Any) -> None:
    """The whole FY2013 report, mutated, through load, validate, summary and JSON."""
    with _bounded():
        document = _load(strategies.json_text(value))
        if document is not None:
            _through_everything(document, exporters=False)
            with contextlib.suppress(ClairlibError):
                clairlib.export(document, "json", io.BytesIO())


# -- printed output --------------------------------------------------------------------

OUTPUTS = [("utf-8", "strict"), ("utf-8", "surrogateescape"), ("ascii", "strict")]
# C0 but tab and line feed, DEL, C1, surrogates, bidi embeddings and overrides.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e]")


def _printed(argv: list[str], encoding: str, errors: str) -> tuple[int, bytes, bytes]:
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding=encoding, errors=errors, write_through=True)
    stderr = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        status = run(argv)
    finally:
        sys.stdout, sys.stderr = saved
    stdout.flush()
    stderr.flush()
    return status, out.getvalue(), err.getvalue()


@_fuzz(40)
@given(
    st.one_of(strategies.mutated_examples(_SMALL), strategies.json_documents),
    st.sampled_from(OUTPUTS),
    st.sampled_from([["validate"], ["validate", "--format", "json"], ["summary"]]),
)
def test_printed_output_is_safe_in_every_locale(
    value: Any, output: tuple[str, str], command: list[str]
) -> None:
    """Every command prints encodable text without raw controls, or one error line, exit 0–2."""
    encoding, errors = output
    with tempfile.TemporaryDirectory() as directory, _bounded():
        path = Path(directory) / "doc.json"
        path.write_text(strategies.json_text(value), encoding="ascii")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            status, out, err = _printed([command[0], str(path), *command[1:]], encoding, errors)
    assert status in {0, 1, 2}
    # Decoded strictly: nothing the terminal's encoding cannot show.
    printed, error = out.decode(encoding), err.decode(encoding)
    assert [] == RAW.findall(printed) + RAW.findall(error)
    if status == 2:
        assert 1 == len(error.splitlines())
        assert error.startswith("clairlib: ")
        assert "a bug: please report it" not in error
