"""Example third-party clairlib exporter: a document as Markdown."""
