"""``clairlib schema [--kind KIND]``: the JSON Schema of the canonical JSON, on standard output."""

from __future__ import annotations

import argparse

# The document kinds, spelt here so that building the parser imports no model.
KINDS = ("annual_plan", "annual_report", "mid_term_plan")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` command."""
    parser = subparsers.add_parser(
        "schema",
        help="the JSON Schema (draft 2020-12) of clairlib's canonical JSON",
        description=(
            "Print the JSON Schema (draft 2020-12) of the canonical JSON that clairlib.load "
            "reads and clairlib.dumps writes: of any document, or of one kind. It is the "
            "file schema/clairlib-1.schema.json of the source repository."
        ),
    )
    parser.add_argument(
        "--kind", choices=KINDS, default=None, help="the schema of one kind of document only"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    from clairlib._commands._output import emit_json
    from clairlib.cli import EXIT_OK
    from clairlib.io import json_schema

    emit_json(json_schema(args.kind))
    return EXIT_OK
