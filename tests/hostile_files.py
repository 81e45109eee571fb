"""Make the hostile command-line inputs that cannot live in the repository.

A FIFO, a directory named like a document, a sparse file one byte over the
command line's input limit (1 GiB on paper, nothing on disk), file names that are
not UTF-8 or carry an escape sequence, and a name of exactly 255 bytes. The test
copies ``tests/data/hostile/cli`` somewhere and calls :func:`make` there; by hand:
``python tests/hostile_files.py DIR``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

#: The names :func:`make` creates, as bytes (some are not UTF-8).
NAMES = (
    b"fifo.json",
    b"directory.json",
    b"oversize.json",
    b"\xff\xfe.json",
    b"\x1b[2J.json",
    "報".encode() * 80 + b"0123456789.json",
)


def make(directory: Path, *, limit: int = 2**30) -> None:
    """Create every generated input in ``directory`` (which holds the committed corpus)."""
    base = os.fsencode(directory)
    os.mkfifo(base + b"/fifo.json")
    os.mkdir(base + b"/directory.json")
    with open(base + b"/oversize.json", "wb") as sparse:
        sparse.truncate(limit + 1)  # a hole: st_size says it is too big, the disk holds nothing
    valid = os.fsencode(directory / "[draft] report.json")
    for name in NAMES[3:]:
        shutil.copyfile(valid, base + b"/" + name)


if __name__ == "__main__":
    make(Path(sys.argv[1]))
