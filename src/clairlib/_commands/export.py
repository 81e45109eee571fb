"""``clairlib export FILE --to FORMAT … --out DIR``: write a document in one or more formats."""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections.abc import Mapping, Sequence

from clairlib.errors import ExportError

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from typing import TextIO

EXIT_OK = 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write a document as CSV, JSON, Word … (clairlib plugins lists the formats)",
        description=(
            "Write FILE (canonical JSON) in each format given with --to, into DIR. "
            "A single-file format writes DIR/NAME.SUFFIX; a multi-file one (csv) writes "
            "the directory DIR/NAME-FORMAT/. Output is atomic: a failure leaves nothing "
            "half-written."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the document, as canonical JSON")
    parser.add_argument(
        "--to",
        dest="formats",
        metavar="FORMAT",
        action="append",
        required=True,
        help="an exporter name (csv, json, docx …); repeat for several",
    )
    parser.add_argument(
        "--out", metavar="DIR", default=".", help="the output directory (default: the current one)"
    )
    parser.add_argument(
        "--option",
        dest="options",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="an exporter option, for every format that has it, or FORMAT.KEY=VALUE for one",
    )
    parser.set_defaults(handler=run)


def split_options(
    texts: Sequence[str], formats: Sequence[str], known: Mapping[str, frozenset[str]]
) -> dict[str, dict[str, str]]:
    """Options per format: ``key=value`` goes to every format that has ``key``.

    ``format.key=value`` goes to that format only. A key that none of the chosen
    formats has raises ExportError naming it.
    """
    from clairlib.exporting import parse_option

    chosen: dict[str, dict[str, str]] = {name: {} for name in formats}
    for text in texts:
        key, value = parse_option(text)
        scope, dot, rest = key.partition(".")
        if dot and scope in chosen:
            chosen[scope][rest] = value  # an unknown key is refused by the exporter
            continue
        targets = [name for name in formats if key in known[name]]
        if not targets:
            raise ExportError(
                f"unknown option {key!r}: none of {', '.join(formats)} has it "
                f"(use FORMAT.KEY=VALUE to give an option to one format)"
            )
        for name in targets:
            chosen[name][key] = value
    return chosen


class ProgressBar:
    """A one-line progress bar on a terminal; silent when the output is not one."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self.active = stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        if not self.active:
            return
        now = time.monotonic()
        finished = total is not None and done >= total
        if now - self._last < 0.1 and not finished:
            return  # redrawing more often only costs time
        self._last = now
        if total:
            filled = min(30, 30 * done // total)
            bar = "#" * filled + "-" * (30 - filled)
            self.stream.write(f"\r{self.label} [{bar}] {100 * done // total:3d}%")
        else:
            self.stream.write(f"\r{self.label} {done:,}")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.active and self._last:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Export FILE in every format asked for."""
    from pathlib import Path

    from clairlib._commands._input import STDIN, read
    from clairlib._commands._output import emit, say
    from clairlib.exporting import describe_options, export
    from clairlib.plugins import PluginWarning, get_plugin_manager

    source = Path(args.file)
    formats: list[str] = list(dict.fromkeys(args.formats))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        host = get_plugin_manager()
        exporters = {name: host.exporter(name) for name in formats}
    for warning in caught:
        say(f"clairlib: warning: {warning.message}")
    known = {
        name: frozenset(option.name for option in describe_options(exporter.options))
        for name, exporter in exporters.items()
    }
    options = split_options(args.options, formats, known)
    document = read(args.file)
    out = Path(args.out)
    stem = "stdin" if args.file == STDIN else source.stem
    for name, exporter in exporters.items():
        target = out / (f"{stem}-{name}" if exporter.multi_file else f"{stem}{exporter.suffix}")
        if args.file != STDIN and target.exists() and os.path.samefile(target, source):
            raise ExportError(f"exporting {name} to {target} would overwrite the input")
        bar = ProgressBar(name, sys.stderr)
        try:
            paths = export(document, exporter, target, progress=bar, **options[name])
        finally:
            bar.close()
        for path in paths:
            emit(str(path))
    return EXIT_OK
