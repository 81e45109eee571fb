"""The plugin host: default plugins and entry points, loaded lazily and one at a time."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import threading
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs
import pluggy

from clairlib.errors import PluginError
from clairlib.plugins import _hookspecs
from clairlib.plugins._checks import describe, is_instance, options_problem, rule_problem

if TYPE_CHECKING:
    from clairlib.exporting import Exporter
    from clairlib.reading import Reader
    from clairlib.rules import Rule

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "STRICT_ENV",
    "PluginHost",
    "PluginInfo",
    "PluginProblem",
    "PluginWarning",
]

ENTRY_POINT_GROUP = "clairlib"
STRICT_ENV = "CLAIRLIB_STRICT_PLUGINS"
DEFAULT_PLUGINS = (
    "clairlib.exporting._csv",
    "clairlib.exporting._json",
    "clairlib.reading._text",
    "clairlib.rules._plugin",
)
_OWN_DISTRIBUTION = "clairlib"


class _HasName(Protocol):
    @property
    def name(self) -> str: ...


_Named = TypeVar("_Named", bound=_HasName)


class PluginWarning(UserWarning):
    """A plugin was left out because it failed to load or returned something unusable."""


@attrs.frozen(kw_only=True)
class PluginProblem:
    """A plugin that could not be (fully) used: where it comes from and what went wrong."""

    distribution: str
    plugin: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} from distribution {self.distribution!r}: {self.message}"


@attrs.frozen(kw_only=True)
class PluginInfo:
    """A loaded plugin: its name, distribution and version, what it provides."""

    name: str
    distribution: str
    version: str | None
    exporters: tuple[str, ...] = ()
    readers: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class _Loaded:
    name: str
    distribution: str
    version: str | None
    plugin: object


def _strict_from_environment() -> bool:
    return os.environ.get(STRICT_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


class PluginHost:
    """The pluggy host: finds plugins on first use and keeps what they provide.

    The default plugins (CSV, JSON, the built-in rules) come first, then the
    entry points of the group ``clairlib``, each loaded on its own: one that fails
    to import, implements an unknown hook or returns nonsense is reported with its
    distribution (a :class:`PluginWarning`, and in :attr:`problems`) and left out,
    or raises :class:`~clairlib.errors.PluginError` when ``strict`` (default: the
    environment variable ``CLAIRLIB_STRICT_PLUGINS=1``).
    """

    def __init__(
        self,
        *,
        entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
        defaults: Sequence[str] = DEFAULT_PLUGINS,
        strict: bool | None = None,
    ) -> None:
        self._entry_points = None if entry_points is None else tuple(entry_points)
        self._defaults = tuple(defaults)
        self._strict = strict
        # One thread loads the plugins and collects what they provide; the others wait.
        self._lock = threading.RLock()
        self._manager = pluggy.PluginManager(_hookspecs.PROJECT)
        self._manager.add_hookspecs(_hookspecs)
        self._loaded: list[_Loaded] | None = None
        self._problems: list[PluginProblem] = []
        self._exporters: dict[str, Exporter] | None = None
        self._exporter_owner: dict[str, str] = {}
        self._rules: tuple[Rule, ...] | None = None
        self._exporters_of: dict[str, tuple[str, ...]] = {}
        self._rules_of: dict[str, tuple[str, ...]] = {}
        self._readers: dict[str, Reader] | None = None
        self._readers_of: dict[str, tuple[str, ...]] = {}

    @property
    def strict(self) -> bool:
        """True when a broken plugin raises instead of being reported and left out."""
        return _strict_from_environment() if self._strict is None else self._strict

    @property
    def manager(self) -> pluggy.PluginManager:
        """The underlying pluggy plugin manager (loads the plugins first)."""
        self._load()
        return self._manager

    @property
    def problems(self) -> tuple[PluginProblem, ...]:
        """Every plugin problem found so far (loading and calling the hooks)."""
        self._load()
        return tuple(self._problems)

    def register(self, plugin: object, *, name: str, distribution: str = "") -> None:
        """Add a plugin object or module by hand (an application's own exporters)."""
        with self._lock:
            self._load()
            self._add(_Loaded(name=name, distribution=distribution, version=None, plugin=plugin))
            self._exporters = None
            self._readers = None
            self._rules = None

    # -- loading -----------------------------------------------------------------

    def _report(self, distribution: str, plugin: str, message: str) -> None:
        problem = PluginProblem(distribution=distribution, plugin=plugin, message=message)
        if self.strict:
            raise PluginError(str(problem))
        self._problems.append(problem)
        warnings.warn(str(problem), PluginWarning, stacklevel=4)

    def _load(self) -> None:
        with self._lock:
            if self._loaded is None:
                self._load_all()

    def _load_all(self) -> None:
        self._loaded = []
        version = _version(_OWN_DISTRIBUTION)
        for module_name in self._defaults:
            # The default plugins are part of clairlib: a failure there is a bug to see,
            # never a plugin to leave out.
            module = importlib.import_module(module_name)
            self._add(
                _Loaded(
                    name=module_name, distribution=_OWN_DISTRIBUTION, version=version, plugin=module
                )
            )
        points = self._entry_points
        if points is None:
            points = tuple(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
        for point in sorted(points, key=lambda p: (p.name, p.value)):
            dist = point.dist
            distribution = dist.name if dist is not None else "unknown distribution"
            try:
                plugin = point.load()
            except SystemExit as error:  # a plugin must not end the program that loads it
                self._report(
                    distribution,
                    point.name,
                    f"failed to import {point.value!r}: it called sys.exit({error.code!r})",
                )
                continue
            except Exception as error:
                self._report(
                    distribution,
                    point.name,
                    f"failed to import {point.value!r}: {type(error).__name__}: {error}",
                )
                continue
            self._add(
                _Loaded(
                    name=point.name,
                    distribution=distribution,
                    version=dist.version if dist is not None else None,
                    plugin=plugin,
                )
            )

    def _add(self, loaded: _Loaded) -> None:
        assert self._loaded is not None
        try:
            self._manager.register(loaded.plugin, name=loaded.name)
        except ValueError as error:  # pluggy: the name or object is already registered
            self._report(loaded.distribution, loaded.name, str(error))
            return
        except pluggy.PluginValidationError as error:
            self._report(loaded.distribution, loaded.name, str(error))
            return
        unknown = sorted(
            caller.name
            for caller in self._manager.get_hookcallers(loaded.plugin) or ()
            if caller.spec is None
        )
        if unknown:
            self._manager.unregister(loaded.plugin)
            self._report(
                loaded.distribution,
                loaded.name,
                f"implements unknown hook{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(unknown)} "
                "(known: clairlib_exporters, clairlib_readers, clairlib_rules)",
            )
            return
        self._loaded.append(loaded)

    def _results(self, hook: str) -> list[tuple[_Loaded, list[Any]]]:
        # Each plugin's implementation is called on its own so that one that raises
        # or returns nonsense is left out without losing the others.
        assert self._loaded is not None
        caller = getattr(self._manager.hook, hook)
        impls = {impl.plugin_name: impl for impl in caller.get_hookimpls()}
        out: list[tuple[_Loaded, list[Any]]] = []
        for loaded in self._loaded:
            impl = impls.get(loaded.name)
            if impl is None:
                continue
            try:
                returned = impl.function()
            except SystemExit as error:
                self._report(
                    loaded.distribution, loaded.name, f"{hook}() called sys.exit({error.code!r})"
                )
                continue
            except Exception as error:
                self._report(
                    loaded.distribution,
                    loaded.name,
                    f"{hook}() raised {type(error).__name__}: {error}",
                )
                continue
            if returned is None or isinstance(returned, str | bytes | Mapping):
                self._report(
                    loaded.distribution,
                    loaded.name,
                    f"{hook}() must return an iterable, returned {describe(returned)}",
                )
                continue
            try:
                items = list(returned)
            except Exception as error:
                self._report(
                    loaded.distribution,
                    loaded.name,
                    f"{hook}() returned {describe(returned)}, which cannot be iterated: {error}",
                )
                continue
            out.append((loaded, items))
        return out

    # -- exporters ---------------------------------------------------------------

    def exporters(self) -> Mapping[str, Exporter]:
        """The installed exporters by name, sorted by name."""
        with self._lock:
            if self._exporters is None:
                self._load()
                self._exporters = self._collect_exporters()
            return dict(self._exporters)

    def _collect_exporters(self) -> dict[str, Exporter]:
        from clairlib.exporting import Exporter

        found, self._exporter_owner, self._exporters_of = self._collect_named(
            "clairlib_exporters", Exporter, "exporter"
        )
        return found

    def _collect_named(
        self, hook: str, cls: type[_Named], kind: str
    ) -> tuple[dict[str, _Named], dict[str, str], dict[str, tuple[str, ...]]]:
        # Exporters and readers alike: objects of ``cls`` with a unique ``name``; the
        # first distribution to provide a name keeps it.
        found: dict[str, _Named] = {}
        owner: dict[str, str] = {}
        provided: dict[str, list[str]] = {}
        for loaded, items in self._results(hook):
            bad = [item for item in items if not is_instance(item, cls)]
            if bad:
                self._report(
                    loaded.distribution,
                    loaded.name,
                    f"{hook}() must return {cls.__name__} objects, returned {describe(bad[0])}",
                )
                continue
            for item in items:
                problem = options_problem(kind, item.name, getattr(item, "options", object))
                if problem is not None:
                    self._report(loaded.distribution, loaded.name, f"{problem}; it is left out")
                    continue
                if item.name in found:
                    self._report(
                        loaded.distribution,
                        loaded.name,
                        f"{kind} {item.name!r} is already provided by "
                        f"distribution {owner[item.name]!r}; this one is ignored",
                    )
                    continue
                found[item.name] = item
                owner[item.name] = loaded.distribution
                provided.setdefault(loaded.name, []).append(item.name)
        of = {name: tuple(names) for name, names in provided.items()}
        return dict(sorted(found.items())), owner, of

    def exporter(self, name: str) -> Exporter:
        """The installed exporter called ``name``; PluginError naming the known ones."""
        found = self.exporters()
        if name not in found:
            known = ", ".join(found) or "none"
            raise PluginError(f"no exporter is called {name!r} (installed: {known})")
        return found[name]

    def distribution_of(self, exporter: str) -> str:
        """The distribution that provides the installed exporter called ``exporter``."""
        self.exporter(exporter)
        return self._exporter_owner[exporter]

    # -- readers -----------------------------------------------------------------

    def readers(self) -> Mapping[str, Reader]:
        """The installed readers by name, sorted by name."""
        with self._lock:
            if self._readers is None:
                self._load()
                self._readers = self._collect_readers()
            return dict(self._readers)

    def _collect_readers(self) -> dict[str, Reader]:
        from clairlib.reading import Reader

        found, _, self._readers_of = self._collect_named("clairlib_readers", Reader, "reader")
        return found

    # -- rules -------------------------------------------------------------------

    def rules(self) -> tuple[Rule, ...]:
        """The installed validation rules, built-in first."""
        with self._lock:
            if self._rules is None:
                self._load()
                self._rules = self._collect_rules()
            return self._rules

    def _collect_rules(self) -> tuple[Rule, ...]:
        from clairlib.rules import Rule

        found: list[Rule] = []
        owner: dict[str, str] = {}
        provided: dict[str, list[str]] = {}
        for loaded, items in self._results("clairlib_rules"):
            # A rule whose property raises is reported on its own, precisely; anything
            # else that is not a Rule discards what the plugin returned, as for exporters.
            raising = [item for item in items if is_instance(item, Rule) is None]
            for item in raising:
                self._report(
                    loaded.distribution, loaded.name, f"{rule_problem(item)}; it is left out"
                )
            items = [item for item in items if not any(item is r for r in raising)]
            bad = [item for item in items if not is_instance(item, Rule)]
            if bad:
                self._report(
                    loaded.distribution,
                    loaded.name,
                    f"clairlib_rules() must return Rule objects, returned {describe(bad[0])}",
                )
                continue
            for rule in items:
                problem = rule_problem(rule)
                if problem is not None:
                    self._report(loaded.distribution, loaded.name, f"{problem}; it is left out")
                    continue
                code = rule.code
                if code in owner:
                    self._report(
                        loaded.distribution,
                        loaded.name,
                        f"rule {code!r} is already provided by distribution "
                        f"{owner[code]!r}; this one is ignored",
                    )
                    continue
                owner[code] = loaded.distribution
                found.append(rule)
                provided.setdefault(loaded.name, []).append(code)
        self._rules_of = {name: tuple(codes) for name, codes in provided.items()}
        return tuple(found)

    # -- listing -----------------------------------------------------------------

    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every loaded plugin with what it provides, in loading order."""
        self.exporters()
        self.readers()
        self.rules()
        assert self._loaded is not None
        return tuple(
            PluginInfo(
                name=loaded.name,
                distribution=loaded.distribution,
                version=loaded.version,
                exporters=self._exporters_of.get(loaded.name, ()),
                readers=self._readers_of.get(loaded.name, ()),
                rules=self._rules_of.get(loaded.name, ()),
            )
            for loaded in self._loaded
        )


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
