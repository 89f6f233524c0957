"""The check, as the data flows.

    files -> load each (positions) -> schema + per-entry rules -> entry summaries -> repo index
          -> rules across entries -> filter (config, per-file ignores, suppressions) -> sorted report

Each file is loaded once and only its findings, its suppressions and a small summary are kept, so
memory grows with the index, not with the documents. `check_one` is a pure function of one file:
it is what runs in parallel.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Config
from .discover import display_path
from .findings import FILE_START, Finding, Severity
from .index import EntrySummary, RepoIndex, summarize
from .loader import load_file
from .rules import internal_error, invalid_suppression, unused_suppression
from .rules.base import Context, Rule
from .schema import EntrySchema
from .schema_check import schema_findings
from .suppressions import Suppression, apply_suppressions, parse_suppressions

# Findings about the checker or the suppressions themselves cannot be switched off.
_ALWAYS_ON = {internal_error.RULE.code, invalid_suppression.RULE.code}


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    source_lines: dict[str, list[str]] = field(default_factory=dict)  # by Finding.path
    files: list[str] = field(default_factory=list)  # every checked file, as Finding.path shows it
    cwd: Path = field(default_factory=Path.cwd)
    repo_root: Path | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def files_with_findings(self) -> int:
        return len({f.path for f in self.findings})

    @property
    def tool_failed(self) -> bool:
        return any(f.code == internal_error.RULE.code for f in self.findings)

    def repo_relative(self, shown_path: str) -> str:
        """A finding's path relative to the repo root, with forward slashes (for SARIF, CI tools)."""
        if self.repo_root is None:
            return shown_path
        return _repo_relative(self.cwd / shown_path, self.repo_root)


@dataclass
class FileResult:
    """What checking one file leaves behind."""

    shown: str
    findings: list[Finding]
    summary: EntrySummary
    suppressions: list[Suppression]
    lines: list[str] | None  # kept only when there are findings to show them with


def check_files(files: list[Path], schema: EntrySchema, cwd: Path, *, config: Config | None = None,
                rules: tuple[Rule, ...] | None = None, repo_root: Path | None = None,
                index_files: list[Path] = ()) -> Report:
    """Check `files`. Entries in `index_files` are read only to build the repo index, so that rules
    across entries see the whole repo while findings are reported for `files` alone."""
    config = config or Config()
    rules = config.rules() if rules is None else rules
    context = Context(schema=schema, config=config, index=RepoIndex())
    results = [check_one(path, display_path(path, cwd), context, rules) for path in files]
    for result in results:
        context.index.add(result.summary)
    checked = {r.shown for r in results}
    for path in index_files:
        shown = display_path(path, cwd)
        if shown not in checked:
            loaded = load_file(path, shown)
            if loaded.document is not None:
                context.index.add(summarize(loaded.document))
    across = [rule for rule in rules if rule.check_across is not None]
    findings: list[Finding] = []
    source_lines: dict[str, list[str]] = {}
    for result in results:
        file_findings = list(result.findings)
        for rule in across:
            file_findings += _guarded(result.shown, rule.name,
                                      lambda: list(rule.check_across(result.summary, context)))
        repo_path = _repo_relative(cwd / result.shown, repo_root) if repo_root else result.shown
        file_findings = _filter(file_findings, result.suppressions, rules, config.ignored_in(repo_path))
        findings += file_findings
        if file_findings and result.lines is not None:
            source_lines[result.shown] = result.lines
    findings.sort(key=Finding.sort_key)
    shown_files = sorted(r.shown for r in results)
    return Report(findings, len(files), source_lines, shown_files, cwd, repo_root)


def check_one(path: Path, shown: str, context: Context, rules: tuple[Rule, ...]) -> FileResult:
    """Load one file and run the schema and every per-entry rule on it."""
    loaded = load_file(path, shown)
    findings = list(loaded.findings)
    lines = loaded.text.splitlines() if loaded.text is not None else None
    document = loaded.document
    if document is None:
        return FileResult(shown, findings, EntrySummary(shown), [], lines)
    overlaps = [overlap for rule in rules for overlap in rule.overlaps]
    findings += _guarded(shown, "schema validation", lambda: schema_findings(document, context.schema, overlaps))
    for rule in rules:
        if rule.check is not None:
            findings += _guarded(shown, rule.name, lambda: list(rule.check(document, context)))
    suppressions, problems = parse_suppressions(document)
    return FileResult(shown, findings + problems, summarize(document), suppressions, lines)


def _filter(findings: list[Finding], suppressions: list[Suppression], rules: tuple[Rule, ...],
            ignored: set[str]) -> list[Finding]:
    """Keep the findings of enabled rules, at their configured severity, minus suppressed ones."""
    severity = {rule.code: rule.severity for rule in rules}
    kept = []
    for finding in findings:
        if finding.code in _ALWAYS_ON:
            kept.append(finding)
        elif finding.code in severity and finding.code not in ignored:
            level = severity[finding.code]
            kept.append(finding if finding.severity is level else replace(finding, severity=level))
    kept = apply_suppressions(suppressions, kept)
    if unused_suppression.RULE.code not in severity or unused_suppression.RULE.code in ignored:
        kept = [f for f in kept if f.code != unused_suppression.RULE.code]
    return kept


def _repo_relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()  # outside the repo: shown as given


def _guarded(shown: str, what: str, produce) -> list[Finding]:
    """Run one stage on one file; a crash becomes a finding so the other rules and files still run."""
    try:
        return produce()
    except Exception as err:  # noqa: BLE001 - any bug in a rule must not stop the run
        where = traceback.extract_tb(err.__traceback__)[-1]
        return [internal_error.RULE.finding(
            shown, FILE_START,
            f"the {what} check failed on this file: {type(err).__name__}: {err} "
            f"({Path(where.filename).name}:{where.lineno})",
            "this is a bug in peptide-lint, not in the entry; please report it")]
