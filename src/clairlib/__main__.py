"""``python -m clairlib``: the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the clairlib command line and return its exit status (130 when interrupted)."""
    try:
        from clairlib.cli import run

        return run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:  # before or after the command's own guard: quietly
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
