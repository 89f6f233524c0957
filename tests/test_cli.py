"""The command line as users and CI meet it: output format, exit codes, usage errors, color."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casefiles import BASE_ENTRY, sibling_entry

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "peptide_lint", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120)


def add_entry(repo: Path, name: str, text: str | None = None) -> Path:
    path = repo / "entries" / f"{name}.yaml"
    path.write_text(text if text is not None else sibling_entry(name), encoding="utf-8")
    return path


def test_clean_repo_exits_0(repo):
    add_entry(repo, "testpeptide-z")
    result = run("check", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "All clear: no findings in 1 file.\n"
    assert result.stderr == ""


def test_findings_are_path_line_col_code_severity_message_then_source_and_hint(repo):
    add_entry(repo, "testpeptide-z")
    broken = add_entry(repo, "testpeptide-y")
    broken.write_text(broken.read_text().replace("      confidence: community\n", ""))
    result = run("check", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'entries/testpeptide-y.yaml:34:7: PL301 [error] dose row "Route" has no confidence label; '
        "add confidence: one of clinical, community, preclinical, none-established",
        "  34 |     - label: Route",
        "     |       ^",
        "     = hint: clinical: the dose was used in human studies (cite them); "
        "community: it rests on what users report; preclinical: used only in animals or cells (cite that "
        "work); none-established: no dose for people is known (give no amount)",
        "1 error, 0 warnings in 1 of 2 files.",
        "Run 'peptide-lint explain CODE' to learn more about a rule (here: PL301).",
    ]


def test_one_bad_file_does_not_stop_the_others_and_order_is_by_file_line_column(repo):
    add_entry(repo, "testpeptide-b", "slug: [unclosed\n")
    add_entry(repo, "testpeptide-a", "")
    good = add_entry(repo, "testpeptide-c")
    good.write_text(good.read_text().replace("evidence: clinical", "evidence: strong")
                    .replace("mechanism: >-", "mechansim: >-"))
    first = run("check", "--no-source", cwd=repo)
    headings = [line.split(" ")[0] for line in first.stdout.splitlines() if line.startswith("entries/")]
    assert headings == ["entries/testpeptide-a.yaml:1:1:", "entries/testpeptide-b.yaml:1:7:",
                        "entries/testpeptide-c.yaml:8:11:", "entries/testpeptide-c.yaml:17:1:"]
    assert first.returncode == 1
    assert run("check", "--no-source", cwd=repo).stdout == first.stdout


def test_warnings_alone_pass(repo, monkeypatch):
    from peptide_lint import cli
    from peptide_lint.findings import Severity
    from peptide_lint.results import Report
    from peptide_lint.findings import Finding, Span
    warning = Finding("entries/x.yaml", Span(1, 1, 1, 2), "PL999", "demo", Severity.WARNING, "a warning")
    report = Report([warning], 1)
    assert cli._exit_code(report) == 0


def test_named_paths_that_are_not_entries_are_findings(repo):
    add_entry(repo, "testpeptide-z")
    (repo / "entries" / "folder.yaml").mkdir()
    result = run("check", "--no-source", "entries/missing.yaml", "entries/folder.yaml", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == ["entries/folder.yaml:1:1: PL001 [error] this is a folder, not an entry file",
                                              "entries/missing.yaml:1:1: PL001 [error] there is no such file"]


def test_the_repo_folder_stands_for_its_entries_and_hidden_files_are_left_out(repo):
    add_entry(repo, "testpeptide-z")
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n")
    (repo / ".github").mkdir()
    (repo / ".github" / "ci.yml").write_text("on: push\n")
    (repo / "entries" / ".#testpeptide-z.yaml").write_text("an editor's lock file\n")
    for args in ((".",), (str(repo),), ("entries",), ()):
        result = run("check", *args, cwd=repo)
        assert (result.returncode, result.stdout) == (0, "All clear: no findings in 1 file.\n"), args


def test_an_entry_named_in_upper_case_is_reported_not_skipped(repo):
    add_entry(repo, "testpeptide-z").rename(repo / "entries" / "testpeptide-z.YAML")
    for flags in (("--no-cache",), (), ()):
        result = run("check", "--no-source", *flags, cwd=repo)
        assert (result.returncode, result.stdout.splitlines()[0]) == (1, "entries/testpeptide-z.YAML:1:1: PL001 [error] "
                                                                      'the file name ends in ".YAML": entries end in ".yaml", in lower case')


def test_the_repo_reached_through_a_symlink_stands_for_its_entries_too(repo, tmp_path_factory):
    add_entry(repo, "testpeptide-z")
    (repo / "ci").mkdir()
    (repo / "ci" / "workflow.yaml").write_text("on: push\n")
    link = tmp_path_factory.mktemp("elsewhere") / "repolink"
    link.symlink_to(repo)
    result = run("check", "--no-cache", str(link), cwd=repo)
    assert (result.returncode, result.stdout) == (0, "All clear: no findings in 1 file.\n")


def test_the_repo_folder_without_entries_is_a_usage_error(repo):
    (repo / "entries").rmdir()
    for args in ((), (".",)):
        result = run("check", *args, cwd=repo)
        assert result.returncode == 2 and "has no entries/ folder" in result.stderr, args


def test_an_empty_entries_folder_is_not_all_clear(repo):
    result = run("check", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "Nothing to check: no entry files (.yaml or .yml) were found.\n")


@pytest.mark.parametrize("args, message", [
    (("check", "schema"), "schema holds no entry files (.yaml or .yml)"),
    (("check", "--output", ""), "--output needs a file name"),
    (("check", "--output", "json:"), "--output json: needs a file name after the colon"),
    (("check", "-o", "sarif:ok.sarif", "-o", "xml:r.xml"), "there is no format 'xml'; the formats are github, json,"),
    (("check", "-o", "r.json", "-o", "json:./r.json"), "--output r.json and --output json:./r.json both write to the same file"),
    (("check", "-o", "-", "-o", "sarif:-"), "both write to the terminal"),
    (("check", "-o", "markdown:entries"), "--output markdown:entries: entries is a folder"),
    (("check", "--colour"), "No such option"),
    (("check", "--color", "sometimes"), "'sometimes' is not one of"),
    (("explain", "claim-without-citatoin"), "did you mean claim-without-citation?"),
    (("explain", "PL2O1"), "did you mean PL201?"),  # a letter O for the zero
    (("explain", "hype"), "did you mean hype-words?"),  # the first word of a name
    (("check", "--jobs", "abc"), "'abc' is not a number of processes: give a whole number, 1 or more"),
    (("check", "-j", "0"), "'0' is not a number of processes"),
    (("frobnicate",), "No such command"),
])
def test_usage_problems_exit_2_with_one_line(repo, args, message):
    result = run(*args, cwd=repo)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in repo.iterdir()) == ["entries", "schema"]  # nothing ran, nothing was written


def test_outside_a_content_repo_is_a_usage_error(tmp_path):
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no content repo here" in result.stderr


def test_a_schema_that_reaches_outside_is_a_usage_error(repo):
    schema = repo / "schema" / "entry.schema.json"
    data = json.loads(schema.read_text())
    data["properties"]["name"] = {"$ref": "https://example.invalid/name.json", "title": "t", "description": "d"}
    schema.write_text(json.dumps(data))
    add_entry(repo, "testpeptide-z")
    result = run("check", cwd=repo)
    assert result.returncode == 2
    assert "only references inside the schema file" in result.stderr


def test_an_internal_error_in_one_rule_is_a_finding_and_exit_2(repo, monkeypatch):
    from click.testing import CliRunner
    from peptide_lint import cli, registry
    from peptide_lint.findings import Severity
    from peptide_lint.rules.base import Rule

    def explode(document, context):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    broken = Rule("PL999", "explodes", Severity.ERROR, "test", "doc", explode)
    monkeypatch.setattr(registry, "RULES", registry.RULES + (broken,))
    add_entry(repo, "testpeptide-z")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli.cli, ["check", "--no-source"])
    assert result.exit_code == 2
    assert "entries/testpeptide-z.yaml:1:1: PL900 [error] the explodes check failed on this file: " \
           "RuntimeError: boom" in result.output


def test_color_only_on_a_terminal_and_never_with_no_color(repo):
    add_entry(repo, "testpeptide-z", "slug: [\n")
    assert not ANSI.search(run("check", cwd=repo).stdout)
    assert ANSI.search(run("check", "--color", "always", cwd=repo).stdout)
    assert ANSI.search(_run_on_tty(repo, {}))
    assert not ANSI.search(_run_on_tty(repo, {"NO_COLOR": "1"}))


def _run_on_tty(repo: Path, env: dict) -> str:
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    process = subprocess.Popen([sys.executable, "-m", "peptide_lint", "check"], cwd=repo, env=environment,
                               stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def test_rules_lists_every_rule_and_explain_prints_the_documentation(repo):
    from peptide_lint import registry
    listing = run("rules", cwd=repo).stdout
    for rule in registry.RULES:
        assert re.search(rf"^{rule.code}  {re.escape(rule.name)} ", listing, re.MULTILINE)
    explained = run("explain", "PL201", cwd=repo)
    assert explained.returncode == 0
    for heading in ("## What it does", "## Why it matters", "## Example", "## Instead"):
        assert heading in explained.stdout
    assert run("explain", "claim-without-citation", cwd=repo).stdout == explained.stdout
    assert run("rule", "PL201", cwd=repo).stdout == explained.stdout  # as `ruff rule X`
    assert "\n  rule " not in run("--help", cwd=repo).stdout  # (one command, listed once)


def test_help_explains_the_exit_codes(repo):
    result = run("check", "--help", cwd=repo)
    assert result.returncode == 0
    assert "Exit codes" in result.stdout and "NO_COLOR" in result.stdout


def test_paths_may_be_files_or_folders_and_display_relative_to_the_current_folder(repo):
    add_entry(repo, "testpeptide-z", "")
    result = run("check", "testpeptide-z.yaml", cwd=repo / "entries")
    assert result.stdout.startswith("testpeptide-z.yaml:1:1: PL007")
    result = run("check", "entries", cwd=repo)
    assert result.stdout.startswith("entries/testpeptide-z.yaml:1:1: PL007")


def test_no_arguments_prints_the_help(repo):
    result = run(cwd=repo)
    assert result.returncode == 0 and result.stdout.startswith("Usage: peptide-lint")
    assert "peptide-lint check" in result.stdout and result.stderr == ""


def test_the_slug_hint_offers_renaming_the_file_only_to_a_valid_free_name(repo):
    entry = add_entry(repo, "testpeptide-z")
    add_entry(repo, "testpeptide-y")
    hints = {}
    for slug in ("Testpeptide Q", "testpeptide-y", "testpeptide-q"):
        entry.write_text(entry.read_text().replace(entry.read_text().splitlines()[2], f"slug: {slug}"))
        output = run("check", "entries/testpeptide-z.yaml", cwd=repo).stdout
        hints[slug] = next(line for line in output.splitlines() if "hint: write slug" in line).split("hint: ")[1]
    assert hints == {"Testpeptide Q": "write slug: testpeptide-z", "testpeptide-y": "write slug: testpeptide-z",
                     "testpeptide-q": "write slug: testpeptide-z, or rename the file to testpeptide-q.yaml"}


def test_a_file_that_is_not_yaml_is_not_read_as_an_entry(repo):
    add_entry(repo, "testpeptide-z")
    (repo / "README.md").write_text("# Notes\n\nslug: not-an-entry\n")
    result = run("check", "--no-source", "README.md", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "README.md:1:1: PL001 [error] this is not an entry file: entries are .yaml files"


def test_explain_a_code_family_lists_its_rules(repo):
    result = run("explain", "PL3", cwd=repo)
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines and all(line.startswith("PL3") for line in lines)
    assert any("dose-row-confidence" in line for line in lines)


def test_version_says_which_parser_reads_yaml(tmp_path):
    out = run("--version", cwd=tmp_path).stdout
    assert out.startswith("peptide-lint, version 0.1.0 (YAML: ruamel.yaml 0.") and "read by ruamel.yaml.clib's C parser" in out
    out = run("--version", cwd=tmp_path, env={"PEPTIDE_LINT_YAML_ROUTE": "public"}).stdout
    assert out.endswith("read by ruamel.yaml's own loader)\n")


def _with_stdout_closed(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command with its output read by a reader that has already gone (as `| head -0` would)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "peptide_lint", *args], cwd=cwd, stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)


def test_a_reader_that_goes_away_loses_no_report_file_and_no_exit_code(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().replace("  Nothing is stacked with it.\n", "  It cures arthritis.\n"))
    result = _with_stdout_closed("check", "--output", "json:report.json", cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert [f["code"] for f in json.loads((repo / "report.json").read_text())["findings"]] == ["PL404"]
    assert _with_stdout_closed("check", "--diff", cwd=repo).returncode == 0  # nothing to fix here
    add_entry(repo, "testpeptide-z")
    assert _with_stdout_closed("check", cwd=repo).returncode == 0  # the exit code is the check's, not the pipe's
    listing = _with_stdout_closed("rules", cwd=repo)
    assert listing.returncode == 1 and listing.stderr == ""  # click's way: the output was not all read


def test_the_command_ends_its_process_with_exit_handlers_run_and_output_flushed(repo):
    """cli.main ends the process without Python's slow teardown: what is registered to run at exit
    still runs, every line of a long report is written, and the exit code is the check's."""
    for number in range(40):
        name = f"testpeptide-{number:02d}"
        add_entry(repo, name, sibling_entry(name).replace("Nothing is stacked with it.", "It cures arthritis."))
    probe = ("import atexit, sys; sys.argv = ['peptide-lint', 'check', '--no-cache']\n"
             "atexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
             "from peptide_lint.cli import main\nmain()\nprint('not reached')")
    result = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.endswith("exit handler ran\n")
    assert "not reached" not in result.stdout
    assert result.stdout.count(" PL404 ") == 40 and "in 40 of 40 files." in result.stdout.splitlines()[-2]


def test_a_profiler_around_the_command_still_gets_its_report(repo, tmp_path):
    """Under a profiler (or a tracer, a debugger, coverage) the command exits the usual way, so that
    what reports at the program's end still does."""
    add_entry(repo, "testpeptide-z")
    profile = tmp_path / "check.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "peptide_lint", "check"],
                            cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0 and profile.stat().st_size > 0
