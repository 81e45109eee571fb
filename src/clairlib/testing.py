"""A conformance suite an exporter or reader plugin runs against itself, and sample documents.

In the plugin's tests (pytest collects the class through the ``Test`` name)::

    from clairlib.testing import ExporterConformance

    class TestMarkdownConformance(ExporterConformance):
        exporter = "markdown"
        distribution = "clairlib-markdown"

Each test checks one promise: the exporter is registered through its entry
point, its options all have defaults and can be given on the command line,
it writes the sample document to a path and to a stream, a failure in the
middle of writing leaves no partial file and keeps the old one, an unknown
option is refused, progress counts up, and hostile text (formula injection,
control characters, emoji) never crashes it. :func:`check_exporter` runs the
same checks outside pytest.

A reader subclasses :class:`ReaderConformance` the same way, with ``reader`` and
a ``sample()`` of its format: it is registered, its options have defaults, the
sample reads into a document with provenance, and garbage gives a
:class:`~clairlib.errors.ClairlibError`, never a traceback (:func:`check_reader`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import ClassVar

from clairlib import _conformance as checks
from clairlib import _reader_conformance as reader_checks
from clairlib._samples import HOSTILE_STRINGS, hostile_document, sample_document
from clairlib.exporting import Exporter
from clairlib.model import Document
from clairlib.reading import Reader

__all__ = [
    "HOSTILE_STRINGS",
    "ExporterConformance",
    "ReaderConformance",
    "check_exporter",
    "check_reader",
    "hostile_document",
    "sample_document",
]


class ExporterConformance:
    """Conformance tests for one exporter: subclass as ``Test…`` and set ``exporter``.

    ``distribution`` (optional) is the distribution that must provide it;
    ``deterministic = False`` for a format that embeds the time of writing, so
    stream and path output are not compared byte for byte. Override
    :meth:`document` to export a document of your own.
    """

    exporter: ClassVar[str]
    distribution: ClassVar[str | None] = None
    deterministic: ClassVar[bool] = True

    def document(self) -> Document:
        """The document the output tests write."""
        return sample_document()

    def _exporter(self) -> Exporter:
        return checks.find_exporter(self.exporter, distribution=self.distribution)

    def test_registered(self) -> None:
        """The exporter is found through its entry point, with a suffix and description."""
        checks.check_registered(self.exporter, distribution=self.distribution)

    def test_options(self) -> None:
        """Every option has a default and reads back from its command-line text."""
        checks.check_options(self._exporter())

    def test_output(self, tmp_path: Path) -> None:
        """The sample document is written to a path, and the same bytes to a stream."""
        checks.check_output(
            self._exporter(), self.document(), tmp_path, deterministic=self.deterministic
        )

    def test_atomic(self, tmp_path: Path) -> None:
        """A failure in the middle leaves no partial file and keeps the old one."""
        checks.check_atomic(self._exporter(), self.document(), tmp_path)

    def test_unknown_option(self) -> None:
        """An unknown option is refused by name."""
        checks.check_unknown_option(self._exporter(), self.document())

    def test_progress(self, tmp_path: Path) -> None:
        """Progress reports count up and stay within their total."""
        checks.check_progress(self._exporter(), self.document(), tmp_path)

    def test_hostile(self) -> None:
        """Formula injection, control characters and emoji never crash the exporter."""
        checks.check_hostile(self._exporter(), hostile_document())


def check_exporter(
    name: str,
    *,
    distribution: str | None = None,
    document: Document | None = None,
    deterministic: bool = True,
) -> None:
    """Run every conformance check on the exporter ``name``; AssertionError on the first miss."""
    chosen = document if document is not None else sample_document()
    exporter = checks.check_registered(name, distribution=distribution)
    checks.check_options(exporter)
    checks.check_unknown_option(exporter, chosen)
    checks.check_hostile(exporter, hostile_document())
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for step, check in enumerate(("output", "atomic", "progress")):
            directory = root / f"{step}-{check}"
            directory.mkdir()
            if check == "output":
                checks.check_output(exporter, chosen, directory, deterministic=deterministic)
            elif check == "atomic":
                checks.check_atomic(exporter, chosen, directory)
            else:
                checks.check_progress(exporter, chosen, directory)


class ReaderConformance:
    """Conformance tests for one reader: subclass as ``Test…``, set ``reader`` and ``sample``.

    ``sample()`` returns the bytes of a small plan or report in the reader's format;
    ``distribution`` (optional) is the distribution that must provide the reader.
    """

    reader: ClassVar[str]
    distribution: ClassVar[str | None] = None

    def sample(self) -> bytes:
        """The bytes of a small plan or report in the reader's format."""
        raise NotImplementedError("a ReaderConformance subclass gives its sample()")

    def _reader(self) -> Reader:
        return reader_checks.find_reader(self.reader, distribution=self.distribution)

    def test_registered(self) -> None:
        """The reader is found through its entry point, with suffixes and a description."""
        self._reader()

    def test_options(self) -> None:
        """Every option has a default."""
        reader_checks.check_reader_options(self._reader())

    def test_reads_the_sample(self) -> None:
        """The sample reads into a document with sections, with sane progress reports."""
        reader_checks.check_reads(self._reader(), self.sample())

    def test_provenance(self) -> None:
        """Every part read knows its page or line."""
        reading = reader_checks.check_reads(self._reader(), self.sample())
        reader_checks.check_provenance(reading)

    def test_bad_input(self) -> None:
        """Empty, binary or damaged input: a ClairlibError or findings, never a traceback."""
        reader_checks.check_bad_input(self._reader())


def check_reader(name: str, sample: bytes, *, distribution: str | None = None) -> None:
    """Run every reader conformance check on ``name``; AssertionError on the first miss."""
    reader = reader_checks.find_reader(name, distribution=distribution)
    reader_checks.check_reader_options(reader)
    reader_checks.check_provenance(reader_checks.check_reads(reader, sample))
    reader_checks.check_bad_input(reader)
