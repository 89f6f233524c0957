"""No input crashes, hangs or misleads the checker (property-based), and the file system's corners."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefiles import BASE_ENTRY, SCHEMA
from peptide_lint import parser
from peptide_lint.loader import load_bytes, load_data
from peptide_lint.api import Project
from test_cli import add_entry, run

BASE = BASE_ENTRY.read_bytes()
REAL = (Path(__file__).resolve().parents[1] / "entries" / "cerebrolysin.yaml").read_bytes()


def mutate(data: st.DataObject, source: bytes) -> bytes:
    lines = source.split(b"\n")
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(
            ["delete", "duplicate", "swap", "indent", "tab", "bytes", "truncate", "retype", "bom_nul",
             "huge", "deep", "anchor", "merge"]))
        i = data.draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "delete" and lines:
            del lines[i]
        elif kind == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif kind == "swap" and len(lines) > 1:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent" and lines:
            lines[i] = b" " * data.draw(st.integers(0, 9)) + lines[i].lstrip(b" ")
        elif kind == "tab" and lines:
            lines[i] = b"\t" + lines[i]
        elif kind == "bytes":
            lines.insert(i, data.draw(st.binary(min_size=1, max_size=12)))
        elif kind == "truncate":
            joined = b"\n".join(lines)
            lines = joined[: data.draw(st.integers(0, len(joined)))].split(b"\n")
        elif kind == "retype" and lines and b": " in lines[i]:
            key = lines[i].split(b": ", 1)[0]
            value = data.draw(st.sampled_from([b"5", b"no", b"~", b"2020-01-01", b"[a, b]", b"{a: 1}", b"''",
                                               b"!!binary aGk=", b"*nothing", b"1e400", b"-", b"? x", b"*s"]))
            lines[i] = key + b": " + value
        elif kind == "bom_nul":
            lines.insert(i, data.draw(st.sampled_from([b"\xef\xbb\xbf", b"\x00", b"\r", b"\x85", b"\xff\xfe"])))
        elif kind == "huge":
            lines.insert(i, b"stacking: " + b"word " * 20000)
        elif kind == "deep":
            depth = data.draw(st.integers(10, 200))
            lines.insert(i, b"related: " + b"[" * depth + b"x" + b"]" * depth)
        elif kind == "anchor":
            lines.insert(i, b"a0: &a [x, x]\na1: &b [*a, *a, *a]\na2: [*b, *b, *b]")
        elif kind == "merge":  # with a retype to *s, a value that comes from inside a merge key
            lines.insert(i, b"<<: {x: &s testpeptide-q}")
    return b"\n".join(lines)


def check_bytes(content: bytes, jobs: int = 1, copies: int = 1) -> list:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n in range(copies):
            path = Path(folder) / f"testpeptide-{chr(97 + n % 26)}{n // 26 or ''}.yaml"
            path.write_bytes(content)
            paths.append(path)
        report = Project.of_schema(SCHEMA, Path(folder), jobs=jobs).check_files(paths)
    return report.findings


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_entries_never_crash_and_findings_stay_inside_the_file(data):
    source = data.draw(st.sampled_from([BASE, REAL]))
    content = mutate(data, source)
    findings = check_bytes(content)
    assert not [f for f in findings if f.code == "PL900"], [f.message for f in findings if f.code == "PL900"]
    line_count = max(1, content.count(b"\n") + 1)
    for finding in findings:
        assert 1 <= finding.line <= line_count + 1, finding
        assert finding.column >= 1, finding
        assert (finding.span.end_line, finding.span.end_column) >= (finding.line, finding.column), finding
    assert check_bytes(content) == findings  # the same input gives the same findings


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(content):
    findings = check_bytes(content)
    assert not [f for f in findings if f.code == "PL900"]


# The characters YAML's structure and the line scan turn on: random bytes seldom put them together.
_YAML_SHAPES = list(":-[]{},#'\"|>?&*!%@`\\ \t\n") + ["\u201c", "\u201d", "\u2018", "\u2019", "\u00a0", "\u200b",
                                                        "key", "a", "1", "  ", "- ", ": ", "\n  "]


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None)
@given(st.lists(st.sampled_from(_YAML_SHAPES), max_size=60).map("".join))
def test_text_made_of_yaml_punctuation_never_crashes(text):
    """A file holding only ':' crashed the line scan (found by review): fuzz with YAML's own pieces."""
    findings = check_bytes(text.encode("utf-8"))
    assert not [f for f in findings if f.code == "PL900"], findings


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_data_read_for_the_repo_index_is_the_data_the_full_load_reads(data):
    # Entries read only for the index go through load_data; checked ones through the full load.
    # A difference would make a run on a few files see another repo than a run on all of them.
    content = mutate(data, data.draw(st.sampled_from([BASE, REAL])))
    full = load_bytes(content, Path("testpeptide-z.yaml"), "testpeptide-z.yaml")
    if full.document is not None:
        assert load_data(content) == full.document.data


