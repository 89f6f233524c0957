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
from peptide_lint.results import Report
from peptide_lint.reporters import FORMATS, reporter_class
from peptide_lint.reporters.github import GithubReporter
from peptide_lint.reporters.text import TextReporter
from casefiles import BASE_ENTRY, sibling_entry
from test_cli import add_entry, run

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"
JUNIT_SCHEMA = Path(__file__).resolve().parent / "schemas" / "junit-10.xsd"  # its source is named inside


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
    assert list(report) == ["version", "tool", "files_checked", "files", "counts", "findings", "not_checked",
                            "suppressed_safety", "baseline", "baselined_safety"]
    assert report["baseline"] is None  # no baseline: every finding is reported
    assert report["not_checked"] == []  # every file could be read
    assert report["version"] == 2 and report["tool"]["name"] == "peptide-lint"
    assert report["files_checked"] == 2
    assert report["files"] == ["entries/testpeptide-y.yaml", "entries/testpeptide-z.yaml"]
    assert report["counts"] == {"errors": 1, "warnings": 1, "files_with_findings": 1,
                                "by_rule": {"PL301": 1, "PL405": 1}, "baselined": 0}
    assert report["findings"][0] == {
        "path": "entries/testpeptide-y.yaml", "line": 34, "column": 7, "end_line": 34, "end_column": 8,
        "code": "PL301", "name": "dose-row-confidence", "severity": "error",
        "message": 'dose row "Route" has no confidence label; '
                   "add confidence: one of clinical, community, preclinical, none-established",
        "hint": "clinical: the dose was used in human studies (cite them); community: it rests on what users "
                "report; preclinical: used only in animals or cells (cite that work); none-established: no dose "
                "for people is known (give no amount)",
        "fixable": False, "fix": None}


def test_docs_ci_shows_the_json_report_a_real_check_writes(repo):
    """docs/ci.md's JSON example is a real report, long texts shortened: its scenario (a hyphen in
    a dose range, a safety finding suppressed by a comment, a baseline holding one finding) checked
    here gives every key it shows, in its order, and its counts, codes and places."""
    import re

    add_entry(repo, "testpeptide-y", sibling_entry("testpeptide-y").replace("      confidence: community\n", ""))
    add_entry(repo, "testpeptide-z", BASE_ENTRY.read_text(encoding="utf-8").replace(
        "      frequency: rare\n", "      frequency: rare and harmless  # peptide-lint: ignore[risk-played-down] "
                                  "-- the source's own words, quoted in its note\n"))
    assert run("check", "--write-baseline", "peptide-lint-baseline.json", cwd=repo).returncode == 0
    entry = repo / "entries" / "testpeptide-y.yaml"
    entry.write_text(entry.read_text().replace("      value: Subcutaneous\n",
                                               "      value: Subcutaneous, 2-4 mg per week\n"))
    real = json.loads(run("check", "--baseline", "peptide-lint-baseline.json", "--format", "json", cwd=repo).stdout)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "ci.md").read_text(encoding="utf-8")
    shown = json.loads(re.search(r"### JSON \(shape version 2\).*?```json\n(.*?)```", docs, re.DOTALL)[1])

    def shape(value):
        """The keys of every object, in order, with lists read by their first item."""
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()} | {"(order)": list(value)}
        if isinstance(value, list):
            return [shape(value[0])] if value else []
        return type(value).__name__
    assert shape(shown) == shape(real)

    def facts(report):
        return (report["counts"], report["baseline"],
                [(f["code"], f["line"], f["column"], f["fix"]) for f in report["findings"]],
                [(s["code"], s["line"], s["comment_line"], s["reason"]) for s in report["suppressed_safety"]])
    assert facts(shown) == facts(real)


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


