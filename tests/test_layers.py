"""The package's imports only point down its layers, and no modules import each other.

Every ``import`` in ``src/clairlib`` is read with :mod:`ast`: those at module level
and those inside functions alike, since a lazy import is a dependency all the same
(it only runs later). So are the modules a package names in the map it gives
:func:`clairlib._lazy.lazy_attributes` (imported on first access to an attribute).
Imports under ``if TYPE_CHECKING:`` name types for the type checker and run never:
they must point down too, but they do not make a cycle.

A module may import from its own layer and from the layers below it. The layers,
from the ground floor up, are :data:`LAYERS`; the top of the package (``clairlib``
itself, which composes plugins, exporters and rules) sits under the command line,
which uses it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs

SOURCE = Path(__file__).resolve().parents[1] / "src"

# Each layer is the modules it names and everything inside them; a module belongs to
# the layer of the longest name that is a prefix of its own.
LAYERS: tuple[tuple[str, ...], ...] = (
    # The ground floor: what every layer needs and which needs nothing above it — errors,
    # findings, the hook markers, the checks the plugin protocols share and the atomic
    # output targets that dump and the exporters write through, the compiler of
    # generated code, and the slot-by-slot builder of frozen instances.
    (
        "clairlib._codegen",
        "clairlib._collector",
        "clairlib._filling",
        "clairlib.errors",
        "clairlib.findings",
        "clairlib.hooks",
        "clairlib._lazy",
        "clairlib._protocol",
        "clairlib._targets",
    ),
    ("clairlib.calendar",),
    ("clairlib.model",),
    ("clairlib.io",),
    # The reference data: offices, jurisdictions, frameworks, and the mid-term plan, a
    # bundled document read with clairlib.io.
    ("clairlib.reference",),
    # Documents bundled with clairlib or built in code, read with clairlib.io.
    ("clairlib.samples", "clairlib._samples"),
    ("clairlib.aggregate",),
    ("clairlib.rules",),
    ("clairlib.exporting",),
    ("clairlib.reading",),
    ("clairlib.plugins",),
    # The top: clairlib.export and clairlib.validate, and the conformance kit for plugins.
    ("clairlib", "clairlib._compose", "clairlib.testing", "clairlib._conformance"),
    ("clairlib.cli", "clairlib.__main__", "clairlib._commands"),
)

# Known violations, each an exact edge (importer, imported) that another change removes.
# The test fails as well when a listed edge is gone: whoever removes one removes its entry.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


@attrs.frozen
class Import:
    """One import statement's target, as seen from the module that makes it."""

    importer: str
    imported: str
    line: int
    lazy: bool  # inside a function
    typing_only: bool  # under ``if TYPE_CHECKING:``


def module_name(path: Path, root: Path = SOURCE) -> str:
    """``src/clairlib/io/__init__.py`` → ``clairlib.io``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package under ``root`` by name."""
    return {module_name(path, root): path for path in sorted((root / "clairlib").rglob("*.py"))}


def _resolve(name: str, known: dict[str, Path]) -> str:
    # ``from clairlib.io import _values`` imports the module; ``from clairlib.io import load``
    # imports the package: the longest known module that the dotted name starts with.
    while name not in known and "." in name:
        name = name.rpartition(".")[0]
    return name


def _typing_only(tree: ast.Module) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out.update(id(sub) for stmt in node.body for sub in ast.walk(stmt))
    return out


def _in_functions(tree: ast.Module) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            out.update(id(sub) for sub in ast.walk(node) if sub is not node)
    return out


def _lazy_attribute_modules(tree: ast.Module) -> Iterator[tuple[str, int]]:
    # ``lazy_attributes(__name__, _LAZY, …)`` with ``_LAZY = {"name": "clairlib.x", …}``
    # at module level: each module named is imported on first access to its attribute.
    maps: dict[str, ast.Dict] = {}
    for statement in tree.body:
        target = (
            statement.targets[0]
            if isinstance(statement, ast.Assign)
            else getattr(statement, "target", None)
        )
        value = getattr(statement, "value", None)
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            maps[target.id] = value
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "lazy_attributes"
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Name)
            and node.args[1].id in maps
        ):
            for value in maps[node.args[1].id].values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield value.value, value.lineno


def imports(name: str, path: Path, known: dict[str, Path]) -> Iterator[Import]:
    """The clairlib modules ``name`` imports, one entry per target and statement."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for module, line in _lazy_attribute_modules(tree):
        imported = _resolve(module, known)
        if imported != name:
            yield Import(importer=name, imported=imported, line=line, lazy=True, typing_only=False)
    typing_only = _typing_only(tree)
    lazy = _in_functions(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
            line = node.lineno
        elif isinstance(node, ast.ImportFrom):
            line = node.lineno
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            if target == "clairlib" or target.startswith("clairlib."):
                imported = _resolve(target, known)
                if imported != name:
                    yield Import(
                        importer=name,
                        imported=imported,
                        line=line,
                        lazy=id(node) in lazy,
                        typing_only=id(node) in typing_only,
                    )


def all_imports() -> list[Import]:
    """Every import between the package's modules."""
    known = modules()
    return [found for name, path in known.items() for found in imports(name, path, known)]


