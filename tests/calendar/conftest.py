"""What the calendar's tests share: tables of texts and the days they span."""

from __future__ import annotations

from datetime import date

import pytest

SPAN_FIELDS = ("text", "start", "end", "kind")
"""The parameters of a span table: a text, its first and last day, and what else it is."""


def span_table(*rows: tuple[str, str, str, object]) -> pytest.MarkDecorator:
    """Parametrize a test by ``(text, first day, last day, kind)`` rows, days typed as ISO.

    Each test checks its own rows; the table only spares it spelling ``date(…)`` twice
    a row.
    """
    return pytest.mark.parametrize(
        SPAN_FIELDS,
        [(text, date.fromisoformat(a), date.fromisoformat(b), kind) for text, a, b, kind in rows],
    )
