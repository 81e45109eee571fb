"""Sample documents bundled with clairlib, readable from an installed wheel.

>>> from clairlib import samples
>>> report = samples.fy2013_report()
>>> report.title
'平成25年度事業報告'

:func:`fy2013_report` is the FY2013 annual business report (平成25年度事業報告),
transcribed complete from CLAIR's published PDF: every paragraph, table, record and
printed figure. It is the document ``clairlib demo`` runs on; the repository's
``examples/fy2013-report.json`` is the same file.
"""

from __future__ import annotations

import functools
from importlib import resources

from clairlib.model.documents import AnnualReport

__all__ = ["FY2013_REPORT", "fy2013_report", "read_bytes"]

FY2013_REPORT = "fy2013-report.json"


def read_bytes(name: str) -> bytes:
    """The canonical JSON bytes of a bundled sample, by file name."""
    return resources.files(__name__).joinpath(name).read_bytes()


@functools.cache
def fy2013_report() -> AnnualReport:
    """The FY2013 annual business report as an :class:`~clairlib.model.AnnualReport`."""
    from clairlib.io import loads

    report = loads(read_bytes(FY2013_REPORT))
    if not isinstance(report, AnnualReport):  # pragma: no cover - the bundled file is fixed
        raise TypeError(f"{FY2013_REPORT} is a {type(report).__name__}, not an AnnualReport")
    return report
