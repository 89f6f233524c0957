"""The schema stage finds problems and the schema rules word them: the stage names only registered
rules that can, and the words of the rules the shipped schema never reaches (limits, `false`) read
as an editor's."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from casefiles import BASE_ENTRY, SCHEMA, all_case_files, load_cases
from peptide_lint import registry, schema_check
from peptide_lint.loader import load_bytes
from peptide_lint.api import Project
from peptide_lint.schema import EntrySchema

STAGE_SOURCE = Path(schema_check.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", schema_check.RULES)
def test_every_rule_the_stage_names_is_registered_and_words_its_problems(name):
    rule = registry.lookup(name)
    assert rule is not None and rule.name == name
    assert rule.describe is not None and rule.check is None and rule.stage == "schema"


def test_every_schema_rule_is_one_the_stage_names():
    assert sorted(rule.name for rule in registry.RULES if rule.stage == "schema") == sorted(schema_check.RULES)


def test_every_problem_the_stage_makes_names_a_rule_of_the_stage():
    """Read from the code, so that a branch no case reaches is held to it too."""
    named = [call.args[0] for call in ast.walk(ast.parse(STAGE_SOURCE))
             if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Problem"]
    assert named and all(isinstance(arg, ast.Name) and getattr(schema_check, arg.id) in schema_check.RULES
                         for arg in named), [ast.unparse(arg) for arg in named]


def test_the_cases_reach_every_rule_of_the_stage():
    found = set()
    for path in all_case_files():
        for case in load_cases(path):
            document = load_bytes(case.content, Path(case.file), case.file).document
            if document is not None:
                found |= {problem.rule for problem in schema_check.schema_problems(document, SCHEMA)}
    assert found == set(schema_check.RULES)


def _schema_findings(tmp_path: Path, schema: dict, text: str) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "testpeptide-z.yaml"
    path.write_text(text, encoding="utf-8")
    report = Project.of_schema(EntrySchema(schema, tmp_path / "entry.schema.json"), tmp_path).check_files([path])
    return [(f"{f.line}:{f.column} {f.code}", f.message, f.hint) for f in report.findings if f.code.startswith("PL1")]


def test_a_repeated_item_is_the_one_json_schema_repeats_not_a_true_python_takes_for_1(tmp_path):
    schema = {"type": "object", "properties": {"ranks": {"type": "array", "uniqueItems": True}}}
    assert _schema_findings(tmp_path, schema, "ranks: [1, true, 1]\n") == [
        ("1:18 PL107", "ranks lists 1 twice", "remove the repeated item")]
    assert _schema_findings(tmp_path, schema, "ranks: [1, true, 0, false]\n") == []


@pytest.mark.parametrize("rules, text, expected", [
    ({"maxLength": 5, "description": "The name as the title shows it: at most 5 characters."}, "name: Testpeptide-Z",
     ("1:7 PL100", "name is longer than 5 characters", "The name as the title shows it: at most 5 characters.")),
    ({"type": "integer", "minimum": 1900}, "name: 1850",
     ("1:7 PL100", "name is 1850; it must be at least 1900", None)),
    ({"type": "array", "maxItems": 1}, "name: [a, b]", ("1:7 PL100", "name has more than 1 items", None)),
    ({"type": "object", "dependentRequired": {"doi": ["year"]}}, "name: {doi: 10.1000/x}",
     ("1:7 PL100", 'name does not meet the entry schema\'s "dependentRequired" condition',
      "the schema says: 'year' is a dependency of 'doi'")),
    ({"not": {"const": "TBD"}, "description": "The name, not a placeholder."}, "name: TBD",
     ("1:7 PL100", 'name cannot be "TBD" here', "The name, not a placeholder.")),
    # jsonschema gives no place for what a `false` schema refuses: the entry holds it.
    (False, "name: anything", ("1:1 PL100", 'the entry holds "anything", which the entry schema does not allow', None)),
])
def test_the_schema_keywords_no_specific_rule_words_read_as_an_editors_words(tmp_path, rules, text, expected):
    schema = {"type": "object", "properties": {"name": rules}}
    assert _schema_findings(tmp_path, schema, text + "\n") == [expected]


def test_a_value_a_condition_refuses_is_told_the_values_the_condition_allows(tmp_path):
    schema = {"type": "object", "properties": {"kind": {"enum": ["a", "b", "c"]}, "n": {"type": "integer"}},
              "if": {"required": ["n"]}, "then": {"properties": {"kind": {"const": "a"}}}}
    assert _schema_findings(tmp_path, schema, "kind: b\nn: 1\n") == [
        ("1:7 PL104", 'kind is "b", which is not one of the allowed values: a', "write one of: a")]


def test_a_pattern_without_its_form_in_words_falls_back_on_the_keys_description(tmp_path):
    """A content repo's own schema may give a pattern no x-form: the description is then all there is."""
    code = {"type": "string", "pattern": "^[A-Z]{3}$", "description": "Three capital letters."}
    schema = {"type": "object", "properties": {"code": code}}
    assert _schema_findings(tmp_path, schema, "code: ab\n") == [
        ("1:7 PL105", 'code is "ab", which is not in the required form', "Three capital letters.")]
    code["x-form"] = "three capital letters, like ABC"
    assert _schema_findings(tmp_path, schema, "code: ab\n") == [
        ("1:7 PL105", 'code is "ab"; it must be three capital letters, like ABC', "Three capital letters.")]
    assert _schema_findings(tmp_path, schema, "code: abc\n") == [
        ("1:7 PL105", 'code is "abc"; it must be three capital letters, like ABC', "Three capital letters.")]


def test_risks_listed_beside_none_known_are_told_why_in_the_schemas_words(tmp_path):
    text = BASE_ENTRY.read_text(encoding="utf-8").replace(
        "      sources: [doe-2001]\nstacking:", "      sources: [doe-2001]\n  risk_evidence: none-known\nstacking:")
    path = tmp_path / BASE_ENTRY.name
    path.write_text(text, encoding="utf-8")
    findings = Project.of_schema(SCHEMA, tmp_path).check_files([path]).findings
    assert [(f.code, f.hint) for f in findings] == [("PL100", (
        "none-known says that no serious risk was found, which the serious risks listed contradict: delete "
        "risk_evidence (it says why an empty list is empty), or write not-studied if no study has looked at "
        "safety in people."))]
