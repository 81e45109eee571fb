"""examples/README.md's section on what validation finds is the tool's own output."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EXAMPLES = Path(__file__).parents[2] / "examples"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "validation_findings", EXAMPLES / "validation_findings.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_section_is_what_the_generator_writes() -> None:
    """Regenerating the section from validation changes nothing in the README."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert _generator().rewritten(text) == text


def test_readme_states_the_fy2013_coverage() -> None:
    """The README carries the FY2013 coverage line, as clairlib validate prints it."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "209 printed figures: " in text
