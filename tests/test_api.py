"""The library interface (peptide_lint.api): what the command line, a language server and the fixer use."""

from __future__ import annotations

from pathlib import Path

import pytest

from peptide_lint.api import Finding, NotARepo, Project, ProjectError
from test_cli import add_entry


def test_a_project_checks_every_entry_or_the_ones_named(repo):
    for letter in "ab":
        add_entry(repo, f"testpeptide-{letter}")
    project = Project.open(repo, cwd=repo)
    assert project.check().files == ["entries/testpeptide-a.yaml", "entries/testpeptide-b.yaml"]
    report = project.check(["entries/testpeptide-b.yaml"])
    assert (report.files, report.findings) == (["entries/testpeptide-b.yaml"], [])


def test_an_unsaved_buffer_is_checked_against_the_repo_and_its_fixes_are_text_edits(repo):
    entry = add_entry(repo, "testpeptide-a")
    add_entry(repo, "testpeptide-b")
    project = Project.open(repo, cwd=repo)
    project.check()  # the result cache and the stored repo index are warm
    buffer = entry.read_text().replace("name: Testpeptide-a\n", "name: Testpeptide-b\n") \
        .replace("      value: 1–2 mg per day", "      value: 1-2 mg per day")
    found = project.check_text(buffer, "entries/testpeptide-a.yaml")
    assert [(f.code, f.line, f.column) for f in found] == [
        ("PL505", 4, 7), ("PL510", 5, 12), ("PL305", 12, 16), ("PL303", 31, 15)]  # PL305: 1–2 is not 1-2
    duplicate, _, _, hyphen = found
    assert duplicate.message == 'the name "Testpeptide-b" is also used by entries/testpeptide-b.yaml'
    assert duplicate.hint and duplicate.span.end_column == 20
    edit, = hyphen.fix.edits  # offsets into the text, as an editor applies them
    assert buffer[edit.start:edit.end] == edit.original == "1-2" and hyphen.fix.safe
    fixed = buffer[:edit.start] + edit.replacement + buffer[edit.end:]
    assert [f.code for f in project.check_text(fixed, "entries/testpeptide-a.yaml")] == ["PL505", "PL510"]
    assert project.fix_text(buffer, "entries/testpeptide-a.yaml").text == fixed  # "fix all"
    assert project.check().findings == []  # the file on disk, and the stored index, are as they were


def test_a_buffer_for_a_file_not_written_yet(repo):
    add_entry(repo, "testpeptide-a")
    project = Project.open(repo, cwd=repo)
    text = (repo / "entries" / "testpeptide-a.yaml").read_text()
    found = project.check_text(text, repo / "entries" / "testpeptide-new.yaml")
    assert {f.code for f in found} >= {"PL501", "PL505"}  # the slug is not the file's name; a's name again


def test_what_cannot_be_checked_is_an_error_with_words_for_people(repo, tmp_path_factory):
    with pytest.raises(NotARepo, match="is not a content repo"):
        Project.open(tmp_path_factory.mktemp("elsewhere"))
    (repo / "pyproject.toml").write_text('[tool.peptide-lint]\nselect = ["no-such-rule"]\n')
    with pytest.raises(ProjectError, match="no rule is called 'no-such-rule'"):
        Project.open(repo)
    (repo / "pyproject.toml").unlink()
    (repo / "drafts").mkdir()
    with pytest.raises(ProjectError, match="holds no entry files"):
        Project.open(repo, cwd=repo).check(["drafts"])


def test_relative_paths_are_from_the_projects_folder_not_the_process_current_folder(repo, tmp_path_factory,
                                                                                      monkeypatch):
    entry = add_entry(repo, "testpeptide-a")
    add_entry(repo, "testpeptide-b")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    project = Project.open(str(repo))  # as the README's API section writes it, from anywhere
    report = project.check(["entries/testpeptide-a.yaml"])
    assert (report.files, report.findings, report.not_checked) == (["entries/testpeptide-a.yaml"], [], {})
    # An editor's unsaved text of an entry is that entry: never compared with its own saved file.
    assert project.check_text(entry.read_text(), "entries/testpeptide-a.yaml") == []
    assert project.check_text(entry.read_text(), repo / "entries" / ".." / "entries" / "testpeptide-a.yaml") == []
    # A folder given to the project (as the command line gives its own) is the one paths are from.
    inside = Project.open(repo, cwd=repo / "entries")
    assert inside.check(["testpeptide-a.yaml"]).files == ["testpeptide-a.yaml"]
    assert inside.check_text(entry.read_text(), "testpeptide-a.yaml") == []


