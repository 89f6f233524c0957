"""What a check leaves behind, as plain data: per file (FileResult) and for the run (Report).

This module imports nothing of the run: the pipeline, the result cache and the reporters all share
these shapes, and a reporter is a function of a Report alone (reporters that show source lines read
them through source_lines.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .discover import checkout_root, repo_relative
from .findings import INTERNAL_ERROR, Finding, Severity, Span
from .index import EntrySummary


@dataclass(slots=True)
class Suppression:
    """A `# peptide-lint: ignore[...] -- reason` comment of a file."""

    path: str  # the display path of its file
    span: Span
    targets: set[int]  # the lines it covers
    codes: dict[str, str]  # rule code -> how the comment names it
    reason: str = ""  # why the rules do not apply here, as the editor wrote it
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding a comment suppressed, with the comment's place and reason."""

    finding: Finding
    comment: Span
    reason: str


@dataclass(slots=True)
class FileResult:
    """What checking one file leaves behind."""

    shown: str
    findings: list[Finding]
    summary: EntrySummary
    suppressions: list[Suppression]
    checked: bool = True  # False: read only for the repo index
    readable: bool = True  # False: the file could not be read as an entry, and nothing was checked
    not_checked: str | None = None  # why its content was not checked (an empty file: nothing to check)


@dataclass
class Report:
    """The result of a check: its findings in the order of file, line and column, and what was checked."""

    findings: list[Finding]
    files_checked: int
    files: list[str] = field(default_factory=list)  # every checked file, as Finding.path shows it
    cwd: Path = field(default_factory=Path.cwd)
    repo_root: Path | None = None
    # The checked files whose content could not be checked, each with why in an editor's words
    # ("YAML cannot read it, so the schema and content rules did not run"): a report with findings
    # in such a file is not complete, whatever its counts say.
    not_checked: dict[str, str] = field(default_factory=dict)
    # Findings of safety rules that a comment suppressed: every report lists them, so that a reviewer
    # sees what was silenced and why.
    suppressed_safety: list[Suppressed] = field(default_factory=list)
    # With a baseline (baseline.py): the findings it held, left out of `findings`, and the baseline
    # file as `files` shows paths.
    baselined: list[Finding] = field(default_factory=list)
    baseline: str | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def files_with_findings(self) -> int:
        """The checked files with findings (the baseline's stale entries are not in a checked file)."""
        return len({f.path for f in self.findings} - {self.baseline})

    @property
    def tool_failed(self) -> bool:
        return any(f.code == INTERNAL_ERROR for f in self.findings)

    @functools.cached_property
    def source_root(self) -> Path | None:
        """What CI tools resolve paths against: the git checkout holding the repo (see checkout_root)."""
        return None if self.repo_root is None else checkout_root(self.repo_root.resolve())

    def repo_relative(self, shown_path: str) -> str:
        """A finding's path relative to `source_root`, with forward slashes (for SARIF, CI tools)."""
        if self.repo_root is None:
            return shown_path
        return repo_relative(self.cwd / shown_path, self.source_root)
