"""Every docx the hostile corpus produces opens, and only what the findings name is missing."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from clairlib_docx import write_docx
from docx.oxml.ns import qn
from lxml import etree

from clairlib.io import load
from clairlib.testing import hostile_document

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "data" / "hostile" / "docx"
# What XML 1.0 cannot hold, written out here rather than taken from the sanitiser.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")


def _cases() -> list[tuple[str, list[str]]]:
    cases = []
    for line in (CORPUS / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, findings = line.split("\t")
        cases.append((name, [item.strip() for item in findings.split(";")]))
    return cases


CASES = _cases()


def _resolve(data: Any, path: str) -> Any:
    """The value at a finding's path (``$.tables[0].rows[3].cells.country``) in raw JSON."""
    assert path.startswith("$")
    for name, number in _STEP.findall(path[1:]):
        data = data[int(number)] if number else data[name]
    return data


def _dirty_fields(data: Any, path: str = "$") -> set[str]:
    """The paths of every string in raw JSON that holds a character XML cannot hold."""
    if isinstance(data, str):
        return {path} if _INVALID.search(data) else set()
    if isinstance(data, dict):
        return set().union(*(_dirty_fields(v, f"{path}.{k}") for k, v in data.items()))
    if isinstance(data, list):
        return set().union(*(_dirty_fields(v, f"{path}[{i}]") for i, v in enumerate(data)))
    return set()


def _open_everywhere(content: bytes) -> str:
    """Open the package with python-docx and every XML part with lxml; the text it holds."""
    document = docx.Document(io.BytesIO(content))
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))
    texts = ["".join(t.text or "" for t in document.element.body.iter(qn("w:t")))]
    texts.extend(p.text for p in document.sections[0].footer.paragraphs)
    texts.append(document.core_properties.author or "")
    return "".join(texts)


def test_the_corpus_lists_every_file() -> None:
    """Every document of the Word corpus is listed once with its findings."""
    assert sorted(p.name for p in CORPUS.glob("*.json")) == sorted(name for name, _ in CASES)


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[name for name, _ in CASES])
def test_hostile_document_opens_and_names_what_was_removed(name: str, expected: list[str]) -> None:
    """The docx opens; each finding names a field, exactly its bad characters, nothing else."""
    raw = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    buffer = io.BytesIO()
    findings = write_docx(load(CORPUS / name), buffer)
    assert sorted(expected) == sorted(f"{f.rule} {f.path}" for f in findings)
    # Every field holding a bad character was reported: none was dropped in silence.
    assert _dirty_fields(raw) == {f.path for f in findings}
    text = re.sub(r"\s+", "", _open_everywhere(buffer.getvalue()))
    for finding in findings:
        original = _resolve(raw, finding.path)
        removed = [(m.start(), m.group()) for m in _INVALID.finditer(original)]
        described = ", ".join(f"U+{ord(char):04X} at {offset}" for offset, char in removed)
        assert f"({described})" in finding.message
        # What is left of the field is printed whole: only the removed characters are gone.
        assert re.sub(r"\s+", "", _INVALID.sub("", original)) in text


def test_hostile_strings_document_opens() -> None:
    """The shared hostile document (formula payloads, controls, emoji) gives a docx that opens."""
    buffer = io.BytesIO()
    findings = write_docx(hostile_document(), buffer)
    text = _open_everywhere(buffer.getvalue())
    assert "絵文字😀と𠮷野家" in text
    assert {"docx.invalid-xml-char"} == {finding.rule for finding in findings}
