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


# What a content repo's copy of the workflow leaves out: it has no checker code of its own.
CHECKER_CODE = '      - "src/**"  # the checker itself, whose dependencies pyproject.toml lists\n'
INSTALLED = 'python -m pip install "peptide-lint @ git+https://github.com/<org>/<this-repo>@main"'


def test_the_github_snippet_in_the_docs_is_a_valid_workflow_and_this_repos_workflow(tmp_path):
    snippet = _docs_snippet("GitHub Actions")
    (tmp_path / "entries.yml").write_text(snippet, encoding="utf-8")
    _valid("vendor.github-workflows", tmp_path / "entries.yml")
    # the content repo installs the checker from this repo; this repo installs its own checkout
    assert snippet.count(INSTALLED) == 1
    own = WORKFLOW.read_text(encoding="utf-8")
    assert own.count(CHECKER_CODE) == 2  # in both triggers' paths
    assert snippet.replace(INSTALLED, "python -m pip install .") == own.replace(CHECKER_CODE, "")


def _workflow() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_workflow_runs_when_what_the_check_reads_changes_and_cancels_superseded_runs():
    workflow = _workflow()
    triggers = workflow["on"]
    checked = ["entries/**", "schema/**", "pyproject.toml", ".github/workflows/entries.yml", "src/**"]
    assert triggers["pull_request"]["paths"] == checked and triggers["push"]["paths"] == checked
    assert triggers["push"]["branches"] == ["main"]
    # superseded pull-request runs are cancelled; each push to main has a group of its own
    assert workflow["concurrency"] == {
        "group": "${{ github.workflow }}-${{ github.event_name == 'pull_request' && github.ref || github.sha }}",
        "cancel-in-progress": True}
    setup = next(step for step in workflow["jobs"]["peptide-lint"]["steps"]
                 if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    hashed = setup["with"]["cache-dependency-path"].split()
    assert hashed == ["pyproject.toml", ".github/workflows/entries.yml"]
    assert all((ROOT / name).is_file() for name in hashed)  # setup-python fails when none exists


def test_the_workflow_checks_once_and_every_report_comes_from_that_run(repo):
    steps = _workflow()["jobs"]["peptide-lint"]["steps"]
    checks = [step for step in steps if "peptide-lint check" in step.get("run", "")]
    assert len(checks) == 1
    command = checks[0]["run"]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    summary = next(step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert f"--output sarif:{upload['with']['sarif_file']}" in command
    assert summary["run"] == 'cat summary.md >> "$GITHUB_STEP_SUMMARY"' and "--output markdown:summary.md" in command
    # the steps after a failing check still publish its reports
    assert all(step["if"].startswith("${{ !cancelled() &&") for step in (upload, summary))
    # the command as written, in a content repo with an error
    entry = repo / "entries" / "testpeptide-z.yaml"
    entry.write_text(BASE_ENTRY.read_text(encoding="utf-8").replace("      confidence: community\n", ""),
                     encoding="utf-8")
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = _run(["bash", "-c", command], repo, {"PATH": path, "NO_COLOR": "1"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("::error file=entries/testpeptide-z.yaml,line=34,col=7,")
    assert '"ruleId": "PL301"' in (repo / upload["with"]["sarif_file"]).read_text(encoding="utf-8")
    assert "| PL301 dose-row-confidence | 1 |" in (repo / "summary.md").read_text(encoding="utf-8")


def test_the_checker_the_docs_install_is_a_commit_of_this_repo():
    """What docs/ci.md tells a content repo to install exists: a ref that names a commit here
    (in a fresh clone, `main` and its commits)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    installed = re.findall(r"<this-repo>@([^\s\"]+)\"", docs)
    pinned = re.findall(r"^\s+rev: (\S+)$", _docs_snippet("pre-commit"), re.MULTILINE)
    assert len(installed) == 2 and len(pinned) == 1  # GitHub Actions, GitLab CI; pre-commit
    for ref in set(installed + pinned):
        # a clone of another branch knows main as origin/main
        found = [_run(["git", "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], ROOT).returncode
                 for name in (ref, f"origin/{ref}")]
        assert 0 in found, f"docs/ci.md installs {ref}, which is no commit of this repo"


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
def test_pre_commit_autoupdate_turns_the_docs_rev_into_the_commit_it_names(tool_repo, tmp_path):
    if _run(["git", "rev-parse", "--verify", "--quiet", "main"], tool_repo).returncode != 0:
        _git(tool_repo, "branch", "main")
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(_docs_snippet("pre-commit").replace("https://github.com/<org>/<this-repo>", str(tool_repo)),
                      encoding="utf-8")
    _git(tmp_path, "init", "-q")
    result = _run(["pre-commit", "autoupdate", "--color", "never"], tmp_path,
                  {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")})
    assert result.returncode == 0, result.stdout + result.stderr
    head = _run(["git", "rev-parse", "main"], tool_repo).stdout.strip()
    assert f"    rev: {head}\n" in config.read_text(encoding="utf-8")


@pytest.mark.slow
def test_this_repos_local_hook_passes_on_its_own_entries(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "home"), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = _run(["pre-commit", "run", "peptide-lint", "--all-files", "--color", "never"], ROOT, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "peptide-lint (entries)" in result.stdout and "Passed" in result.stdout
