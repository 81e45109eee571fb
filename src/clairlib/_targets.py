"""Output targets: what clairlib may replace, and the temporary files it writes first.

Every writer (``clairlib.dump``, ``clairlib.export`` to a path) goes through this
module, so the rules are the same everywhere:

- Only a regular file is replaced. A character or block device, a FIFO, a socket or
  a directory at the target is refused (checked with ``lstat``, so a symlink is
  never mistaken for what it points to).
- A symbolic link is written through: the regular file it points to is replaced and
  the link stays. A link to nothing, to a link loop or to anything but a regular
  file is refused.
- Missing parent directories are created (and removed again if the write fails).
- Output goes to a temporary file beside the target, renamed over it on success. Its
  name fits the file system's 255-byte limit, holds the writing process's id, and
  the file is locked while it is written, so the next write to the same place can
  tell a file left by a killed process (its process is gone and nobody holds its
  lock) from one being written, removes it, and logs that it did.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import stat
from pathlib import Path
from typing import BinaryIO, cast

from clairlib.errors import ExportError

try:
    import fcntl

    _LOCKS = True
except ImportError:  # pragma: no cover - not on POSIX: no lock, and no sweeping either
    _LOCKS = False

__all__ = [
    "Temporary",
    "check_name",
    "make_directories",
    "remove_directories",
    "sweep_stale",
    "writable_target",
    "write_all",
    "write_file",
]

LOGGER = logging.getLogger("clairlib")

#: The longest file name (in bytes) that the common file systems allow.
NAME_MAX = 255
_TOKEN_BYTES = 4  # 8 hex digits: unique enough beside the process id
_SUFFIX = ".tmp"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def check_name(path: Path) -> Path:
    """``path`` if its last part fits the file system's limit, else ExportError."""
    size = len(os.fsencode(path.name))
    if size > NAME_MAX:
        raise ExportError(
            f"cannot write {path}: its name is {size} bytes long, "
            f"more than the {NAME_MAX} a file system allows"
        )
    return path


def writable_target(path: Path) -> Path:
    """The file to replace when writing ``path``: ``path`` itself, or its symlink's target.

    Raises ExportError when ``path`` (or what its symlink points to) exists and is
    not a regular file, or when its name is longer than the file system allows.
    """
    check_name(path)
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as error:
        raise ExportError(f"cannot write {path}: {_reason(error)}") from None
    if stat.S_ISREG(status.st_mode):
        return path
    if stat.S_ISLNK(status.st_mode):
        try:
            real = Path(os.path.realpath(path, strict=True))
            status = os.lstat(real)
        except OSError as error:
            raise ExportError(
                f"refusing to write {path}: it is a symbolic link to {os.readlink(path)!r}, "
                f"which cannot be followed ({_reason(error)})"
            ) from None
        if stat.S_ISREG(status.st_mode):
            return real
        raise ExportError(
            f"refusing to write {path}: it is a symbolic link to {real}, "
            f"a {_kind(status.st_mode)}, not a regular file"
        )
    raise ExportError(
        f"refusing to replace {path}: it is a {_kind(status.st_mode)}, not a regular file"
    )


def make_directories(directory: Path) -> list[Path]:
    """Create ``directory`` and its missing parents; return those created, outermost first."""
    missing: list[Path] = []
    probe = directory
    while not os.path.lexists(probe):
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    created: list[Path] = []
    try:
        for path in reversed(missing):
            path.mkdir()
            created.append(path)
    except OSError as error:
        remove_directories(created)
        raise ExportError(f"cannot create directory {directory}: {_reason(error)}") from None
    if not directory.is_dir():
        raise ExportError(f"cannot write into {directory}: it is not a directory")
    return created


def remove_directories(created: list[Path]) -> None:
    """Remove the directories :func:`make_directories` created, innermost first, if empty."""
    for directory in reversed(created):
        try:
            directory.rmdir()
        except OSError:
            break  # something else was put there meanwhile: leave it


