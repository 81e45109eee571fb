"""The checks behind :mod:`clairlib.testing`, one function per promise an exporter makes."""

from __future__ import annotations

import io
import itertools
import typing
import warnings
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from clairlib.errors import ClairlibError, ExportError
from clairlib.exporting import Exporter, Sink, build_options, option_text, run
from clairlib.model import Document
from clairlib.plugins import PluginHost, PluginWarning

__all__ = [
    "check_atomic",
    "check_hostile",
    "check_options",
    "check_output",
    "check_progress",
    "check_registered",
    "check_unknown_option",
    "find_exporter",
]


def find_exporter(name: str, *, distribution: str | None = None) -> Exporter:
    """The exporter ``name`` as a fresh host finds it through the entry points.

    Other plugins that fail to load do not fail the check; their problems are
    quoted when ``name`` is not found, since the reason may be among them.
    """
    host = PluginHost(strict=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        found = host.exporters()
        problems = host.problems
    if name not in found:
        reasons = "".join(f"\n  {problem}" for problem in problems)
        raise AssertionError(
            f"no exporter {name!r} is registered (found: {', '.join(found)}){reasons}"
        )
    if distribution is not None:
        owner = host.distribution_of(name)
        assert distribution == owner, (
            f"exporter {name!r} comes from distribution {owner!r}, expected {distribution!r}"
        )
    return found[name]


def check_registered(name: str, *, distribution: str | None = None) -> Exporter:
    """The exporter is registered under its own name, with a suffix and a description."""
    exporter = find_exporter(name, distribution=distribution)
    assert name == exporter.name
    assert exporter.description.strip(), f"exporter {name!r} has no description"
    if not exporter.multi_file:
        assert exporter.suffix.startswith("."), (
            f"single-file exporter {name!r} needs a suffix such as '.md', found {exporter.suffix!r}"
        )
    return exporter


def check_options(exporter: Exporter) -> None:
    """Every option has a default and can be given as text on the command line."""
    defaults = build_options(exporter.options, {})
    hints = typing.get_type_hints(exporter.options)
    for field in attrs.fields(exporter.options):
        assert field.name in hints, f"option {field.name!r} of {exporter.name!r} has no type"
        value = getattr(defaults, field.name)
        rebuilt = build_options(exporter.options, {field.name: option_text(value)})
        assert value == getattr(rebuilt, field.name), (
            f"option {field.name!r} of {exporter.name!r}: the default {value!r} given as "
            f"{option_text(value)!r} reads back as {getattr(rebuilt, field.name)!r}"
        )


def _written(paths: tuple[Path, ...]) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in paths}


def check_output(
    exporter: Exporter, document: Document, directory: Path, *, deterministic: bool = True
) -> dict[str, bytes]:
    """It writes the document to a path (and, single-file, to a stream); returns the files."""
    options = build_options(exporter.options, {})
    target = directory / f"output{exporter.suffix if not exporter.multi_file else ''}"
    paths = run(document, exporter, target, options)
    assert paths, f"exporter {exporter.name!r} reported no files"
    files = _written(paths)
    assert all(files.values()), f"exporter {exporter.name!r} wrote an empty file"
    leftovers = [p.name for p in directory.rglob("*") if p.name.endswith(".tmp")]
    assert not leftovers, f"temporary files left behind: {leftovers}"
    if not exporter.multi_file:
        assert [target] == list(paths)
        stream = io.BytesIO()
        assert () == run(document, exporter, stream, options)
        if deterministic:
            assert files[target.name] == stream.getvalue(), (
                f"exporter {exporter.name!r} writes different bytes to a stream and to a path"
            )
        else:
            assert stream.getvalue(), f"exporter {exporter.name!r} wrote nothing to a stream"
    return files


