"""Tests of the plugin host: discovery, lazy loading, broken plugins, strict mode."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import clairlib
from clairlib.errors import PluginError
from clairlib.findings import Finding, Severity
from clairlib.plugins import (
    DEFAULT_PLUGINS,
    STRICT_ENV,
    PluginHost,
    PluginWarning,
    get_plugin_manager,
    installed_rules,
    reset_plugin_manager,
)
from clairlib.testing import sample_document

GOOD = """
    import attrs
    from clairlib.exporting import Exporter, NoOptions
    from clairlib.hooks import hookimpl

    def _write(document, sink, options, progress):
        with sink.open() as stream:
            stream.write(document.title.encode())

    @hookimpl
    def clairlib_exporters():
        return [Exporter(name="{name}", suffix=".txt", description="title only",
                         options=NoOptions, write=_write)]
"""

Factory = Callable[..., list[importlib.metadata.EntryPoint]]


@pytest.fixture
def distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Factory]:
    """Make an installed-looking distribution with plugin modules and entry points."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def make(
        name: str, modules: dict[str, str], points: dict[str, str]
    ) -> list[importlib.metadata.EntryPoint]:
        for module, source in modules.items():
            (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            made.append(module)
        info = tmp_path / f"{name.replace('-', '_')}-1.2.3.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n", encoding="utf-8"
        )
        lines = "".join(f"{key} = {value}\n" for key, value in points.items())
        (info / "entry_points.txt").write_text(f"[clairlib]\n{lines}", encoding="utf-8")
        dist = importlib.metadata.Distribution.at(info)
        return list(dist.entry_points)

    yield make
    for module in made:
        sys.modules.pop(module, None)


def test_defaults_provide_csv_and_json_from_clairlib() -> None:
    """With no entry points the host still has the built-in exporters and rules."""
    host = PluginHost(entry_points=[])
    assert ["csv", "json"] == list(host.exporters())
    assert "clairlib" == host.distribution_of("csv")
    assert "sum-of-parts" in [rule.code for rule in host.rules()]
    assert () == host.problems


def test_entry_point_plugin_is_found(distribution: Factory) -> None:
    """An exporter from an entry point is listed with its distribution and version."""
    points = distribution("good-dist", {"good_plugin": GOOD.format(name="title")},
                          {"title": "good_plugin"})  # fmt: skip
    host = PluginHost(entry_points=points)
    assert ["csv", "json", "title"] == list(host.exporters())
    assert "good-dist" == host.distribution_of("title")
    info = {plugin.name: plugin for plugin in host.plugins()}
    assert ("good-dist", "1.2.3", ("title",)) == (
        info["title"].distribution,
        info["title"].version,
        info["title"].exporters,
    )
    assert ("csv",) == info["clairlib.exporting._csv"].exporters


def test_plugins_load_lazily(distribution: Factory) -> None:
    """Building a host imports no plugin; the first question does."""
    points = distribution("lazy-dist", {"lazy_plugin": GOOD.format(name="lazy")},
                          {"lazy": "lazy_plugin"})  # fmt: skip
    host = PluginHost(entry_points=points)
    assert "lazy_plugin" not in sys.modules
    host.exporter("lazy")
    assert "lazy_plugin" in sys.modules


