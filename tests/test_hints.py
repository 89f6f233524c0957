"""Hints that depend on the finding: the case files in tests/cases/ check messages, these the hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefiles import BASE_ENTRY, SCHEMA
from peptide_lint.api import Project


def hints(tmp_path: Path, code: str, *replacements: tuple[str, str]) -> list[str]:
    text = BASE_ENTRY.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / BASE_ENTRY.name
    path.write_text(text, encoding="utf-8")
    report = Project.of_schema(SCHEMA, tmp_path).check_files([path])
    return [f.hint for f in report.findings if f.code == code]


def test_range_hint_quotes_the_range_with_an_en_dash(tmp_path):
    assert hints(tmp_path, "PL303", ("standard_dose: 1–2 mg per day", "standard_dose: 1.5 - 3 mg per day"),
                 ("      value: Subcutaneous", "      value: Subcutaneous, 2-4 per week")) == [
        "write it as 1.5–3 mg",
        "write it as 2–4",
    ]


def test_the_range_and_notation_hints_on_one_dose_agree(tmp_path):
    replacement = ("      value: 1–2 mg per day", "      value: 0.5-1mg per day")
    assert hints(tmp_path, "PL303", replacement) == ["write it as 0.5–1 mg"]
    assert hints(tmp_path, "PL306", replacement) == ['write "0.5–1 mg" instead']


@pytest.mark.parametrize("row", ["1–2 per day", "1-2 mg per day"])
def test_standard_dose_hint_does_not_ask_to_copy_a_broken_dose_row(tmp_path, row):
    assert hints(tmp_path, "PL305", ("      value: 1–2 mg per day", f"      value: {row}")) == [
        f'standard_dose reads "1–2 mg per day" and dose row "Common course" reads "{row}": '
        "correct whichever of the two is wrong, so that they match word for word"]


def test_standard_dose_hint_names_the_closest_dose_row(tmp_path):
    assert hints(tmp_path, "PL305", ("standard_dose: 1–2 mg per day", "standard_dose: 2–4 mg per day")) == [
        'standard_dose reads "2–4 mg per day" and dose row "Common course" reads "1–2 mg per day": '
        "correct whichever of the two is wrong, so that they match word for word"]


# Every hint that shows how to write a line quotes the file's own key and value, never a stand-in.
@pytest.mark.parametrize("code, old, new, hint", [
    ("PL005", "class: Synthetic", "class:Synthetic", "write a space after the colon (class: Synthetic test peptide)"),
    ("PL005", "  - id: doe-2001", "  - id:doe-2001", "write a space after the colon (id: doe-2001)"),
    ("PL005", "area: healing-recovery", "area healing-recovery",
     "write the key with a colon and a space (area: healing-recovery); if the line belongs to the text above, "
     "indent it like the other lines of that text"),
    ("PL005", "  A fictional peptide.", "A fictional peptide.",
     "this line reads as the text of what_it_is: indent it under what_it_is like the text of the other keys"),
    ("PL005", "stacking: >-\n  Nothing is stacked with it.", "stacking: >-\nnothing stacked",
     "if this line is the text of stacking, indent it under stacking like the text of the other keys; if nothing "
     "is a key, write a colon and a space after it (nothing: stacked)"),
    ("PL005", "note: synthetic; small effect", "note: synthetic: small effect",
     'put the whole value in double quotes (note: "synthetic: small effect"), or write it as a block (note: >-) '
     "with the text on the next line"),
    ("PL005", "    title: A synthetic trial of Testpeptide-Z", '    title: "A "synthetic" trial"',
     "write the inner quotes as single quotes (title: \"A 'synthetic' trial\"), or write the value as a block "
     "(title: >-) with the text on the next line"),
    ("PL005", "    venue: J Synthetic Test Med", "    venue: @J Synthetic Test Med",
     'put the value in double quotes (venue: "@J Synthetic Test Med"): plain text cannot start with @'),
    ("PL005", "      sources: [doe-2001]\n    - label: Route",
     "      sources: [doe-2001 # the trial\n        roe-community]\n    - label: Route",
     'write a comma after "doe-2001" (doe-2001, roe-community)'),
    ("PL005", "stacking: >-\n", "stacking: >-\n    \n",
     "delete the spaces on this empty line: an empty line inside text needs none"),
    ("PL014", "      confidence: community\n", "\u00a0     confidence: community\n",
     "replace it with a normal space: delete the spaces before confidence and type them again"),
    ("PL014", "class: Synthetic", "class:\u00a0Synthetic", "delete the space after class: and type it again"),
    ("PL014", "    title: A synthetic trial of Testpeptide-Z", "    title: \u201cA fictional case series: of Testpeptide-Q\u201d",
     'write the value in straight double quotes ("A fictional case series: of Testpeptide-Q") instead of curly '
     "ones; word processors and autocorrect often make quotes curly"),
    ("PL103", "    year: 2001", "    year: 2001-01-02", "write only the year, without quotes (year: 2001)"),
    ("PL103", "    year: 2001", '    year: "2001"', "write it without quotes (year: 2001)"),
    ("PL103", "standard_dose: 1–2 mg per day", "standard_dose: 2", 'write it in quotes (standard_dose: "2")'),
    ("PL103", "      sources: [doe-2001]\n    - label: Route", "      sources: [2001]\n    - label: Route",
     'write it in quotes ("2001")'),
    ("PL103", "      sources: [doe-2001]\n    - label: Route", "      sources: doe-2001\n    - label: Route",
     "write it as a list (sources: [doe-2001]), or each item on its own line starting with '- '"),
])
def test_hints_say_how_to_repair_the_line_in_its_own_words(tmp_path, code, old, new, hint):
    assert hints(tmp_path, code, (old, new)) == [hint]



@pytest.mark.parametrize("comment, hint", [
    ("# noqa: PL405", "write it as: # peptide-lint: ignore[hype-words] -- why it does not apply here"),
    ("#noqa:PL006,PL201",
     "write it as: # peptide-lint: ignore[duplicate-key, claim-without-citation] -- why it does not apply here"),
    ("# noqa: E501, hype-words", 'write it as: # peptide-lint: ignore[hype-words] -- why it does not apply here; '
     "\"E501\" is no peptide-lint rule ('peptide-lint rules' lists them)"),
    ("# NOQA", "write it as: # peptide-lint: ignore[rule-name] -- why it does not apply here "
     "(name the rule as the finding does: PL405 hype-words is ignore[hype-words])"),
    ("# yamllint disable-line rule:key-duplicates rule:line-length",
     "write it as: # peptide-lint: ignore[duplicate-key] -- why it does not apply here; "
     "\"line-length\" is no peptide-lint rule ('peptide-lint rules' lists them)"),
    ("# pylint: disable-next=PL405", "write it as: # peptide-lint: ignore[hype-words] -- why it does not apply here"),
    ("# yamllint disable rule:anchors",
     "peptide-lint silences one line (or one key's text) at a time: write "
     "# peptide-lint: ignore[anchors-and-aliases] -- why it does not apply here on the finding's line or alone "
     "above it; to switch a rule off for a whole file, list it under [tool.peptide-lint.per-file-ignores] in "
     "pyproject.toml"),
    ("# flake8: noqa", "peptide-lint silences one line (or one key's text) at a time: write "
     "# peptide-lint: ignore[rule-name] -- why it does not apply here on the finding's line or alone above it; "
     "to switch a rule off for a whole file, list it under [tool.peptide-lint.per-file-ignores] in pyproject.toml "
     "(name the rule as the finding does: PL405 hype-words is ignore[hype-words])"),
])
def test_another_linters_suppression_gets_the_peptide_lint_one_for_the_same_rules(tmp_path, comment, hint):
    assert hints(tmp_path, "PL022", ("stacking: >-\n", f"{comment}\nstacking: >-\n")) == [hint]
