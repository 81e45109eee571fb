"""The FY2013 report example: it loads, round-trips, validates, and totals as printed.

Every expected number below was typed from the printed report (平成25年度事業報告),
never taken from the code's output; the comment beside it quotes what is printed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import clairlib
import clairlib.io
from clairlib.aggregate import Basis, aggregate_indicator, evaluate, summarize, tally
from clairlib.errors import DocumentError
from clairlib.findings import Finding, Severity, join_path
from clairlib.model import AnnualReport, Figure
from clairlib.rules import ValidationReport, default_rules, validate

EXAMPLES = Path(__file__).parents[2] / "examples"
REPORT = EXAMPLES / "fy2013-report.json"
DOCUMENTS = [
    "midterm-plan-2022.json",
    "fy2011-plan.json",
    "fy2025-plan.json",
    "fy2013-report.json",
]


@pytest.fixture(scope="module")
def report() -> AnnualReport:
    """The FY2013 report, loaded once for the module."""
    loaded = clairlib.io.load(REPORT)
    assert isinstance(loaded, AnnualReport)
    return loaded


@pytest.fixture(scope="module")
def findings(report: AnnualReport) -> ValidationReport:
    """The report validated with clairlib's own rules."""
    return validate(report, rules=default_rules())


def _figure(report: AnnualReport, ident: str) -> tuple[str, Figure]:
    for i, figure in enumerate(report.figures):
        if figure.id == ident:
            return join_path(["figures", i]), figure
    raise AssertionError(f"no figure {ident!r}")


def _finding(result: ValidationReport, rule: str, path: str) -> Finding:
    found = [f for f in result.findings if f.rule == rule and f.path == path]
    assert 1 == len(found), (rule, path, result.findings)
    return found[0]


# ---- loading, canonical form, structure ----


def test_report_loads_with_its_header(report: AnnualReport) -> None:
    """The report loads (no DocumentError) with the header the cover prints."""
    assert "fy2013-report" == report.id
    assert "平成25年度事業報告" == report.title
    assert 2013 == report.fiscal_year.year
    assert "一般財団法人自治体国際化協会" == report.issuer
    assert report.framework is not None
    assert ["1", "2", "3", "4", "5", "6", "7"] == [p.id for p in report.framework.pillars]


def test_report_file_is_canonical() -> None:
    """dumps(load(text)) reproduces the file byte for byte."""
    text = REPORT.read_text(encoding="utf-8")
    assert text == clairlib.io.dumps(clairlib.io.loads(text))


STRUCTURE_RULES = ("unique-id", "reference-exists")


def test_no_structural_finding(findings: ValidationReport) -> None:
    """Loading finds no structural problem, and validation none about ids or references."""
    try:
        clairlib.io.loads(REPORT.read_text(encoding="utf-8"))
    except DocumentError as error:
        loading = [(f.rule, f.path, f.message) for f in error.findings]
    else:
        loading = []
    assert [] == loading
    assert set(STRUCTURE_RULES) <= set(findings.rules)
    assert [] == [(f.rule, f.path) for f in findings.findings if f.rule in STRUCTURE_RULES]
    # A rule that failed on an unexpected shape would say so in a finding of its own.
    assert [] == [f.rule for f in findings.findings if f.message.startswith("the rule ")]


# ---- headline figures: declared (printed) and computed (from the records) ----

