"""The baseline: `check --write-baseline FILE` records today's findings, `check --baseline FILE` (or
`baseline =` in the configuration) reports only new ones. Findings are matched by rule, file and the
text of their line, counted, never by line number; entries that match nothing any more are reported
(stale-baseline), so the baseline only shrinks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import ANSI, add_entry, run
from test_reporters import sarif_validator  # noqa: F401 - a fixture
from peptide_lint.baseline import Baseline, BaselineError
from peptide_lint.findings import INTERNAL_ERROR, Finding, Severity, Span
from peptide_lint.results import Report

# Two dose rows whose labels are placeholders: two identical findings (rule, file, line text).
TWO_PLACEHOLDER_LABELS = [("- label: Common course", "- label: TODO"), ("- label: Route", "- label: TODO")]
CURE = ("  It is imagined to bind a Testpeptide-z receptor.\n",
        "  It is imagined to bind a Testpeptide-z receptor and cures arthritis.\n")


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def adopted(repo):
    """A repo with a history: two placeholder labels and a cure claim in one entry, recorded in
    baseline.json; a clean second entry."""
    entry = add_entry(repo, "testpeptide-z")
    add_entry(repo, "testpeptide-y")
    edit(entry, *TWO_PLACEHOLDER_LABELS, CURE)
    result = run("check", "--write-baseline", "baseline.json", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Recorded 3 findings in baseline.json. 'peptide-lint check --baseline baseline.json' "
                             "reports only findings not recorded there.\n")
    return repo


def test_the_baseline_file_is_sorted_stable_json_with_counts(adopted):
    path = adopted / "baseline.json"
    assert path.read_text(encoding="utf-8") == (
        '{\n'
        '  "version": 1,\n'
        '  "findings": [\n'
        '    {"path": "entries/testpeptide-z.yaml", "rule": "PL404", "text": "It is imagined to bind a Testpeptide-z '
        'receptor and cures arthritis.", "count": 1},\n'
        '    {"path": "entries/testpeptide-z.yaml", "rule": "PL503", "text": "- label: TODO", "count": 2}\n'
        '  ]\n'
        '}\n')
    before = path.read_bytes()
    assert run("check", "--write-baseline", "baseline.json", cwd=adopted).returncode == 0
    assert path.read_bytes() == before  # recording an unchanged repo changes nothing


def test_a_baselined_repo_reports_only_new_findings_and_says_how_many_the_baseline_held_back(adopted):
    assert run("check", cwd=adopted).returncode == 1  # without the baseline: every finding
    result = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ("All clear: no findings in 2 files.\n"
                             "The baseline baseline.json held back 3 findings recorded before; --no-baseline shows "
                             "them.\n"
                             "1 safety finding held back by the baseline, for review:\n"
                             "  entries/testpeptide-z.yaml:18:55: PL404 cure-claim: \"cures\" in mechanism claims "
                             "the peptide cures or reverses a disease\n")
    listed, = json.loads(run("check", "--baseline", "baseline.json", "--format", "json", cwd=adopted).stdout)[
        "baselined_safety"]
    assert (listed["path"], listed["line"], listed["column"], listed["code"]) == (
        "entries/testpeptide-z.yaml", 18, 55, "PL404")
    edit(adopted / "entries" / "testpeptide-y.yaml", ("  Nothing is stacked with it.\n", "  TODO\n"))
    result = run("check", "--baseline", "baseline.json", "--no-source", cwd=adopted)
    assert result.returncode == 1
    assert [line.split(" ")[1] for line in result.stdout.splitlines() if line.startswith("entries/")] == ["PL503"]
    assert "held back 3 findings" in result.stdout


def test_unrelated_edits_above_a_baselined_finding_do_not_bring_it_back(adopted):
    entry = adopted / "entries" / "testpeptide-z.yaml"
    edit(entry, ("name: Testpeptide-z\n", "# A comment an editor added.\nname: Testpeptide-z\n"),
         ("  Testpeptide-z is a made-up compound used only to test the checker.",
          "  Testpeptide-z is a made-up compound used only to test the checker. It has a longer lede\n"
          "  now, over two more lines, which moves every finding below it down."))
    result = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("All clear")


def test_an_edit_of_the_finding_s_own_line_makes_it_new(adopted):
    edit(adopted / "entries" / "testpeptide-z.yaml", (CURE[1], CURE[1].replace("arthritis", "gout")))
    result = run("check", "--baseline", "baseline.json", "--no-source", cwd=adopted)
    assert result.returncode == 1
    codes = [line.split(" ")[1] for line in result.stdout.splitlines() if line.startswith(("entries/", "baseline"))]
    assert codes == ["PL024", "PL404"]  # the old line's entry is stale, the new line's finding new


def test_identical_findings_are_counted_not_merged(adopted):
    entry = adopted / "entries" / "testpeptide-z.yaml"
    edit(entry, ("  notes: >-\n", "    - label: TODO\n      value: Once a week\n      confidence: community\n"
                                  "      sources: [roe-community]\n  notes: >-\n"))
    result = run("check", "--baseline", "baseline.json", "--no-source", cwd=adopted)
    assert result.returncode == 1
    new = [line for line in result.stdout.splitlines() if line.startswith("entries/")]
    assert len(new) == 1 and " PL503 " in new[0]  # two of the three labels are in the baseline
    assert "held back 3 findings" in result.stdout


def test_a_fixed_finding_makes_its_entry_stale_and_reported_at_its_line(adopted):
    edit(adopted / "entries" / "testpeptide-z.yaml", (CURE[1], CURE[0]), ("- label: TODO", "- label: Route"))
    result = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert result.returncode == 0  # a warning: --strict fails on it
    lines = ANSI.sub("", result.stdout).splitlines()
    assert lines[0] == ('baseline.json:4:5: PL024 [warning] the baseline holds 1 finding of PL404 in '
                        'entries/testpeptide-z.yaml at the line "It is imagined to bind a Testpeptide-z receptor and '
                        'cures arthritis.", but none is left')
    assert lines[3] == "    = hint: delete this entry from the baseline, so that a new finding there is reported"
    assert lines[4] == ('baseline.json:5:5: PL024 [warning] the baseline holds 2 findings of PL503 in '
                        'entries/testpeptide-z.yaml at the line "- label: TODO", but only 1 is left')
    assert lines[7] == "    = hint: lower its count to 1, so that a new finding there is reported"
    assert lines[8] == "0 errors, 2 warnings in 0 of 2 files and 2 in the baseline baseline.json."
    assert run("check", "--baseline", "baseline.json", "--strict", cwd=adopted).returncode == 1
    report = json.loads(run("check", "--baseline", "baseline.json", "--format", "json", cwd=adopted).stdout)
    assert [(f["path"], f["line"], f["name"]) for f in report["findings"]] == [
        ("baseline.json", 4, "stale-baseline"), ("baseline.json", 5, "stale-baseline")]
    assert report["baseline"] == "baseline.json" and report["counts"]["baselined"] == 1
    # Recording again shrinks the baseline to what is left.
    assert run("check", "--write-baseline", "baseline.json", cwd=adopted).stdout.startswith("Recorded 1 finding in")
    assert run("check", "--baseline", "baseline.json", cwd=adopted).stdout.startswith("All clear")


def test_the_entries_of_a_file_that_is_gone_are_stale(adopted):
    (adopted / "entries" / "testpeptide-z.yaml").unlink()
    result = run("check", "--baseline", "baseline.json", "--no-source", cwd=adopted)
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines() if line.startswith("baseline.json")] == [
        "PL024 [warning] the baseline holds 1 finding of PL404 in entries/testpeptide-z.yaml at the line \"It is "
        "imagined to bind a Testpeptide-z receptor and cures arthritis.\", but entries/testpeptide-z.yaml no longer exists",
        "PL024 [warning] the baseline holds 2 findings of PL503 in entries/testpeptide-z.yaml at the line "
        "\"- label: TODO\", but entries/testpeptide-z.yaml no longer exists"]


def test_a_run_judges_only_the_entries_of_the_files_and_rules_it_checked(adopted):
    edit(adopted / "entries" / "testpeptide-z.yaml", (CURE[1], CURE[0]))
    other_file = run("check", "--baseline", "baseline.json", "entries/testpeptide-y.yaml", cwd=adopted)
    assert other_file.returncode == 0 and other_file.stdout == "All clear: no findings in 1 file.\n"
    other_rules = run("check", "--baseline", "baseline.json", "--select", "placeholder-text", cwd=adopted)
    assert other_rules.stdout.startswith("All clear")  # cure-claim did not run: its entry is not judged
    # Recording a run of one file keeps what the baseline holds for the other files.
    edit(adopted / "entries" / "testpeptide-y.yaml", ("  Nothing is stacked with it.\n", "  TODO\n"))
    result = run("check", "--write-baseline", "baseline.json", "entries/testpeptide-y.yaml", cwd=adopted)
    assert result.stdout.startswith("Recorded 1 finding in baseline.json (and kept 3 findings of files or rules "
                                    "this run did not check)")
    recorded = json.loads((adopted / "baseline.json").read_text())["findings"]
    assert [(f["path"][8:], f["rule"], f["count"]) for f in recorded] == [
        ("testpeptide-y.yaml", "PL503", 1), ("testpeptide-z.yaml", "PL404", 1), ("testpeptide-z.yaml", "PL503", 2)]


def test_the_configured_baseline_is_read_from_the_repo_root_wherever_the_check_runs(adopted):
    (adopted / "pyproject.toml").write_text('[tool.peptide-lint]\nbaseline = "baseline.json"\n')
    from_entries = run("check", cwd=adopted / "entries")
    assert from_entries.returncode == 0, from_entries.stdout
    # (shown as findings show a path outside the current folder)
    assert f"The baseline {adopted / 'baseline.json'} held back 3 findings" in from_entries.stdout
    everything = run("check", "--no-baseline", "--no-source", cwd=adopted)
    assert everything.returncode == 1 and everything.stdout.count("entries/testpeptide-z.yaml:") == 3
    # Its severity and selection are the configuration's like any rule's.
    edit(adopted / "entries" / "testpeptide-z.yaml", (CURE[1], CURE[0]))
    (adopted / "pyproject.toml").write_text('[tool.peptide-lint]\nbaseline = "baseline.json"\n'
                                            'severity = { "stale-baseline" = "error" }\n')
    assert run("check", cwd=adopted).returncode == 1
    (adopted / "pyproject.toml").write_text('[tool.peptide-lint]\nbaseline = "baseline.json"\n'
                                            'ignore = ["stale-baseline"]\n')
    assert run("check", cwd=adopted).stdout.startswith("All clear")


@pytest.mark.parametrize("content, message", [
    (None, "there is no baseline missing.json"),
    ("{", "the baseline missing.json is not JSON (Expecting property name enclosed in double quotes"),
    ("[]", 'the baseline missing.json is not a peptide-lint baseline (a JSON object with "version" and "findings")'),
    ('{"version": 2, "findings": []}', "the baseline missing.json has version 2, which this peptide-lint does not "
                                       "read (it reads version 1)"),
    ('{"version": 1, "findings": {}}', 'the baseline missing.json has "findings" that is not a list'),
    ('{"version": 1, "findings": [{"path": "entries/a.yaml", "rule": "PL201", "text": "x", "count": 0}]}',
     'the baseline missing.json has a finding (number 1) that has no "count" of 1 or more'),
    ('{"version": 1, "findings": [{"path": "entries/a.yaml", "rule": "PL201", "count": 1}]}',
     'the baseline missing.json has a finding (number 1) that has no "text" as text'),
])
def test_a_baseline_that_cannot_be_used_is_a_usage_error(repo, content, message):
    add_entry(repo, "testpeptide-z")
    if content is not None:
        (repo / "missing.json").write_text(content)
    result = run("check", "--baseline", "missing.json", cwd=repo)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"peptide-lint: error: {message}"), result.stderr
    assert result.stderr.rstrip().endswith("; record it with 'peptide-lint check --write-baseline missing.json'")


def test_a_broken_baseline_is_not_overwritten_by_recording(repo):
    add_entry(repo, "testpeptide-z")
    (repo / "baseline.json").write_text("{")
    result = run("check", "--write-baseline", "baseline.json", cwd=repo)
    assert result.returncode == 2 and "delete it to record a new baseline" in result.stderr
    assert (repo / "baseline.json").read_text() == "{"


@pytest.mark.parametrize("flags", [["--write-baseline", "b.json", "--baseline", "a.json"],
                                   ["--write-baseline", "b.json", "--no-baseline"]])
def test_recording_and_comparing_are_not_asked_together(repo, flags):
    add_entry(repo, "testpeptide-z")
    result = run("check", *flags, cwd=repo)
    assert result.returncode == 2 and "--write-baseline cannot be used with" in result.stderr


def test_the_checker_s_own_failures_are_never_recorded_nor_held_back(tmp_path):
    crash = Finding("entries/x.yaml", Span(1, 1, 1, 2), INTERNAL_ERROR, "internal-error", Severity.ERROR, "a bug")
    placeholder = Finding("entries/x.yaml", Span(1, 1, 1, 2), "PL503", "placeholder-text", Severity.ERROR, "TODO")
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "x.yaml").write_text("name: TODO\n")
    report = Report([crash, placeholder], 1, ["entries/x.yaml"], tmp_path, tmp_path)
    recorded = Baseline.of(report)
    assert len(recorded) == 1 and json.loads(recorded.dumps())["findings"][0]["rule"] == "PL503"
    from peptide_lint import registry
    kept = recorded.apply(report, registry.RULES, "baseline.json")
    assert kept.findings == [crash] and kept.baselined == [placeholder]


def test_the_lines_of_a_hand_formatted_baseline_are_found():
    text = ('{"findings": [\n  {"path": "a", "rule": "PL1", "text": "[x]",\n   "count": 1},\n\n'
            '  {"path": "b", "rule": "PL1", "text": "y", "count": 2}], "version": 1}')
    baseline = Baseline.parse(json.loads(text), text, "b.json")
    assert sorted(baseline.lines.values()) == [2, 5] and len(baseline) == 3
    with pytest.raises(BaselineError):
        Baseline.parse({"version": 1, "findings": ["x"]}, "", "b.json")


def test_the_baseline_setting_is_checked_like_every_setting(repo):
    add_entry(repo, "testpeptide-z")
    (repo / "pyproject.toml").write_text('[tool.peptide-lint]\nbaselin = "baseline.json"\n')
    result = run("check", cwd=repo)
    assert result.returncode == 2 and "unknown setting 'baselin'; did you mean 'baseline'?" in result.stderr
    (repo / "pyproject.toml").write_text('[tool.peptide-lint]\nbaseline = 1\n')
    result = run("check", cwd=repo)
    assert result.returncode == 2
    assert "baseline must be the path of a file from the repo root, as text" in result.stderr


def test_every_format_reports_a_stale_entry_and_sarif_stays_valid(adopted, sarif_validator):
    edit(adopted / "entries" / "testpeptide-z.yaml", (CURE[1], CURE[0]))
    outputs = ["-o", "github:-", "-o", "sarif:r.sarif", "-o", "junit:r.xml", "-o", "markdown:r.md", "-o", "json:r.json"]
    result = run("check", "--baseline", "baseline.json", *outputs, cwd=adopted)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("::warning file=baseline.json,line=4,col=5,")
    sarif = json.loads((adopted / "r.sarif").read_text())
    errors = sorted(sarif_validator.iter_errors(sarif), key=str)
    assert not errors, errors[0].message if errors else ""
    run_ = sarif["runs"][0]
    assert [r["ruleId"] for r in run_["results"]] == ["PL024"]
    assert run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "baseline.json"
    assert run_["properties"] == {"baseline": "baseline.json", "baselined": 2}
    assert 'name="PL024 stale-baseline at line 4, column 5 (warning)"' in (adopted / "r.xml").read_text()
    assert "The baseline baseline.json held back 2 findings recorded before." in (adopted / "r.md").read_text()
    assert json.loads((adopted / "r.json").read_text())["counts"]["baselined"] == 2


def test_a_file_yaml_cannot_read_judges_only_the_reading_rules_entries(adopted):
    """While the entry cannot be read, its content rules do not run: their entries are neither stale
    nor dropped by recording, and come back into use once the file reads again. (The reading
    problem itself is never recorded: see the next test but one.)"""
    entry = adopted / "entries" / "testpeptide-z.yaml"
    edit(entry, ("area: healing-recovery\n", "area:healing-recovery\n"))
    result = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert "PL005" in result.stdout and "PL024" not in result.stdout
    recorded = run("check", "--write-baseline", "baseline.json", cwd=adopted)
    assert recorded.stdout.startswith("Recorded 0 findings in baseline.json (and kept 3 findings")
    edit(entry, ("area:healing-recovery\n", "area: healing-recovery\n"))
    again = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert again.returncode == 0 and "PL024" not in again.stdout  # nothing stale, nothing new
    assert "held back 3 findings" in again.stdout


def test_a_symlink_that_loops_is_a_finding_with_a_baseline_too(adopted):
    (adopted / "entries" / "loop.yaml").symlink_to("loop.yaml")
    for flags in (["--baseline", "baseline.json"], ["--write-baseline", "other.json"]):
        result = run("check", *flags, cwd=adopted)
        assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr
    assert "PL001" in run("check", "--baseline", "baseline.json", cwd=adopted).stdout


def test_a_file_that_cannot_be_read_is_never_held_back(adopted):
    """Its content rules did not run: a baseline that hid it would let anything be written into it
    unseen. Its findings are not recorded, and a baseline holding them from before does not hide them."""
    entry = adopted / "entries" / "testpeptide-y.yaml"
    edit(entry, ("slug: testpeptide-y\n", "slug: testpeptide-y\n\tname: broken\n"))
    recorded = run("check", "--write-baseline", "baseline.json", cwd=adopted)
    assert recorded.returncode == 0
    assert "Not recorded: 1 file could not be read as an entry" in recorded.stdout
    assert "testpeptide-y" not in (adopted / "baseline.json").read_text(encoding="utf-8")
    checked = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert checked.returncode == 1 and "entries/testpeptide-y.yaml:" in checked.stdout
    assert "All clear" not in checked.stdout and "could not be read as an entry" in checked.stdout
    # A baseline written before, by hand or by an older version, that holds its finding
    finding_line = next(line for line in checked.stdout.splitlines() if line.startswith("entries/testpeptide-y.yaml:"))
    rule = finding_line.split()[1]
    data = json.loads((adopted / "baseline.json").read_text(encoding="utf-8"))
    data["findings"].append({"path": "entries/testpeptide-y.yaml", "rule": rule, "text": "name: broken", "count": 1})
    (adopted / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    again = run("check", "--baseline", "baseline.json", cwd=adopted)
    assert again.returncode == 1 and finding_line.split(": ")[0] in again.stdout
    assert "PL024" not in again.stdout  # matched, not stale: it is still there, and shown
