"""Every report format, pinned: JSON shape, SARIF against the official schema, GitHub escaping,
JUnit and markdown structure, and the CI flags."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from peptide_lint.findings import Finding, Severity, Span
from peptide_lint.pipeline import Report
from peptide_lint.reporters import FORMATS, reporter_class
from peptide_lint.reporters.github import GithubReporter
from test_cli import add_entry, run

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"


def dirty_repo(repo: Path) -> None:
    add_entry(repo, "testpeptide-z")
    broken = add_entry(repo, "testpeptide-y")
    broken.write_text(broken.read_text().replace("      confidence: community\n", "")
                      .replace("  Nothing is stacked with it.\n", "  A miracle.\n"))


def test_json_shape_is_pinned(repo):
    dirty_repo(repo)
    result = run("check", "--format", "json", cwd=repo)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert list(report) == ["version", "tool", "files_checked", "files", "counts", "findings"]
    assert report["version"] == 1 and report["tool"]["name"] == "peptide-lint"
    assert report["files_checked"] == 2
    assert report["files"] == ["entries/testpeptide-y.yaml", "entries/testpeptide-z.yaml"]
    assert report["counts"] == {"errors": 1, "warnings": 1, "files_with_findings": 1,
                                "by_rule": {"PL301": 1, "PL405": 1}}
    assert report["findings"][0] == {
        "path": "entries/testpeptide-y.yaml", "line": 34, "column": 7, "end_line": 34, "end_column": 8,
        "code": "PL301", "name": "dose-row-confidence", "severity": "error",
        "message": 'dose row "Route" has no confidence label; add confidence: one of clinical, community',
        "hint": "clinical: the dose was used in human studies (cite them); community: it rests on what users report",
        "fixable": False}


@pytest.fixture(scope="module")
def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the SARIF schema is not at {SARIF_SCHEMA}")
        pytest.skip("the SARIF schema is not available")
    return Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("dirty", [False, True])
def test_sarif_is_valid_sarif_2_1_0(repo, sarif_validator, dirty):
    if dirty:
        dirty_repo(repo)
    else:
        add_entry(repo, "testpeptide-z")
    result = run("check", "--format", "sarif", "--output", "report.sarif", cwd=repo)
    assert result.returncode == (1 if dirty else 0)
    assert "entries/" in result.stdout or "All clear" in result.stdout  # the terminal still gets text
    sarif = json.loads((repo / "report.sarif").read_text())
    errors = sorted(sarif_validator.iter_errors(sarif), key=str)
    assert not errors, errors[0].message if errors else ""
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(rules[0])
    if dirty:
        first = run_["results"][0]
        assert first["ruleId"] == "PL301" and first["level"] == "error"
        assert first["locations"][0]["physicalLocation"] == {
            "artifactLocation": {"uri": "entries/testpeptide-y.yaml", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 34, "startColumn": 7, "endLine": 34, "endColumn": 8}}
        assert rules[first["ruleIndex"]]["id"] == "PL301"


def test_sarif_fingerprints_survive_lines_added_above(repo):
    dirty_repo(repo)
    before = json.loads(run("check", "--format", "sarif", cwd=repo).stdout)["runs"][0]["results"]
    entry = repo / "entries" / "testpeptide-y.yaml"
    entry.write_text(entry.read_text().replace("slug: testpeptide-y\n", "slug: testpeptide-y\n# a new comment\n"))
    after = json.loads(run("check", "--format", "sarif", cwd=repo).stdout)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 1 for r in before]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]


def test_github_commands_escape_data_and_properties():
    finding = Finding("entries/a,b:c.yaml", Span(3, 5, 3, 9), "PL201", "claim-without-citation",
                      Severity.WARNING, "100% sure:\r\nreally, yes", "fix it: now")
    report = Report([finding], 1, files=["entries/a,b:c.yaml"])
    out = _written(GithubReporter(), report)
    assert out == ("::warning file=entries/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,"
                   "title=PL201 claim-without-citation::100%25 sure:%0D%0Areally, yes%0Ahint: fix it: now\n")


def test_github_format_through_the_cli(repo):
    dirty_repo(repo)
    lines = run("check", "--format", "github", cwd=repo).stdout.splitlines()
    assert lines[0].startswith("::error file=entries/testpeptide-y.yaml,line=34,col=7,")
    assert lines[1].startswith("::warning file=entries/testpeptide-y.yaml,line=47,")


def test_junit_has_one_case_per_file_and_a_failure_per_error(repo):
    dirty_repo(repo)
    root = ET.fromstring(run("check", "--format", "junit", cwd=repo).stdout)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["entries/testpeptide-y.yaml", "entries/testpeptide-z.yaml"]
    assert [f.get("type") for f in cases[0].findall("failure")] == ["PL301 dose-row-confidence"]
    assert "PL405" in cases[0].find("system-out").text  # warnings are reported, not failures
    assert cases[1].findall("failure") == []
    assert root.get("tests") == "2" and root.get("failures") == "1"


def test_markdown_summary(repo):
    dirty_repo(repo)
    out = run("check", "--format", "markdown", cwd=repo).stdout
    assert out.startswith("## peptide-lint: 1 error, 1 warning in 1 of 2 files\n")
    assert "| PL301 dose-row-confidence | 1 |" in out
    assert "| entries/testpeptide-y.yaml | 34 | PL301 | error | dose row \"Route\" has no confidence label;" in out


def test_every_format_handles_a_clean_run():
    report = Report([], 3, files=["a.yaml", "b.yaml", "c.yaml"])
    for name in FORMATS:
        output = _written(reporter_class(name)(), report)
        assert output == "" if name == "github" else output  # no findings, no annotations


def test_strict_quiet_statistics_and_exit_zero(repo):
    add_entry(repo, "testpeptide-z")
    warned = add_entry(repo, "testpeptide-y")
    warned.write_text(warned.read_text().replace("  Nothing is stacked with it.\n", "  A miracle.\n"))
    assert run("check", cwd=repo).returncode == 0  # warnings alone pass
    assert run("check", "--strict", cwd=repo).returncode == 1
    quiet = run("check", "--quiet", cwd=repo).stdout
    assert quiet.splitlines() == [line for line in quiet.splitlines() if line.startswith("entries/")]
    assert len(quiet.splitlines()) == 1
    stats = run("check", "--quiet", "--statistics", cwd=repo).stdout
    assert stats.splitlines()[-1] == "    1  PL405  hype-words [warning]"
    warned.write_text(warned.read_text().replace("      confidence: community\n", ""))
    assert run("check", cwd=repo).returncode == 1
    assert run("check", "--exit-zero", cwd=repo).returncode == 0


def test_output_to_an_unwritable_place_is_a_usage_error(repo):
    add_entry(repo, "testpeptide-z")
    result = run("check", "--output", "no/such/folder/report.json", "--format", "json", cwd=repo)
    assert result.returncode == 2 and "cannot write" in result.stderr


def _written(reporter, report) -> str:
    import io
    buffer = io.StringIO()
    reporter.write(report, buffer)
    return buffer.getvalue()
