"""The stored repo index changes how fast a run on a few files is, never what it reports.

Each test compares a cached run on one named entry with a run without the cache, while the other
entries (read only for the index) change between runs.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
import time
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peptide_lint.discover import ENTRY_SUFFIXES, is_entry_name
from test_cli import add_entry, run

STORE = (".peptide-lint-cache", "results.sqlite3")


def both_ways(repo, *paths: str) -> str:
    """The output of a cached run, asserted equal to the output without the cache."""
    fresh = run("check", "--no-source", "--no-cache", *paths, cwd=repo)
    cached = run("check", "--no-source", *paths, cwd=repo)
    assert (cached.returncode, cached.stdout, cached.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
    return cached.stdout


def age(path, seconds: int = 60) -> None:
    """Date a file back, as an entry edited a while ago is (recent files are always re-read)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def with_related(path, *slugs: str) -> None:
    text = path.read_text(encoding="utf-8")
    block = "related:\n" + "".join(f"  - {slug}\n" for slug in slugs)
    path.write_text(text.replace("sources:\n", block + "sources:\n", 1), encoding="utf-8")


@pytest.fixture
def three(repo):
    """Entries a, b, c, aged; a lists b as related; a and c list the same work, b another one."""
    paths = [add_entry(repo, f"testpeptide-{letter}") for letter in "abc"]
    with_related(paths[0], "testpeptide-b")
    paths[1].write_text(paths[1].read_text().replace('pmid: "12345"', 'pmid: "23456"'))
    for path in paths:
        age(path)
    return paths


def test_a_named_entry_sees_changes_to_entries_it_does_not_name(repo, three):
    a, b, c = three
    assert both_ways(repo, "entries/testpeptide-a.yaml").startswith("All clear")
    assert both_ways(repo, "entries/testpeptide-a.yaml").startswith("All clear")  # the store is warm now

    b.write_text(b.read_text().replace("name: Testpeptide-b", "name: Testpeptide-a"))
    age(b)  # an edit whose stat the store has not seen: it must notice by size and time
    assert "PL505" in both_ways(repo, "entries/testpeptide-a.yaml")

    b.unlink()
    out = both_ways(repo, "entries/testpeptide-a.yaml")
    assert "PL505" not in out and 'related peptide "testpeptide-b" has no entry' in out

    c.rename(repo / "entries" / "testpeptide-b.yaml")  # c is b now, by file name; its slug is still c
    assert 'related peptide "testpeptide-b"' in both_ways(repo, "entries/testpeptide-a.yaml")
    d = add_entry(repo, "testpeptide-d")
    d.write_text(d.read_text().replace("slug: testpeptide-d", "slug: testpeptide-b"))
    assert 'related peptide "testpeptide-b"' not in both_ways(repo, "entries/testpeptide-a.yaml")


def test_a_work_listed_differently_elsewhere_is_found_through_the_store(repo, three):
    a, b, c = three
    both_ways(repo, "entries/testpeptide-a.yaml")
    c.write_text(c.read_text().replace("title: A synthetic trial of Testpeptide-Z", "title: Another synthetic study"))
    age(c)
    out = both_ways(repo, "entries/testpeptide-a.yaml")
    assert "PL605" in out and "entries/testpeptide-c.yaml lists PMID 12345 with a different title" in out


def test_whole_repo_runs_fill_the_store_and_keep_their_output(repo, three):
    whole = both_ways(repo)
    assert whole == both_ways(repo)
    database = sqlite3.connect(repo.joinpath(*STORE))
    rows = dict(database.execute("SELECT path, slug FROM index_entries"))
    assert rows == {f"entries/testpeptide-{letter}.yaml": f"testpeptide-{letter}" for letter in "abc"}


def test_a_recently_changed_file_is_stored_to_be_read_again(repo, three):
    a, b, c = three
    os.utime(b)  # now
    both_ways(repo, "entries/testpeptide-a.yaml")
    database = sqlite3.connect(repo.joinpath(*STORE))
    stats = dict(database.execute("SELECT path, stat FROM index_entries"))
    assert stats["entries/testpeptide-b.yaml"] == b""
    assert struct.unpack("<qqqQ", stats["entries/testpeptide-c.yaml"])[1] == os.stat(c).st_mtime_ns


@pytest.fixture
def a_and_b_share_a_name(repo, three):
    """The store is warm, and b has a's name: the expected output (PL505) of checking a."""
    a, b, c = three
    b.write_text(b.read_text().replace("name: Testpeptide-b", "name: Testpeptide-a"))
    age(b)
    expected = both_ways(repo, "entries/testpeptide-a.yaml")
    assert "PL505" in expected
    return expected


