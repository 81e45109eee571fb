"""``clairlib plugins``: the installed exporters, readers and rules, and any broken plugins."""

from __future__ import annotations

import argparse
import warnings

EXIT_OK = 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``plugins`` command."""
    parser = subparsers.add_parser(
        "plugins",
        help="list the installed exporters, readers and rules, and any plugin that failed to load",
        description="List the installed exporters, readers and validation rules with their "
        "distributions, and every plugin that was left out and why.",
    )
    parser.set_defaults(handler=run)


def _version(distribution: str, versions: dict[str, str | None]) -> str:
    version = versions.get(distribution)
    return f"{distribution} {version}" if version else distribution


def run(args: argparse.Namespace) -> int:
    """Print the exporters, the readers, the rules and the broken plugins."""
    from clairlib._commands._output import emit
    from clairlib.exporting import describe_options, option_text
    from clairlib.plugins import PluginWarning, get_plugin_manager

    host = get_plugin_manager()
    with warnings.catch_warnings():
        # Broken plugins are listed below; a warning as well would say it twice.
        warnings.simplefilter("ignore", PluginWarning)
        plugins = host.plugins()
        exporters = host.exporters()
        readers = host.readers()
        rules = host.rules()
        problems = host.problems
    versions = {plugin.distribution: plugin.version for plugin in plugins}
    reader_owner = {name: plugin.distribution for plugin in plugins for name in plugin.readers}
    rule_owner = {code: plugin.distribution for plugin in plugins for code in plugin.rules}
    emit("Exporters:")
    for name, exporter in exporters.items():
        owner = _version(host.distribution_of(name), versions)
        suffix = exporter.suffix + ("/" if exporter.multi_file else "")
        emit(f"  {name:<10} {suffix:<7} {owner:<28} {exporter.description}")
        for option in describe_options(exporter.options):
            default = option_text(option.default)
            emit(f"      {option.name}={default} ({option.type}) {option.help}".rstrip())
    emit("Readers:")
    for name, reader in readers.items():
        owner = _version(reader_owner.get(name, "?"), versions)
        suffixes = " ".join(reader.suffixes) or "-"
        emit(f"  {name:<10} {suffixes:<16} {owner:<28} {reader.description}")
        for option in describe_options(reader.options):
            default = option_text(option.default)
            emit(f"      {option.name}={default} ({option.type}) {option.help}".rstrip())
    emit("Rules:")
    for rule in rules:
        owner = _version(rule_owner.get(rule.code, "?"), versions)
        emit(f"  {rule.code:<20} {owner:<28} {rule.description}")
    if problems:
        emit("Broken plugins:")
        for problem in problems:
            emit(f"  {problem.plugin} ({problem.distribution}): {problem.message}")
    return EXIT_OK