def test_sarif_carries_each_fix_as_replacements(repo, sarif_validator):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("standard_dose: 1–2 mg per day", "standard_dose: 1-2 mg per day")
                     .replace("mechanism:", "mechansim:"))
    sarif = json.loads(run("check", "--format", "sarif", cwd=repo).stdout)
    assert not list(sarif_validator.iter_errors(sarif))
    text = entry.read_text()
    fixes = {result["ruleId"]: result["fixes"] for result in sarif["runs"][0]["results"] if "fixes" in result}
    assert fixes["PL303"] == [{
        "description": {"text": "write the range with an en dash (–)"},
        "artifactChanges": [{"artifactLocation": {"uri": "entries/testpeptide-z.yaml", "uriBaseId": "%SRCROOT%"},
                             "replacements": [{"deletedRegion": {"charOffset": text.index("1-2"), "charLength": 3},
                                               "insertedContent": {"text": "1–2"}}]}]}]
    assert fixes["PL102"][0]["description"]["text"] == \
        'rename the key to "mechanism" (a suggestion: review it before applying it)'


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


@pytest.fixture(scope="module")
def junit_schema():
    import xmlschema

    return xmlschema.XMLSchema(str(JUNIT_SCHEMA))


def _valid_junit(schema, xml: str) -> ET.Element:
    errors = [f"{error.path}: {error.reason}" for error in schema.iter_errors(xml)]
    assert not errors, errors
    return ET.fromstring(xml)


def test_junit_has_a_test_case_per_finding_and_is_valid_junit_xml(repo, junit_schema):
    dirty_repo(repo)
    broken = repo / "entries" / "testpeptide-y.yaml"
    broken.write_text(broken.read_text().replace("      confidence: clinical\n", ""))
    result = run("check", "--format", "junit", "--output", "report.xml", cwd=repo)
    assert result.returncode == 1
    root = _valid_junit(junit_schema, (repo / "report.xml").read_text(encoding="utf-8"))
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("file"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("entries/testpeptide-y.yaml", "entries/testpeptide-y.yaml", "3", "2"),
        ("entries/testpeptide-z.yaml", "entries/testpeptide-z.yaml", "1", "0")]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "0")
    # each error its own test case with one failure, so that every consumer shows every one
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "PL301 dose-row-confidence at line 30, column 7", "PL301 dose-row-confidence at line 33, column 7",
        "PL405 hype-words at line 46, column 5 (warning)"]
    assert {c.get("classname") for c in cases} == {"entries/testpeptide-y"}
    assert [len(c.findall("failure")) for c in cases] == [1, 1, 0]
    failure = cases[1].find("failure")
    assert failure.get("type") == "PL301 dose-row-confidence"
    assert failure.get("message") == ('dose row "Route" has no confidence label; '
                                      "add confidence: one of clinical, community, preclinical, none-established")
    assert failure.text.startswith("entries/testpeptide-y.yaml:33:7: PL301 [error] dose row")
    assert "\nhint: clinical: the dose was used" in failure.text
    # a warning passes, as the check does, and says what it found
    assert cases[2].find("system-out").text.startswith("entries/testpeptide-y.yaml:46:5: PL405 [warning]")
    clean = suites[1].findall("testcase")
    assert [(c.get("name"), list(c)) for c in clean] == [("no findings", [])]


def test_junit_names_namesakes_apart_and_makes_an_internal_failure_an_error(junit_schema):
    twice = [Finding("entries/x.yml", Span(3, 5, 3, 9), "PL201", "claim-without-citation", Severity.ERROR, m)
             for m in ("first", "second")]
    crash = Finding("entries/x.yml", Span(1, 1, 1, 1), "PL900", "internal-error", Severity.ERROR, "bug")
    root = _valid_junit(junit_schema, _written(reporter_class("junit")(), Report([crash, *twice], 1)))
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [
        "PL900 internal-error at line 1, column 1", "PL201 claim-without-citation at line 3, column 5",
        "PL201 claim-without-citation at line 3, column 5 (2)"]
    assert [c[0].tag for c in cases] == ["error", "failure", "failure"]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "1")
    assert cases[0].get("classname") == "entries/x"


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
    assert result.returncode == 2 and "cannot write" in result.stderr and "--help" not in result.stderr
    assert result.stdout == "All clear: no findings in 1 file.\n"  # the log still has the report


