"""The command line starts light: its help imports neither the model nor the plugins.

Each check runs in a fresh interpreter (this one has imported everything already)
and lists what ``sys.modules`` holds after ``clairlib --help`` and after each
registered command's ``--help``. How long that takes is measured by
``benchmarks/cli_start.py``, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from clairlib.cli import commands

# What a help text may need: the package root, the errors, the command line itself.
_LIGHT = ("clairlib", "clairlib._lazy", "clairlib.errors", "clairlib.cli", "clairlib.__main__")

# The dependencies that make up most of a start: none is needed to print help. Nor are
# the standard modules that each cost a third of the interpreter's own start or more
# (measured by benchmarks/cli_start.py): import them inside run().
_HEAVY = ("attr", "attrs", "babel", "cattrs", "dateutil", "docx", "orjson", "pluggy")
_SLOW_STANDARD = ("logging", "pathlib", "shutil", "typing")

# Runs --help for the command line and then for each command, in one process, and
# prints for each the modules it was the first to import.
_PROBE = """
import json, sys
from clairlib.__main__ import main

def modules_after(argv):
    before = set(sys.modules)
    try:
        main(argv)
    except SystemExit:
        pass
    return sorted(set(sys.modules) - before)

out = {"": modules_after(["--help"])}
from clairlib.cli import commands
for name in sorted(commands()):
    out[name] = modules_after([name, "--help"])
sys.stdout = sys.__stdout__
print("\\n" + json.dumps(out))
"""


def _heavy(module: str) -> bool:
    top = module.partition(".")[0]
    if top == "clairlib":
        return module not in _LIGHT and not module.startswith("clairlib._commands")
    return top in _HEAVY or top in _SLOW_STANDARD


@pytest.fixture(scope="module")
def imported() -> dict[str, list[str]]:
    """The modules first imported by ``--help`` ("") and by each command's ``--help``."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    loaded: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_every_command_is_probed(imported: dict[str, list[str]]) -> None:
    """The probe covers every registered command (a new one is checked without edits)."""
    assert {"", *commands()} == set(imported)
    assert {"demo", "export", "plugins", "summary", "validate"} <= set(commands())


def test_help_imports_neither_model_nor_plugins(imported: dict[str, list[str]]) -> None:
    """No help text loads a clairlib layer (model, io, plugins …) or a slow dependency."""
    assert {} == {
        command or "--help": heavy
        for command, modules in imported.items()
        if (heavy := [module for module in modules if _heavy(module)])
    }


def test_the_probe_sees_a_heavy_import() -> None:
    """A command that imports the model at help time would be caught: the check is real."""
    assert _heavy("clairlib.model.documents")
    assert _heavy("clairlib.plugins._manager")
    assert _heavy("pluggy._hooks")
    assert _heavy("attr._make")
    assert _heavy("typing")
    assert not _heavy("clairlib._commands.validate")
    assert not _heavy("argparse")
