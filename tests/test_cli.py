"""Tests for the command-line shell (clairlib.cli): usage and exit status."""

from __future__ import annotations

import pytest

from clairlib import __version__
from clairlib.cli import EXIT_USAGE, run


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command the help goes to stderr and the exit status is 2."""
    assert EXIT_USAGE == run([])
    assert "usage: clairlib" in capsys.readouterr().err


def test_unknown_command_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad command is a one-line usage error with exit status 2, not a traceback."""
    with pytest.raises(SystemExit) as raised:
        run(["no-such-command"])
    assert EXIT_USAGE == raised.value.code
    err = capsys.readouterr().err
    assert err.startswith("clairlib: ")
    assert "Traceback" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version."""
    with pytest.raises(SystemExit):
        run(["--version"])
    assert f"clairlib {__version__}\n" == capsys.readouterr().out


def test_help_translates_each_message_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Help asks gettext once a message, prints what it gave, and leaves argparse as it was."""
    import argparse
    import collections

    asked: collections.Counter[str] = collections.Counter()

    def translate(message: str) -> str:
        asked[message] += 1
        return message.upper() if message == "options" else message

    monkeypatch.setattr(argparse, "_", translate)
    with pytest.raises(SystemExit):
        run(["export", "--help"])
    assert translate is argparse._  # type: ignore[attr-defined]
    assert 1 == asked["options"]  # one a parser: eight parsers ask for it
    assert 1 == max(asked.values())
    assert "OPTIONS:" in capsys.readouterr().out


@pytest.mark.parametrize(("columns", "expected"), [("50", 50), ("120", 120)])
def test_help_is_as_wide_as_columns_says(
    monkeypatch: pytest.MonkeyPatch, columns: str, expected: int
) -> None:
    """Help text is wrapped to COLUMNS, as argparse wraps it, less its two columns' margin."""
    from clairlib.cli import _columns

    monkeypatch.setenv("COLUMNS", columns)
    assert expected == _columns()


def test_help_without_columns_or_a_terminal_is_80_wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no COLUMNS (or a bad one) and no terminal, help is 80 columns wide."""
    import sys

    from clairlib.cli import _columns

    monkeypatch.setenv("COLUMNS", "wide")
    monkeypatch.setattr(sys, "__stdout__", None)
    assert 80 == _columns()
