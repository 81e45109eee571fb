"""The ``clairlib`` command line: one sub-command per job.

Exit status: 0 success, 1 the document has error findings, 2 unreadable input
or bad usage. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from clairlib import __version__
from clairlib.errors import ClairlibError

__all__ = ["run"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]

# Each command lives in its own module with ``register(subparsers)``, which adds its
# parser and sets ``handler`` to a Command; modules are imported only to build the parser.
_COMMANDS: tuple[str, ...] = ("demo", "export", "plugins", "summary", "validate")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line, as the others do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"clairlib: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clairlib", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"clairlib {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _COMMANDS:
        importlib.import_module(f"clairlib._commands.{name}").register(subparsers)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv``, run the chosen command and return the exit status."""
    parser = _build_parser()
    args = parser.parse_args(list(argv))
    command: Command | None = getattr(args, "handler", None)
    if command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return command(args)
    except ClairlibError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"clairlib: {first}", file=sys.stderr)
        return EXIT_USAGE
