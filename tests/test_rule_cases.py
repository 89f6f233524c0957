"""Runs every case in tests/cases/: its findings, the hints it gives, the file after every fix; and
checks that every rule has a failing and a passing case, and every fixable rule a fix in action."""

from __future__ import annotations

import functools

import pytest

import subprocess
import sys

from casefiles import TESTS, Outcome, readable_cases, run_case
from peptide_lint import registry

# A case file that cannot be read fails test_every_case_file_reads; the others' cases still run.
CASES, UNREADABLE = readable_cases()
# A bug of the checker cannot be written as an entry file; tests/test_robustness.py and test_cli.py cover it.
# A stale baseline is a finding in the baseline file, not in an entry: tests/test_baseline.py covers it.
NOT_FROM_FILES = {"internal-error", "stale-baseline"}


@functools.cache
def outcome_of(case_id: str) -> Outcome:
    return run_case(next(case for case in CASES if case.id == case_id))


def test_every_case_file_reads():
    assert UNREADABLE == []


def test_a_case_file_that_cannot_be_read_is_one_line_naming_the_file_and_the_case(tmp_path):
    broken = tmp_path / "hype-words.yaml"
    broken.write_text('rule: hype-words\ncases:\n  - name: an edit of a line the base has twice\n'
                      '    replace:\n      - ["[doe-2001]", "[roe-community]"]\n    expect: []\n', encoding="utf-8")
    message = ("hype-words.yaml: case 'an edit of a line the base has twice': '[doe-2001]' occurs 2 times; "
               "make it unique, or add a third item: all")
    assert readable_cases([broken]) == ([], [message])
    result = subprocess.run([sys.executable, str(TESTS / "casefiles.py"), str(broken)], capture_output=True,
                            text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"casefiles.py: error: {message}\n")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    outcome = outcome_of(case.id)
    assert outcome.findings == case.expect
    assert {i: outcome.hints[i] for i in case.hints} == case.hints
    if outcome.fixes:
        assert case.fixed is not None, "the findings have fixes: say what the file reads after them (fixed:)"
    if case.fixed is not None:
        assert outcome.fixed.decode("utf-8", "replace") == case.fixed.decode("utf-8", "replace")
        assert outcome.fixed == case.fixed


@pytest.mark.parametrize("rule", [r for r in registry.RULES if r.fixable], ids=lambda r: r.name)
def test_every_fixable_rule_has_a_case_that_its_fix_changes_and_says_how_safe_its_fixes_are(rule):
    fixes = [(case, safe) for case in CASES for code, safe in outcome_of(case.id).fixes if code == rule.code]
    assert any(case.fixed != case.content for case, _ in fixes), f"no case of {rule.name} shows its fix at work"
    assert {safe for _, safe in fixes} == {rule.fixable == "safe"}


@pytest.mark.parametrize("rule", [r for r in registry.RULES if r.name not in NOT_FROM_FILES], ids=lambda r: r.name)
def test_every_rule_that_gives_hints_has_a_case_that_pins_one(rule):
    gives = any(f" {rule.code} " in finding and hint
                for case in CASES for finding, hint in zip(outcome_of(case.id).findings, outcome_of(case.id).hints))
    pinned = any(f" {rule.code} " in case.expect[i] for case in CASES for i in case.hints)
    assert pinned or not gives, f"add hint: to a finding of {rule.name} in tests/cases/{rule.name}.yaml"


def test_a_missing_confidence_label_is_never_guessed():
    """A code action may list the labels; no fix picks one."""
    code = registry.lookup("dose-row-confidence").code
    reported = [case.id for case in CASES if any(f" {code} " in line for line in outcome_of(case.id).findings)]
    assert reported
    assert [case_id for case_id in reported if any(c == code for c, _ in outcome_of(case_id).fixes)] == []


@pytest.mark.parametrize("rule", [r for r in registry.RULES if r.name not in NOT_FROM_FILES],
                         ids=lambda r: r.name)
def test_every_rule_has_a_failing_and_a_passing_case(rule):
    mine = [c for c in CASES if c.rule == rule.name]
    assert mine, f"tests/cases/{rule.name}.yaml is missing"
    assert any(any(f" {rule.code} " in e for e in c.expect) for c in mine), "no failing case"
    assert any(not c.expect for c in mine), "no passing case"
