"""What the commands share to read a document: a command-line argument is always a path.

``-`` is standard input; anything else names a file, however much it looks like JSON
(``[draft] report.json``, ``{v2} report.json``, ``2013``). Only a regular file is read
(never a device such as ``/dev/zero``, a FIFO or a directory), and no more than
:data:`MAX_INPUT` bytes from it or from standard input.
"""

from __future__ import annotations

import os
import stat
import sys

from clairlib._commands._output import emit, visible
from clairlib.errors import ClairlibError

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from clairlib.model import Document

__all__ = ["MAX_INPUT", "STDIN", "emit", "read", "read_bytes"]

#: The largest document the command line reads: far above any real plan or report
#: (the 1,000,000-event benchmark report is a few hundred MB), far below the memory.
MAX_INPUT = 2**30

#: The argument that means standard input.
STDIN = "-"

_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
}


def _too_large(path: str) -> ClairlibError:
    return ClairlibError(
        f"cannot read {visible(path)}: it is larger than the {MAX_INPUT:,} bytes "
        "clairlib reads from one document"
    )


def _read_stdin() -> bytes:
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if stream is None:
        raise ClairlibError("cannot read standard input: it is not a byte stream")
    try:
        data = stream.read(MAX_INPUT + 1)
    except OSError as error:
        raise ClairlibError(f"cannot read standard input: {error.strerror or error}") from None
    if len(data) > MAX_INPUT:
        raise _too_large("standard input")
    return bytes(data)


def read_bytes(path: str) -> bytes:
    """The bytes of the file ``path`` (or of standard input for ``-``), checked as above."""
    if path == STDIN:
        return _read_stdin()
    shown = visible(path)
    try:
        # O_NONBLOCK so that opening a FIFO without a writer returns at once to be refused.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ClairlibError(f"cannot read {shown}: no such file") from None
    except OSError as error:
        raise ClairlibError(f"cannot read {shown}: {error.strerror or error}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a file")
            raise ClairlibError(f"cannot read {shown}: it is {kind}, not a regular file")
        if status.st_size > MAX_INPUT:
            raise _too_large(path)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(MAX_INPUT + 1)  # the file may have grown since fstat
    except OSError as error:
        raise ClairlibError(f"cannot read {shown}: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_INPUT:
        raise _too_large(path)
    return data


def read(path: str) -> Document:
    """Load the document at ``path``; one that cannot be read raises one ClairlibError."""
    from clairlib.errors import DocumentError
    from clairlib.io import loads

    data = read_bytes(path)
    name = "standard input" if path == STDIN else path
    try:
        return loads(data, source=name)
    except DocumentError as error:
        count = len(error.findings)
        if not count:
            raise ClairlibError(f"cannot read {visible(name)}") from None
        first = error.findings[0]
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        raise ClairlibError(
            f"cannot read {visible(name)}: {first.message} @ {first.path}{more}"
        ) from None
