"""Rule documentation: its fixed shape, its examples executed, and the generated docs up to date."""

from __future__ import annotations

import itertools
import re
import tempfile
from pathlib import Path

import pytest

from casefiles import BASE_ENTRY, ROOT, SCHEMA, sibling_entry
from peptide_lint import registry
from peptide_lint.docs import doc_sections, rules_markdown, style_guide_markdown, yaml_example
from peptide_lint.api import Project

HEADINGS = ["What it does", "Why it matters", "Example", "Instead"]


@pytest.mark.parametrize("rule", registry.RULES, ids=lambda r: r.name)
def test_every_rule_documents_what_why_example_instead(rule):
    sections = doc_sections(rule)
    assert list(sections)[:4] == HEADINGS
    assert all(sections[h] for h in HEADINGS)


def merge_into_base(fragment: str) -> str:
    """The base entry with each top-level key of `fragment` replacing the base's block for that key,
    and the comments `fragment` starts with, if any, replacing those the base starts with."""
    base = BASE_ENTRY.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = fragment.splitlines(keepends=True)
    if _leading_comments(lines):
        base = _leading_comments(lines) + base[len(_leading_comments(base)):]
    blocks = _blocks(lines)
    result, skipping = [], False
    for line in base:
        key = line.split(":", 1)[0] if line[:1].isalpha() else None
        if key is not None:
            skipping = key in blocks
            if skipping:
                result += blocks.pop(key)
        if not skipping:
            result.append(line)
    for block in blocks.values():
        result += block
    return "".join(result)


def _leading_comments(lines: list[str]) -> list[str]:
    return list(itertools.takewhile(lambda line: line.startswith("#"), lines))


def _blocks(lines: list[str]) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line[:1].isalpha():
            current = line.split(":", 1)[0]
            blocks[current] = []
        if current is not None:
            blocks[current].append(line)
    return blocks


def run_example(rule, text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        entry = Path(folder) / "testpeptide-z.yaml"
        entry.write_text(text, encoding="utf-8")
        neighbour = Path(folder) / "testpeptide-y.yaml"  # a related entry that exists
        neighbour.write_text(sibling_entry("testpeptide-y", "Testpeptide-Y"), encoding="utf-8")
        report = Project.of_schema(SCHEMA, Path(folder)).check_files([entry], index_files=[entry, neighbour])
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in report.findings if f.code == rule.code]


EXECUTABLE = [r for r in registry.RULES if yaml_example(r, "Example") is not None]


def test_every_content_rule_has_executable_examples():
    content = [r.name for r in registry.RULES if r.check is not None]
    assert sorted(set(content) - {r.name for r in EXECUTABLE}) == []


@pytest.mark.parametrize("rule", EXECUTABLE, ids=lambda r: r.name)
def test_the_documented_examples_behave_as_documented(rule):
    whole_file = rule.stage == "file"
    example = yaml_example(rule, "Example")
    failing = run_example(rule, example if whole_file else merge_into_base(example))
    assert failing, f"the Example of {rule.name} produces no {rule.code} finding"
    fixed = yaml_example(rule, "Instead")
    if fixed is not None:
        assert run_example(rule, fixed if whole_file else merge_into_base(fixed)) == []


def test_generated_docs_are_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), \
        "run 'peptide-lint docs' and commit docs/"
    assert (ROOT / "docs" / "style-guide.md").read_text(encoding="utf-8") == style_guide_markdown(SCHEMA), \
        "run 'peptide-lint docs' and commit docs/"


def test_the_readme_lists_every_fix_with_its_safety():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Fixing what can be fixed", 1)[1].split("\n### ", 1)[0]
    safe, unsafe = section.split("Unsafe fixes", 1)

    def listed(part: str) -> set[str]:
        return set(re.findall(r"^- (PL\d{3}) ", part, re.MULTILINE))
    assert listed(safe) == {rule.code for rule in registry.RULES if rule.fixable == "safe"}
    assert listed(unsafe) == {rule.code for rule in registry.RULES if rule.fixable == "unsafe"}


