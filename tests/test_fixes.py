"""Fixes through the command line and the library: --fix, --unsafe-fixes, --diff, passes, overlaps.

What each rule's fix writes is in its case file (`fixed:`); the properties every fix keeps, on
entries with many problems at once, are in test_fix_properties.py.
"""

from __future__ import annotations

from pathlib import Path

from casefiles import BASE_ENTRY, SCHEMA
from peptide_lint.api import Edit, Finding, Fix, Project
from peptide_lint.findings import Severity, Span
from peptide_lint.fixes import MAX_PASSES, apply_pass, fix_text
from test_cli import add_entry, run

MISSPELLED_KEY = ("mechanism:", "mechansim:")
HYPHEN_RANGE = ("standard_dose: 1–2 mg per day", "standard_dose: 1-2 mg per day")


def _entry(repo: Path, *edits: tuple[str, str]) -> Path:
    entry = add_entry(repo, "testpeptide-z")
    text = entry.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    entry.write_text(text, encoding="utf-8")
    return entry


def test_fix_applies_the_safe_fixes_and_says_how_many_guesses_it_left(repo):
    entry = _entry(repo, MISSPELLED_KEY, HYPHEN_RANGE)
    result = run("check", "--fix", "--no-source", cwd=repo)
    text = entry.read_text(encoding="utf-8")
    assert "standard_dose: 1–2 mg per day" in text and "mechansim:" in text
    assert result.stderr.splitlines() == ["fixed 1 finding in entries/testpeptide-z.yaml",
                                          "1 more fix is available with --unsafe-fixes (suggestions to review)"]
    assert result.returncode == 1 and "PL102" in result.stdout and "PL303" not in result.stdout


def test_unsafe_fixes_with_fix_apply_the_guesses_too(repo):
    entry = _entry(repo, MISSPELLED_KEY, HYPHEN_RANGE)
    result = run("check", "--fix", "--unsafe-fixes", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert result.stderr == "fixed 2 findings in entries/testpeptide-z.yaml\n"
    assert "mechanism:" in entry.read_text() and "1–2 mg" in entry.read_text()


def test_the_report_says_which_findings_a_fix_repairs(repo):
    entry = _entry(repo, MISSPELLED_KEY, HYPHEN_RANGE)
    before = entry.read_bytes()
    out = run("check", cwd=repo).stdout
    assert "= hint: write it as 1–2 mg (fixable: peptide-lint check --fix)" in out
    assert "(a suggested fix is available with --unsafe-fixes)" in out
    assert "1 fixable with 'peptide-lint check --fix' (1 more with --unsafe-fixes, suggestions to review)." in out
    # --unsafe-fixes alone offers the guesses, and changes nothing
    out = run("check", "--unsafe-fixes", cwd=repo).stdout
    assert "(a suggested fix, to review: peptide-lint check --fix --unsafe-fixes)" in out
    assert "2 fixable with 'peptide-lint check --fix --unsafe-fixes' (suggestions to review among them)." in out
    assert entry.read_bytes() == before


def test_diff_shows_what_fix_would_write_and_writes_nothing(repo):
    entry = _entry(repo, MISSPELLED_KEY, HYPHEN_RANGE)
    before = entry.read_bytes()
    result = run("check", "--diff", cwd=repo)
    assert result.returncode == 1 and entry.read_bytes() == before
    assert result.stdout.startswith("--- a/entries/testpeptide-z.yaml\n+++ b/entries/testpeptide-z.yaml\n@@ ")
    changed = [line for line in result.stdout.splitlines()[2:] if line[:1] in "+-"]
    assert changed == ["-standard_dose: 1-2 mg per day", "+standard_dose: 1–2 mg per day"]
    assert result.stderr.splitlines() == ["would fix 1 finding in entries/testpeptide-z.yaml",
                                          "1 more fix is available with --unsafe-fixes (suggestions to review)"]
    unsafe = run("check", "--diff", "--unsafe-fixes", cwd=repo)
    assert [line for line in unsafe.stdout.splitlines()[2:] if line[:1] in "+-"] == [
        "-standard_dose: 1-2 mg per day", "+standard_dose: 1–2 mg per day", "-mechansim: >-", "+mechanism: >-"]
    assert entry.read_bytes() == before


def test_diff_of_a_clean_entry_is_empty_and_passes(repo):
    add_entry(repo, "testpeptide-z")
    result = run("check", "--diff", cwd=repo)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "Nothing to fix: --fix would change nothing.\n")


