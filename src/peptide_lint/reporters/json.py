"""`--format json`: one JSON document, for scripts and dashboards.

The shape is versioned (`"version": 2`); fields are only ever added within a version:

    {"version": 2,
     "tool": {"name": "peptide-lint", "version": "0.1.0"},
     "files_checked": 12,
     "files": ["entries/a.yaml", ...],
     "counts": {"errors": 3, "warnings": 1, "files_with_findings": 2, "by_rule": {"PL201": 2, ...},
                "baselined": 0},
     "findings": [{"path": "entries/a.yaml", "line": 4, "column": 7, "end_line": 4, "end_column": 12,
                   "code": "PL301", "name": "dose-row-confidence", "severity": "error",
                   "message": "...", "hint": "..." or null, "fixable": true,
                   "fix": {"title": "write the range with an en dash (–)", "safe": true,
                           "edits": [{"start": 811, "end": 814, "replacement": "1–2", "original": "1-2"}]}
                          or null}, ...],
     "not_checked": [{"path": "entries/b.yaml",
                      "reason": "YAML cannot read it, so the schema and content rules did not run"}, ...],
     "suppressed_safety": [{"path": "entries/a.yaml", "line": 48, "column": 20, "code": "PL404",
                            "name": "cure-claim", "message": "...", "comment_line": 47,
                            "reason": "we quote the maker's brochure to show what it claims"}, ...],
     "baseline": "peptide-lint-baseline.json" or null,
     "baselined_safety": [{"path": "entries/a.yaml", "line": 18, "column": 55, "code": "PL404",
                           "name": "cure-claim", "message": "..."}, ...]}

`path` is as the terminal shows it (relative to the current folder). `end_column` is exclusive.
`not_checked` lists the files whose content could not be checked (they could not be read as an
entry), each with why; their findings say what to repair first. `suppressed_safety` lists the
findings of safety rules that a comment suppressed, with the comment's line and reason, for review.
`baseline` is the baseline file the check was compared with, and `counts.baselined` how many findings
it held back (not in `findings`), of which `baselined_safety` lists those of safety rules, for
review; its entries that match nothing any more are findings of stale-baseline (PL024) in that file.
`fix` repairs the finding: each of its `edits` replaces the characters start:end (0-based, end
exclusive) of the file's text, counted without a byte-order mark, which read `original`, by
`replacement`; the edits are applied together or not at all. A `safe` fix keeps the meaning
exactly (`peptide-lint check --fix` applies it); an unsafe one is a suggestion to review (applied
only with `--unsafe-fixes`). `title` says what it does. (Version 1 had one edit, without `title`,
`safe` and `original`.)
"""

from __future__ import annotations

import json
from collections import Counter
from typing import NamedTuple, TextIO

from .. import __version__
from ..findings import Severity
from ..results import Report
from . import baselined_safety

SHAPE_VERSION = 2


class JsonReporter(NamedTuple):
    """The report as one JSON document, for other programs."""

    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        document = {
            "version": SHAPE_VERSION,
            "tool": {"name": "peptide-lint", "version": __version__},
            "files_checked": report.files_checked,
            "files": report.files,
            "counts": {
                "errors": report.count(Severity.ERROR),
                "warnings": report.count(Severity.WARNING),
                "files_with_findings": report.files_with_findings,
                "by_rule": dict(sorted(Counter(f.code for f in report.findings).items())),
                "baselined": len(report.baselined),
            },
            "findings": [{
                "path": f.path, "line": f.span.line, "column": f.span.column,
                "end_line": f.span.end_line, "end_column": f.span.end_column,
                "code": f.code, "name": f.name, "severity": f.severity.value,
                "message": f.message, "hint": f.hint, "fixable": f.fix is not None,
                "fix": None if f.fix is None else {
                    "title": f.fix.title, "safe": f.fix.safe,
                    "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement, "original": e.original}
                              for e in f.fix.edits]},
            } for f in report.findings],
            "not_checked": [{"path": path, "reason": reason} for path, reason in report.not_checked.items()],
            "suppressed_safety": [{
                "path": s.finding.path, "line": s.finding.line, "column": s.finding.column, "code": s.finding.code,
                "name": s.finding.name, "message": s.finding.message, "comment_line": s.comment.line,
                "reason": s.reason,
            } for s in report.suppressed_safety],
            "baseline": report.baseline,
            "baselined_safety": [{
                "path": f.path, "line": f.line, "column": f.column, "code": f.code, "name": f.name,
                "message": f.message,
            } for f in baselined_safety(report)],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")


REPORTER = JsonReporter