def test_nothing_is_loaded_at_import() -> None:
    """Importing clairlib.plugins creates no host and imports no exporter."""
    code = (
        "import sys, clairlib.plugins as p; "
        "print(p._host is None, 'clairlib.exporting._csv' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "True False" == out.stdout.strip()


def test_import_error_is_reported_and_others_survive(distribution: Factory) -> None:
    """A plugin that fails to import is a warning naming its distribution; others load."""
    points = distribution(
        "broken-dist",
        {
            "broken_plugin": "raise ImportError('needs libfoo')",
            "fine_plugin": GOOD.format(name="fine"),
        },
        {"broken": "broken_plugin", "fine": "fine_plugin"},
    )
    host = PluginHost(entry_points=points, strict=False)
    with pytest.warns(PluginWarning, match="distribution 'broken-dist'.*needs libfoo"):
        found = host.exporters()
    assert ["csv", "fine", "json"] == list(found)
    assert ["broken"] == [problem.plugin for problem in host.problems]
    assert "ImportError: needs libfoo" in host.problems[0].message


NONSENSE = {
    "text_plugin": ("return 'csv'", "must return an iterable, returned 'csv'"),
    "none_plugin": ("return None", "must return an iterable, returned None"),
    "number_plugin": ("return [42]", "must return Exporter objects, returned 42"),
    "raising_plugin": ("raise RuntimeError('boom')", "raised RuntimeError: boom"),
    "generator_plugin": ("return (1 / 0 for _ in [1])", "cannot be iterated: division by zero"),
}


@pytest.mark.parametrize("module", sorted(NONSENSE))
def test_nonsense_from_a_hook_is_reported(distribution: Factory, module: str) -> None:
    """A hook returning the wrong thing (or raising) is reported; the defaults remain."""
    body, message = NONSENSE[module]
    source = f"""
        from clairlib.hooks import hookimpl

        @hookimpl
        def clairlib_exporters():
            {body}
    """
    points = distribution("odd-dist", {module: source}, {"odd": module})
    host = PluginHost(entry_points=points, strict=False)
    with pytest.warns(PluginWarning, match="odd-dist"):
        assert ["csv", "json"] == list(host.exporters())
    assert message in host.problems[0].message


def test_duplicate_exporter_name_keeps_the_first(distribution: Factory) -> None:
    """A plugin cannot take over a name already provided: the built-in csv stays."""
    points = distribution("copy-dist", {"copy_plugin": GOOD.format(name="csv")},
                          {"copy": "copy_plugin"})  # fmt: skip
    host = PluginHost(entry_points=points, strict=False)
    with pytest.warns(PluginWarning, match="'csv' is already provided by distribution 'clairlib'"):
        assert "clairlib" == host.distribution_of("csv")


def test_unknown_hook_is_reported(distribution: Factory) -> None:
    """A misspelt hook is a problem, so the author learns why nothing shows up."""
    source = """
        from clairlib.hooks import hookimpl

        @hookimpl
        def clairlib_exporter():
            return []
    """
    points = distribution("typo-dist", {"typo_plugin": source}, {"typo": "typo_plugin"})
    host = PluginHost(entry_points=points, strict=False)
    with pytest.warns(PluginWarning, match="unknown hook clairlib_exporter"):
        host.exporters()


def test_strict_mode_from_the_environment(
    distribution: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CLAIRLIB_STRICT_PLUGINS=1 turns a broken plugin into a PluginError."""
    points = distribution("broken-dist", {"strict_plugin": "import no_such_module_here"},
                          {"broken": "strict_plugin"})  # fmt: skip
    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(PluginError, match="'broken' from distribution 'broken-dist'"):
        PluginHost(entry_points=points).exporters()
    monkeypatch.setenv(STRICT_ENV, "0")
    with pytest.warns(PluginWarning):
        PluginHost(entry_points=points).exporters()


def test_unknown_exporter_names_the_installed_ones() -> None:
    """Asking for an exporter that is not installed lists the ones that are."""
    with pytest.raises(PluginError, match=r"no exporter is called 'pdf' \(installed: csv, json\)"):
        PluginHost(entry_points=[]).exporter("pdf")


def test_a_broken_default_plugin_is_not_hidden() -> None:
    """A default plugin that fails to import is clairlib's own bug: it raises."""
    with pytest.raises(ModuleNotFoundError):
        PluginHost(entry_points=[], defaults=("clairlib.exporting._no_such",)).exporters()


def test_default_plugins_are_the_contract() -> None:
    """CSV, JSON, the text reader and the built-in rules are the default plugins, in order."""
    assert (
        "clairlib.exporting._csv",
        "clairlib.exporting._json",
        "clairlib.reading._text",
        "clairlib.rules._plugin",
    ) == DEFAULT_PLUGINS


RULE = """
    import attrs
    from clairlib.findings import Finding, Severity
    from clairlib.hooks import hookimpl

    @attrs.frozen
    class TitleRule:
        code: str = "{code}"
        description: str = "the title names the fiscal year"
        severity: Severity = Severity.WARNING

        def check(self, doc, ctx):
            if "年度" not in doc.title:
                yield Finding(rule=self.code, severity=self.severity, path="$.title",
                              message="expected the title to name the fiscal year")

    @hookimpl
    def clairlib_rules():
        return [TitleRule()]
"""


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[PluginHost], None]]:
    """Install a host as the shared one for a test, and restore the old one after."""
    old = reset_plugin_manager()

    def use(host: PluginHost) -> None:
        reset_plugin_manager(host)

    yield use
    reset_plugin_manager(old)


