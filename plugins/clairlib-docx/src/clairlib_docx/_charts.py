"""Charts drawn to PNG with matplotlib, in a Japanese font, the same bytes every time.

matplotlib is imported here only, when a chart is drawn: listing the exporters, the
command line's help and an export with ``charts=False`` never load it. Nothing global
is changed: each chart is a ``Figure`` on its own Agg canvas, drawn under an
``rc_context`` (no pyplot, no backend switch, no ``rcParams`` left behind).

The font: **Noto Sans CJK JP** where it is installed (``fonts-noto-cjk`` on Debian and
Ubuntu, found through matplotlib's font manager), else **IPAex Gothic** from the
``matplotlib-fontja`` package (installed with ``clairlib-docx[charts]``; its font file
is registered without importing the package, whose import would set matplotlib's
global font). Neither found: :class:`~clairlib.errors.ExportError` — a chart in a
font without Japanese would print boxes (tofu) for every label. A character the font
lacks (an emoji in a name) is drawn as 〓, the mark Japanese print uses for a missing
character, rather than as a box.

Reproducible: a fixed size and resolution, PNG metadata without the ``Software``
entry (and PNG holds no time unless asked), the Agg renderer's deterministic output.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import math
import os
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from clairlib.errors import ExportError
from clairlib_docx._chart_data import (
    ACTUAL,
    PREVIOUS,
    TARGET,
    Chart,
    KpiChart,
    StackedChart,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

NOTO = "Noto Sans CJK JP"
IPAEX = "IPAexGothic"
DPI = 200
MISSING = "〓"
_COLOURS = {PREVIOUS: "#a6a6a6", ACTUAL: "#1f4e8c", TARGET: "#ffffff"}
# Pillars: a qualitative palette that stays apart in grey print too.
_STACK_COLOURS = (
    "#1f4e8c",
    "#e08a2c",
    "#3a8f4b",
    "#c0392b",
    "#7d5ba6",
    "#8c6d31",
    "#d46ea8",
    "#6b6b6b",
    "#17a2b8",
    "#b8b82e",
)


class ChartsUnavailable(ExportError):
    """Charts were asked for and cannot be drawn: no matplotlib, or no Japanese font."""


@attrs.frozen(kw_only=True)
class Font:
    """The font the charts are drawn in: its family name and its file."""

    name: str
    path: str


@attrs.frozen(kw_only=True)
class Picture:
    """A drawn chart: PNG bytes and the size it was drawn at, in inches."""

    png: bytes
    width: float
    height: float


def matplotlib_installed() -> bool:
    """True when matplotlib can be imported (looked up, not imported)."""
    return importlib.util.find_spec("matplotlib") is not None


def _fontja_file() -> str | None:
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(next(iter(spec.submodule_search_locations)), "fonts", "ipaexg.ttf")
    return path if os.path.isfile(path) else None


def _noto_file() -> str | None:
    from matplotlib import font_manager

    try:
        path = font_manager.findfont(
            font_manager.FontProperties(family=NOTO), fallback_to_default=False
        )
    except ValueError:
        return None
    # findfont scores names loosely: make sure the file found is the family asked for.
    found = font_manager.FontProperties(fname=path).get_name()
    return str(path) if found == NOTO else None


@functools.cache
def japanese_font() -> Font:
    """Noto Sans CJK JP if installed, else IPAex Gothic from matplotlib-fontja; or refuse."""
    if not matplotlib_installed():
        raise ChartsUnavailable(
            "option 'charts': expected matplotlib to draw the charts, found it not installed "
            "(install clairlib-docx[charts], or export with charts=false)"
        )
    noto = _noto_file()
    if noto is not None:
        return Font(name=NOTO, path=noto)
    fontja = _fontja_file()
    if fontja is not None:
        from matplotlib import font_manager

        font_manager.fontManager.addfont(fontja)
        return Font(name=IPAEX, path=fontja)
    raise ChartsUnavailable(
        "option 'charts': expected a Japanese font for the charts (Noto Sans CJK JP, or "
        "IPAex Gothic from the matplotlib-fontja package), found neither (install "
        "fonts-noto-cjk or clairlib-docx[charts], or export with charts=false)"
    )


@functools.cache
def _glyphs(path: str) -> Any:
    from matplotlib.ft2font import FT2Font

    return FT2Font(path)


def printable(text: str, font: Font) -> str:
    """``text`` as the font can draw it: controls dropped, missing glyphs as 〓."""
    face = _glyphs(font.path)
    out: list[str] = []
    for char in text:
        if char in "\n\t\r":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        elif char == " " or face.get_char_index(ord(char)):
            out.append(char)
        else:
            out.append(MISSING)
    return "".join(out).strip()


def _float(value: Decimal) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ExportError(f"option 'charts': expected a value a chart can draw, found {value}")
    return number


def _kpi_axes(axes: Axes, panel_bars: list[tuple[str, float, str]], font: Font) -> None:
    names = [series for series, _, _ in panel_bars]
    values = [value for _, value, _ in panel_bars]
    positions = list(range(len(panel_bars)))
    colours = [_COLOURS[series] for series in names]
    hatches = ["////" if series == TARGET else "" for series in names]
    bars = axes.barh(positions, values, color=colours, edgecolor="#333333", linewidth=0.6)
    for bar, hatch in zip(bars, hatches, strict=True):
        bar.set_hatch(hatch)
    low = min(0.0, *values)
    high = max(0.0, *values)
    span = (high - low) or 1.0
    axes.set_xlim(low - (0.02 * span if low < 0 else 0), high + 0.32 * span)
    for position, value, (_, _, text) in zip(positions, values, panel_bars, strict=True):
        axes.text(
            max(value, 0.0) + 0.01 * span,
            position,
            printable(text, font),
            va="center",
            ha="left",
            fontsize=8,
        )
    axes.set_yticks(positions, [printable(name, font) for name in names])
    axes.invert_yaxis()
    axes.set_xticks([])
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)


def _draw_kpi(chart: KpiChart, font: Font, width: float) -> tuple[Any, float]:
    from matplotlib.figure import Figure

    rows = [len(panel.bars) for panel in chart.panels]
    height = 0.25 + sum(0.42 + 0.2 * count for count in rows)
    figure = Figure(figsize=(width, height), layout="constrained")
    grid = figure.add_gridspec(len(rows), 1, height_ratios=[0.42 + 0.2 * n for n in rows])
    for index, panel in enumerate(chart.panels):
        axes = figure.add_subplot(grid[index])
        bars = [(bar.series, _float(bar.value), bar.text) for bar in panel.bars]
        _kpi_axes(axes, bars, font)
        title = printable(f"{panel.name}（{panel.unit}）", font)
        axes.set_title(title, loc="left", fontsize=9, pad=3)
    return figure, height


def _draw_stacked(chart: StackedChart, font: Font, width: float) -> tuple[Any, float]:
    from matplotlib.figure import Figure

    count = len(chart.categories)
    legend_rows = math.ceil(len(chart.stacks) / 2)
    height = 0.55 + 0.27 * count + 0.2 * legend_rows
    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    positions = list(range(count))
    left = [0.0] * count
    colour = chart.colours or tuple(range(len(chart.stacks)))
    for index, label in enumerate(chart.stacks):
        values = [_float(row[index]) for row in chart.values]
        axes.barh(
            positions,
            values,
            left=left,
            color=_STACK_COLOURS[colour[index] % len(_STACK_COLOURS)],
            edgecolor="white",
            linewidth=0.5,
            label=printable(label, font),
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    longest = max(left) or 1.0
    for position, total in enumerate(chart.total(i) for i in range(count)):
        axes.text(_float(total) + 0.01 * longest, position, f"{total:,}", va="center", fontsize=8)
    axes.set_xlim(0, longest * 1.1)
    axes.set_yticks(positions, [printable(name, font) for name in chart.categories])
    axes.invert_yaxis()
    axes.set_xlabel("件数", fontsize=8)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    figure.legend(loc="outside lower center", ncols=2, fontsize=7.5, frameon=False)
    return figure, height


@functools.lru_cache(maxsize=64)
def draw(chart: Chart, width: float) -> Picture:
    """The chart drawn ``width`` inches wide, as PNG (the same chart gives the same bytes)."""
    font = japanese_font()
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    settings = {
        "font.family": [font.name],
        "font.size": 8.5,
        "text.parse_math": False,  # a $ in a name is a dollar sign, not mathematics
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        if isinstance(chart, KpiChart):
            figure, height = _draw_kpi(chart, font, width)
        else:
            figure, height = _draw_stacked(chart, font, width)
        FigureCanvasAgg(figure)
        out = io.BytesIO()
        # No Software entry: the PNG does not change with matplotlib's version.
        figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return Picture(png=out.getvalue(), width=width, height=height)