def test_diff_marks_a_last_line_without_a_line_break(repo):
    entry = add_entry(repo, "testpeptide-z")
    entry.write_text(entry.read_text().rstrip("\n") + "\u200b", encoding="utf-8")
    out = run("check", "--diff", cwd=repo).stdout
    assert out.endswith("-    note: made-up user reports for tests\u200b\n\\ No newline at end of file\n"
                        "+    note: made-up user reports for tests\n\\ No newline at end of file\n")


def test_diff_with_fix_or_a_report_format_is_a_usage_error(repo):
    _entry(repo, HYPHEN_RANGE)
    for extra in (["--fix"], ["--format", "json"], ["-o", "report.txt"]):
        result = run("check", "--diff", *extra, cwd=repo)
        assert result.returncode == 2 and "--diff prints the changes --fix would make" in result.stderr
    assert not (repo / "report.txt").exists()


def test_fix_goes_on_in_passes_until_nothing_is_left_to_fix(repo):
    """The zero-width space stops the file from being checked; once it is gone, the hyphen range
    and the quoted year show, and are fixed in the same run."""
    original = add_entry(repo, "testpeptide-z").read_text(encoding="utf-8")
    entry = _entry(repo, ("name: Testpeptide-z\n", "name: Testpeptide-z\u200b\n"), HYPHEN_RANGE,
                   ("    year: 2001\n", '    year: "2001"\n'))
    assert [line.split()[1] for line in run("check", "--quiet", cwd=repo).stdout.splitlines()] == ["PL003"]
    result = run("check", "--fix", cwd=repo)
    assert result.returncode == 0 and result.stderr == "fixed 3 findings in entries/testpeptide-z.yaml\n"
    assert entry.read_text(encoding="utf-8") == original


def test_a_look_alike_space_in_a_file_with_invisible_characters_is_fixed_once_they_are_gone(tmp_path):
    """The line scan reads such a file without its invisible characters, so its places are not the
    file's: the look-alike space gets its fix in the next pass, from the places of the file then."""
    project = Project.of_schema(SCHEMA, tmp_path)
    text = BASE_ENTRY.read_text(encoding="utf-8")
    broken = text.replace("name: Testpeptide-Z\n", "name: Test\u200bpeptide-Z\n").replace(
        "      confidence: community\n", "  \u00a0   confidence: community\n")
    first = {f.code: f.fix for f in project.check_text(broken, tmp_path / BASE_ENTRY.name)}
    assert first["PL003"] is not None and first["PL014"] is None
    assert project.fix_text(broken, tmp_path / BASE_ENTRY.name).text == text


def test_a_buffer_is_fixed_through_the_library_as_the_command_line_fixes_a_file(repo):
    project = Project.open(repo, cwd=repo)
    text = add_entry(repo, "testpeptide-z").read_text()
    broken = text.replace(*MISSPELLED_KEY).replace(*HYPHEN_RANGE)
    safe = project.fix_text(broken, "entries/testpeptide-z.yaml")
    assert (safe.text, safe.applied, safe.unsafe_left) == (text.replace(*MISSPELLED_KEY), 1, 1)
    every = project.fix_text(broken, "entries/testpeptide-z.yaml", unsafe=True)
    assert (every.text, every.applied, every.unsafe_left) == (text, 2, 0)


def _fix(title: str, *edits: tuple[int, int, str, str], safe: bool = True) -> Fix:
    return Fix(title, tuple(Edit(*edit) for edit in edits), safe)


def test_a_fix_is_applied_whole_or_not_at_all_and_an_overlapping_one_waits():
    text = "abcdef"
    first = _fix("ab to AB", (0, 2, "AB", "ab"))
    overlapping = _fix("bc to BC", (1, 3, "BC", "bc"))
    stale = _fix("de to DE and f to F", (3, 5, "DE", "de"), (5, 6, "F", "x"))  # f no longer reads x
    insert_twice = _fix("insert at 6", (6, 6, "!", "")), _fix("insert at 6 too", (6, 6, "?", ""))
    assert apply_pass(text, [overlapping, first, stale, *insert_twice]) == ("ABcdef!", 2)