def test_a_value_from_inside_a_merge_key_reads_the_same_both_ways():
    content = BASE.replace(b"slug: testpeptide-z\n", b"<<: {x: &s testpeptide-q}\nslug: *s\n")
    full = load_bytes(content, Path("testpeptide-z.yaml"), "testpeptide-z.yaml")
    assert load_data(content) == full.document.data and full.document.data["slug"] == "testpeptide-q"


@settings(max_examples=5, deadline=None)
@given(st.data())
def test_parallel_and_serial_runs_give_identical_reports(data):
    content = mutate(data, BASE)
    assert check_bytes(content, jobs=1, copies=40) == check_bytes(content, jobs=2, copies=40)


def test_the_checker_opens_no_network_connection(repo, tmp_path):
    add_entry(repo, "testpeptide-z", BASE.decode().replace("  Nothing is stacked with it.\n", "  3 users.\n"))
    guard = tmp_path / "sitecustomize.py"
    guard.write_text("import socket\n"
                     "def refuse(*args, **kwargs):\n"
                     "    raise RuntimeError('network access attempted')\n"
                     "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
                     "socket.getaddrinfo = refuse\n")
    env = {"PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = run("check", "--no-source", "-j", "2", cwd=repo, env=env)
    assert result.returncode == 1 and "PL201" in result.stdout
    assert "network access attempted" not in result.stdout + result.stderr


def test_paths_with_spaces_and_non_ascii_names(repo):
    folder = repo / "entries" / "sub folder"
    folder.mkdir()
    path = folder / "pépti de.yaml"
    path.write_bytes(BASE)
    result = run("check", "--no-source", cwd=repo)
    assert "entries/sub folder/pépti de.yaml:3:7: PL501" in result.stdout


def test_a_symlinked_entry_is_checked_under_its_own_name(repo, tmp_path):
    target = tmp_path / "elsewhere.yaml"
    target.write_bytes(BASE.replace(b"slug: testpeptide-z", b"slug: testpeptide-l"))
    (repo / "entries" / "testpeptide-l.yaml").symlink_to(target)
    result = run("check", "--no-source", cwd=repo)
    assert result.returncode == 0, result.stdout


def test_an_entry_named_through_a_symlinked_folder_is_not_its_own_duplicate(repo, tmp_path):
    add_entry(repo, "testpeptide-z")
    link = tmp_path / "link"
    link.symlink_to(repo)
    for flags in (("--no-cache",), (), ()):  # without the cache, filling it, from it
        result = run("check", "--no-source", *flags, str(link / "entries" / "testpeptide-z.yaml"), cwd=tmp_path)
        assert (result.returncode, result.stdout) == (0, "All clear: no findings in 1 file.\n"), flags


def test_a_broken_symlink_and_an_unreadable_file_are_findings(repo):
    add_entry(repo, "testpeptide-z")
    (repo / "entries" / "testpeptide-b.yaml").symlink_to(repo / "missing.yaml")
    result = run("check", "--no-source", cwd=repo)
    assert "entries/testpeptide-b.yaml:1:1: PL001 [error] this is a link to a file that does not exist" \
        in result.stdout
    assert "entries/testpeptide-z.yaml" not in result.stdout  # the good entry still checked, and clean
    assert result.returncode == 1


def test_a_path_outside_the_repo_is_checked_and_shown_as_an_absolute_path(repo):
    add_entry(repo, "testpeptide-z")
    with tempfile.TemporaryDirectory() as folder:
        outside = Path(folder).resolve() / "testpeptide-q.yaml"
        outside.write_bytes(BASE)
        result = run("check", "--no-source", str(outside), cwd=repo)
    assert f"{outside.as_posix()}:3:7: PL501" in result.stdout


def test_a_file_over_the_size_limit_is_not_read(repo):
    big = repo / "entries" / "testpeptide-z.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MiB of zeros, never read
    result = run("check", "--no-source", cwd=repo)
    assert "PL012" in result.stdout and result.returncode == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_and_an_unreadable_folder_are_not_waited_for(repo):
    add_entry(repo, "testpeptide-z")
    os.mkfifo(repo / "entries" / "testpeptide-pipe.yaml")  # reading it would block forever
    locked = repo / "entries" / "locked"
    locked.mkdir()
    (locked / "testpeptide-x.yaml").write_bytes(BASE)
    locked.chmod(0)
    try:
        result = run("check", "--no-source", cwd=repo)
    finally:
        locked.chmod(0o755)
    assert "entries/testpeptide-pipe.yaml:1:1: PL001 [error] this is not a regular file" in result.stdout
    assert result.returncode == 1 and "Traceback" not in result.stderr


def _loaded(content: bytes):
    result = load_bytes(content, Path("entries/x.yaml"), "entries/x.yaml")
    document = result.document
    # repr, so that a NaN read from ".nan" equals itself
    places = None if document is None else {path: (place.value, place.key, place.start, place.end, place.style,
                                                   place.scalar) for path, place in document.located_values()}
    return repr((result.problems, None if document is None else document.data, places))


def _through_ruamel_loader(monkeypatch) -> None:
    """Parse with ruamel's own loader instead of the C parser with light nodes."""
    monkeypatch.setattr(parser, "_c_parser", None)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_both_parsing_routes_give_the_same_data_places_and_findings(monkeypatch, data):
    assert parser._c_parser is not None, "ruamel.yaml.clib is a dependency; the fast route must be tested"
    content = mutate(data, data.draw(st.sampled_from([BASE, REAL])))
    fast = _loaded(content)
    with monkeypatch.context() as patched:
        _through_ruamel_loader(patched)
        assert _loaded(content) == fast


def test_both_parsing_routes_agree_on_every_case_file_and_tag(monkeypatch):
    from casefiles import all_case_files, load_cases

    samples = [case.content for path in all_case_files() for case in load_cases(path)]
    samples += [b"a: !!python/object:os.system x\n", b"a: !my%21tag x\nb: ! 5\n", b"- &a [1]\n- *a\n",
                b"<<: {a: 1}\n", b"a: 1\n---\nb: 2\n", b"'quoted': \"5\"\nplain: 5\nx: 'x'\n", b"a: [b, {c: d}]\n",
                b"literal: |\n  one\n  two\nfolded: >-\n  three\n"]
    fast = [_loaded(sample) for sample in samples]
    _through_ruamel_loader(monkeypatch)
    assert [_loaded(sample) for sample in samples] == fast
    assert parser._c_parser is None and parser.kind(parser.compose("a: b")[0]) == "mapping"
    assert type(parser.compose("a: b")[0]).__module__.startswith("ruamel.")  # ruamel's node, not a light one


@pytest.mark.parametrize("source", [BASE, REAL], ids=["synthetic", "cerebrolysin"])
def test_any_value_of_the_wrong_shape_is_a_finding_never_a_crash(source):
    """Every value in turn becomes a list, a mapping, a number and null: rules that look at values
    must tolerate what the schema reports, not fail on it."""
    document = load_bytes(source, Path("x.yaml"), "x.yaml").document
    text = document.text
    crashes = []
    for path, place in document.located_values():
        if not path:
            continue
        for replacement in ("[a, b]", "{a: 1}", "7", "~"):
            changed = text[:place.start] + replacement + text[place.end:]
            crashes += [(path, replacement, f.message) for f in check_bytes(changed.encode()) if f.code == "PL900"]
    assert crashes == []


def _calls(content: bytes) -> int:
    """How many function calls checking `content` takes: a measure of work that, unlike time,
    does not depend on what else the machine is doing."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(check_bytes, content)
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())


# Each way an entry can grow: the text it is inserted at, and that text with n repetitions added.
_GROWTH = {
    "ranges on one line": ("standard_dose: ", lambda n: "standard_dose: " + "5-10 mg, " * n),
    "suppressed dose rows": ("  rows:\n", lambda n: "  rows:\n" + "".join(
        f"    - label: Row {i}  # peptide-lint: ignore[dose-unit] -- test\n      value: {i} mg\n"
        f"      confidence: community\n      sources: [roe-community]\n" for i in range(n))),
    "sentences in one text": ("stacking: >-\n", lambda n: "stacking: >-\n"
                              + "  It is used 3 times [@doe-2001]. Users say so.\n" * n),
    "dose amounts in one text": ("    Users report splitting the dose [@roe-community].\n", lambda n: "    "
                                 + "Users take 5 mg or 3 mL per hour [@roe-community]. " * n + "\n"),
    "sources": ("sources:\n", lambda n: "sources:\n" + "".join(
        f"  - id: src-{i}\n    type: community\n    title: Synthetic {i}\n    funding: not-stated\n"
        f"    note: synthetic\n" for i in range(n))),
    "citations in one sentence": ("  Nothing is stacked with it.\n", lambda n: "  Nothing is stacked with it ["
                                  + "; ".join(f"@missing-{i}" for i in range(n)) + "].\n"),
    "serious risks": ("  serious_risks:\n", lambda n: "  serious_risks:\n" + "".join(
        f"    - risk: Synthetic risk {i}\n      frequency: rare\n      sources: [doe-2001]\n" for i in range(n))),
    "related entries": ("sources:\n", lambda n: "related:\n" + "".join(f"  - missing-{i}\n" for i in range(n))
                        + "sources:\n"),
}


def _grown(n: int, kind: str) -> bytes:
    at, grown = _GROWTH[kind]
    return BASE.decode().replace(at, grown(n), 1).encode()


@pytest.mark.parametrize("kind", list(_GROWTH))
def test_work_grows_linearly_with_the_size_of_an_entry(kind):
    """Doubling a repeated part of an entry at most about doubles the work: nothing is quadratic,
    so no file, however large or odd, can make the checker crawl."""
    small, large = _calls(_grown(300, kind)), _calls(_grown(600, kind))
    assert large < 2.5 * small, (kind, small, large)
