"""The example Markdown distribution, installed in the workspace, passes the conformance suite."""

from __future__ import annotations

from clairlib.testing import ExporterConformance


class TestMarkdownThroughItsEntryPoint(ExporterConformance):
    """clairlib-markdown is found through its entry point and keeps every promise."""

    exporter = "markdown"
    distribution = "clairlib-markdown"