class _Broken(io.RawIOBase):
    # A file that takes part of the first write and then fails, as a full disk does.

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        data = bytes(data)
        self.inner.write(data[: len(data) // 2])
        self.inner.flush()
        raise OSError(28, "No space left on device (simulated)")

    def close(self) -> None:
        self.inner.close()
        super().close()


@attrs.frozen
class _BreakingSink:
    inner: Sink

    def open(self, name: str | None = None) -> BinaryIO:
        return typing.cast(BinaryIO, _Broken(self.inner.open(name)))


def _breaking(exporter: Exporter) -> Exporter:
    write = exporter.write

    def broken(document: Any, sink: Sink, options: Any, progress: Any) -> None:
        write(document, _BreakingSink(sink), options, progress)

    return attrs.evolve(exporter, write=broken)


def check_atomic(exporter: Exporter, document: Document, directory: Path) -> None:
    """A failure in the middle of writing leaves no partial file and keeps the old one."""
    directory.mkdir(parents=True, exist_ok=True)
    options = build_options(exporter.options, {})
    if exporter.multi_file:
        target = directory / "atomic"
        paths = run(document, exporter, target, options)
        # Make the next export differ from what is there, so keeping it means something.
        for path in paths:
            path.write_bytes(b"previous export")
        before = {path: path.read_bytes() for path in target.iterdir()}
    else:
        target = directory / f"atomic{exporter.suffix}"
        target.write_bytes(b"previous export")
        before = {target: target.read_bytes()}
    try:
        run(document, _breaking(exporter), target, options)
    except ExportError:
        pass
    else:
        raise AssertionError(
            f"exporter {exporter.name!r} did not fail when its file could not be written: "
            "it must let write errors through"
        )
    after = {path: path.read_bytes() for path in directory.rglob("*") if path.is_file()}
    assert before == {p: after.get(p) for p in before}, "an existing file was changed"
    extra = sorted(str(p.relative_to(directory)) for p in after if p not in before)
    assert not extra, f"a failed export left files behind: {extra}"


def check_unknown_option(exporter: Exporter, document: Document) -> None:
    """An option the exporter does not have is refused with an error that names it."""
    from clairlib.exporting import export

    message = ""
    try:
        export(document, exporter, io.BytesIO(), no_such_option="1")
    except ExportError as error:
        message = str(error)
    else:
        raise AssertionError(f"exporter {exporter.name!r} accepted an unknown option")
    assert "no_such_option" in message, f"the error does not name the option: {message}"


def check_progress(exporter: Exporter, document: Document, directory: Path) -> None:
    """Progress, when reported, counts up and never passes its total."""
    calls: list[tuple[int, int | None]] = []
    target = directory / f"progress{exporter.suffix if not exporter.multi_file else ''}"
    run(
        document,
        exporter,
        target,
        build_options(exporter.options, {}),
        progress=lambda done, total: calls.append((done, total)),
    )
    for (done, _), (later, _) in itertools.pairwise(calls):
        assert done <= later, f"progress went back from {done} to {later}"
    for done, total in calls:
        assert isinstance(done, int), f"progress done must be a count: {done!r}"
        assert done >= 0, f"progress done must not be negative: {done!r}"
        assert total is None or done <= total, f"progress {done} passed its total {total}"


class _MemorySink:
    def __init__(self) -> None:
        self.files: dict[str | None, io.BytesIO] = {}

    def open(self, name: str | None = None) -> BinaryIO:
        stream = self.files[name] = _Kept()
        return typing.cast(BinaryIO, stream)


class _Kept(io.BytesIO):
    # Keeps its bytes readable after the exporter closes it.

    def close(self) -> None:
        self.kept = self.getvalue()


def check_hostile(exporter: Exporter, document: Document) -> None:
    """Hostile text is written, or refused with a ClairlibError; it never crashes."""
    sink = _MemorySink()
    try:
        # Warnings are how an exporter reports what it had to change (characters XML
        # cannot hold): expected here, not failures.
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            exporter.write(document, sink, build_options(exporter.options, {}), None)
    except ClairlibError:
        return
    except Exception as error:
        raise AssertionError(
            f"exporter {exporter.name!r} crashed on hostile text: {type(error).__name__}: {error}"
        ) from error
    assert sink.files, f"exporter {exporter.name!r} wrote nothing for the hostile document"
