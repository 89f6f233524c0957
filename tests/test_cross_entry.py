"""What an editor's copy of an entry leaves behind, across the repo: copied sentences (reported on the
newer entry, by git's history), a full name and a lede about another peptide, and messages that
stay one readable line however many entries share a name."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from casefiles import ROOT
from test_cli import add_entry, run
from test_index_store import age, both_ways


def git_repo(path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=path, check=True)


def commit(path, message: str, date: str = "2022-01-01T00:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "add", "-A"], cwd=path, check=True)
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q",
                    "-m", message], cwd=path, check=True, env=env)


def copy_of(source, target, slug: str, name: str) -> None:
    """`source` copied as an editor starts a new entry: new file, slug and name, the rest as it was."""
    text = source.read_text(encoding="utf-8")
    text = text.replace(f"slug: {source.stem}\n", f"slug: {slug}\n", 1)
    text = "\n".join(f"name: {name}" if line.startswith("name: ") else line for line in text.split("\n"))
    target.write_text(text, encoding="utf-8")


def test_a_copy_of_the_bundled_entry_with_a_new_slug_and_name_is_not_all_clear(repo):
    """The issue's case: Cerebrolysin's full name and prose under a new slug and name."""
    git_repo(repo)
    shutil.copy(ROOT / "entries" / "cerebrolysin.yaml", repo / "entries" / "cerebrolysin.yaml")
    commit(repo, "the bundled entry")
    copy_of(repo / "entries" / "cerebrolysin.yaml", repo / "entries" / "testpeptide-q.yaml",
            "testpeptide-q", "Testpeptide-Q")
    out = run("check", "--quiet", "--no-cache", "--select", "PL509,PL510,PL511", cwd=repo).stdout
    assert 'entries/testpeptide-q.yaml:4:12: PL510 [error] the full name "Cerebrolysin (neuropeptide ' \
           'preparation)" does not contain the name "Testpeptide-Q"' in out
    copied = [line for line in out.splitlines() if " PL509 " in line]
    assert len(copied) > 20 and all(line.startswith("entries/testpeptide-q.yaml:") for line in copied)
    # each names the sentence's line in the entry it was copied from
    assert "entries/testpeptide-q.yaml:10:3: PL509 [error] this sentence is word for word the same as one " \
           "in entries/cerebrolysin.yaml:10" in out
    assert {line.split(":")[0] for line in out.splitlines()} == {"entries/testpeptide-q.yaml"}  # not the original


def test_the_newer_entry_is_reported_and_a_tie_reports_both(repo):
    git_repo(repo)
    older = add_entry(repo, "testpeptide-a")
    commit(repo, "a", date="2020-01-01T00:00:00")
    newer = add_entry(repo, "testpeptide-b")
    newer.write_text(newer.read_text().replace("It is imagined to bind a Testpeptide-b receptor.",
                                               "It is imagined to bind a Testpeptide-a receptor."))
    expected = ("entries/testpeptide-b.yaml:18:3: PL509 [error] this sentence is word for word the same as one "
                "in entries/testpeptide-a.yaml:18\n")
    # not committed yet (untracked, then staged): the newest
    assert run("check", "-q", "--no-cache", cwd=repo).stdout == expected
    commit(repo, "b", date="2021-01-01T00:00:00")
    assert run("check", "-q", "--no-cache", cwd=repo).stdout == expected  # committed later
    # One commit adds both: git cannot tell which came first, so both are reported.
    shutil.rmtree(repo / ".git")
    git_repo(repo)
    commit(repo, "both")
    out = run("check", "-q", "--no-cache", cwd=repo).stdout
    assert out == (f"entries/testpeptide-a.yaml:18:3: PL509 [error] this sentence is word for word the same as "
                   f"one in entries/testpeptide-b.yaml:18\n{expected}")
    del older


def test_copied_sentences_are_found_the_same_from_the_stored_index(repo):
    """The pre-commit case: one named entry, the others from the stored repo index."""
    a, b, c = (add_entry(repo, f"testpeptide-{letter}") for letter in "abc")
    for path in (a, b, c):
        age(path)
    assert both_ways(repo, "entries/testpeptide-a.yaml").startswith("All clear")
    assert both_ways(repo, "entries/testpeptide-a.yaml").startswith("All clear")  # the store is warm now
    c.write_text(c.read_text().replace("Use it to exercise every rule of the checker on Testpeptide-c.",
                                       "Use it to exercise every rule of the checker on Testpeptide-a."))
    age(c)
    out = both_ways(repo, "entries/testpeptide-a.yaml")
    assert "entries/testpeptide-a.yaml:27:11: PL509 [error] this sentence is word for word the same as one in " \
           "entries/testpeptide-c.yaml:27" in out
    assert both_ways(repo, "--quiet", "entries/testpeptide-c.yaml").count("PL509") == 1


def test_house_wording_listed_in_the_configuration_may_repeat(repo):
    for letter in "ab":
        path = add_entry(repo, f"testpeptide-{letter}")
        path.write_text(path.read_text().replace("  Nothing is stacked with it.\n",
                                                 "  This page is not medical advice, and nothing on it replaces a "
                                                 "doctor.\n"))
    assert run("check", "-q", "--no-cache", cwd=repo).stdout.count("PL509") == 2
    (repo / "pyproject.toml").write_text(
        '[tool.peptide-lint.options.copied-text]\n'
        'allow = ["This page is not medical advice, and nothing on it replaces a doctor."]\n')
    assert run("check", "--no-cache", cwd=repo).stdout.startswith("All clear")


def test_the_lede_of_a_copy_names_the_other_peptide_from_the_stored_index_too(repo):
    for letter in "abc":
        age(add_entry(repo, f"testpeptide-{letter}"))
    both_ways(repo, "entries/testpeptide-c.yaml")
    c = repo / "entries" / "testpeptide-c.yaml"
    lede = "lede: >-\n  Testpeptide-a is a compound made up for the tests of this checker and nothing more [@doe-2001].\nstandard_dose:"
    c.write_text(re.sub(r"lede: >-\n.*?\nstandard_dose:", lambda _: lede, c.read_text(), flags=re.DOTALL))
    out = both_ways(repo, "entries/testpeptide-c.yaml")
    assert out.startswith("entries/testpeptide-c.yaml:10:3: PL511 [warning] the lede names Testpeptide-a, the "
                          "peptide of entries/testpeptide-a.yaml, but not Testpeptide-c\n")


def test_a_name_shared_by_many_entries_is_one_readable_line(repo):
    for number in range(7):
        path = add_entry(repo, f"testpeptide-{number}")
        path.write_text(path.read_text().replace(f"name: Testpeptide-{number}\n", "name: Testpeptide-Q\n"))
    out = run("check", "-q", "--no-cache", "--select", "PL505", cwd=repo).stdout.splitlines()
    assert out[0] == ('entries/testpeptide-0.yaml:4:7: PL505 [error] the name "Testpeptide-Q" is also used by '
                      "entries/testpeptide-1.yaml, entries/testpeptide-2.yaml, entries/testpeptide-3.yaml and "
                      "3 others")
    assert len(out) == 7


def test_a_schema_that_classes_text_otherwise_is_not_answered_from_the_old_stored_index(repo):
    """Which texts are compared is the schema's word (x-text), so stored sentences depend on it."""
    import json

    sentence = "  Nothing is stacked with it, and nothing was ever tried with it by anyone.\n"
    for letter in "ac":
        path = add_entry(repo, f"testpeptide-{letter}")
        path.write_text(path.read_text().replace("  Nothing is stacked with it.\n", sentence))
        age(path)
    schema_file = repo / "schema" / "entry.schema.json"
    schema = json.loads(schema_file.read_text())
    schema["properties"]["stacking"]["x-text"] = "data"  # an annotation beside the $ref wins
    schema_file.write_text(json.dumps(schema))
    assert both_ways(repo, "entries/testpeptide-a.yaml").startswith("All clear")  # the store is warm now
    del schema["properties"]["stacking"]["x-text"]
    schema_file.write_text(json.dumps(schema))
    assert "PL509" in both_ways(repo, "entries/testpeptide-a.yaml")
