"""Atomic output: temporary files beside the targets, renamed into place on success."""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from pathlib import Path
from typing import BinaryIO, cast

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


def _sync(path: Path) -> None:
    # The exporter may have closed its file already: reopen it to push it to disk, so
    # the rename can never expose an empty file after a crash.
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PathSink:
    """Writes to temporary files beside the target(s); ``commit`` renames them into place.

    ``open()`` makes ``target`` the output file; ``open(name)`` makes ``target`` a
    directory and writes ``target/name``. Nothing appears at the final names until
    :meth:`commit`; :meth:`discard` removes every temporary file and any directory it
    created, so existing files are kept.
    """

    def __init__(self, target: Path, *, exporter: str) -> None:
        self.target = target
        self.exporter = exporter
        self._files: list[tuple[BinaryIO, Path, Path]] = []  # (file, temporary, final)
        self._single = False
        self._created: list[Path] = []

    def open(self, name: str | None = None) -> BinaryIO:
        if name is None:
            if self._files:
                raise ExportError(f"exporter {self.exporter!r} opened its output twice")
            if self.target.is_dir():
                raise ExportError(
                    f"exporter {self.exporter!r} writes one file, but {self.target} is a directory"
                )
            self._single = True
            final = self.target
            self._make_directory(final.parent)
        else:
            if self._single:
                raise ExportError(
                    f"exporter {self.exporter!r} opened its output and then a member {name!r}"
                )
            final = self.target / check_member_name(name)
            if any(done == final for _, _, done in self._files):
                raise ExportError(f"exporter {self.exporter!r} opened member {name!r} twice")
            if self.target.exists() and not self.target.is_dir():
                raise ExportError(
                    f"exporter {self.exporter!r} writes several files, "
                    f"but {self.target} is not a directory"
                )
            self._make_directory(self.target)
        temporary = final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")
        try:
            # 0o666 lets the umask decide the permissions, as for any new file.
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as error:
            raise ExportError(f"cannot write beside {final}: {error.strerror}") from error
        handle = cast(BinaryIO, os.fdopen(fd, "wb"))
        self._files.append((handle, temporary, final))
        return handle

    def _make_directory(self, directory: Path) -> None:
        missing: list[Path] = []
        probe = directory
        while not probe.exists():
            missing.append(probe)
            if probe.parent == probe:
                break
            probe = probe.parent
        try:
            for path in reversed(missing):
                path.mkdir()
                self._created.append(path)
        except OSError as error:
            raise ExportError(f"cannot create directory {directory}: {error.strerror}") from error

    @property
    def opened(self) -> bool:
        """True once the exporter has opened anything."""
        return bool(self._files)

    def commit(self) -> tuple[Path, ...]:
        """Close every file and rename it over its final name; return the final paths."""
        for handle, temporary, final in self._files:
            handle.close()
            _sync(temporary)
            if final.is_dir():
                raise ExportError(f"cannot replace directory {final} with a file")
            if final.exists():
                # Replacing a file keeps its permissions, as writing into it would.
                os.chmod(temporary, final.stat().st_mode & 0o7777)
        for _, temporary, final in self._files:
            os.replace(temporary, final)
        return tuple(final for _, _, final in self._files)

    def discard(self) -> None:
        """Remove every temporary file and every directory this sink created."""
        for handle, temporary, _ in self._files:
            # The output is being thrown away: a failed flush changes nothing.
            with contextlib.suppress(OSError):
                handle.close()
            temporary.unlink(missing_ok=True)
        self._files.clear()
        for directory in reversed(self._created):
            try:
                directory.rmdir()
            except OSError:
                break  # something else was put there meanwhile: leave it
        self._created.clear()


class _Unclosable(io.BufferedIOBase):
    # Lets an exporter close (or wrap and close) what it was given without closing the
    # caller's stream.

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview, /) -> int:  # type: ignore[override]
        if self.closed:
            raise ValueError("write to a closed output")
        written = self._stream.write(data)
        return len(data) if written is None else written

    def flush(self) -> None:
        if not self.closed:
            self._stream.flush()

    def close(self) -> None:
        if not self.closed:
            self._stream.flush()
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
        self._handle = _Unclosable(self.stream)
        return cast(BinaryIO, self._handle)

    @property
    def opened(self) -> bool:
        """True once the exporter has opened its output."""
        return self._handle is not None

    def commit(self) -> tuple[Path, ...]:
        """Flush what was written; a stream has no paths."""
        if self._handle is not None:
            self._handle.close()
        return ()

    def discard(self) -> None:
        """Flush what was written: bytes already sent to a stream cannot be taken back."""
        if self._handle is not None:
            self._handle.close()