# (figure id, value as printed) for figures the records can recompute.
COMPUTED_AND_DECLARED = [
    ("f1-events-count", 45),  # 12 か国、21 地域で 45 件のイベントに出展等
    ("f1-events-countries", 12),
    ("f1-events-regions", 21),
    ("f1-recovery-count", 9),  # 4 か国で 9 件のイベント等を開催
    ("f1-recovery-countries", 4),
    ("f1-media-count", 19),  # 5 か国で 19 件の実施
    ("f1-media-countries", 5),
    ("f1-grant-projects", 12),  # 12 事業、18,909 千円の助成
    ("f1-grant-amount", 18909),
    ("f2-trainees", 218),  # 多文化共生に関する専門的な研修 … 218 名の参加
    ("f3-jetaa-events", 41),  # JETAA と連携した事業を 7 か国で 41 件
    ("f3-jetaa-countries", 7),
    ("f7-jetaa-events", 41),  # 7: 7か国で 41件 (the same figure printed again)
    ("f7-jetaa-countries", 7),
    ("f7-pr-countries", 6),  # 6 か国で 20 件のセミナーや PR 活動
    ("f4-exec-participants", 49),  # 15 か国から自治体幹部職員 49 名 … 9 自治体において
    ("f4-exec-hosts", 9),
    ("f4-lgotp-trainees", 26),  # 9 か国から海外自治体職員 26 名 … 20 自治体で
    ("f4-lgotp-countries", 9),
    ("f4-lgotp-hosts", 20),
    ("f4-expert-persons", 9),  # 5 か国に自治体職員(OB 含む。) 9 名 … 5 分野
    ("f4-expert-countries", 5),
    ("f4-expert-fields", 5),
    ("f4-regional-support-projects", 17),  # 17 事業を選定し、20,496 千円の助成
    ("f4-regional-support-amount", 20496),
    ("f4-model-projects", 17),  # 17 事業を認定し、36,906 千円
    ("f4-model-amount", 36906),
    ("f5-clair-reports", 11),  # 平成 25 年度に 11 本を発刊
    ("f6-hq-bodies", 30),  # 本部において 30 団体 32 名の自治体職員を受け入れ
    ("f6-hq-staff", 32),
    ("f6-overseas-bodies", 49),  # 海外事務所においては、49 団体 65 名
    ("f6-overseas-staff", 65),
    ("f6-short-training-countries", 3),  # 短期研修を 3 回、3 か国 … 延べ 34 団体から延べ 34 名
    ("f6-short-training-bodies", 34),  # 5 + 3 + 10 + 1 + 9 + 6 bodies in the table
    ("f6-short-training-participants", 34),
    ("f6-multicultural-courses", 6),  # 6 コース実施した。自治体や地域国際化協会の職員 218 名
    ("f6-multicultural-trainees", 218),
    ("f4-exec-countries", 15),  # 15 か国から自治体幹部職員 49 名
    ("f4-ccj-japan-bodies", 44),  # 日本から 44 団体 171 名、中国から 26 団体 67 名、
    ("f4-ccj-japan-persons", 171),  # 韓国から 33 団体 72 名が参加
    ("f4-ccj-china-bodies", 26),
    ("f4-ccj-china-persons", 67),
    ("f4-ccj-korea-bodies", 33),
    ("f4-ccj-korea-persons", 72),
    ("f1-seminar-tourism-bodies", 22),  # 海外経済(観光)セミナー 22 団体 35 名
    ("f1-seminar-tourism-persons", 35),
    ("f1-seminar-products-bodies", 33),  # 海外経済(物産)セミナー 33 団体 47 名
    ("f1-seminar-products-persons", 47),
    ("f7-support-cases", 521),  # 全海外事務所で計 521 件 / 計 521 … 3,147
    ("f7-support-persons", 3147),
    ("f-org-overseas-staff", 97),  # (3) 海外事務所職員 97 名
]

# (figure id, value as printed) for figures the report gives no records for.
DECLARED_ONLY = [
    ("f3-jet-participants", Decimal(4372)),  # 参加者総数 4,372 名
    ("f3-jet-new-arrivals", Decimal(1661)),  # (うち新規来日者 1,661 名)
    ("f3-jet-countries", Decimal(40)),  # 40 か国うち新規招致国 1 か国
    ("f3-jet-new-countries", Decimal(1)),
    ("f3-jet-host-bodies", Decimal(916)),  # 受入自治体数 916 団体
    ("f3-jet-new-host-bodies", Decimal(1)),  # (うち新規団体 1 団体)
    ("f3-tefl-enrolled", Decimal(168)),  # 168 名の受講者のうち、116 名(68.5%)が修了
    ("f3-tefl-completed", Decimal(116)),
    ("f3-tefl-completion-rate", Decimal("68.5")),
    ("f-org-hq-staff", Decimal(63)),  # (2) 本部職員 63 名
    ("f-org-hq-shusa", Decimal(21)),  # 主査 21 名、主事 19 名、プログラムコーディネーター10 名
    ("f-org-hq-shuji", Decimal(19)),
    ("f-org-hq-coordinators", Decimal(10)),
]


