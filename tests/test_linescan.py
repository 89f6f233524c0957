"""The line scan (linescan.py): every mistake the lines show, in one run, and none in valid YAML.

The case files (tests/cases/yaml-syntax.yaml, lookalike-character.yaml, ...) check what an editor
sees; these check the scan itself, the three yaml-test-suite cases as the suite writes them, and why
the content of a file that cannot be read was not checked (tests/test_reporters.py: how each format
says so)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from casefiles import BASE_ENTRY, ROOT
from peptide_lint import linescan
from peptide_lint.loader import load_bytes
from test_loader import findings as worded

sys.path.insert(0, str(ROOT / "bench"))
import generate as bench_generate  # noqa: E402


def findings(text: str) -> list[tuple[int, int, str, str]]:
    result = load_bytes(text.encode("utf-8"), Path("x.yaml"), "x.yaml")
    return sorted((f.line, f.column, f.code, f.message) for f in worded(result, "x.yaml"))


def valid_entries(tmp_path: Path) -> list[Path]:
    bench_generate.generate(tmp_path / "bench", 60, seed=11, invalid_share=0)
    return [BASE_ENTRY, *sorted((ROOT / "entries").glob("*.yaml")), *sorted((tmp_path / "bench").rglob("*.yaml"))]


def test_valid_entries_give_no_line_scan_problem_even_when_every_check_runs(tmp_path):
    # yaml_failed=True looks for everything, also what is only looked for when YAML stopped.
    for path in valid_entries(tmp_path):
        text = path.read_text(encoding="utf-8")
        assert linescan.character_problems(text) == [], path
        assert linescan.structure_problems(text, yaml_failed=True) == [], path


# The three cases of the official YAML test suite (github.com/yaml/yaml-test-suite), as it writes them.
@pytest.mark.parametrize("suite_id, text, expected", [
    ("T833", "---\n{\n foo: 1\n bar: 2 }\n",
     [(3, 8, "PL005", 'a comma is missing between "1" and "bar": the keys of a mapping in braces are separated '
                      "by commas")]),
    ("CML9", "key: [ word1\n#  xxx\n  word2 ]\n",
     [(1, 13, "PL005", 'a comma is missing between "word1" and "word2": the items of a list in brackets are '
                       "separated by commas, and a comment does not separate them")]),
    ("S98Z", "empty block scalar: >\n \n  \n   \n # comment\n",
     [(3, 2, "PL005", "this empty line at the start of the text of empty block scalar holds more spaces than the "
                      "first line of the text (line 5), so YAML cannot tell how far the text is indented")]),
])
def test_yaml_test_suite_errors_are_named_on_the_right_line(suite_id, text, expected):
    assert findings(text) == expected


def test_every_mistake_is_named_once_whatever_the_parser_says():
    # The parser stops at line 2 ("class:Synthetic"); the lines show the rest. Its own error, a line
    # later, is the glued key's and is not reported again.
    text = ("slug: testpeptide-z\nclass:Synthetic\narea healing-recovery\n"
            "story:\n  steps:\n    - label:\u00a0x\n      body: y\n\tcaption: a test\n")
    assert [(line, code) for line, _, code, _ in findings(text)] == [
        (2, "PL005"), (3, "PL005"), (6, "PL014"), (8, "PL004")]


def test_the_lines_below_a_tab_indented_line_are_left_alone():
    # How deep the tab stands depends on the editor: the text below it could belong to it.
    text = "a:\n  b: x\n\tsummary: >-\n  Mild headache.\n  c: y\n"
    assert [(line, code) for line, _, code, _ in findings(text)] == [(3, "PL004")]


def test_a_file_with_invisible_characters_is_parsed_without_them_for_its_other_mistakes():
    text = "slug: testpeptide\u200b-z\nname: Testpeptide-Z\nclass Synthetic\narea: metabolic\n"
    assert findings(text) == [
        (1, 18, "PL003", "invisible zero-width space U+200B in the text"),
        (3, 1, "PL005", "this line has no colon after its key, so YAML cannot read it")]


def test_columns_after_an_invisible_character_are_the_file_s_own():
    text = "slug: x\nname: y\n\u200bclass:Synthetic\narea: metabolic\n"
    assert [(line, column, code) for line, column, code, _ in findings(text)] == [
        (3, 1, "PL003"), (3, 7, "PL005")]


@pytest.mark.parametrize("text", [
    "a: x\nb:\n  text on its own line, no colon\nc: y\n",  # a value below its key
    "items:\n  - id:doe-2001\n  - other\n",  # list items are text, whatever they hold
    "a: >-\n  text\n  more: text, with a colon\n\nb: 1\n",  # the text of a block
    "a: long text\n  that goes on: here\n",  # the further lines of a plain value (YAML then stops)
    'a: "long text\nthat goes on: here"\n',  # the further lines of a quoted value
    "a: [x,\n  y]\nb: {c: 1,\n  d: 2}\n",  # the inside of brackets
    "url: https://example.org/a:b\n",
])
def test_text_that_only_looks_like_a_key_line_is_left_alone(text):
    assert linescan.structure_problems(text, yaml_failed=True) == []


@pytest.mark.parametrize("content, reason", [
    (b"slug: a\nname: caf\xe9\n", "it is not saved as UTF-8 text, so it was not read"),
    (b"- a list\n- of things\n", "it holds a list or a single value, not the keys of an entry, so the schema and "
                                 "content rules did not run"),
    ("slug: testpeptide\u200b-z\n".encode(), "it holds invisible characters that must be removed first, so the "
                                             "schema and content rules did not run"),
])
def test_each_reason_a_file_was_not_checked(content, reason):
    assert load_bytes(content, Path("x.yaml"), "x.yaml").not_checked == reason


def test_a_file_that_was_checked_or_is_empty_is_not_named(tmp_path):
    for content in (BASE_ENTRY.read_bytes(), b"", b"# only a comment\n"):
        assert load_bytes(content, Path("x.yaml"), "x.yaml").not_checked is None
