"""The plugins shipped beside clairlib use its public modules only, as a third party must."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    path for base in ("plugins", "examples") for path in (ROOT / base).glob("*/src/**/*.py")
)


def private_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """The ``clairlib`` modules with a private part (``clairlib.x._y``) that ``tree`` imports."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "clairlib" and any(part.startswith("_") for part in parts[1:]):
                found.append((node.lineno, name))
    return found


def test_the_check_sees_a_private_import() -> None:
    """An import of a private clairlib module, or of a private name, is found."""
    tree = ast.parse(
        "import clairlib.io._fast\n"
        "from clairlib.exporting._csv_spec import TABLES\n"
        "from clairlib.exporting import _csv\n"
        "from clairlib.exporting.tables import TABLES\n"
        "from clairlib_xlsx._cells import text_width\n"
    )
    expected = [
        (1, "clairlib.io._fast"),
        (2, "clairlib.exporting._csv_spec"),
        (2, "clairlib.exporting._csv_spec.TABLES"),
        (3, "clairlib.exporting._csv"),
    ]
    assert expected == sorted(private_imports(tree))


def test_there_are_plugin_sources() -> None:
    """The walk finds the shipped plugins' sources (an empty walk would prove nothing)."""
    packages = {path.relative_to(ROOT).parts[1] for path in SOURCES}
    assert {"clairlib-docx", "clairlib-pdf", "clairlib-xlsx", "clairlib-markdown"} <= packages


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_plugin_imports_only_public_clairlib(path: Path) -> None:
    """A shipped plugin imports no private clairlib module or name."""
    assert [] == private_imports(ast.parse(path.read_text(encoding="utf-8")))
