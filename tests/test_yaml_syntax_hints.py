"""The hints of yaml-syntax findings, which tests/cases/ (messages only) does not check."""

from __future__ import annotations

from pathlib import Path

import pytest

from peptide_lint.loader import load_bytes

BASE = Path(__file__).resolve().parent / "fixtures" / "testpeptide-z.yaml"


@pytest.mark.parametrize("old, new, hint", [
    ("class: Synthetic", "class:Synthetic", "write a space after the colon (class: ...)"),
    ("      confidence: community\n", "\u00a0     confidence: community\n",
     "replace it with a normal space: delete the spaces at the start of this line and type them again"),
    ("    title: A synthetic trial of Testpeptide-Z", "    title: \u201cA fictional case series: of Testpeptide-Q\u201d",
     'write the value in straight double quotes ("...") instead of curly ones; word processors and '
     "autocorrect often make quotes curly"),
])
def test_hint(old, new, hint):
    text = BASE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    result = load_bytes(text.replace(old, new).encode("utf-8"), BASE, "testpeptide-z.yaml")
    assert [f.hint for f in result.findings] == [hint]