def test_json_carries_the_fix_of_a_fixable_finding(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("standard_dose: 1–2 mg per day", "standard_dose: 1-2 mg per day")
                     .replace("mechanism:", "mechansim:"))
    findings = json.loads(run("check", "--format", "json", cwd=repo).stdout)["findings"]
    finding = next(f for f in findings if f["code"] == "PL303")
    assert (finding["line"], finding["column"], finding["fixable"]) == (12, 17, True)
    edit, = finding["fix"]["edits"]
    text = entry.read_text(encoding="utf-8")
    assert text[edit["start"]:edit["end"]] == edit["original"] == "1-2" and edit["replacement"] == "1–2"
    assert (finding["fix"]["title"], finding["fix"]["safe"]) == ("write the range with an en dash (–)", True)
    unknown_key = next(f for f in findings if f["code"] == "PL102")
    assert unknown_key["fix"] == {"title": 'rename the key to "mechanism"', "safe": False, "edits": [
        {"start": text.index("mechansim"), "end": text.index("mechansim") + 9, "replacement": "mechanism",
         "original": "mechansim"}]}


def test_sarif_uris_are_percent_encoded():
    finding = Finding("entries/a b%#.yaml", Span(1, 1, 1, 2), "PL301", "dose-row-confidence", Severity.ERROR, "m")
    sarif = json.loads(_written(reporter_class("sarif")(), Report([finding], 1, files=[finding.path])))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "entries/a%20b%25%23.yaml"


def test_junit_stays_well_formed_xml_with_control_characters_and_markup(junit_schema):
    finding = Finding("entries/a\x01.yaml", Span(2, 1, 2, 2), "PL900", "internal-error", Severity.ERROR,
                      "broke on \x00 and \x1b[31m <b>&amp;</b>", "hint \x0b")
    root = _valid_junit(junit_schema, _written(reporter_class("junit")(), Report([finding], 1, files=[finding.path])))
    assert root.find("./testsuite").get("name") == "entries/a\ufffd.yaml"
    case = root.find("./testsuite/testcase")
    assert case.get("classname") == "entries/a\ufffd"
    assert case.find("error").get("message") == "broke on \ufffd and \ufffd[31m <b>&amp;</b>"


def test_the_terminal_never_gets_control_characters_from_an_entry(tmp_path):
    (tmp_path / "a\x1b[2J.yaml").write_text("class: \x1b]0;title\x07 x \u202e y\n", encoding="utf-8")
    finding = Finding("a\x1b[2J.yaml", Span(1, 8, 1, 9), "PL003", "control-character", Severity.ERROR,
                      "quoted \x1b[31m red \u202e")
    text = _written(TextReporter(), Report([finding], 1, files=[finding.path], cwd=tmp_path))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert text.splitlines()[:3] == [
        "a\\x1b[2J.yaml:1:8: PL003 [error] quoted \\x1b[31m red \\u202e",
        "  1 | class: \\x1b]0;title\\x07 x \\u202e y",
        "    |        ^^^^"]