def test_plugin_rules_run_in_validate(distribution: Factory, shared: Callable[..., None]) -> None:
    """clairlib.validate runs the built-in rules and a plugin's rules."""
    points = distribution("rule-dist", {"rule_plugin": RULE.format(code="title-fy")},
                          {"titles": "rule_plugin"})  # fmt: skip
    shared(PluginHost(entry_points=points))
    codes = [rule.code for rule in installed_rules()]
    assert "unique-id" == codes[0]
    assert "title-fy" == codes[-1]
    document = sample_document()
    untitled = type(document)(id="r", title="事業報告", fiscal_year=document.fiscal_year)
    report = clairlib.validate(untitled)
    expected = Finding(
        rule="title-fy",
        severity=Severity.WARNING,
        path="$.title",
        message="expected the title to name the fiscal year",
    )
    assert expected in report.findings


def test_rule_code_clash_is_reported(distribution: Factory) -> None:
    """A plugin rule reusing a built-in code is left out with a warning."""
    points = distribution("clash-dist", {"clash_plugin": RULE.format(code="sum-of-parts")},
                          {"clash": "clash_plugin"})  # fmt: skip
    host = PluginHost(entry_points=points, strict=False)
    with pytest.warns(PluginWarning, match="rule 'sum-of-parts' is already provided"):
        host.rules()


def test_non_rules_are_reported(distribution: Factory) -> None:
    """Rules that are not Rule objects are reported with the distribution."""
    source = """
        from clairlib.hooks import hookimpl

        @hookimpl
        def clairlib_rules():
            return ["not a rule"]
    """
    points = distribution("norule-dist", {"norule_plugin": source}, {"norule": "norule_plugin"})
    with pytest.warns(PluginWarning, match="must return Rule objects, returned 'not a rule'"):
        PluginHost(entry_points=points, strict=False).rules()


def test_shared_host_is_made_once(shared: Callable[..., None]) -> None:
    """get_plugin_manager gives one host until it is reset."""
    first = get_plugin_manager()
    assert first is get_plugin_manager()
    reset_plugin_manager()
    assert first is not get_plugin_manager()


def test_exporters_lists_installed_ones() -> None:
    """clairlib.exporters() includes the built-ins and the example Markdown plugin."""
    names = list(clairlib.exporters())
    assert {"csv", "json", "markdown"} <= set(names)
    assert sorted(names) == names


def test_register_by_hand(distribution: Factory) -> None:
    """An application can register its own plugin object on a host."""
    import types

    namespace: dict[str, object] = {}
    exec(textwrap.dedent(GOOD.format(name="mine")), namespace)
    plugin = types.SimpleNamespace(clairlib_exporters=namespace["clairlib_exporters"])
    host = PluginHost(entry_points=[])
    host.register(plugin, name="mine", distribution="my-app")
    assert "my-app" == host.distribution_of("mine")
