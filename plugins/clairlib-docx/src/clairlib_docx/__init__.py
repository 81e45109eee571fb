"""Word (.docx) exporter for clairlib."""