def test_hints_and_undecodable_file_names_are_escaped_too(repo):
    # The slug rule quotes the file name in its hint.
    add_entry(repo, "testpeptide-z").rename(repo / "entries" / "x\x1b[2J.yaml")
    os.rename(add_entry(repo, "testpeptide-y"), os.fsencode(repo / "entries") + b"/testpeptide-\xff.yaml")
    result = run("check", "--no-cache", cwd=repo, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "entries/testpeptide-\\udcff.yaml:" in result.stdout and "\x1b" not in result.stdout
    assert "write slug: testpeptide-\\udcff" in result.stdout and "write slug: x\\x1b[2J" in result.stdout


def test_the_carets_stand_under_the_finding_after_wide_characters(tmp_path):
    (tmp_path / "a.yaml").write_text("name: \u6f22\u5b57 e\u0301 wrong\n", encoding="utf-8")
    finding = Finding("a.yaml", Span(1, 13, 1, 18), "PL999", "x", Severity.ERROR, "m")
    excerpt = _written(TextReporter(), Report([finding], 1, files=[finding.path], cwd=tmp_path)).splitlines()[1:3]
    source, carets = (line.split("| ", 1)[1] for line in excerpt)
    # two wide characters take two columns each, the combining accent none
    assert carets == " " * len("name: xxxx e ") + "^^^^^" and source.endswith("wrong")


def test_a_tab_in_the_source_line_is_shown_and_the_carets_stand_under_the_finding(tmp_path):
    (tmp_path / "a.yaml").write_text("rows:\n\t  value: 1-2 mg\n  x\tvalue: 3-4 mg\n", encoding="utf-8")
    tab = Finding("a.yaml", Span(2, 1, 2, 2), "PL004", "tab-indentation", Severity.ERROR, "m")
    after_tabs = Finding("a.yaml", Span(3, 12, 3, 15), "PL303", "range-en-dash", Severity.ERROR, "m")
    lines = _written(TextReporter(), Report([tab, after_tabs], 1, files=["a.yaml"], cwd=tmp_path)).splitlines()
    # a tab is an arrow padded to the next stop of four columns
    assert lines[1:3] == ["  2 | →     value: 1-2 mg", "    | ^^^^"]
    assert lines[4:6] == ["  3 |   x→value: 3-4 mg", "    | " + " " * len("  x→value: ") + "^^^"]


def test_every_module_in_reporters_is_a_format_with_one_reporter():
    import peptide_lint.reporters as package

    modules = sorted(p.stem for p in Path(package.__file__).parent.glob("*.py") if not p.stem.startswith("_"))
    assert list(FORMATS) == modules
    for name in FORMATS:
        assert callable(reporter_class(name)().write)
    with pytest.raises(KeyError):
        reporter_class("Reporter")


def test_check_help_documents_the_formats_and_the_ci_flags(repo):
    result = run("check", "--help", cwd=repo)
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    assert f"[{'|'.join(sorted(FORMATS))}]" in help_text
    for flag in ("--format", "--output", "--strict", "--quiet", "--statistics", "--exit-zero"):
        assert f"{flag} " in help_text, flag
    assert "warnings too" in help_text and "Exit codes" in help_text


def test_output_replaces_the_file_in_one_step_and_the_terminal_gets_quiet_text(repo):
    dirty_repo(repo)
    target = repo / "report.json"
    target.write_text("old report")
    result = run("check", "--format", "json", "--output", "report.json", "--quiet", cwd=repo)
    assert result.returncode == 1
    report = json.loads(target.read_text())
    assert report["counts"]["errors"] == 1
    assert [p.name for p in repo.iterdir() if p.is_file()] == ["report.json"]  # no temporary file left
    assert result.stdout.splitlines() == [
        f"{f['path']}:{f['line']}:{f['column']}: {f['code']} [{f['severity']}] {f['message']}"
        for f in report["findings"]]
    assert [f["code"] for f in report["findings"]] == ["PL301", "PL405"]


def test_exit_zero_does_not_hide_an_internal_failure():
    from peptide_lint import cli

    failure = Finding("entries/x.yaml", Span(1, 1, 1, 1), "PL900", "internal-error", Severity.ERROR, "bug")
    error = Finding("entries/x.yaml", Span(1, 1, 1, 2), "PL301", "dose-row-confidence", Severity.ERROR, "e")
    assert cli._exit_code(Report([error], 1), exit_zero=True) == 0
    assert cli._exit_code(Report([failure], 1), exit_zero=True) == 2


def _written(reporter, report) -> str:
    import io
    buffer = io.StringIO()
    reporter.write(report, buffer)
    return buffer.getvalue()


def test_a_text_report_written_to_a_file_follows_quiet_and_no_source(repo):
    dirty_repo(repo)
    run("check", "--output", "report.txt", "--quiet", cwd=repo)
    quiet = (repo / "report.txt").read_text()
    assert quiet == run("check", "--quiet", cwd=repo).stdout and " | " not in quiet
    run("check", "--output", "report.txt", cwd=repo)
    assert " | " in (repo / "report.txt").read_text()  # the source lines, without color codes
    assert "\x1b[" not in (repo / "report.txt").read_text()


def test_output_dash_is_the_terminal(repo):
    add_entry(repo, "testpeptide-z")
    result = run("check", "--format", "json", "--output", "-", cwd=repo)
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []
    assert not (repo / "-").exists()


def test_ci_formats_place_files_from_the_git_checkout_root(repo):
    content = repo / "content"
    content.mkdir()
    for name in ("schema", "entries"):
        (repo / name).rename(content / name)
    (repo / ".git").mkdir()  # the checkout holds the content repo in a subfolder
    add_entry(content, "testpeptide-z").write_text("slug: x\n")
    github = run("check", "--format", "github", cwd=content).stdout
    assert "file=content/entries/testpeptide-z.yaml" in github
    sarif = json.loads(run("check", "--format", "sarif", cwd=content).stdout)["runs"][0]
    location = sarif["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "content/entries/testpeptide-z.yaml"
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_markdown_shows_entry_text_as_text_never_as_markup():
    from peptide_lint.reporters.markdown import _cell

    assert _cell("Route | <b>x</b> [z](http://e) `c`") == "Route \\| &lt;b&gt;x&lt;/b&gt; \\[z\\](http://e) \\`c\\`"
    assert _cell('the citation "@doe-2001" #12') == 'the citation "@\u2060doe-2001" #\u206012'


def test_one_check_writes_every_report_named_with_its_format(repo):
    dirty_repo(repo)
    result = run("check", "--format", "github", "--output", "sarif:peptide-lint.sarif",
                 "-o", "markdown:summary.md", "-o", "junit.xml", "--no-cache", cwd=repo)
    assert result.returncode == 1
    # each report is what that format alone prints; FILE alone takes --format's, and the terminal then text
    for name, file_format in (("peptide-lint.sarif", "sarif"), ("summary.md", "markdown"), ("junit.xml", "github")):
        alone = run("check", "--format", file_format, "--no-cache", cwd=repo).stdout
        assert (repo / name).read_text(encoding="utf-8") == alone, name
    assert result.stdout == run("check", "--no-cache", cwd=repo).stdout
    only_named = run("check", "--format", "github", "-o", "json:report.json", cwd=repo)
    assert only_named.stdout == run("check", "--format", "github", cwd=repo).stdout  # the terminal keeps --format
    assert json.loads((repo / "report.json").read_text())["counts"]["errors"] == 1
    to_terminal = run("check", "-o", "json:-", "-o", "markdown:summary.md", cwd=repo)
    assert json.loads(to_terminal.stdout)["counts"]["errors"] == 1


def test_several_reports_come_from_one_check_that_reads_each_entry_once(repo, monkeypatch):
    from click.testing import CliRunner

    from peptide_lint import api, cli, pipeline

    dirty_repo(repo)
    checks, loads = [], []
    real_check, real_load = api.check_files, pipeline.load_file
    monkeypatch.setattr(api, "check_files", lambda *a, **k: checks.append(1) or real_check(*a, **k))
    monkeypatch.setattr(pipeline, "load_file", lambda path, *a: loads.append(path.name) or real_load(path, *a))
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli.cli, ["check", "--no-cache", "--jobs", "1", "--format", "github",
                                          *(f"--output={name}:report.{name}" for name in FORMATS)])
    assert result.exit_code == 1, result.output
    assert len(checks) == 1 and sorted(loads) == ["testpeptide-y.yaml", "testpeptide-z.yaml"]
    assert sorted(p.name for p in repo.glob("report.*")) == sorted(f"report.{name}" for name in FORMATS)


def test_a_report_that_cannot_be_written_does_not_stop_the_others(repo):
    add_entry(repo, "testpeptide-z")
    result = run("check", "-o", "json:no/such/folder/report.json", "-o", "sarif:report.sarif", cwd=repo)
    assert result.returncode == 2 and "cannot write no/such/folder/report.json" in result.stderr
    assert json.loads((repo / "report.sarif").read_text())["version"] == "2.1.0"
    assert result.stdout == "All clear: no findings in 1 file.\n"


def test_a_file_that_cannot_be_read_is_named_as_not_checked_in_every_summary(repo, sarif_validator):
    add_entry(repo, "testpeptide-z")
    add_entry(repo, "testpeptide-y", BASE_ENTRY.read_text(encoding="utf-8")
              .replace("slug: testpeptide-z", "slug: testpeptide-y").replace("class: ", "class:"))
    reason = "YAML cannot read it, so the schema and content rules did not run"
    text = run("check", "--no-source", cwd=repo).stdout
    assert ("1 error, 0 warnings in 1 of 2 files; 1 file could not be read as an entry, so its content was not "
            f"checked:\n  entries/testpeptide-y.yaml: {reason}\nFix the errors above and check again.\n") in text
    report = json.loads(run("check", "--format", "json", cwd=repo).stdout)
    assert report["not_checked"] == [{"path": "entries/testpeptide-y.yaml", "reason": reason}]
    sarif = json.loads(run("check", "--format", "sarif", cwd=repo).stdout)
    assert not list(sarif_validator.iter_errors(sarif))
    assert sarif["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": [{
        "level": "warning", "message": {"text": f"entries/testpeptide-y.yaml was not checked: {reason}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "entries/testpeptide-y.yaml",
                                                                 "uriBaseId": "%SRCROOT%"}}}]}]}]
    markdown = run("check", "--format", "markdown", cwd=repo).stdout
    assert ("**1 file could not be read as an entry, so its content was not checked:**\n\n"
            f"- entries/testpeptide-y.yaml: {reason}\n") in markdown


