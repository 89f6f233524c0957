"""The check, as the data flows: files -> documents -> schema and rule findings -> sorted report."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import registry
from .discover import display_path
from .findings import FILE_START, Finding, Severity
from .loader import load_file
from .rules import internal_error
from .rules.base import Context, Rule
from .schema import EntrySchema
from .schema_check import schema_findings


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    source_lines: dict[str, list[str]] = field(default_factory=dict)  # by Finding.path
    files: list[str] = field(default_factory=list)  # every checked file, as Finding.path shows it
    cwd: Path = field(default_factory=Path.cwd)
    repo_root: Path | None = None

    def repo_relative(self, shown_path: str) -> str:
        """A finding's path relative to the repo root, with forward slashes (for SARIF, CI tools)."""
        absolute = (self.cwd / shown_path).resolve()
        if self.repo_root is not None:
            try:
                return absolute.relative_to(self.repo_root.resolve()).as_posix()
            except ValueError:
                pass
        return shown_path

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def files_with_findings(self) -> int:
        return len({f.path for f in self.findings})

    @property
    def tool_failed(self) -> bool:
        return any(f.code == internal_error.RULE.code for f in self.findings)


def check_files(files: list[Path], schema: EntrySchema, cwd: Path,
                rules: tuple[Rule, ...] | None = None, repo_root: Path | None = None) -> Report:
    rules = registry.RULES if rules is None else rules
    context = Context(schema=schema)
    overlaps = [overlap for rule in rules for overlap in rule.overlaps]
    content_rules = [rule for rule in rules if rule.check is not None]
    findings: list[Finding] = []
    source_lines: dict[str, list[str]] = {}
    for path in files:
        shown = display_path(path, cwd)
        loaded = load_file(path, shown)
        findings.extend(loaded.findings)
        if loaded.text is not None:
            source_lines[shown] = loaded.text.splitlines()
        document = loaded.document
        if document is None:
            continue
        findings.extend(_guarded(shown, "schema validation",
                                 lambda: schema_findings(document, schema, overlaps)))
        for rule in content_rules:
            findings.extend(_guarded(shown, rule.name, lambda: list(rule.check(document, context))))
    findings.sort(key=Finding.sort_key)
    shown = sorted(display_path(path, cwd) for path in files)
    return Report(findings, len(files), source_lines, shown, cwd, repo_root)


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
