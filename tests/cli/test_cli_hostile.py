"""The hostile command-line corpus (tests/data/hostile/cli): each input's exit and message.

Every case says, worked out by hand, the exit status and the one stderr line or a text
on standard output; whatever the case, nothing printed holds a raw control character,
stderr is at most one line, and every CSV written opens with the csv module.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import shutil
from pathlib import Path

import pytest

from clairlib.cli import run
from tests import hostile_files

CORPUS = Path(__file__).parents[1] / "data" / "hostile" / "cli"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e]")


def _cases() -> list[tuple[str, list[str], int, str]]:
    cases = []
    for line in (CORPUS / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, command, status, expected = line.split("\t")
        raw = codecs.escape_decode(name.encode("utf-8"))[0]
        cases.append((os.fsdecode(raw), command.split(" "), int(status), expected))
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the committed corpus with the generated inputs beside it."""
    directory = tmp_path_factory.mktemp("hostile") / "cli"
    shutil.copytree(CORPUS, directory)
    hostile_files.make(directory)
    return directory


def test_every_committed_input_has_a_case() -> None:
    """No file of the corpus goes untried."""
    tried = {name for name, *_ in CASES}
    committed = {path.name for path in CORPUS.iterdir()} - {"cases.tsv"}
    assert set() == committed - tried


@pytest.mark.parametrize(
    ("name", "command", "status", "expected"),
    CASES,
    ids=[f"{ascii(name)[1:-1][:40]}-{'-'.join(command[:3])}" for name, command, *_ in CASES],
)
def test_each_hostile_input_gives_its_exit_and_message(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    command: list[str],
    status: int,
    expected: str,
) -> None:
    """The exit status and message of the case; nothing raw printed, half-written or unreadable."""
    monkeypatch.chdir(corpus)
    shutil.rmtree("out", ignore_errors=True)
    assert status == run([command[0], name, *command[1:]])
    out, err = capsys.readouterr()
    assert RAW_CONTROL.search(out) is None
    assert RAW_CONTROL.search(err) is None
    kind, text = expected.split(": ", 1)
    if kind == "err":
        assert 1 == len(err.splitlines())
        assert err.startswith(text), err
        assert [] == [p for p in Path("out").rglob("*") if p.is_file()]  # nothing half-written
    else:
        assert "" == err
        assert text in out
    for path in Path("out").rglob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream, strict=True))
        assert rows, path
        assert {len(rows[0])} == {len(row) for row in rows}, path
