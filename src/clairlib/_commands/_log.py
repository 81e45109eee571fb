"""What clairlib logs, shown on standard error while a command runs.

Apart from :mod:`clairlib._commands._output` because :mod:`logging` is slow to import:
the command line installs the handler only once it has a command to run, so
``clairlib --help`` never loads it.
"""

from __future__ import annotations

import logging

from clairlib._commands._output import say

__all__ = ["install_log_handler"]


class _Say(logging.Handler):
    """Shows what clairlib logs (a stale temporary file removed…) as one ``clairlib:`` line."""

    def emit(self, record: logging.LogRecord) -> None:
        level = record.levelname.lower()
        say(f"clairlib: {level}: {record.getMessage()}")


def install_log_handler() -> None:
    """Show the ``clairlib`` logger's warnings on standard error, once per process."""
    logger = logging.getLogger("clairlib")
    if not any(isinstance(handler, _Say) for handler in logger.handlers):
        handler = _Say(logging.WARNING)
        logger.addHandler(handler)
