"""Charts in the Word export: their numbers, their pictures in the package, the option."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import pytest
from clairlib_docx import DocxOptions, write_docx
from clairlib_docx._chart_data import ACTUAL, PREVIOUS, event_charts, kpi_charts
from clairlib_docx._charts import draw

from clairlib import samples

_PNG = b"\x89PNG\r\n\x1a\n"


def _docx(charts: bool) -> bytes:
    buffer = io.BytesIO()
    write_docx(samples.fy2013_report(), buffer, DocxOptions(charts=charts))
    return buffer.getvalue()


def test_fy2013_kpi_values_against_the_previous_year() -> None:
    """Pillar 5's indicators: this year's value and the value less the printed change."""
    chart = kpi_charts(samples.fy2013_report())["5"]
    # Typed from the report: 約 1,552 万件 (約 161 万件増), 約 4,400 名 (約 300 名増),
    # 約 216 万件 (約 36 万件増), 計 83 件 (16 件減), 約 416 万件 (約 9 万件増).
    assert [
        ("協会ホームページ全体のウェブページアクセス数", 13_910_000, 15_520_000),
        ("メールマガジン読者数", 4_100, 4_400),
        ("自治体国際化フォーラムのウェブページアクセス数", 1_800_000, 2_160_000),
        ("海外依頼調査の件数", 99, 83),
        ("クレアレポートのウェブページアクセス数", 4_070_000, 4_160_000),
    ] == [(panel.name, *(bar.value for bar in panel.bars)) for panel in chart.panels]
    assert [(PREVIOUS, "約1,391万件"), (ACTUAL, "約1,552万件")] == [
        (bar.series, bar.text) for bar in chart.panels[0].bars
    ]


def test_fy2013_support_cases_sum_the_offices() -> None:
    """Pillar 7: the offices' cases added (47+87+80+156+85+44+22) against 521 less 35."""
    chart = kpi_charts(samples.fy2013_report())["7"]
    assert [("海外活動支援件数", Decimal(486), Decimal(521))] == [
        (panel.name, *(bar.value for bar in panel.bars)) for panel in chart.panels
    ]


def test_indicators_without_a_comparison_are_not_charted() -> None:
    """JET figures have neither a previous year nor a target: pillar 3 has no chart."""
    assert "3" not in kpi_charts(samples.fy2013_report())


def test_events_by_office_split_by_pillar() -> None:
    """The New York office's 21 events: 11 under pillar 1 and 10 under pillar 7."""
    office = dict(event_charts(samples.fy2013_report()))["office"]
    row = office.values[office.categories.index("ニューヨーク事務所")]
    by_pillar = dict(zip(office.stacks, row, strict=True))
    assert Decimal(11) == by_pillar["1 自治体の海外における経済活動を支援"]
    assert Decimal(10) == by_pillar["7 海外事務所を自治体の頼れる海外拠点に"]
    assert Decimal(21) == office.total(office.categories.index("ニューヨーク事務所"))


def test_charts_are_pictures_with_captions() -> None:
    """Charts on: PNG parts in word/media, related, typed, drawn inline and captioned."""
    content = _docx(True)
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        media = sorted(n for n in package.namelist() if n.startswith("word/media/"))
        document = package.read("word/document.xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        types = package.read("[Content_Types].xml").decode()
        pictures = [package.read(name)[:8] for name in media]
    assert 5 == len(media)
    assert [_PNG] * 5 == pictures
    assert 'Extension="png" ContentType="image/png"' in types
    for name in media:
        assert f'Target="media/{name.rsplit("/", 1)[1]}"' in rels
    assert len(media) == document.count("<w:drawing>")
    assert "図2 「自治体のニーズに応える情報の収集･発信を強化」の指標：実績と前年度" in document
    assert "事務所別のイベント等の件数（柱別）" in document


def test_charts_off_leave_no_media() -> None:
    """charts=False: no picture, no image relationship, no png content type."""
    with zipfile.ZipFile(io.BytesIO(_docx(False))) as package:
        assert [] == [n for n in package.namelist() if n.startswith("word/media/")]
        assert "<w:drawing>" not in package.read("word/document.xml").decode()
        assert "png" not in package.read("[Content_Types].xml").decode()


def test_charts_are_byte_reproducible() -> None:
    """The same report gives the same .docx twice, charts drawn afresh each time."""
    first = _docx(True)
    draw.cache_clear()
    assert first == _docx(True)


def test_png_carries_no_software_or_time() -> None:
    """The PNG has no tEXt Software entry and no tIME chunk."""
    chart = kpi_charts(samples.fy2013_report())["5"]
    draw.cache_clear()
    png = draw(chart, 6.0).png
    chunks = re.findall(rb"(tEXt|tIME|iTXt|zTXt)", png)
    assert b"Software" not in png
    assert b"tIME" not in chunks


def test_no_matplotlib_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, charts=True is an ExportError saying what to install."""
    from clairlib_docx import _charts

    from clairlib.errors import ExportError

    monkeypatch.setattr(_charts, "matplotlib_installed", lambda: False)
    _charts.japanese_font.cache_clear()
    draw.cache_clear()
    try:
        with pytest.raises(ExportError, match=r"clairlib-docx\[charts\]"):
            _docx(True)
    finally:
        _charts.japanese_font.cache_clear()


def test_options_do_not_import_matplotlib() -> None:
    """Importing the plugin and its options leaves matplotlib unloaded (it is heavy)."""
    import subprocess
    import sys

    probe = (
        "import sys, clairlib_docx; clairlib_docx.DocxOptions(); print('matplotlib' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert "False" == done.stdout.strip()