def test_the_readme_suppression_examples_suppress_what_they_say():
    examples = _readme_blocks("When a rule does not apply")
    assert len(examples) == 2  # one comment above a key; comments stacked above a key
    for example in examples:
        entry = BASE_ENTRY.read_text(encoding="utf-8").replace("stacking: >-\n  Nothing is stacked with it.\n", example)
        assert "maker-brochure" in entry
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / BASE_ENTRY.name
            path.write_text(entry, encoding="utf-8")
            codes = {f.code for f in Project.of_schema(SCHEMA, Path(folder)).check_files([path]).findings}
        assert codes == {"PL202"}, example  # the made-up source id; nothing else, no unused suppression


def test_docs_check_names_missing_and_stale_files_and_docs_writes_them(repo):
    from test_cli import run

    result = run("docs", "--check", cwd=repo)
    assert (result.returncode, result.stdout.splitlines()) == (1, [
        "docs/rules.md is missing; run 'peptide-lint docs'", "docs/style-guide.md is missing; run 'peptide-lint docs'"])
    assert run("docs", cwd=repo).returncode == 0 and run("docs", "--check", cwd=repo).returncode == 0
    (repo / "docs" / "rules.md").write_text("edited by hand\n")
    result = run("docs", "--check", cwd=repo)
    assert (result.returncode, result.stdout) == (1, "docs/rules.md is out of date; run 'peptide-lint docs'\n")


def test_docs_that_cannot_be_written_are_one_clear_error(repo):
    from test_cli import run

    (repo / "docs").write_text("a file where the folder should be\n")
    result = run("docs", cwd=repo)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("peptide-lint: error: cannot write docs/rules.md")


def _readme_blocks(section: str) -> list[str]:
    """The indented blocks (commands, output) of one section of the README, unindented."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = readme.split(f"### {section}\n", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"(?:^    .*\n|^\n(?=    ))+", text, re.MULTILINE)
    return [re.sub(r"^    ", "", block, flags=re.MULTILINE).strip("\n") + "\n" for block in blocks]


def _this_repo_edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of this repo's entries, schema and configuration, with one edit of the Cerebrolysin entry."""
    import shutil

    for part in ("entries", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    entry = tmp_path / "entries" / "cerebrolysin.yaml"
    text = entry.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the README's example edit no longer applies to the entry: {old!r}"
    entry.write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path


def test_the_readme_shows_what_check_prints_for_the_edit_it_describes(tmp_path):
    """The README's sample output is the checker's own, for the edit its text describes (the Route
    row without its confidence line), up to the line numbers, which move as the entry is edited."""
    from test_cli import run

    command, output = _readme_blocks("Checking your entry")
    repo = _this_repo_edited(tmp_path, "subcutaneous\n      confidence: community\n", "subcutaneous\n")
    result = run(*command.split()[1:], "--no-cache", cwd=repo)

    def lines_unnumbered(text: str) -> str:
        return re.sub(r"(?m)(?<=\.yaml:)\d+|^ *\d+ \|", "N", re.sub(r"(?m)^ +([|=])", r"\1", text))
    assert result.returncode == 1
    assert lines_unnumbered(result.stdout) == lines_unnumbered(output)


def test_the_readme_fix_example_shows_the_diff_and_fixes_it(tmp_path):
    """The --diff and --fix example: the diff shown is --diff's for the edit described (a hyphen and
    `ml` in the Common course row), and --fix then leaves nothing to report."""
    from test_cli import run

    diff_command, diff, fix_command = _readme_blocks("Fixing what can be fixed")[:3]
    repo = _this_repo_edited(tmp_path, "      value: 5–10 mL per day", "      value: 5-10 ml per day")
    result = run(*diff_command.split()[1:], "--no-cache", cwd=repo)
    assert result.returncode == 1
    assert re.sub(r"(?m)^@@.*", "@@", result.stdout) == re.sub(r"(?m)^@@.*", "@@", diff)
    result = run(*fix_command.split()[1:], "--no-cache", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "All clear: no findings in 1 file.\n")
    assert "`All clear: no findings in 1 file.`" in (ROOT / "README.md").read_text(encoding="utf-8")
