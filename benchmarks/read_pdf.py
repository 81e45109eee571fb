"""Reading a PDF of the FY2013 report, against pdfplumber's own ``extract_text``.

    uv run python benchmarks/read_pdf.py [PDF] [--rounds N]

Without PDF, the FY2013 example is exported to Word and converted by LibreOffice
(soffice must be installed) into a PDF in a temporary folder. Both are measured in
this run on the same bytes, best of ``--rounds``, the collector left on for both:
the baseline opens the PDF with pdfplumber and calls ``extract_text`` on every
page; ``clairlib.read`` reads the text layer with pdfplumber and builds the
document. Target ≤ 1.5×.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber

import clairlib

ROOT = Path(__file__).resolve().parents[1]


def _printed(directory: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("needs LibreOffice (soffice) to print the example, or a PDF to read")
    docx = directory / "fy2013-report.docx"
    clairlib.export(clairlib.load(ROOT / "examples" / "fy2013-report.json"), "docx", docx)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(directory / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(directory), str(docx)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return directory / "fy2013-report.pdf"


def _extract_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("--rounds", type=_bench.positive, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.pdf or _printed(Path(folder))
        data = path.read_bytes()
    clairlib.read(data)  # plugins found before the clock
    baseline = _bench.best(lambda: _extract_text(data), args.rounds)
    read = _bench.best(lambda: clairlib.read(data), args.rounds)
    print(f"{path.name} ({len(data):,} bytes), best of {args.rounds}")
    print(_bench.row("pdfplumber extract_text, every page (baseline)", baseline, baseline))
    print(_bench.row("clairlib.read of the PDF", read, baseline, 1.5))


if __name__ == "__main__":
    main()
