"""The ``clairlib`` command line: one sub-command per job.

Exit status: 0 success, 1 the document has error findings, 2 unreadable input
or bad usage, 130 interrupted. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence

from clairlib import __version__
from clairlib.errors import ClairlibError

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from typing import Any

__all__ = ["commands", "run"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

Command = Callable[[argparse.Namespace], int]

# Each command lives in its own module with ``register(subparsers)``, which adds its
# parser and sets ``handler`` to a Command; modules are imported only to build the parser.
_COMMANDS: tuple[str, ...] = (
    "demo",
    "export",
    "plugins",
    "read",
    "schema",
    "summary",
    "validate",
)


def _columns() -> int:
    # shutil.get_terminal_size's width, found as it finds it: importing shutil (and the
    # compressors it imports) would cost --help a tenth of its time.
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, told the terminal's width."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse's own default: the terminal's width less two.
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line, as the others do."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"clairlib: {message}\n")

    def _print_message(self, message: str, file: object = None) -> None:
        # Help, version and usage errors repeat what was typed: the safe printer shows it.
        from clairlib._commands._output import emit, say

        if message:
            (emit if file is sys.stdout else say)(message.rstrip("\n"))


def commands() -> dict[str, argparse.ArgumentParser]:
    """The registered commands by name, with their parsers (as ``clairlib --help`` lists)."""
    parser = _build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clairlib", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"clairlib {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _COMMANDS:
        importlib.import_module(f"clairlib._commands.{name}").register(subparsers)
    return parser


@contextlib.contextmanager
def _translated_once() -> Iterator[None]:
    # argparse translates each of its messages with gettext, which looks for the
    # catalogue on disk at every call when there is none (a miss is not cached): eight
    # parsers ask for the same few messages, half the time --help takes. Each message
    # is looked up once here, with the same result.
    lookup = argparse._  # type: ignore[attr-defined]
    argparse._ = functools.lru_cache(maxsize=None)(lookup)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = lookup  # type: ignore[attr-defined]


def run(argv: Sequence[str]) -> int:
    """Parse ``argv``, run the chosen command and return the exit status.

    Whatever happens, the outcome is an exit status and at most one line on stderr: a
    ClairlibError is its first line, an interrupt is silent (130), and an exception
    clairlib did not expect is named as such rather than shown as a traceback.
    """
    from clairlib._commands._output import say

    try:
        with _translated_once():
            parser = _build_parser()
            args = parser.parse_args(list(argv))
        command: Command | None = getattr(args, "handler", None)
        if command is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        # Only a command that runs needs the log shown (and logging imported).
        from clairlib._commands._log import install_log_handler

        install_log_handler()
        with warnings.catch_warnings():
            # A plugin's warning carries document text: one visible line, like the rest.
            warnings.showwarning = _show_warning
            return command(args)
    except ClairlibError as error:
        say(f"clairlib: {_first_line(error)}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except MemoryError:
        say("clairlib: out of memory")
        return EXIT_USAGE
    except RecursionError:
        say("clairlib: the document is nested too deeply to process")
        return EXIT_USAGE
    except Exception as error:
        text = _first_line(error)
        say(f"clairlib: unexpected {type(error).__name__}: {text} (a bug: please report it)")
        return EXIT_USAGE


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    from clairlib._commands._output import say

    say(f"clairlib: warning: {message}")


def _first_line(error: BaseException) -> str:
    from clairlib.errors import DocumentError

    if isinstance(error, DocumentError) and error.findings:
        # Its first line only counts the problems: the first problem says what is wrong.
        first = error.findings[0]
        where = f"{error.source}: " if error.source else ""
        more = len(error.findings) - 1
        rest = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return f"{where}{first.message} @ {first.path}{rest}"
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