def test_every_format_lists_the_safety_findings_a_comment_suppressed(repo, sarif_validator, junit_schema):
    entry = add_entry(repo, "testpeptide-z")
    reason = "the source's own words, quoted in its note"
    entry.write_text(entry.read_text().replace(
        "      frequency: rare\n", f"      frequency: rare and harmless  # peptide-lint: ignore[risk-played-down]"
                                    f" -- {reason}\n"))
    result = run("check", "-o", "json:r.json", "-o", "sarif:r.sarif", "-o", "junit:r.xml", "-o", "markdown:r.md",
                 "-o", "github:r.txt", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[1:] == [
        "1 safety finding suppressed by comments, for review:",
        f"  entries/testpeptide-z.yaml:45:18: PL408 risk-played-down, by the comment on line 45: {reason}"]
    listed = json.loads((repo / "r.json").read_text())["suppressed_safety"]
    assert [(s["code"], s["line"], s["comment_line"], s["reason"]) for s in listed] == [("PL408", 45, 45, reason)]
    sarif = json.loads((repo / "r.sarif").read_text())
    assert not list(sarif_validator.iter_errors(sarif))
    [suppressed] = sarif["runs"][0]["results"]
    assert suppressed["ruleId"] == "PL408"
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": reason}]
    root = _valid_junit(junit_schema, (repo / "r.xml").read_text(encoding="utf-8"))
    assert [s.get("message") for s in root.iter("skipped")] == [f"suppressed by a comment: {reason}"]
    # Each suite counts its skipped test cases; junit-10.xsd allows no such count on the root.
    assert [suite.get("skipped") for suite in root] == ["1"] and root.get("skipped") is None
    assert f"PL408 risk-played-down: {reason}" in (repo / "r.md").read_text()
    assert (repo / "r.txt").read_text().startswith(
        "::notice file=entries/testpeptide-z.yaml,line=45,col=18,endLine=45,endColumn=35,"
        "title=PL408 risk-played-down (suppressed)::suppressed by a comment: the source's own words")


def test_a_repo_can_forbid_suppressing_a_rule(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace(
        "      frequency: rare\n", "      frequency: rare and harmless  # peptide-lint: ignore[risk-played-down]"
                                  " -- the source's own words, quoted in its note\n"))
    (repo / "pyproject.toml").write_text('[tool.peptide-lint]\nunsuppressible = ["risk-played-down"]\n')
    assert run("check", "-q", cwd=repo).stdout.splitlines() == [
        'entries/testpeptide-z.yaml:45:18: PL408 [error] the frequency of serious risk "Synthetic rash" plays it '
        'down ("harmless")',
        "entries/testpeptide-z.yaml:45:37: PL020 [error] this repo's configuration lets no comment suppress "
        "risk-played-down (setting unsuppressible)"]
    # A check of other rules neither runs risk-played-down nor refuses the comment's suppression of it.
    assert run("check", "-q", "--select", "PL506", cwd=repo).stdout == ""
    (repo / "pyproject.toml").write_text('[tool.peptide-lint]\nunsuppressible = ["risk-played-dow"]\n')
    result = run("check", cwd=repo)
    assert result.returncode == 2 and "did you mean 'risk-played-down'?" in result.stderr
