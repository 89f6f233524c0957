"""Where the checker runs: the real pre-commit with this repo's hook, and the CI configuration files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casefiles import BASE_ENTRY, sibling_entry

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def _git(cwd: Path, *args: str) -> None:
    _run(["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args], cwd).check_returncode()


WORKFLOW = ROOT / ".github" / "workflows" / "entries.yml"


def _valid(schema: str, path: Path) -> None:
    result = _run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)], path.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def _docs_snippet(heading: str) -> str:
    """The first yaml block in docs/ci.md under `## heading`."""
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return re.search(rf"## {heading}\n.*?```yaml\n(.*?)```", docs, re.DOTALL).group(1)


def test_the_workflow_is_a_valid_github_workflow():
    _valid("vendor.github-workflows", WORKFLOW)


def test_the_github_snippet_in_the_docs_is_a_valid_workflow_and_this_repos_workflow(tmp_path):
    snippet = _docs_snippet("GitHub Actions")
    (tmp_path / "entries.yml").write_text(snippet, encoding="utf-8")
    _valid("vendor.github-workflows", tmp_path / "entries.yml")
    # the content repo installs a released checker; this repo installs its own checkout
    installed = 'python -m pip install "peptide-lint @ git+https://github.com/<org>/<this-repo>@v0.1.0"'
    assert snippet.count(installed) == 1
    assert snippet.replace(installed, "python -m pip install .") == WORKFLOW.read_text(encoding="utf-8")


def test_the_gitlab_snippet_in_the_docs_is_a_valid_gitlab_ci_file(tmp_path):
    (tmp_path / ".gitlab-ci.yml").write_text(_docs_snippet("GitLab CI"), encoding="utf-8")
    _valid("vendor.gitlab-ci", tmp_path / ".gitlab-ci.yml")


def test_the_pre_commit_snippet_in_the_docs_uses_the_published_hook(tmp_path):
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(_docs_snippet("pre-commit"), encoding="utf-8")
    assert _run(["pre-commit", "validate-config", str(config)], tmp_path).returncode == 0
    hook_ids = re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(), re.MULTILINE)
    assert hook_ids == ["peptide-lint"] and "- id: peptide-lint\n" in config.read_text()


def test_the_hook_manifest_and_this_repos_hook_config_are_valid():
    assert _run(["pre-commit", "validate-manifest", ".pre-commit-hooks.yaml"], ROOT).returncode == 0
    assert _run(["pre-commit", "validate-config", ".pre-commit-config.yaml"], ROOT).returncode == 0


@pytest.fixture(scope="module")
def tool_repo(tmp_path_factory) -> Path:
    """This checkout as it is now, committed into a git repo of its own, as pre-commit clones it."""
    tool = tmp_path_factory.mktemp("tool")
    listed = _run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], ROOT).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (tool / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tool / name)
    _git(tool, "init", "-q")
    _git(tool, "add", "-A")
    _git(tool, "commit", "-q", "-m", "tool")
    return tool


@pytest.mark.slow
def test_the_real_pre_commit_runs_the_hook_on_staged_entries(tool_repo, tmp_path):
    content = tmp_path / "content"
    (content / "schema").mkdir(parents=True)
    shutil.copy2(ROOT / "schema" / "entry.schema.json", content / "schema")
    (content / "entries").mkdir()
    base = BASE_ENTRY.read_text(encoding="utf-8")
    (content / "entries" / "testpeptide-z.yaml").write_text(base, encoding="utf-8")
    # testpeptide-y is committed, not staged: the hook must still see it for the rules across entries
    (content / "entries" / "testpeptide-y.yaml").write_text(sibling_entry("testpeptide-y", "Testpeptide-Y"),
                                                            encoding="utf-8")
    _git(content, "init", "-q")
    _git(content, "add", "-A")
    _git(content, "commit", "-q", "-m", "entries")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}

    def try_repo() -> subprocess.CompletedProcess:
        return _run(["pre-commit", "try-repo", str(tool_repo), "peptide-lint", "--color", "never"], content, env)

    staged = content / "entries" / "testpeptide-z.yaml"
    staged.write_text(base.replace("Nothing is stacked with it.", "Nothing else is stacked with it."))
    _git(content, "add", "entries/testpeptide-z.yaml")
    clean = try_repo()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    staged.write_text(base.replace("      confidence: community\n", "")
                      .replace("name: Testpeptide-Z", "name: Testpeptide-Y"))
    _git(content, "add", "entries/testpeptide-z.yaml")
    broken = try_repo()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "entries/testpeptide-z.yaml:34:7: PL301 [error]" in broken.stdout
    # the name clash with the committed, unstaged entry is found, and reported for the staged file only
    assert "entries/testpeptide-z.yaml:4:7: PL505 [error]" in broken.stdout
    assert "entries/testpeptide-y.yaml:" not in broken.stdout


@pytest.mark.slow
def test_this_repos_local_hook_passes_on_its_own_entries(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "home"), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = _run(["pre-commit", "run", "peptide-lint", "--all-files", "--color", "never"], ROOT, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "peptide-lint (entries)" in result.stdout and "Passed" in result.stdout
