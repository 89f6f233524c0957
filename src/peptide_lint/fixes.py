"""`peptide-lint check --fix`: apply the exact text edits that fixable rules attach to findings."""

from __future__ import annotations

import codecs
import os
import stat
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomic
from .findings import Finding, Fix


@dataclass
class FixOutcome:
    applied: dict[str, int] = field(default_factory=dict)  # displayed path -> fixes applied
    not_written: dict[str, str] = field(default_factory=dict)  # displayed path -> why


def apply_fixes(findings: list[Finding], cwd: Path) -> FixOutcome:
    """Apply every fix, file by file, and say what was applied and which files could not be written.

    A file is edited once however many names it was checked under (a symlink, a symlinked folder),
    and only where it still reads as it did when checked. A file with other names (hard links) is
    not edited: replacing it in one step would part it from them. Edits are applied from the end
    of the file backwards so that earlier offsets stay valid; an edit that overlaps one already
    applied is skipped (the next run reports it again).
    """
    by_path: dict[Path, tuple[str, set[Fix]]] = {}  # real path -> (first displayed path, fixes)
    for finding in sorted(findings, key=lambda f: f.path):
        if finding.fix is not None:
            real = Path(os.path.realpath(cwd / finding.path))
            by_path.setdefault(real, (finding.path, set()))[1].add(finding.fix)
    outcome = FixOutcome()
    by_file: dict[tuple[int, int], tuple[str, Path, set[Fix], os.stat_result]] = {}  # by device and inode
    for path, (shown, fixes) in by_path.items():
        try:
            status = path.stat()
        except OSError as err:
            outcome.not_written[shown] = err.strerror or str(err)
            continue
        by_file.setdefault((status.st_dev, status.st_ino), (shown, path, set(), status))[2].update(fixes)
    for shown, path, fixes, status in sorted(by_file.values(), key=lambda item: item[0]):
        try:
            writable = status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) and os.access(path, os.W_OK)
            if not writable:
                outcome.not_written[shown] = "the file is read-only"
                continue
            if status.st_nlink > 1:
                outcome.not_written[shown] = "the file has other names (hard links); fix it by hand"
                continue
            if not os.access(path.parent, os.W_OK):
                outcome.not_written[shown] = "its folder is read-only"
                continue
            raw = path.read_bytes()
            bom = raw.startswith(codecs.BOM_UTF8)
            text = raw.decode("utf-8-sig")
            count, limit = 0, len(text)
            for fix in sorted(fixes, key=lambda f: (f.start, f.end), reverse=True):
                if fix.end > limit or text[fix.start:fix.end] != fix.original:
                    continue
                text = text[: fix.start] + fix.replacement + text[fix.end:]
                limit = fix.start
                count += 1
            if count:
                write_atomic(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
            outcome.applied[shown] = count
        except (OSError, UnicodeDecodeError) as err:
            outcome.not_written[shown] = getattr(err, "strerror", None) or str(err)
    return outcome
