"""A plugin's objects are checked when collected: a broken one is reported, never fatal."""

from __future__ import annotations

import importlib.metadata
import io
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import clairlib
from clairlib.cli import EXIT_OK, run
from clairlib.errors import ExportError
from clairlib.plugins import PluginHost, PluginWarning, reset_plugin_manager
from clairlib.testing import sample_document

Make = Callable[[str, str], list[importlib.metadata.EntryPoint]]


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Make]:
    """Install a one-module distribution ``NAME-dist`` whose entry point ``NAME`` is the module."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def make(name: str, source: str) -> list[importlib.metadata.EntryPoint]:
        module = f"{name}_plugin"
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        made.append(module)
        info = tmp_path / f"{name}_dist-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}-dist\nVersion: 1.0\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(f"[clairlib]\n{name} = {module}\n", encoding="utf-8")
        return list(importlib.metadata.Distribution.at(info).entry_points)

    yield make
    for module in made:
        sys.modules.pop(module, None)


@pytest.fixture
def shared() -> Iterator[Callable[[PluginHost | None], PluginHost | None]]:
    """Make a host the shared one (what the command line uses) for one test."""
    old = reset_plugin_manager()
    yield reset_plugin_manager
    reset_plugin_manager(old)


UNRESOLVABLE = """
    from __future__ import annotations
    import attrs
    from clairlib.exporting import Exporter
    from clairlib.hooks import hookimpl

    @attrs.frozen
    class Opts:
        width: Missing = 3

    def _write(document, sink, options, progress):
        sink.open().write(b"x")

    @hookimpl
    def clairlib_exporters():
        return [Exporter(name="odd", suffix=".txt", description="odd", options=Opts,
                         write=_write)]
"""


def test_an_unresolvable_options_annotation_leaves_only_that_exporter_out(
    plugin: Make, shared: Callable[[PluginHost], None], capsys: pytest.CaptureFixture[str]
) -> None:
    """The exporter is reported with its plugin; listing and every other export still work."""
    host = PluginHost(entry_points=plugin("odd", UNRESOLVABLE), strict=False)
    with pytest.warns(PluginWarning) as caught:
        assert ["csv", "json"] == list(host.exporters())
    expected = (
        "plugin 'odd' from distribution 'odd-dist': exporter 'odd': its options class Opts "
        "cannot be used: NameError: name 'Missing' is not defined; it is left out"
    )
    assert [expected] == [str(w.message) for w in caught]
    shared(host)
    assert EXIT_OK == run(["plugins"])
    out = capsys.readouterr().out
    assert "Broken plugins:\n  odd (odd-dist): exporter 'odd': its options class Opts" in out
    stream = io.BytesIO()
    clairlib.export(sample_document(), "json", stream)
    assert stream.getvalue().startswith(b"{")


EXITING_WRITE = """
    import sys
    from clairlib.exporting import Exporter, NoOptions
    from clairlib.hooks import hookimpl

    def _write(document, sink, options, progress):
        sink.open().write(b"half")
        sys.exit(3)

    @hookimpl
    def clairlib_exporters():
        return [Exporter(name="quitter", suffix=".txt", description="exits",
                         options=NoOptions, write=_write)]
"""


def test_system_exit_from_write_is_an_export_error_and_writes_nothing(
    plugin: Make, shared: Callable[[PluginHost], None], tmp_path: Path
) -> None:
    """``sys.exit`` inside ``write`` fails the export (naming it), leaving no file."""
    shared(PluginHost(entry_points=plugin("quitter", EXITING_WRITE), strict=False))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError, match=r"exporter 'quitter' called sys.exit\(3\) while writing"):
        clairlib.export(sample_document(), "quitter", out / "report.txt")
    assert [] == list(out.iterdir())


def test_system_exit_at_import_is_reported(
    plugin: Make, shared: Callable[[PluginHost], None], capsys: pytest.CaptureFixture[str]
) -> None:
    """A plugin that calls ``sys.exit(7)`` when imported is left out; the command goes on."""
    host = PluginHost(entry_points=plugin("exits", "import sys\nsys.exit(7)\n"), strict=False)
    with pytest.warns(
        PluginWarning, match=r"failed to import 'exits_plugin': it called sys.exit\(7\)"
    ):
        assert ["csv", "json"] == list(host.exporters())
    shared(host)
    assert EXIT_OK == run(["plugins"])
    assert "exits (exits-dist): failed to import 'exits_plugin': it called sys.exit(7)" in (
        capsys.readouterr().out
    )


def test_system_exit_from_a_hook_is_reported(plugin: Make) -> None:
    """A hook that calls ``sys.exit`` is reported like one that raises."""
    source = """
        import sys
        from clairlib.hooks import hookimpl

        @hookimpl
        def clairlib_rules():
            sys.exit("no rules today")
    """
    host = PluginHost(entry_points=plugin("hookexit", source), strict=False)
    with pytest.warns(
        PluginWarning, match=r"clairlib_rules\(\) called sys.exit\('no rules today'\)"
    ):
        host.rules()


BAD_RULES = """
    from clairlib.findings import Severity
    from clairlib.hooks import hookimpl

    class Rule:
        description = "checks"
        severity = Severity.WARNING

        def __init__(self, code):
            self._code = code

        @property
        def code(self):
            if isinstance(self._code, Exception):
                raise self._code
            return self._code

        def check(self, doc, ctx):
            return []

    @hookimpl
    def clairlib_rules():
        return [Rule(5), Rule(ValueError("nope")), Rule(""), Rule("fine-rule")]
"""


def test_rules_whose_code_is_not_a_string_or_raises_are_left_out(
    plugin: Make, shared: Callable[[PluginHost], None]
) -> None:
    """Each broken rule is reported on its own; the good rule of the same plugin runs."""
    host = PluginHost(entry_points=plugin("badrules", BAD_RULES), strict=False)
    with pytest.warns(PluginWarning) as caught:
        codes = [rule.code for rule in host.rules()]
    assert "fine-rule" == codes[-1]
    messages = [str(w.message).split(": ", 1)[1] for w in caught]
    assert 3 == len(messages)
    assert messages[0].startswith("rule <badrules_plugin.Rule object")
    assert messages[0].endswith("its code raised ValueError: nope; it is left out")
    assert messages[1].endswith("its code must be a non-empty string, found 5; it is left out")
    assert messages[2].endswith("its code must be a non-empty string, found ''; it is left out")
    shared(host)
    report = clairlib.validate(sample_document())
    assert "fine-rule" in report.rules