def test_a_buffer_is_compared_with_other_entries_as_it_is_not_as_saved(repo):
    """Copied text is found in an unsaved buffer and placed at its line in the buffer: for a file not
    written yet, and for a saved file whose buffer has lines added above the copied sentence."""
    add_entry(repo, "testpeptide-a")
    b = add_entry(repo, "testpeptide-b")
    project = Project.open(repo, cwd=repo)
    copied_line = "  It is imagined to bind a Testpeptide-a receptor.\n"
    text = b.read_text().replace("  It is imagined to bind a Testpeptide-b receptor.\n", copied_line)
    line = text[:text.index(copied_line)].count("\n") + 1
    found = [(f.code, f.line) for f in project.check_text(text, "entries/testpeptide-b.yaml") if f.code == "PL509"]
    assert found == [("PL509", line)]
    moved = text.replace("mechanism: >-\n", "mechanism: >-\n  A first sentence of no interest at all.\n\n", 1)
    found = [(f.code, f.line) for f in project.check_text(moved, "entries/testpeptide-b.yaml") if f.code == "PL509"]
    assert found == [("PL509", line + 2)]
    b.unlink()  # a new file, not saved yet
    found = [(f.code, f.line) for f in project.check_text(text, "entries/testpeptide-new.yaml") if f.code == "PL509"]
    assert found == [("PL509", line)]


def test_a_buffer_with_a_byte_order_mark_is_fixed_and_keeps_it(repo):
    entry = add_entry(repo, "testpeptide-a")
    project = Project.open(repo, cwd=repo)
    text = entry.read_text().replace("      value: 1–2 mg per day", "      value: 1-2 mg per day")
    fixed = project.fix_text("\ufeff" + text, "entries/testpeptide-a.yaml")
    assert fixed.applied == 1 and fixed.text == "\ufeff" + entry.read_text()
    with pytest.raises(TypeError, match="not bytes"):
        project.check_text(text.encode(), "entries/testpeptide-a.yaml")


@pytest.mark.parametrize("one_path", ["entries/testpeptide-a.yaml", Path("entries/testpeptide-a.yaml")])
def test_one_path_where_a_list_is_wanted_is_a_type_error(repo, one_path):
    add_entry(repo, "testpeptide-a")
    project = Project.open(repo, cwd=repo)
    with pytest.raises(TypeError, match=r"write check\(\[path\]\)"):
        project.check(one_path)
    assert [f.name for f in project.entry_files([one_path])] == ["testpeptide-a.yaml"]


def test_an_unsaved_text_under_a_name_that_is_not_an_entrys_is_not_checked(repo):
    entry = add_entry(repo, "testpeptide-a")
    project = Project.open(repo, cwd=repo)
    for name, said in [("entries/notes.txt", "this is not an entry file"), ("entries/X.YAML", 'ends in ".YAML"')]:
        report = project.text_report(entry.read_text(), name)
        assert list(report.not_checked) == [name] and [f.code for f in report.findings] == ["PL001"]
        assert said in report.findings[0].message


def test_reports_of_the_same_check_are_equal(repo):
    add_entry(repo, "testpeptide-a")
    project = Project.open(repo, cwd=repo)
    first, second = project.check(), project.check()
    assert first == second and first.replaced(files_checked=2) != first
    assert repr(first) == "Report(0 findings in 1 file checked)"


def test_a_finding_reads_as_the_json_report_writes_it(repo):
    entry = add_entry(repo, "testpeptide-a")
    entry.write_text(entry.read_text().replace("      value: 1–2 mg per day", "      value: 1-2 mg per day"))
    findings = Project.open(repo, cwd=repo).check().findings
    finding = next(f for f in findings if f.code == "PL303")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == tuple(finding.span)
    assert f"{finding.code} [{finding.severity}]" == "PL303 [error]" and finding.severity == "error"
    assert sorted(reversed(findings), key=Finding.sort_key) == findings  # a report's order
    assert len(sorted([finding._replace(hint=None), finding], key=Finding.sort_key)) == 2  # (None and str: no error)


def test_a_report_copied_with_changes_after_its_source_root_was_worked_out(repo):
    add_entry(repo, "testpeptide-a")
    report = Project.open(repo, cwd=repo).check()
    assert report.source_root is None or report.source_root.is_dir()  # (cached on the report now)
    copied = report.replaced(files_checked=5)
    assert copied.files_checked == 5 and copied.files == report.files and copied != report
    assert copied.replaced(files_checked=report.files_checked) == report


def test_the_records_a_library_user_meets_are_exported_and_bytes_are_refused(repo):
    from peptide_lint import api
    from peptide_lint.fixes import FixedText

    assert api.FixedText is FixedText and "FixedText" in api.__all__
    with pytest.raises(AttributeError):
        api.NoSuchThing  # noqa: B018
    entry = add_entry(repo, "testpeptide-a")
    with pytest.raises(TypeError, match="not bytes"):
        Project.open(repo, cwd=repo).fix_text(entry.read_bytes(), "entries/testpeptide-a.yaml")