@pytest.mark.parametrize(("ident", "printed"), COMPUTED_AND_DECLARED)
def test_figure_declared_and_computed(report: AnnualReport, ident: str, printed: int) -> None:
    """The figure holds the printed value, and its selector recomputes it from the records."""
    _, figure = _figure(report, ident)
    assert Decimal(printed) == figure.value.magnitude
    assert figure.computed_from is not None
    assert Decimal(printed) == evaluate(report, figure.computed_from).value


@pytest.mark.parametrize(("ident", "printed"), DECLARED_ONLY)
def test_figure_declared(report: AnnualReport, ident: str, printed: Decimal) -> None:
    """The figure holds the value as printed."""
    _, figure = _figure(report, ident)
    assert printed == figure.value.magnitude


def test_headquarters_staff_add_up(report: AnnualReport) -> None:
    """本部職員 63 名 = 13 named posts (6 部長級, 7 課長) + 主査 21 + 主事 19 + PC 10."""
    parts = ["f-org-hq-shusa", "f-org-hq-shuji", "f-org-hq-coordinators"]
    listed = sum(_figure(report, p)[1].value.magnitude for p in parts)
    assert _figure(report, "f-org-hq-staff")[1].value.magnitude == 13 + listed


def test_economic_events_by_printed_country_group(report: AnnualReport) -> None:
    """The economic events table's country groups hold the printed 件数 (45 in all)."""
    printed = {
        "アメリカ": 9,
        "イギリス": 2,
        "フランス": 10,
        "シンガポール": 3,
        "タイ": 4,
        "フィリピン": 2,
        "ベトナム": 1,
        "インドネシア": 3,
        "オーストラリア": 3,
        "韓国": 5,
        "中国": 3,
    }
    groups = tally(report, "events", by="group", where={"tags": "t1-1"})
    assert {k: Decimal(v) for k, v in printed.items()} == groups.as_dict()
    assert Decimal(45) == groups.total


def test_economic_events_by_country_count_shared_venues_twice(report: AnnualReport) -> None:
    """By country, パリ、ロンドン and the 津市 mission (France, Switzerland) count twice.

    香港, printed in the 中国 group, is a country code of its own (HK).
    """
    countries = tally(report, "events", by="country", where={"tags": "t1-1"})
    expected = {"US": 9, "GB": 3, "FR": 10, "CH": 1, "SG": 3, "TH": 4}
    expected |= {"PH": 2, "VN": 1, "ID": 3, "AU": 3, "KR": 5, "CN": 2, "HK": 1}
    assert {k: Decimal(v) for k, v in expected.items()} == countries.as_dict()
    assert (Decimal(45), Decimal(47)) == (countries.total, countries.gross)
    assert countries.overlapping


def test_earthquake_recovery_events_by_country(report: AnnualReport) -> None:
    """イギリス 3, フランス 2, スペイン 1, 中国 3: 9 events in 4 countries."""
    countries = tally(report, "events", by="country", where={"tags": "t1-2"})
    assert {"GB": 3, "FR": 2, "ES": 1, "CN": 3} == {
        k: None if v is None else int(v) for k, v in countries.as_dict().items()
    }


def test_overseas_support_by_office(report: AnnualReport) -> None:
    """海外活動支援件数等: cases and persons per office, 521 and 3,147 in all."""
    cases = {"NYC": 47, "LON": 87, "PAR": 80, "SIN": 156, "SEL": 85, "SYD": 44, "BEJ": 22}
    persons = {"NYC": 197, "LON": 405, "PAR": 483, "SIN": 1035, "SEL": 522, "SYD": 318}
    persons["BEJ"] = 187
    for indicator, printed, total in [
        ("kpi-overseas-support-cases", cases, 521),
        ("kpi-overseas-support-persons", persons, 3147),
    ]:
        where = {"indicator": indicator, "source": "table:t7-1"}
        per_office = tally(report, "measurements", by="office", measure="sum:value", where=where)
        assert {k: Decimal(v) for k, v in printed.items()} == per_office.as_dict()
        combined = aggregate_indicator(indicator, report.measurements, indicators=report.indicators)
        assert Decimal(total) == combined.value


