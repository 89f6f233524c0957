"""`--fix` repairs the error-prone dose notation it can repair without guessing, and only that."""

from __future__ import annotations

from pathlib import Path

from casefiles import BASE_ENTRY, SCHEMA
from peptide_lint.api import Project


def _fixed(tmp_path: Path, old: str, new: str) -> tuple[str, list[str]]:
    """The entry with `old` written as `new`, after its safe fixes; and the PL306 findings left."""
    entry = tmp_path / BASE_ENTRY.name
    text = BASE_ENTRY.read_text(encoding="utf-8")
    assert old in text
    project = Project.of_schema(SCHEMA, tmp_path)
    fixed = project.fix_text(text.replace(old, new), entry).text
    return fixed, [f.message for f in project.check_text(fixed, entry) if f.code == "PL306"]


def test_amount_notation_is_repaired_in_a_plain_value(tmp_path):
    text, left = _fixed(tmp_path, "      value: Subcutaneous\n",
                        "      value: .5 mg, 5.0 mg, 100µg, 200 ug, 1 cc, 5 IU, 10mg, 10000 units\n")
    assert "      value: 0.5 mg, 5 mg, 100 mcg, 200 mcg, 1 mL, 5 units, 10 mg, 10,000 units\n" in text
    assert left == []


def test_amount_notation_is_repaired_in_a_folded_paragraph_and_in_quotes(tmp_path):
    text, left = _fixed(tmp_path, "    Users report splitting the dose [@roe-community].\n",
                        "    Users report splitting\n    1.0 mg into .5 mg doses [@doe-2001].\n")
    assert "    Users report splitting\n    1 mg into 0.5 mg doses [@doe-2001].\n" in text and left == []
    text, left = _fixed(tmp_path, "      value: Subcutaneous\n", '      value: "Subcutaneous, 250 µg"\n')
    assert '      value: "Subcutaneous, 250 mcg"\n' in text and left == []


def test_abbreviations_are_reported_and_left_for_the_editor_to_reword(tmp_path):
    text, left = _fixed(tmp_path, "      value: Subcutaneous\n", "      value: SC, 1 mg qd\n")
    assert "      value: SC, 1 mg qd\n" in text
    assert [message.split(":")[0] for message in left] == [
        '"SC" in value of dose row "Route" is error-prone notation', '"qd" in value of dose row "Route" is error-prone notation']