def test_a_safe_fix_goes_before_an_unsafe_one_that_overlaps_it():
    guess = _fix("a guess", (0, 3, "xyz", "abc"), safe=False)
    exact = _fix("exact", (2, 4, "CD", "cd"))
    assert apply_pass("abcd", [guess, exact]) == ("abCD", 1)


def test_passes_are_bounded_when_fixes_undo_each_other():
    def finding(fix: Fix) -> Finding:
        return Finding("x.yaml", Span(1, 1, 1, 2), "PL999", "test", Severity.ERROR, "m", fix=fix)
    to_b, to_a = (finding(_fix("flip", (0, 1, new, old))) for old, new in (("a", "b"), ("b", "a")))
    checks = []

    def recheck(text: str) -> list[Finding]:
        checks.append(text)
        return [to_b if text == "a" else to_a]
    fixed = fix_text("a", [to_b], recheck)
    assert len(checks) == MAX_PASSES and fixed.applied == MAX_PASSES


def test_a_buffer_outside_a_content_repo_is_fixed_the_same_way(tmp_path):
    """Project.fix_text on a tool's folder of entries, with the default settings."""
    project = Project.of_schema(SCHEMA, tmp_path)
    text = BASE_ENTRY.read_text(encoding="utf-8")
    fixed = project.fix_text(text.replace("1–2 mg", "1-2 mg"), tmp_path / BASE_ENTRY.name)
    assert fixed.text == text and fixed.applied == 2


def test_diff_says_when_a_file_could_not_be_checked(repo):
    missing = run("check", "--diff", "entries/testpeptide-q.yaml", cwd=repo)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("peptide-lint: entries/testpeptide-q.yaml: it could not be opened")
    broken = add_entry(repo, "testpeptide-b", "slug: testpeptide-b\nname: [\n")
    result = run("check", "--diff", str(broken.relative_to(repo)), cwd=repo)
    assert result.returncode == 1 and "YAML cannot read it" in result.stderr


# A draft YAML cannot read until its tab and its curly quotes are fixed; then its year and range are.
UNREADABLE_UNTIL_FIXED = (("      value: Subcutaneous\n", "\t  value: Subcutaneous\n"),
                          ("    year: 2001\n", '    year: "2001"\n'), HYPHEN_RANGE,
                          ("    title: A synthetic trial of Testpeptide-Z\n",
                           "    title: “Testpeptide-Z: a synthetic trial”\n"))


def test_diff_speaks_of_the_file_as_its_fixes_leave_it(repo):
    entry = _entry(repo, *UNREADABLE_UNTIL_FIXED)
    readable = run("check", "--diff", "entries/testpeptide-z.yaml", cwd=repo)
    assert readable.returncode == 1
    assert '+    year: 2001' in readable.stdout and "+standard_dose: 1–2 mg per day" in readable.stdout
    assert readable.stderr == "would fix 4 findings in entries/testpeptide-z.yaml\n"  # no "YAML cannot read it"
    entry.write_text(entry.read_text().replace("\t  value: Subcutaneous", "\tvalue: Subcutaneous"))  # 2, 4 or 8?
    unreadable = run("check", "--diff", "entries/testpeptide-z.yaml", cwd=repo)
    assert unreadable.returncode == 1 and "+    title: \"Testpeptide-Z: a synthetic trial\"" in unreadable.stdout
    assert unreadable.stderr.splitlines()[1:] == [
        "peptide-lint: entries/testpeptide-z.yaml: even after these fixes, YAML cannot read it, so the schema and "
        "content rules did not run; 'peptide-lint check entries/testpeptide-z.yaml' says what is wrong"]


def test_fix_speaks_of_the_file_as_its_fixes_left_it(repo):
    entry = _entry(repo, *UNREADABLE_UNTIL_FIXED)
    readable = run("check", "--fix", "entries/testpeptide-z.yaml", cwd=repo)
    assert (readable.returncode, readable.stdout) == (0, "All clear: no findings in 1 file.\n")
    assert "\t" not in entry.read_text() and "    year: 2001\n" in entry.read_text()
    entry.write_text(entry.read_text().replace("      value: Subcutaneous", "\tvalue: Subcutaneous"))
    unreadable = run("check", "--fix", "--no-source", "entries/testpeptide-z.yaml", cwd=repo)
    assert unreadable.returncode == 1 and "PL004" in unreadable.stdout
    assert "entries/testpeptide-z.yaml: YAML cannot read it" in unreadable.stdout
