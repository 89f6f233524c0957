"""What a check leaves behind, as plain data: per file (FileResult) and for the run (Report).

This module imports nothing of the run: the pipeline, the result cache and the reporters all share
these shapes, and a reporter is a function of a Report alone (reporters that show source lines read
them through source_lines.py).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from .discover import checkout_root, repo_relative
from .findings import INTERNAL_ERROR, Finding, Severity, Span
from .index import EntrySummary


class Suppression:
    """A `# peptide-lint: ignore[...] -- reason` comment of a file."""

    __slots__ = ("path", "span", "targets", "codes", "reason", "used")

    def __init__(self, path: str, span: Span, targets: set[int], codes: dict[str, str], reason: str = "") -> None:
        self.path = path  # the display path of its file
        self.span = span
        self.targets = targets  # the lines it covers
        self.codes = codes  # rule code -> how the comment names it
        self.reason = reason  # why the rules do not apply here, as the editor wrote it
        self.used: set[str] = set()  # the codes of the findings it suppressed

    def __repr__(self) -> str:
        return f"Suppression({self.path!r}, {self.span!r}, {self.targets!r}, {self.codes!r}, {self.reason!r})"


class Suppressed(NamedTuple):
    """A finding a comment suppressed, with the comment's place and reason."""

    finding: Finding
    comment: Span
    reason: str


class FileResult(NamedTuple):
    """What checking one file leaves behind."""

    shown: str
    findings: list[Finding]
    summary: EntrySummary
    suppressions: list[Suppression]
    checked: bool = True  # False: read only for the repo index
    readable: bool = True  # False: the file could not be read as an entry, and nothing was checked
    not_checked: str | None = None  # why its content was not checked (an empty file: nothing to check)


class Report:
    """The result of a check: its findings in the order of file, line and column, and what was checked."""

    def __init__(self, findings: list[Finding], files_checked: int, files: list[str] | None = None,
                 cwd: Path | None = None, repo_root: Path | None = None, not_checked: dict[str, str] | None = None,
                 suppressed_safety: list[Suppressed] | None = None, baselined: list[Finding] | None = None,
                 baseline: str | None = None) -> None:
        self.findings = findings
        self.files_checked = files_checked
        self.files = files if files is not None else []  # every checked file, as Finding.path shows it
        self.cwd = cwd if cwd is not None else Path.cwd()
        self.repo_root = repo_root
        # The checked files whose content could not be checked, each with why in an editor's words
        # ("YAML cannot read it, so the schema and content rules did not run"): a report with findings
        # in such a file is not complete, whatever its counts say.
        self.not_checked = not_checked if not_checked is not None else {}
        # Findings of safety rules that a comment suppressed: every report lists them, so that a
        # reviewer sees what was silenced and why.
        self.suppressed_safety = suppressed_safety if suppressed_safety is not None else []
        # With a baseline (baseline.py): the findings it held, left out of `findings`, and the
        # baseline file as `files` shows paths.
        self.baselined = baselined if baselined is not None else []
        self.baseline = baseline

    def __repr__(self) -> str:
        return (f"Report({len(self.findings)} finding{'s' * (len(self.findings) != 1)} in {self.files_checked} "
                f"file{'s' * (self.files_checked != 1)} checked)")

    _FIELDS = ("findings", "files_checked", "files", "cwd", "repo_root", "not_checked", "suppressed_safety",
               "baselined", "baseline")  # what __init__ takes (not source_root, worked out from them)

    def __eq__(self, other: object) -> bool:
        return self._fields() == other._fields() if isinstance(other, Report) else NotImplemented

    __hash__ = None  # (it holds lists: a report is not a dictionary key)

    def replaced(self, **changes) -> Report:
        """A copy of this report with the given fields changed."""
        return Report(**{**self._fields(), **changes})

    def _fields(self) -> dict:
        return {name: getattr(self, name) for name in self._FIELDS}

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
