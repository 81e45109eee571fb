"""Atomic output: temporary files beside the targets, renamed into place on success."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from typing import BinaryIO, cast

from clairlib._targets import (
    Temporary,
    check_name,
    make_directories,
    remove_directories,
    writable_target,
    write_all,
)
from clairlib.errors import ExportError

__all__ = ["PathSink", "StreamSink", "check_member_name"]


def check_member_name(name: str) -> str:
    """``name`` if it is a plain file name (no directory part), else ExportError."""
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\0" in name
        or name != name.strip()
    ):
        raise ExportError(f"expected a plain file name for an output member, found {name!r}")
    return name


class PathSink:
    """Writes to temporary files beside the target(s); ``commit`` renames them into place.

    ``open()`` makes ``target`` the output file; ``open(name)`` makes ``target`` a
    directory and writes ``target/name``. Nothing appears at the final names until
    :meth:`commit`; :meth:`discard` removes every temporary file and any directory it
    created, so existing files are kept. What may be replaced, and how, is decided
    by :mod:`clairlib._targets` (regular files only, symlinks written through).
    """

    def __init__(self, target: Path, *, exporter: str) -> None:
        self.target = target
        self.exporter = exporter
        self._files: list[tuple[Temporary, Path]] = []  # (temporary, the path asked for)
        self._single = False
        self._created: list[Path] = []

    def open(self, name: str | None = None) -> BinaryIO:
        if name is None:
            if self._files:
                raise ExportError(f"exporter {self.exporter!r} opened its output twice")
            if check_name(self.target).is_dir():
                raise ExportError(
                    f"exporter {self.exporter!r} writes one file, but {self.target} is a directory"
                )
            self._single = True
            requested = self.target
            final = writable_target(requested)
            self._created += make_directories(final.parent)
        else:
            if self._single:
                raise ExportError(
                    f"exporter {self.exporter!r} opened its output and then a member {name!r}"
                )
            requested = check_name(self.target / check_member_name(name))
            if any(asked == requested for _, asked in self._files):
                raise ExportError(f"exporter {self.exporter!r} opened member {name!r} twice")
            if os.path.lexists(self.target) and not self.target.is_dir():
                raise ExportError(
                    f"exporter {self.exporter!r} writes several files, "
                    f"but {self.target} is not a directory"
                )
            self._created += make_directories(self.target)
            final = writable_target(requested)
        temporary = Temporary(final)
        self._files.append((temporary, requested))
        return temporary.stream

    @property
    def opened(self) -> bool:
        """True once the exporter has opened anything."""
        return bool(self._files)

    def commit(self) -> tuple[Path, ...]:
        """Close every file and rename it over its final name; return the paths asked for."""
        for temporary, _ in self._files:
            temporary.finish()
        for temporary, _ in self._files:
            temporary.install()
        return tuple(asked for _, asked in self._files)

    def discard(self) -> None:
        """Remove every temporary file and every directory this sink created."""
        for temporary, _ in self._files:
            temporary.discard()
        self._files.clear()
        remove_directories(self._created)
        self._created.clear()


def _closed(stream: object) -> bool:
    try:
        return bool(getattr(stream, "closed", False))
    except Exception:  # a stream whose ``closed`` raises is no stream to write to
        return True


class _Unclosable(io.BufferedIOBase):
    # Lets an exporter close (or wrap and close) what it was given without closing the
    # caller's stream, and writes every byte even where the stream takes only a part.

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream
        # After a failed write the output is lost anyway; a flush then (from a ``with``
        # closing a wrapper) must not replace the write's error with its own.
        self._failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview, /) -> int:  # type: ignore[override]
        if self.closed:
            raise ExportError("the exporter wrote to its output after closing it")
        if _closed(self._stream):
            raise ExportError("the output stream was closed during the export")
        try:
            return write_all(self._stream, data)
        except BaseException:
            self._failed = True
            raise

    def flush(self) -> None:
        if not self.closed and not self._failed and not _closed(self._stream):
            flush = getattr(self._stream, "flush", None)
            if flush is not None:
                flush()

    def close(self) -> None:
        if not self.closed:
            self.flush()
        super().close()


class StreamSink:
    """Writes straight to a binary stream: one output, which cannot be taken back."""

    def __init__(self, stream: BinaryIO, *, exporter: str) -> None:
        self.stream = stream
        self.exporter = exporter
        self._handle: _Unclosable | None = None

    def open(self, name: str | None = None) -> BinaryIO:
        if self._handle is not None:
            raise ExportError(
                f"exporter {self.exporter!r} writes several files; "
                "give a directory path instead of a stream"
            )
        if name is not None:
            check_member_name(name)
        if _closed(self.stream):
            raise ExportError(f"cannot export {self.exporter} to a closed stream")
        self._handle = _Unclosable(self.stream)
        return cast(BinaryIO, self._handle)

    @property
    def opened(self) -> bool:
        """True once the exporter has opened its output."""
        return self._handle is not None

    def commit(self) -> tuple[Path, ...]:
        """Flush what was written; a stream has no paths."""
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError as error:
                raise ExportError(
                    f"could not write {self.exporter} to the stream: {error.strerror or error}"
                ) from None
        return ()

    def discard(self) -> None:
        """Flush what was written, if it can be: bytes sent to a stream cannot be taken back.

        Never raises: the export has failed already, and that failure is the one to report.
        """
        if self._handle is not None:
            with contextlib.suppress(Exception):
                self._handle.close()
