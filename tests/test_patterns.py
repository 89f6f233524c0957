"""Regular expressions built from kept code (patterns.py) are the ones `re.compile` gives."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import peptide_lint.cli  # noqa: F401 - compiles every pattern the check path uses
import peptide_lint.registry  # noqa: F401
from peptide_lint import patterns
from peptide_lint.patterns import PatternStore, build, compiled_parts

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "testpeptide-z.yaml"


def _used() -> list[tuple[str, int]]:
    return sorted(patterns._STORE.used)


def test_the_package_compiles_its_patterns_through_the_store():
    assert len(_used()) > 100


@pytest.mark.parametrize("pattern, flags", _used())
def test_kept_code_builds_the_pattern_re_compiles(pattern, flags):
    ours, theirs = build(pattern, compiled_parts(pattern, flags)), re.compile(pattern, flags)
    # Patterns compare equal when their flags, text and engine code are the same.
    assert ours == theirs
    assert (ours.groups, ours.groupindex) == (theirs.groups, theirs.groupindex)


def test_kept_patterns_match_as_re_compiled_ones_do():
    texts = [FIXTURE.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8")
                                                    for p in sorted((ROOT / "entries").glob("*.yaml")))]
    for pattern, flags in _used():
        ours, theirs = build(pattern, compiled_parts(pattern, flags)), re.compile(pattern, flags)
        for text in texts:
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], pattern


@pytest.fixture
def writes_bytecode(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_a_store_keeps_code_for_the_next_run(tmp_path, writes_bytecode):
    path = str(tmp_path / "kept.bin")
    first = PatternStore(path)
    compiled = first.compile(r"(?P<dose>\d+)\s*mg", re.IGNORECASE)
    assert first.missed
    first.save()
    second = PatternStore(path)
    again = second.compile(r"(?P<dose>\d+)\s*mg", re.IGNORECASE)
    assert not second.missed and again == compiled == re.compile(r"(?P<dose>\d+)\s*mg", re.IGNORECASE)
    assert again.search("take 5 MG").group("dose") == "5"


def test_a_damaged_store_is_ignored(tmp_path, writes_bytecode):
    path = tmp_path / "kept.bin"
    store = PatternStore(str(path))
    store.compile(r"ab+c")
    store.save()
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    damaged = PatternStore(str(path))
    assert damaged.kept == {}
    assert damaged.compile(r"ab+c") == re.compile(r"ab+c") and damaged.missed


@pytest.mark.parametrize("content", [b"", b"\x01\x02", b"\x00" * 4, b"\x00" * 4 + b"not marshal"])
def test_a_cut_or_foreign_store_is_ignored(tmp_path, content):
    path = tmp_path / "kept.bin"
    path.write_bytes(content)
    store = PatternStore(str(path))
    assert store.kept == {} and store.compile(r"ab+c") == re.compile(r"ab+c")


def test_code_for_another_interpreter_is_ignored(tmp_path, writes_bytecode, monkeypatch):
    path = str(tmp_path / "kept.bin")
    store = PatternStore(path)
    store.compile(r"x+")
    store.save()
    monkeypatch.setattr(patterns, "_FORMAT", patterns._FORMAT + " another")
    assert PatternStore(path).kept == {}


def test_what_other_code_of_the_checker_kept_is_ignored(tmp_path, monkeypatch):
    """The store keeps what the checker's own functions derived (a pattern's literals, the source
    of a phrase tree): after an upgrade or an edit, none of it is read."""
    from peptide_lint import digest

    assert digest.code_fingerprint() in patterns._FORMAT
    package = tmp_path / "peptide_lint"
    shutil.copytree(Path(digest.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(digest, "__file__", str(package / "digest.py"))
    digest.code_fingerprint.cache_clear()
    try:
        before = digest.code_fingerprint()
        digest.code_fingerprint.cache_clear()
        (package / "literals.py").write_text((package / "literals.py").read_text() + "\n# an edit\n")
        assert digest.code_fingerprint() != before
    finally:
        digest.code_fingerprint.cache_clear()


def test_a_kept_source_is_read_back_and_a_new_one_written(tmp_path, writes_bytecode):
    path = str(tmp_path / "kept.bin")
    store = PatternStore(path)
    assert store.source(("a rule's phrases", "x", "y"), lambda: "x|y") == "x|y"
    store.compile("x|y")
    store.save()
    again = PatternStore(path)
    assert again.source(("a rule's phrases", "x", "y"), lambda: pytest.fail("written again")) == "x|y"
    assert again.source(("a rule's phrases", "x", "z"), lambda: "x|z") == "x|z" and again.missed


def test_code_the_engine_refuses_is_compiled_afresh(tmp_path):
    store = PatternStore(None)
    store.kept[("a+", 0)] = (0, [1, 2, 3], 0, {}, (None,))  # not valid engine code
    assert store.compile("a+", 0) == re.compile("a+") and store.missed


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    store = PatternStore(str(tmp_path / "kept.bin"))
    store.compile("y+")
    store.save()
    assert not (tmp_path / "kept.bin").exists()


def test_a_bad_pattern_raises_as_re_compile_does():
    with pytest.raises(re.error):
        PatternStore(None).compile("(unclosed", 0)


def test_a_check_reads_the_same_with_kept_code_as_without(tmp_path):
    """Two whole runs with bytecode kept (the first writes the store, the second builds from it),
    and one without: the same findings, word for word."""
    entry = tmp_path / "entries" / "testpeptide-z.yaml"
    entry.parent.mkdir()
    entry.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        "  Nothing is stacked with it.\n", "  It cures everything and is completely safe.\n"), encoding="utf-8")
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    (tmp_path / ".git").mkdir()
    command = [sys.executable, "-m", "peptide_lint", "check", "--no-cache", "--format", "json", str(entry)]

    def run(**env) -> str:
        environment = {**os.environ, **env}
        environment.pop("PYTHONDONTWRITEBYTECODE", None) if "PYTHONPYCACHEPREFIX" in env else None
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=environment).stdout

    kept = {"PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}
    writing, reading, without = run(**kept), run(**kept), run(PYTHONDONTWRITEBYTECODE="1")
    assert list((tmp_path / "pycache").rglob("peptide_lint-patterns.*.bin"))
    assert '"PL404"' in without
    assert writing == reading == without
