"""``clairlib demo [--out DIR]``: the whole pipeline on the bundled FY2013 report.

It validates the report, prints its summary and findings, exports it in every
installed format into DIR and says where the files are. It reads the report from
the installed package (:mod:`clairlib.samples`), so it works from a wheel.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from clairlib._commands._output import emit, say

DEFAULT_OUT = "clairlib-demo"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command."""
    parser = subparsers.add_parser(
        "demo",
        help="validate, summarize and export the bundled FY2013 report",
        description=(
            "Run the whole pipeline on the FY2013 annual report bundled with clairlib "
            "(平成25年度事業報告): validate it, print its summary and findings, and export "
            "it in every installed format into DIR."
        ),
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        default=DEFAULT_OUT,
        help=f"where the exports go (default: ./{DEFAULT_OUT})",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run the demo; exit 0 when every export was written."""
    from pathlib import Path

    import clairlib
    from clairlib import samples
    from clairlib._commands import summary, validate
    from clairlib._commands.export import ProgressBar
    from clairlib.aggregate import summarize
    from clairlib.errors import ClairlibError
    from clairlib.plugins import PluginWarning, exporters

    report = samples.fy2013_report()
    name = f"{report.title} (FY{report.fiscal_year.year}, bundled)"
    emit(f"== Summary: {name}")
    emit("\n".join(summary.render(summarize(report))))
    emit("")
    emit("== Validation")
    emit("\n".join(validate.render(clairlib.validate(report), samples.FY2013_REPORT)))
    emit("")

    out = Path(args.out)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        installed = exporters()
    for warning in caught:
        say(f"clairlib: warning: {warning.message}")
    emit(f"== Export: {len(installed)} format{'s' if len(installed) != 1 else ''} into {out}")
    failed = 0
    stem = Path(samples.FY2013_REPORT).stem
    for format_name, exporter in sorted(installed.items()):
        target = out / (
            f"{stem}-{format_name}" if exporter.multi_file else f"{stem}{exporter.suffix}"
        )
        bar = ProgressBar(format_name, sys.stderr)
        try:
            paths = clairlib.export(report, exporter, target, progress=bar)
        except ClairlibError as error:
            failed += 1
            say(f"clairlib: {format_name}: {error}")
            continue
        finally:
            bar.close()
        for path in paths:
            emit(f"  {format_name:<10} {path}")
    emit(f"Files are in {out.resolve()}")
    return 0 if not failed else 2
