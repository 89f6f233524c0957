"""`peptide-lint check --fix`: apply the exact text edits that fixable rules attach to findings."""

from __future__ import annotations

import codecs
from collections import defaultdict
from pathlib import Path

from .atomic import write_atomic
from .findings import Finding, Fix


def apply_fixes(findings: list[Finding], cwd: Path) -> dict[str, int]:
    """Apply every fix, file by file; returns the number of fixes applied per displayed path.

    Edits are applied from the end of the file backwards so that earlier offsets stay valid, and
    an edit that overlaps one already applied is skipped (the next run reports it again).
    """
    by_file: dict[str, list[Fix]] = defaultdict(list)
    for finding in findings:
        if finding.fix is not None:
            by_file[finding.path].append(finding.fix)
    applied: dict[str, int] = {}
    for shown, fixes in sorted(by_file.items()):
        path = cwd / shown
        raw = path.read_bytes()
        bom = raw.startswith(codecs.BOM_UTF8)
        text = raw.decode("utf-8-sig")
        count, limit = 0, len(text)
        for fix in sorted(set(fixes), key=lambda f: (f.start, f.end), reverse=True):
            if fix.end > limit:
                continue
            text = text[: fix.start] + fix.replacement + text[fix.end:]
            limit = fix.start
            count += 1
        write_atomic(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
        applied[shown] = count
    return applied
