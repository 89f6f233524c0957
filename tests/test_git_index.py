"""Git's index as the pre-commit run reads it: the parser agrees with git, and a store that trusts it
reports exactly what a run without the cache reports, across what a commit can change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from peptide_lint import git_index
from test_cli import add_entry, run
from test_index_store import age

HOOK = {"PRE_COMMIT": "1"}  # what pre-commit sets for its hooks


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout


def staged_blobs(cwd: Path) -> dict[str, bytes]:
    found = {}
    for line in git(cwd, "ls-files", "-s").splitlines():
        meta, path = line.split("\t")
        mode, blob, stage = meta.split()
        if mode in ("100644", "100755") and stage == "0":
            found[path] = bytes.fromhex(blob)
    return found


@pytest.fixture
def tracked(tmp_path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "entries").mkdir()
    for number in range(40):
        (tmp_path / "entries" / f"peptide-{number}.yaml").write_text(f"slug: peptide-{number}\n")
    (tmp_path / "entries" / ("a-long-name-" + "n" * 120 + ".yaml")).write_text("slug: long\n")
    os.symlink("peptide-1.yaml", tmp_path / "entries" / "a-link.yaml")
    git(tmp_path, "add", "-A")
    return tmp_path


@pytest.mark.parametrize("version", ["2", "3", "4"])
def test_the_index_is_read_as_git_reads_it(tracked, version):
    git(tracked, "update-index", "--index-version", version)
    assert git_index.blob_ids(tracked) == staged_blobs(tracked)  # symlinks are left out on both sides
    entries = git_index.blob_ids(tracked / "entries")
    assert entries["peptide-7.yaml"] == git_index.blob_id((tracked / "entries" / "peptide-7.yaml").read_bytes())
    assert len(entries) == 41


def test_what_git_does_not_vouch_for_is_left_out(tracked):
    git(tracked, "update-index", "--index-version", "3")
    (tracked / "entries" / "new.yaml").write_text("slug: new\n")
    git(tracked, "add", "--intent-to-add", "entries/new.yaml")
    git(tracked, "update-index", "--skip-worktree", "entries/peptide-2.yaml")
    git(tracked, "update-index", "--assume-unchanged", "entries/peptide-3.yaml")
    found = git_index.blob_ids(tracked / "entries")
    assert not {"new.yaml", "peptide-2.yaml", "peptide-3.yaml"} & found.keys() and len(found) == 39


def test_an_index_it_cannot_read_is_no_answer(tracked, tmp_path_factory):
    git(tracked, "update-index", "--split-index")
    assert git_index.blob_ids(tracked) is None
    assert git_index.blob_ids(tmp_path_factory.mktemp("no-git")) is None
    git(tracked, "update-index", "--no-split-index")
    index = tracked / ".git" / "index"
    index.write_bytes(index.read_bytes()[:100])
    assert git_index.blob_ids(tracked) is None


def test_it_is_trusted_inside_a_pre_commit_hook_only():
    assert git_index.trusted({"PRE_COMMIT": "1"})
    assert not git_index.trusted({})
    assert not git_index.trusted({"PRE_COMMIT": "1", "PRE_COMMIT_FROM_REF": "HEAD~1"})  # no stash then
    assert not git_index.trusted({"PRE_COMMIT": "1", "PEPTIDE_LINT_GIT_INDEX": "0"})


def both_ways_in_the_hook(repo: Path, *paths: str) -> str:
    """A run as the hook makes it (git's index trusted, the store warm) equals a run without the cache."""
    fresh = run("check", "--no-source", "--no-cache", *paths, cwd=repo, env=HOOK)
    cached = run("check", "--no-source", *paths, cwd=repo, env=HOOK)
    assert (cached.returncode, cached.stdout, cached.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    return cached.stdout


@pytest.fixture
def content(repo) -> Path:
    git(repo, "init", "-q")
    for letter in "abcd":
        age(add_entry(repo, f"testpeptide-{letter}"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "entries")
    assert both_ways_in_the_hook(repo, "entries/testpeptide-a.yaml").startswith("All clear")
    return repo


def test_edits_renames_and_deletions_of_other_entries_are_seen(content):
    b, c, d = (content / "entries" / f"testpeptide-{letter}.yaml" for letter in "bcd")
    b.write_text(b.read_text().replace("name: Testpeptide-b\n", "name: Testpeptide-a\n"))  # staged edit
    git(content, "add", "-A")
    assert "PL505" in both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")
    git(content, "mv", "entries/testpeptide-c.yaml", "entries/testpeptide-e.yaml")
    git(content, "rm", "-q", "entries/testpeptide-d.yaml")
    out = both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")
    assert "testpeptide-e.yaml" not in out and "testpeptide-d" not in out
    del c, d


def test_untracked_entries_and_stashed_unstaged_changes_are_seen(content):
    draft = content / "entries" / "testpeptide-q.yaml"
    draft.write_text((content / "entries" / "testpeptide-b.yaml").read_text()
                     .replace("slug: testpeptide-b", "slug: testpeptide-q")
                     .replace("name: Testpeptide-b\n", "name: Testpeptide-a\n"))  # untracked: not in the index
    assert "PL505" in both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")
    draft.unlink()
    b = content / "entries" / "testpeptide-b.yaml"
    b.write_text(b.read_text().replace("name: Testpeptide-b\n", "name: Testpeptide-a\n"))  # not staged
    git(content, "stash", "push", "-q", "--keep-index")  # what pre-commit does with unstaged changes
    assert both_ways_in_the_hook(content, "entries/testpeptide-a.yaml").startswith("All clear")
    git(content, "stash", "pop", "-q")
    git(content, "add", "-A")
    assert "PL505" in both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")


def test_in_the_hook_a_touched_but_unchanged_entry_is_not_read_again(content):
    """The point of trusting the index: no stat of every entry, so a new modification time alone
    does not make the store read the file again."""
    from peptide_lint.cache import ResultCache
    from peptide_lint.config import Config
    from peptide_lint.schema import EntrySchema

    for path in (content / "entries").iterdir():
        os.utime(path)
    cache = ResultCache.for_run(content, EntrySchema.load(content / "schema" / "entry.schema.json"), Config())
    store = cache.index_store(content, content)
    os.environ.update(HOOK)
    try:
        assert store.refresh(content / "entries") == []
    finally:
        del os.environ["PRE_COMMIT"]
    assert len(cache.index_store(content, content).refresh(content / "entries")) == 4  # by their stat


def test_in_the_hook_the_entry_files_are_those_a_stat_walk_finds(tracked):
    """Without a stat of the tracked entries, the hook's listing still finds what a walk does: entries
    in subfolders (tracked or not), links to entries, and no hidden names, folders or other files."""
    from peptide_lint.cache import ResultCache
    from peptide_lint.config import Config
    from peptide_lint.schema import EntrySchema

    entries = tracked / "entries"
    (entries / "more" / "deeper").mkdir(parents=True)
    (entries / "more" / "deeper" / "peptide-deep.yaml").write_text("slug: peptide-deep\n")
    (entries / "more" / "peptide-untracked.yml").write_text("slug: peptide-untracked\n")
    (entries / ".hidden").mkdir()
    (entries / ".hidden" / "peptide-hidden.yaml").write_text("slug: peptide-hidden\n")
    (entries / ".peptide-dot.yaml").write_text("slug: peptide-dot\n")
    (entries / "notes.md").write_text("not an entry\n")
    (entries / "folder.yaml").mkdir()  # a folder named like an entry
    (entries / "folder.yaml" / "peptide-in-folder.yaml").write_text("slug: peptide-in-folder\n")
    os.symlink("more", entries / "linked-folder")  # a walk does not follow linked folders
    git(tracked, "add", "entries/more/deeper", "entries/notes.md", "-f", "entries/.peptide-dot.yaml")
    (tracked / "schema").mkdir()
    (tracked / "schema" / "entry.schema.json").write_text('{"type": "object"}')
    cache = ResultCache.for_run(tracked, EntrySchema.load(tracked / "schema" / "entry.schema.json"), Config())
    walked = cache.index_store(tracked, tracked)
    walked.refresh(entries)
    os.environ.update(HOOK)
    try:
        in_hook = cache.index_store(tracked, tracked)
        in_hook.refresh(entries)
    finally:
        del os.environ["PRE_COMMIT"]
    assert in_hook.files == walked.files
    assert {"entries/more/deeper/peptide-deep.yaml", "entries/more/peptide-untracked.yml", "entries/a-link.yaml",
            "entries/folder.yaml/peptide-in-folder.yaml"} <= set(in_hook.files)
    assert not any("hidden" in key or "dot" in key or "linked-folder" in key or key.endswith(".md")
                   for key in in_hook.files)


def test_in_the_hook_a_repo_git_tracks_nothing_of_is_compared_by_stat(repo):
    """A content repo in a folder of a checkout that tracks none of its files yet: git's index has
    nothing to vouch for, so every entry is compared by its stat, and edits and new entries are seen."""
    top = repo.parent / f"{repo.name}-top"
    top.mkdir()
    git(top, "init", "-q")
    (top / "README").write_text("the checkout's own file\n")
    git(top, "add", "README")
    content = top / "content"
    repo.rename(content)
    for letter in "ab":
        age(add_entry(content, f"testpeptide-{letter}"))
    assert both_ways_in_the_hook(content, "entries/testpeptide-a.yaml").startswith("All clear")
    b = content / "entries" / "testpeptide-b.yaml"
    b.write_text(b.read_text().replace("name: Testpeptide-b\n", "name: Testpeptide-a\n"))
    assert "PL505" in both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")
    b.write_text(b.read_text().replace("name: Testpeptide-a\n", "name: Testpeptide-b\n"))
    age(b)
    c = add_entry(content, "testpeptide-c")
    c.write_text(c.read_text().replace("name: Testpeptide-c\n", "name: Testpeptide-a\n"))
    assert "PL505" in both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")
    repo.mkdir()  # (the fixture's folder, for its clean-up)


def test_rows_stored_outside_the_hook_are_compared_by_stat_in_it_then_by_blob(content):
    """A check by hand stores rows without blob ids; the next hook run compares those by their stat
    (an entry edited and staged meanwhile is read again), and stores the blob ids of the others."""
    from peptide_lint.cache import ResultCache
    from peptide_lint.config import Config
    from peptide_lint.schema import EntrySchema

    assert run("check", "--no-source", "entries/testpeptide-a.yaml", cwd=content).stdout.startswith("All clear")
    b = content / "entries" / "testpeptide-b.yaml"
    b.write_text(b.read_text().replace("name: Testpeptide-b\n", "name: Testpeptide-a\n"))
    git(content, "add", "-A")
    assert "PL505" in both_ways_in_the_hook(content, "entries/testpeptide-a.yaml")
    cache = ResultCache.for_run(content, EntrySchema.load(content / "schema" / "entry.schema.json"), Config())
    for path in (content / "entries").iterdir():
        os.utime(path)
    os.environ.update(HOOK)
    try:
        assert cache.index_store(content, content).refresh(content / "entries") == []  # all vouched by blob now
    finally:
        del os.environ["PRE_COMMIT"]