def test_support_cases_change_on_previous_year(report: AnnualReport) -> None:
    """計 521 件(前年度比 35 件増): the previous year had 486 cases."""
    _, figure = _figure(report, "f7-support-cases")
    assert figure.change is not None
    assert Decimal(35) == figure.change.magnitude
    assert Decimal(486) == figure.value.magnitude - figure.change.magnitude


def test_overseas_staff_by_office(report: AnnualReport) -> None:
    """海外事務所職員内訳 計: 11 13 12 23 16 9 13, 97 in all."""
    per_office = tally(report, "staff", by="office", measure="sum:count")
    printed = {"NYC": 11, "LON": 13, "PAR": 12, "SIN": 23, "SEL": 16, "SYD": 9, "BEJ": 13}
    assert {k: Decimal(v) for k, v in printed.items()} == per_office.as_dict()
    for code, count in printed.items():
        assert Decimal(count) == _figure(report, f"f-org-staff-{code.lower()}")[1].value.magnitude


def test_jet_measurements(report: AnnualReport) -> None:
    """The JET indicators hold the FY2013 values printed in the JET table."""
    printed = {
        "kpi-jet-participants": 4372,
        "kpi-jet-new-arrivals": 1661,
        "kpi-jet-countries": 40,
        "kpi-jet-host-bodies": 916,
    }
    for indicator, value in printed.items():
        found = [m for m in report.measurements if m.indicator == indicator]
        assert [(2013, Decimal(value))] == [(m.fiscal_year.year, m.value.magnitude) for m in found]


def test_summary_headlines(report: AnnualReport) -> None:
    """summarize() gives pillar 1's printed headlines and the grants, staff, computed too."""
    summary = summarize(report)
    first = summary.pillar("1")
    for key, printed in [("events", 45), ("countries", 12), ("regions", 21)]:
        headline = first.get(key, Basis.DECLARED)
        assert headline is not None
        assert Decimal(printed) == headline.value
    for key, printed in [("grant_projects", 12), ("grant_amount", 18909)]:
        headline = first.get(key, Basis.DECLARED)
        assert headline is not None
        # 12 事業、18,909 千円: printed, and the one grant of p1-1 gives the same.
        assert (Decimal(printed), Decimal(printed)) == (headline.declared, headline.computed)
    staff = summary.total.get("staff", Basis.COMPUTED)
    assert staff is not None
    assert Decimal(97) == staff.value


# (figure id, printed, what its records give, severity): the print disagrees with itself.
DISAGREE_WITH_RECORDS = [
    # 延べ約 40 自治体等の紹介 — the media PR table names 35 bodies (約 admits 36 … 44).
    ("f1-media-governments", 40, 35, Severity.WARNING),
    # 短期研修を 3 回 — シンガポール政策研修プログラム ran twice (①7 月 ②10 月): 4 sessions.
    ("f6-short-trainings", 3, 4, Severity.ERROR),
    # 20 件のセミナーや PR 活動 — 10 rows holding 19 sessions (計 5 回, 計 3 回, ①②③, ①②).
    ("f7-pr-activities", 20, 19, Severity.ERROR),
]


@pytest.mark.parametrize(("ident", "printed", "computed", "severity"), DISAGREE_WITH_RECORDS)
def test_figure_disagrees_with_its_records(
    report: AnnualReport,
    findings: ValidationReport,
    ident: str,
    printed: int,
    computed: int,
    severity: Severity,
) -> None:
    """The records recompute another value than printed, and count-of-rows says so."""
    path, figure = _figure(report, ident)
    assert Decimal(printed) == figure.value.magnitude
    assert figure.computed_from is not None
    assert Decimal(computed) == evaluate(report, figure.computed_from).value
    finding = _finding(findings, "count-of-rows", f"{path}.value")
    assert severity is finding.severity
    assert finding.evidence is not None
    assert (Decimal(printed), Decimal(computed)) == (finding.evidence.left, finding.evidence.right)


