"""Runs every case in tests/cases/: its findings, the hints it gives, the file after every fix; and
checks that every rule has a failing and a passing case, and every fixable rule a fix in action."""

from __future__ import annotations

import functools

import pytest

from casefiles import Outcome, all_case_files, load_cases, run_case
from peptide_lint import registry

CASES = [case for path in all_case_files() for case in load_cases(path)]
# A bug of the checker cannot be written as an entry file; tests/test_robustness.py and test_cli.py cover it.
# A stale baseline is a finding in the baseline file, not in an entry: tests/test_baseline.py covers it.
NOT_FROM_FILES = {"internal-error", "stale-baseline"}


@functools.cache
def outcome_of(case_id: str) -> Outcome:
    return run_case(next(case for case in CASES if case.id == case_id))


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
