"""``clairlib schema``: the JSON Schema on standard output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clairlib.cli import EXIT_USAGE, run

COMMITTED = Path(__file__).parents[2] / "schema" / "clairlib-1.schema.json"


def test_schema_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """The command prints schema/clairlib-1.schema.json, nothing on stderr."""
    assert 0 == run(["schema"])
    printed = capsys.readouterr()
    assert "" == printed.err
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == json.loads(printed.out)


def test_schema_of_one_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """--kind annual_plan gives a schema whose document is the annual plan only."""
    assert 0 == run(["schema", "--kind", "annual_plan"])
    schema = json.loads(capsys.readouterr().out)
    assert {"$ref": "#/$defs/AnnualPlan"} == schema["anyOf"][0]
    assert "AnnualReport" not in schema["$defs"]


def test_schema_refuses_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --kind is a usage error naming the choices."""
    with pytest.raises(SystemExit) as raised:
        run(["schema", "--kind", "report"])
    assert EXIT_USAGE == raised.value.code
    assert "invalid choice: 'report'" in capsys.readouterr().err


def test_the_command_offers_every_document_kind() -> None:
    """The --kind choices, spelt without importing the model, are the documents' kinds."""
    from clairlib._commands.schema import KINDS
    from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan

    assert sorted(cls.KIND for cls in (MidTermPlan, AnnualPlan, AnnualReport)) == list(KINDS)