def _trimmed(name: str, budget: int) -> str:
    # Cut the name to ``budget`` bytes without splitting a UTF-8 character.
    raw = os.fsencode(name)
    if len(raw) <= budget:
        return name
    raw = raw[:budget]
    for cut in range(4):
        try:
            return raw[: len(raw) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return os.fsdecode(raw)  # not UTF-8 in the first place: keep the bytes as they are


def _prefix(final: Path) -> str:
    # ".NAME." cut so that ".NAME.PID.TOKEN.tmp" stays within NAME_MAX bytes for any pid.
    tail = len(f".{2**32}.{'0' * 2 * _TOKEN_BYTES}{_SUFFIX}")
    return f".{_trimmed(final.name, NAME_MAX - 1 - tail)}."


def _pattern(final: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(_prefix(final)) + rf"(\d+)\.[0-9a-f]{{{2 * _TOKEN_BYTES}}}{re.escape(_SUFFIX)}\Z"
    )


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: it exists
        return True
    return True


def _lock(fd: int) -> bool:
    """Take the write lock on ``fd`` without waiting; False when someone holds it."""
    if not _LOCKS:  # pragma: no cover
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def sweep_stale(final: Path) -> list[Path]:
    """Remove the temporary files of ``final`` that interrupted writers left behind.

    A file counts as left behind only when it has this module's naming for
    ``final``, the process named in it no longer runs and nobody holds its lock.
    Each removal is logged on the ``clairlib`` logger; the removed paths are returned.
    """
    if os.name != "posix" or not _LOCKS:
        return []  # without signal 0 and flock there is no safe way to tell
    pattern = _pattern(final)
    directory = final.parent
    removed: list[Path] = []
    try:
        entries = [entry.name for entry in os.scandir(directory)]
    except OSError:
        return removed
    for name in entries:
        match = pattern.match(name)
        if match is None or _alive(int(match.group(1))):
            continue
        path = directory / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue  # gone already, or a symlink: not ours
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode) or not _lock(fd):
                continue
            os.unlink(path)
        except OSError:
            continue
        finally:
            os.close(fd)
        LOGGER.warning(
            "removed %s, a temporary file left by an interrupted write (process %s)",
            path,
            match.group(1),
        )
        removed.append(path)
    return removed


class Temporary:
    """A locked temporary file beside ``final``; :meth:`install` renames it over ``final``.

    ``final`` must already have passed :func:`writable_target`. Creating one first
    removes stale temporary files of the same target (:func:`sweep_stale`).
    """

    def __init__(self, final: Path) -> None:
        self.final = final
        sweep_stale(final)
        token = secrets.token_hex(_TOKEN_BYTES)
        self.path = final.with_name(f"{_prefix(final)}{os.getpid()}.{token}{_SUFFIX}")
        try:
            # 0o666 lets the umask decide the permissions, as for any new file.
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
        except OSError as error:
            raise ExportError(f"cannot write beside {final}: {_reason(error)}") from None
        # The lock lives on a duplicate so that it holds even after the writer closes
        # the stream it was given, until the file is renamed or removed.
        self._lock_fd: int | None = os.dup(fd)
        _lock(self._lock_fd)
        self.stream = cast(BinaryIO, os.fdopen(fd, "wb"))

    def finish(self) -> None:
        """Close the stream and push the file to disk, ready to be installed."""
        self.stream.close()
        assert self._lock_fd is not None
        # So that the rename can never expose an empty file after a crash.
        os.fsync(self._lock_fd)
        writable_target(self.final)  # it may have been replaced by something else meanwhile
        with contextlib.suppress(FileNotFoundError):
            # Replacing a file keeps its permissions, as writing into it would.
            os.chmod(self.path, os.stat(self.final).st_mode & 0o7777)

    def install(self) -> Path:
        """Rename the finished file over ``final`` and return ``final``."""
        os.replace(self.path, self.final)
        self._release()
        with contextlib.suppress(OSError):  # not every file system syncs a directory
            directory = os.open(self.final.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        return self.final

    def discard(self) -> None:
        """Close and remove the temporary file; never raises (the real error is elsewhere)."""
        with contextlib.suppress(Exception):
            self.stream.close()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        self._release()

    def _release(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None


def write_all(stream: BinaryIO, data: bytes | bytearray | memoryview) -> int:
    """Write every byte of ``data`` to ``stream``, however little each call accepts.

    A raw stream (a pipe, a socket) may take only part of a write; the rest is
    written again until none is left. A stream whose ``write`` returns None is taken
    to have written everything, as buffered streams do. Returns ``len(data)``.
    """
    view = memoryview(data).cast("B")
    total = len(view)
    while view:
        written: int | None = stream.write(view)
        if written is None:
            break
        if not 0 < written <= len(view):
            raise ExportError(
                f"the output stream accepted {written} of {len(view)} bytes and no more"
            )
        view = view[written:]
    return total


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically under the rules above; return the file written."""
    final = writable_target(path)
    created = make_directories(final.parent)
    try:
        temporary = Temporary(final)
    except BaseException:
        remove_directories(created)
        raise
    try:
        write_all(temporary.stream, data)
        temporary.finish()
        return temporary.install()
    except OSError as error:
        temporary.discard()
        remove_directories(created)
        raise ExportError(f"could not write {path}: {_reason(error)}") from None
    except BaseException:
        temporary.discard()
        remove_directories(created)
        raise
