"""Runs every case in tests/cases/ and checks that every rule has a failing and a passing case."""

from __future__ import annotations

import pytest

from casefiles import all_case_files, load_cases, run_case
from peptide_lint import registry

CASES = [case for path in all_case_files() for case in load_cases(path)]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    assert run_case(case) == case.expect


# A bug of the checker cannot be written as an entry file; tests/test_robustness.py and test_cli.py cover it.
# A stale baseline is a finding in the baseline file, not in an entry: tests/test_baseline.py covers it.
NOT_FROM_FILES = {"internal-error", "stale-baseline"}


@pytest.mark.parametrize("rule", [r for r in registry.RULES if r.name not in NOT_FROM_FILES],
                         ids=lambda r: r.name)
def test_every_rule_has_a_failing_and_a_passing_case(rule):
    mine = [c for c in CASES if c.rule == rule.name]
    assert mine, f"tests/cases/{rule.name}.yaml is missing"
    assert any(any(f" {rule.code} " in e for e in c.expect) for c in mine), "no failing case"
    assert any(not c.expect for c in mine), "no passing case"
