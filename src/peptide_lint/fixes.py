"""Apply the fixes that rules attach to findings: `check --fix`, `check --diff`, an editor's "fix all".

A fix is a set of edits of the file's own characters (findings.Fix), safe (the meaning is kept
exactly) or unsafe (a guess for a human to look at, applied only when asked for). Fixing a text
goes in passes: a pass takes every fix whose edits still read as they did when checked and overlap
no edit already taken in that pass (a fix is applied whole or not at all; one that overlaps waits
for the next pass), then the text is checked again in memory, until no fix applies or MAX_PASSES
have run. A file is written once, at the end, in one step, keeping its byte-order mark.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from .atomic import write_atomic
from .findings import Edit, Finding, Fix

# A fix can make another one possible (an invisible character removed, the YAML around it becomes
# readable and its own fixes show); passes stop early when nothing applies. The bound keeps two
# fixes that undo each other (a bug) from running forever.
MAX_PASSES = 10


class FixedText(NamedTuple):
    """A text with its fixes applied, and how many were applied or left because they are unsafe."""

    text: str
    applied: int  # fixes applied, over all passes
    unsafe_left: int  # fixes left that are unsafe and were not asked for


def fix_text(text: str, findings: list[Finding], recheck: Callable[[str], list[Finding]],
             unsafe: bool = False) -> FixedText:
    """`text` with the fixes of its `findings` applied, pass after pass; `recheck` gives the findings
    of a fixed text. `unsafe`: apply the unsafe fixes too."""
    applied = 0
    for _ in range(MAX_PASSES):
        fixes = [finding.fix for finding in findings if finding.fix is not None and (finding.fix.safe or unsafe)]
        fixed, count = apply_pass(text, fixes)
        if fixed == text:
            break
        text, applied = fixed, applied + count
        findings = recheck(text)
    unsafe_left = 0 if unsafe else len({f.fix for f in findings if f.fix is not None and not f.fix.safe})
    return FixedText(text, applied, unsafe_left)


def apply_pass(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """One pass: `text` with every fix applied that still reads as checked and overlaps no fix taken
    before it (the safe ones, then the unsafe ones, each in the order of the file), and how many
    were applied."""
    taken: list[Edit] = []
    count = 0
    for fix in sorted(set(fixes), key=_order):
        if _applies(text, fix, taken):
            taken += fix.edits
            count += 1
    for edit in sorted(taken, key=lambda edit: (edit.start, edit.end), reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text, count


def _order(fix: Fix) -> tuple:
    """Safe fixes first (where a safe and an unsafe fix overlap, the guess waits), then in the order
    of the file; the same order every run."""
    return not fix.safe, sorted((edit.start, edit.end, edit.replacement) for edit in fix.edits), fix.title


def _applies(text: str, fix: Fix, taken: list[Edit]) -> bool:
    """Whether every edit of `fix` still reads as checked, and overlaps neither another of its own
    edits nor an edit already taken."""
    edits = list(fix.edits)
    return all(_reads_as_checked(text, edit) for edit in edits) and not any(
        _overlap(edit, other) for i, edit in enumerate(edits) for other in edits[i + 1:] + taken)


def _reads_as_checked(text: str, edit: Edit) -> bool:
    return 0 <= edit.start <= edit.end <= len(text) and text[edit.start:edit.end] == edit.original


def _overlap(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same characters, or insert at the same place (in which order?)."""
    return a.start == b.start or max(a.start, b.start) < min(a.end, b.end)


class FileFix(NamedTuple):
    """One file, fixed in memory: its name as shown, where it really is, and its text before and after."""

    shown: str
    path: Path
    bom: bool
    before: str
    fixed: FixedText

    @property
    def changed(self) -> bool:
        return self.fixed.text != self.before

    def diff(self) -> str:
        """The change as a unified diff (`a/PATH`, `b/PATH`), as `git diff` shows it."""
        import difflib  # only --diff needs it

        lines = difflib.unified_diff(_LINES.findall(self.before), _LINES.findall(self.fixed.text),
                                     f"a/{self.shown}", f"b/{self.shown}")
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                       for line in lines)


_LINES = re.compile(r".*?(?:\r\n|\r|\n)|.+\Z", re.DOTALL)  # each line with its own line break, as YAML breaks them


def fix_files(findings: list[Finding], cwd: Path, recheck: Callable[[str, str], list[Finding]],
              unsafe: bool = False) -> tuple[list[FileFix], dict[str, str]]:
    """Every file with a fix among `findings`, fixed in memory (nothing is written), and the files
    that could not be read again, with why. `recheck(text, shown)` checks a fixed text as the file.

    A file is fixed once however many names it was checked under (a symlink, a symlinked folder),
    from the findings of the first of them, and only where it still reads as it did when checked.
    """
    by_name: dict[str, list[Finding]] = {}
    for finding in findings:
        by_name.setdefault(finding.path, []).append(finding)
    fixed: list[FileFix] = []
    unreadable: dict[str, str] = {}
    seen: set[tuple[int, int]] = set()  # device and inode
    for shown, found in sorted(by_name.items()):
        if not any(finding.fix for finding in found):
            continue
        path = Path(os.path.realpath(cwd / shown))
        try:
            status = path.stat()
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            unreadable[shown] = getattr(err, "strerror", None) or str(err)
            continue
        result = fix_text(text, found, lambda again: recheck(again, shown), unsafe)
        fixed.append(FileFix(shown, path, raw.startswith(codecs.BOM_UTF8), text, result))
    return fixed, unreadable


def write_fixes(files: list[FileFix]) -> dict[str, str]:
    """Write each changed file in one step; return the files that could not be written, with why.

    A file with other names (hard links) is not written: replacing it in one step would part it
    from them. Nor is a read-only file, or one in a read-only folder."""
    not_written: dict[str, str] = {}
    for file in files:
        if not file.changed:
            continue
        path = file.path
        try:
            status = path.stat()
            if not (status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) and os.access(path, os.W_OK)):
                not_written[file.shown] = "the file is read-only"
            elif status.st_nlink > 1:
                not_written[file.shown] = "the file has other names (hard links); fix it by hand"
            elif not os.access(path.parent, os.W_OK):
                not_written[file.shown] = "its folder is read-only"
            else:
                write_atomic(path, (codecs.BOM_UTF8 if file.bom else b"") + file.fixed.text.encode("utf-8"))
        except OSError as err:
            not_written[file.shown] = err.strerror or str(err)
    return not_written