def test_a_foreign_table_in_the_store_falls_back_to_reading_every_entry(repo, a_and_b_share_a_name):
    database = sqlite3.connect(repo.joinpath(*STORE))
    with database:
        database.execute("DROP TABLE index_works")
        database.execute("CREATE TABLE index_works (something_else TEXT)")
    assert both_ways(repo, "entries/testpeptide-a.yaml") == a_and_b_share_a_name


def test_dates_in_a_cited_work_are_kept_as_written(repo, three):
    """A title YAML reads as a date once crashed the cache; it is compared as the text it is."""
    a, b, c = three
    b.write_text(b.read_text().replace('pmid: "23456"', 'pmid: "12345"'))
    for path in (a, b):
        path.write_text(path.read_text().replace("title: A synthetic trial of Testpeptide-Z", "title: 2001-02-03"))
        age(path)
    out = both_ways(repo, "entries/testpeptide-a.yaml")
    assert "PL103" in out and "PL605" in out  # a's date against c's title; b's date is a's too
    assert "entries/testpeptide-c.yaml lists PMID 12345 with a different title" in out
    assert json.loads(run("check", "--format", "json", cwd=repo).stdout)["counts"]["errors"] == 2


def test_an_edit_that_keeps_size_and_modification_time_is_noticed(repo, three):
    """Like `cp -p` or `touch -r`: only the change time tells."""
    a, b, c = three
    both_ways(repo, "entries/testpeptide-a.yaml")
    before = os.stat(b)
    b.write_text(b.read_text().replace("name: Testpeptide-b", "name: Testpeptide-a"))
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(b).st_size == before.st_size
    assert "PL505" in both_ways(repo, "entries/testpeptide-a.yaml")


def test_runs_with_other_settings_share_the_stored_index(repo, three):
    both_ways(repo, "entries/testpeptide-a.yaml")
    database = sqlite3.connect(repo.joinpath(*STORE))
    fingerprint = database.execute("SELECT value FROM index_meta WHERE key = 'fingerprint'").fetchone()
    run("check", "--select", "PL5", "entries/testpeptide-a.yaml", cwd=repo)
    assert database.execute("SELECT value FROM index_meta WHERE key = 'fingerprint'").fetchone() == fingerprint
    assert database.execute("SELECT count(*) FROM index_entries").fetchone() == (3,)


def test_a_store_taken_over_by_other_code_midway_is_not_trusted(repo, three):
    from peptide_lint.cache import ResultCache
    from peptide_lint.index import RepoIndex
    from peptide_lint.index_store import IndexStore

    from peptide_lint.config import Config
    from peptide_lint.schema import EntrySchema

    both_ways(repo, "entries/testpeptide-a.yaml")
    cache = ResultCache.for_run(repo, EntrySchema.load(repo / "schema" / "entry.schema.json"), Config())
    ours = cache.index_store(repo, repo)
    assert ours.refresh(repo / "entries") == []
    other = IndexStore(sqlite3.connect(repo.joinpath(*STORE)), "other code", repo, repo)
    assert other.refresh(repo / "entries") is not None  # it drops our rows
    assert ours.fill(RepoIndex(), []) is False


def test_a_file_named_only_yaml_is_no_entry_either_way(repo, three):
    (repo / "entries" / ".yaml").write_text((repo / "entries" / "testpeptide-a.yaml").read_text())
    both_ways(repo, "entries/testpeptide-a.yaml")
    assert "PL505" not in both_ways(repo, "entries/testpeptide-a.yaml")


@pytest.mark.parametrize("damage", ["not json", '[]', '{"slug": "x", "name": 7, "related": [], "works": []}',
                                    '{"slug": "x", "name": "x", "related": [], "works": [[["pmid"], "a", 1, 2, 3]]}'])
def test_a_damaged_row_of_any_shape_falls_back(repo, a_and_b_share_a_name, damage):
    database = sqlite3.connect(repo.joinpath(*STORE))
    with database:
        database.execute("UPDATE index_entries SET summary = ?", (damage,))
    assert both_ways(repo, "entries/testpeptide-a.yaml") == a_and_b_share_a_name


def test_index_files_outside_the_entries_folder_count_with_the_store_too(repo, three):
    from peptide_lint.api import Project

    elsewhere = repo / "drafts"
    elsewhere.mkdir()
    draft = elsewhere / "testpeptide-d.yaml"
    draft.write_text((repo / "entries" / "testpeptide-a.yaml").read_text().replace("slug: testpeptide-a", "slug: x"))

    def codes(cache: bool):
        project = Project.open(repo, cwd=repo, cache=cache)
        return sorted(f.code for f in project.check(["entries/testpeptide-a.yaml"], index_files=[draft]).findings)

    assert codes(False) == codes(True) == codes(True)
    assert "PL505" in codes(False)


