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

    from peptide_lint.cache import ResultCache
    from peptide_lint.discover import entry_files
    from peptide_lint.pipeline import check_files
    from peptide_lint.schema import EntrySchema

    paths = [add_entry(repo, f"testpeptide-{letter}{second}") for letter in "abcd" for second in "abcdefghij"]
    schema = EntrySchema.load(repo / "schema" / "entry.schema.json")

    def findings(jobs: int, cache: ResultCache | None) -> list:
        files = entry_files([repo / "entries"])
        report = check_files(files, schema, repo, repo_root=repo, index_dir=repo / "entries", jobs=jobs, cache=cache)
        return report.findings

    def without_workers(patch) -> None:
        patch.setattr(multiprocessing, "get_context", lambda *_: pytest.fail("started workers"))

    def edit(some: list) -> None:
        for path in some:
            path.write_text(path.read_text().replace("  Nothing is stacked with it.\n", "  3 users stack it.\n"))

    cache = ResultCache(repo, "test")
    assert findings(2, cache) == findings(1, None) == []  # a cold cache: 40 files for the workers
    with monkeypatch.context() as patch:
        without_workers(patch)
        assert findings(2, cache) == []  # every result from the cache, served here
    edit(paths[:35])  # 35 changed files: enough for workers again
    expected = findings(1, None)
    assert len(expected) == 35 and findings(2, cache) == expected
    edit(paths[35:38])  # 3 changed files: checked here
    with monkeypatch.context() as patch:
        without_workers(patch)
        assert findings(2, cache) == findings(1, None) and len(findings(1, None)) == 38


def test_a_result_is_stored_for_the_bytes_it_was_computed_from(repo):
    # An editor saving while a run is under way must not get the new text's result stored under
    # the key of the text the run looked up (reverting the file would then serve it).
    from peptide_lint.cache import ResultCache
    from peptide_lint.config import Config
    from peptide_lint.index import RepoIndex
    from peptide_lint.pipeline import _compute, _lookup
    from peptide_lint.rules.base import Context
    from peptide_lint.schema import EntrySchema

    entry = add_entry(repo, "testpeptide-z")
    clean = entry.read_text()
    entry.write_text(clean.replace("  Nothing is stacked with it.\n", "  3 users stack it.\n"))
    cache = ResultCache(repo, "test")
    task = ("entries/testpeptide-z.yaml", entry, True)
    cached, miss = _lookup(task, cache)
    assert cached is None and miss[1] == entry.read_bytes()
    entry.write_text(clean)  # saved meanwhile
    context = Context(schema=EntrySchema.load(repo / "schema" / "entry.schema.json"), config=Config(),
                      index=RepoIndex())
    result, key = _compute(task, miss, context, Config().rules(), cache)
    assert key == miss[0] and [f.code for f in result.findings] == ["PL201"]
