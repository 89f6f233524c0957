"""The result cache changes how fast a check is, never what it reports."""

from __future__ import annotations

import pytest

from test_cli import add_entry, run
from test_config import write_config


def test_a_warm_run_reports_exactly_what_a_cold_run_did(repo):
    add_entry(repo, "testpeptide-z")
    broken = add_entry(repo, "testpeptide-y")
    broken.write_text(broken.read_text().replace("      confidence: community\n", ""))
    cold = run("check", cwd=repo)
    assert (repo / ".peptide-lint-cache" / "results.sqlite3").is_file()
    warm = run("check", cwd=repo)
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert "PL301" in warm.stdout and "34 |     - label: Route" in warm.stdout


def test_an_edit_a_rename_or_a_new_setting_is_checked_afresh(repo):
    entry = add_entry(repo, "testpeptide-z")
    assert run("check", cwd=repo).returncode == 0
    entry.write_text(entry.read_text().replace("  Nothing is stacked with it.\n", "  3 users stack it.\n"))
    assert "PL201" in run("check", "--no-source", cwd=repo).stdout
    write_config(repo, 'ignore = ["claim-without-citation"]\n')
    assert run("check", "--no-source", cwd=repo).returncode == 0
    entry.rename(repo / "entries" / "testpeptide-q.yaml")
    assert "PL501" in run("check", "--no-source", cwd=repo).stdout


def test_no_cache_writes_nothing_and_a_damaged_cache_is_ignored(repo):
    add_entry(repo, "testpeptide-z")
    assert run("check", "--no-cache", cwd=repo).returncode == 0
    assert not (repo / ".peptide-lint-cache").exists()
    (repo / ".peptide-lint-cache").mkdir()
    (repo / ".peptide-lint-cache" / "results.sqlite3").write_bytes(b"this is not a database")
    result = run("check", cwd=repo)
    assert result.returncode == 0 and result.stderr == ""


def test_parallel_runs_serve_cached_results_themselves_and_report_the_same(repo, monkeypatch):
    import multiprocessing

    from peptide_lint.api import Project

    paths = [add_entry(repo, f"testpeptide-{letter}{second}") for letter in "abcd" for second in "abcdefghij"]

    def findings(jobs: int, cache: bool) -> list:
        return Project.open(repo, cwd=repo, jobs=jobs, cache=cache).check().findings

    def without_workers(patch) -> None:
        patch.setattr(multiprocessing, "get_context", lambda *_: pytest.fail("started workers"))

    def edit(some: list) -> None:
        for path in some:
            path.write_text(path.read_text().replace("  Nothing is stacked with it.\n", "  3 users stack it.\n"))

    cache = True
    assert findings(2, cache) == findings(1, False) == []  # a cold cache: 40 files for the workers
    with monkeypatch.context() as patch:
        without_workers(patch)
        assert findings(2, cache) == []  # every result from the cache, served here
    edit(paths[:35])  # 35 changed files: enough for workers again
    expected = findings(1, False)
    assert len(expected) == 35 and findings(2, cache) == expected
    edit(paths[35:38])  # 3 changed files: checked here
    with monkeypatch.context() as patch:
        without_workers(patch)
        assert findings(2, cache) == findings(1, False) and len(findings(1, False)) == 38


def test_a_result_is_stored_for_the_bytes_it_was_computed_from(repo, monkeypatch):
    """An editor saving while a run is under way must not get the new text's result stored under
    the key of the text the run looked up (reverting the file would then serve it): a run reads each
    file once, and keys, checks and stores those very bytes."""
    from pathlib import Path

    from peptide_lint.api import Project

    entry = add_entry(repo, "testpeptide-z")
    clean = entry.read_text()
    entry.write_text(clean.replace("  Nothing is stacked with it.\n", "  3 users stack it.\n"))
    reads, real_read = [], Path.read_bytes

    def read_then_save(path):
        if path == entry:
            reads.append(path)
            data = real_read(path)
            entry.write_text(clean)  # saved meanwhile, just after the run read it
            return data
        return real_read(path)

    project = Project.open(repo, cwd=repo)
    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", read_then_save)
        assert [f.code for f in project.check().findings] == ["PL201"]  # the text the run read
    assert len(reads) == 1
    assert project.check().findings == []  # the saved text's own result, not the one stored for the old

