"""The conformance suite every clairlib exporter passes, run on the docx exporter."""

from __future__ import annotations

from clairlib.testing import ExporterConformance


class TestDocxConformance(ExporterConformance):
    """clairlib.testing's checks for the ``docx`` exporter of clairlib-docx."""

    exporter = "docx"
    distribution = "clairlib-docx"