def layer_of(module: str) -> int | None:
    """The index in :data:`LAYERS` of the layer ``module`` belongs to (None: undeclared)."""
    best: tuple[int, int] | None = None  # (length of the matching name, layer)
    for index, names in enumerate(LAYERS):
        for declared in names:
            inside = module == declared or module.startswith(declared + ".")
            if inside and (best is None or len(declared) > best[0]):
                best = (len(declared), index)
    return None if best is None else best[1]


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    graph: dict[str, list[str]] = {}
    for source, target in sorted(edges):
        graph.setdefault(source, []).append(target)
        graph.setdefault(target, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for following in graph[node]:
            if following not in index:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in on_stack:
                low[node] = min(low[node], index[following])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return sorted(found)


def test_every_module_has_a_layer() -> None:
    """A new module is placed in a layer (extend LAYERS) before its imports can be judged."""
    assert [] == [name for name in modules() if layer_of(name) is None]


def upward(found: list[Import]) -> list[str]:
    """The imports among ``found`` that point to a higher layer and are not allowed."""
    return sorted(
        f"{each.importer} → {each.imported} (line {each.line})"
        for each in found
        if (each.importer, each.imported) not in ALLOWED
        and (layer_of(each.imported) or 0) > (layer_of(each.importer) or 0)
    )


def test_imports_only_point_down() -> None:
    """No module imports from a layer above its own, lazily or for types only."""
    assert [] == upward(all_imports())


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    """An io module reading offices from reference, lazily, is upward and a cycle."""
    for name in ("io", "reference"):
        (tmp_path / "clairlib" / name).mkdir(parents=True)
    (tmp_path / "clairlib" / "__init__.py").write_text("")
    (tmp_path / "clairlib" / "io" / "__init__.py").write_text(
        "def codes():\n    from clairlib.reference import offices\n"
    )
    (tmp_path / "clairlib" / "reference" / "__init__.py").write_text("import clairlib.io\n")
    known = modules(tmp_path)
    found = [each for name, path in known.items() for each in imports(name, path, known)]
    assert ["clairlib.io → clairlib.reference (line 2)"] == upward(found)
    edges = {(each.importer, each.imported) for each in found}
    assert [["clairlib.io", "clairlib.reference"]] == cycles(edges)


def test_no_import_cycle() -> None:
    """No group of modules imports each other, counting imports made inside functions."""
    edges = {
        (found.importer, found.imported)
        for found in all_imports()
        if not found.typing_only and (found.importer, found.imported) not in ALLOWED
    }
    assert [] == cycles(edges)


def test_every_allowed_violation_still_exists() -> None:
    """An allow-listed edge that is gone is removed from ALLOWED, so the list stays true."""
    edges = {(found.importer, found.imported) for found in all_imports()}
    assert [] == sorted(edge for edge in ALLOWED if edge not in edges)


def test_the_walk_sees_lazy_typing_and_relative_imports(tmp_path: Path) -> None:
    """The walker resolves each kind of import to the module it names, as a reader would."""
    package = tmp_path / "clairlib" / "rules"
    package.mkdir(parents=True)
    for name in ("clairlib/__init__.py", "clairlib/errors.py", "clairlib/rules/__init__.py"):
        (tmp_path / name).write_text("")
    (tmp_path / "clairlib" / "plugins.py").write_text("")
    source = package / "_base.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from clairlib.errors import ClairlibError\n"
        "from . import _other\n"
        "if TYPE_CHECKING:\n"
        "    from clairlib.plugins import PluginHost\n"
        "def run():\n"
        "    import clairlib.plugins\n"
        "_LAZY = {'validate': 'clairlib.plugins'}\n"
        "__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals(), [])\n"
    )
    (package / "_other.py").write_text("")
    found = list(imports("clairlib.rules._base", source, modules(tmp_path)))
    assert [
        Import("clairlib.rules._base", "clairlib.errors", 2, lazy=False, typing_only=False),
        Import("clairlib.rules._base", "clairlib.rules._other", 3, lazy=False, typing_only=False),
        Import("clairlib.rules._base", "clairlib.plugins", 5, lazy=False, typing_only=True),
        Import("clairlib.rules._base", "clairlib.plugins", 7, lazy=True, typing_only=False),
        Import("clairlib.rules._base", "clairlib.plugins", 8, lazy=True, typing_only=False),
    ] == sorted(found, key=lambda i: i.line)


def test_cycles_are_found_and_chains_are_not() -> None:
    """One cycle in a → b → c → a with a tail to d → e; a plain chain has none."""
    edges = {("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("c", "d")}
    assert [["a", "b", "c"]] == cycles(edges)
    assert [] == cycles({("d", "e"), ("e", "f")})