@given(st.text(alphabet=".aylmYAML x", max_size=12))  # a file name, as every caller passes
def test_the_quick_entry_name_test_agrees_with_splitext(name):
    assert is_entry_name(name) == (os.path.splitext(name)[1] in ENTRY_SUFFIXES)


def test_a_missing_related_entry_is_matched_with_the_closest_stored_slug(repo, three):
    a, b, c = three
    both_ways(repo)
    # b shares nothing with a, so only the list of every slug can suggest it
    a.write_text(a.read_text().replace("  - testpeptide-b\n", "  - testpeptide-bx\n"))
    out = both_ways(repo, "entries/testpeptide-a.yaml")
    assert 'related peptide "testpeptide-bx" has no entry in this repo; did you mean "testpeptide-b"?' in out


def test_a_stat_too_big_for_64_bits_is_stored_as_text():
    from peptide_lint.index_store import _pack

    huge = SimpleNamespace(st_size=42, st_mtime_ns=7, st_ctime_ns=8, st_ino=2**100)  # a 128-bit inode
    assert _pack(huge) == f"42 7 8 {2**100}".encode()
    assert len(_pack(os.stat(__file__))) == 32


@given(st.lists(st.sampled_from(["entries", "x.yaml", ".", "..", "", "a b", ".hidden.yaml"]), max_size=5),
       st.booleans())
def test_the_quick_store_key_agrees_with_the_full_path_arithmetic(tmp_path_factory, parts, absolute):
    from peptide_lint.index_store import IndexStore, _repo_path

    root = tmp_path_factory.getbasetemp() / "repo"
    path = os.path.join(str(root) if absolute else "", *parts) if parts else str(root)
    store = IndexStore(sqlite3.connect(":memory:"), "code", root, root)
    assert store._key(path) == _repo_path(path, root)


def test_an_entry_that_links_to_another_is_an_entry_of_its_own(repo, three):
    a, b, c = three
    b.unlink()
    b.symlink_to(a.name)  # entries/testpeptide-b.yaml -> testpeptide-a.yaml: the same slug twice
    age(a)
    both_ways(repo)
    assert "PL505" in both_ways(repo, "entries/testpeptide-a.yaml")


def test_a_checked_file_is_never_its_own_related_entry_through_its_stored_row(repo, three, tmp_path_factory):
    a, b, c = three
    both_ways(repo)
    # a changes its slug and names its old one as related: its stored row still holds the old slug
    a.write_text(a.read_text().replace("slug: testpeptide-a", "slug: testpeptide-q")
                 .replace("  - testpeptide-b\n", "  - testpeptide-a\n"))
    age(a)
    link = tmp_path_factory.mktemp("elsewhere") / "repolink"
    link.symlink_to(repo)  # named through a symlinked folder, the row of a is not written again
    out = both_ways(repo, str(link / "entries" / "testpeptide-a.yaml"))
    assert 'related peptide "testpeptide-a" has no entry' in out


def test_summaries_written_a_few_at_a_time_make_the_same_store(repo, three, monkeypatch):
    """A run writes what it read for the stored index in batches while it reads on (a big repo's
    first run): the store holds every entry, and a run from it reports what a run without it does."""
    from peptide_lint import executor
    from peptide_lint.api import Project

    monkeypatch.setattr(executor, "_STORE_EVERY", 1)
    a, b, c = three
    c.write_text(c.read_text().replace("title: A synthetic trial of Testpeptide-Z", "title: Another synthetic study"))
    age(c)
    batched = Project.open(repo, cwd=repo, jobs=1).check([a])
    rows = dict(sqlite3.connect(repo.joinpath(*STORE)).execute("SELECT path, slug FROM index_entries"))
    assert rows == {f"entries/testpeptide-{letter}.yaml": f"testpeptide-{letter}" for letter in "abc"}
    fresh = Project.open(repo, cwd=repo, jobs=1, cache=False).check([a])
    assert [f.code for f in batched.findings] == [f.code for f in fresh.findings] == ["PL605"]
    assert run("check", "--no-source", "entries/testpeptide-a.yaml", cwd=repo).stdout == \
        run("check", "--no-source", "--no-cache", "entries/testpeptide-a.yaml", cwd=repo).stdout
