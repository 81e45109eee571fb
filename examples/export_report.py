"""Export the FY2013 report to every installed format, into a directory.

CSV and JSON come with clairlib; other formats (Word through ``clairlib-docx``)
come from plugins, and this script picks up whatever is installed. Run it with::

    uv run python examples/export_report.py [OUT_DIR]

OUT_DIR defaults to a new temporary directory; the script prints what it wrote.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import clairlib
from clairlib.errors import ClairlibError

EXAMPLES = Path(__file__).parent


def main(argv: list[str]) -> int:
    """Write ``fy2013-report.<suffix>`` (a directory for multi-file formats) per exporter.

    A format that fails is reported and the others still run; the exit status is 1 then.
    """
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="clairlib-export-"))
    report = clairlib.load(EXAMPLES / "fy2013-report.json")
    failed = 0
    for name, exporter in sorted(clairlib.exporters().items()):
        # A multi-file exporter writes its members into a directory of its own.
        name_of = f"{report.id}-{name}" if exporter.multi_file else report.id + exporter.suffix
        target = out / name_of
        try:
            written = clairlib.export(report, name, target)
        except ClairlibError as error:
            print(f"{name}: failed: {error}")
            failed += 1
            continue
        print(f"{name}: {len(written)} file(s) in {target}")
        for path in written:
            print(f"  {path.relative_to(out)} ({path.stat().st_size:,} bytes)")
    print(f"wrote {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