def test_media_bodies_named_in_the_table(report: AnnualReport) -> None:
    """The media PR table names 35 bodies, 33 of them local governments, 33 distinct."""
    named = [g for e in report.events if "t1-6" in e.tags for g in e.local_governments]
    assert 35 == sum(g.count for g in named)
    assert 33 == sum(g.count for g in named if g.kind is not None)
    distinct = evaluate(
        report, "events", measure="distinct:local_governments.name", where={"tags": "t1-6"}
    )
    assert Decimal(33) == distinct.value  # 鳥取県 and 徳島県 are named twice


# ---- what validation says about the document ----


def test_tefl_rate_disagrees_with_its_counts(
    report: AnnualReport, findings: ValidationReport
) -> None:
    """116 名(68.5%) of 168: 116/168 = 69.05 %, so the printed 68.5 % is a ratio error."""
    path, _ = _figure(report, "f3-tefl-completion-rate")
    finding = _finding(findings, "ratio", f"{path}.value")
    assert Severity.ERROR is finding.severity
    assert finding.evidence is not None
    assert Decimal("68.5") == finding.evidence.left
    assert Decimal("69.05") == Decimal(finding.evidence.right).quantize(Decimal("0.01"))
    assert Decimal("0.05") == finding.evidence.tolerance


def test_tefl_rate_measurement_disagrees_too(
    report: AnnualReport, findings: ValidationReport
) -> None:
    """The TEFL completion-rate indicator's measurement carries the same printed 68.5 %."""
    index = next(
        i for i, m in enumerate(report.measurements) if m.indicator == "kpi-tefl-completion-rate"
    )
    finding = _finding(findings, "ratio", join_path(["measurements", index, "value"]))
    assert finding.evidence is not None
    assert Decimal("68.5") == finding.evidence.left


def test_forum_issue_dated_after_the_year(report: AnnualReport, findings: ValidationReport) -> None:
    """Forum issue 294 (2014 年 4 月, 日本食品を海外に売り込め) lies outside FY2013: a warning."""
    index = next(
        i for i, p in enumerate(report.publications) if "日本食品を海外に売り込め" in p.title
    )
    finding = _finding(findings, "period-within-fy", join_path(["publications", index, "period"]))
    assert Severity.WARNING is finding.severity
    assert finding.evidence is not None
    assert ("2014-04", "FY2013") == (str(finding.evidence.left), str(finding.evidence.right))


def test_the_errors_are_the_rate_and_the_sessions(findings: ValidationReport) -> None:
    """The errors: the TEFL rate (figure and measurement), 3 回 and 20 件 against sessions."""
    assert {
        ("ratio", "$.figures[61].value"),
        ("ratio", "$.measurements[11].value"),
        ("count-of-rows", "$.figures[118].value"),
        ("count-of-rows", "$.figures[133].value"),
    } == {(f.rule, f.path) for f in findings.errors}


# ---- the examples README lists every finding ----

_HEADING = re.compile(r"^### `examples/(?P<name>[\w.-]+\.json)`")
_ROW = re.compile(r"^\| `(?P<rule>[a-z-]+)` \| (?P<severity>\w+) \| `(?P<path>[^`]+)` \|")


def _readme_findings() -> dict[str, set[tuple[str, str, str]]]:
    listed: dict[str, set[tuple[str, str, str]]] = {}
    current: str | None = None
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        if heading := _HEADING.match(line):
            current = heading["name"]
            listed[current] = set()
        elif (row := _ROW.match(line)) and current is not None:
            listed[current].add((row["rule"], row["severity"], row["path"]))
    return listed


@pytest.mark.parametrize("name", DOCUMENTS)
def test_readme_lists_every_finding(name: str) -> None:
    """examples/README.md lists exactly the findings installed validation reports."""
    result = clairlib.validate(clairlib.io.load(EXAMPLES / name))
    reported = {(f.rule, f.severity.value, f.path) for f in result.findings}
    assert reported == _readme_findings()[name]
