"""The baseline: the findings a repo had when it adopted the checker, so that a check fails only on new ones.

`check --write-baseline FILE` records a check's findings; `check --baseline FILE` (or `baseline =`
in the configuration) reports only the findings the baseline does not hold. A finding is known by
its rule, its file (relative to the repo root) and the text of its line with the white space
folded, never by its line number: lines added above it do not make it new, while an edit of its
own line does (the line is then the editor's to look at). Identical findings are counted: a
baseline that holds two absorbs two, and a third is new.

The file is JSON meant for review in a diff: one entry a line, sorted by path, rule and text, no
date and no version of the checker, so that recording an unchanged repo writes the same bytes:

    {
      "version": 1,
      "findings": [
        {"path": "entries/semax.yaml", "rule": "PL201", "text": "lede: Semax is ...", "count": 2},
        ...
      ]
    }

An entry that no longer matches as many findings as it counts is reported (stale-baseline, at its
line in the file), so the baseline only shrinks; an entry is judged only when the run checked its
file with its rule, or when its file is gone.

A file that could not be read as an entry (broken YAML, not UTF-8, ...) is never held back: its
content rules did not run, so a baseline that hid it would let anything be written into it unseen.
Its findings are not recorded, and a baseline that holds them from before does not hide them.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, NamedTuple

from . import registry
from .discover import repo_relative
from .findings import INTERNAL_ERROR, Finding, Span
from .problems import Problem
from .results import Report
from .rules import stale_baseline
from .rules.base import Rule
from .source_lines import SourceLines, folded_line

VERSION = 1
_FINDINGS_ARRAY = re.compile(r'(?<!\\)"findings"\s*:\s*\[')


class BaselineError(Exception):
    """The baseline file cannot be used (missing, not JSON, not a baseline): the message says why."""


class Key(NamedTuple):
    path: str  # relative to the repo root, forward slashes
    rule: str  # the rule's code
    text: str  # the finding's line, white space folded


class Baseline:
    """The findings a team accepted for now: how many of each (file, rule, line text) a report may hide."""

    def __init__(self, counts: Counter[Key] | None = None, lines: dict[Key, int] | None = None) -> None:
        self.counts: Counter[Key] = counts if counts is not None else Counter()
        self.lines: dict[Key, int] = lines if lines is not None else {}  # each entry's line in its file, for stale findings

    def __repr__(self) -> str:
        return f"Baseline({self.counts!r})"

    def __eq__(self, other: object) -> bool:
        return (self.counts, self.lines) == (other.counts, other.lines) if isinstance(other, Baseline) else NotImplemented

    @classmethod
    def load(cls, path: Path, name: str | None = None) -> Baseline:
        """The baseline in the file at `path` (`name`: the file as messages show it)."""
        name = name or str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineError(f"there is no baseline {name}") from None
        except (OSError, UnicodeDecodeError) as err:
            raise BaselineError(f"cannot read the baseline {name}: {getattr(err, 'strerror', None) or err}") from None
        try:
            document = json.loads(text)
        except ValueError as err:
            raise BaselineError(f"the baseline {name} is not JSON ({err})") from None
        return cls.parse(document, text, name)

    @classmethod
    def parse(cls, document, text: str, name: str) -> Baseline:
        """The baseline a JSON document holds (`text`: the document as written, for its lines)."""
        def wrong(what: str) -> BaselineError:
            return BaselineError(f"the baseline {name} {what}")

        if not isinstance(document, dict) or "findings" not in document:
            raise wrong('is not a peptide-lint baseline (a JSON object with "version" and "findings")')
        if document.get("version") != VERSION:
            raise wrong(f"has version {document.get('version')!r}, which this peptide-lint does not read "
                        f"(it reads version {VERSION})")
        if not isinstance(document["findings"], list):
            raise wrong('has "findings" that is not a list')
        baseline = cls()
        lines = _entry_lines(text)
        for number, entry in enumerate(document["findings"], start=1):
            problem = _entry_problem(entry)
            if problem:
                raise wrong(f"has a finding (number {number}) that {problem}")
            key = Key(entry["path"], entry["rule"], entry["text"])
            baseline.counts[key] += entry["count"]
            baseline.lines.setdefault(key, lines[number - 1] if number <= len(lines) else 1)
        return baseline

    @classmethod
    def of(cls, report: Report) -> Baseline:
        """The findings of `report` as a baseline (see `recordable`)."""
        baseline = cls()
        lines = SourceLines(report.cwd)
        for finding in cls.recordable(report):
            baseline.counts[_key(finding, report, lines)] += 1
        return baseline

    @staticmethod
    def recordable(report: Report) -> list[Finding]:
        """The findings a baseline records: not the checker's own failures, nor those of a file that
        could not be read as an entry (see the module's documentation)."""
        return [finding for finding in report.findings
                if finding.code != INTERNAL_ERROR and finding.path not in report.not_checked]

    def updated_with(self, report: Report, rules: Iterable[Rule]) -> Baseline:
        """This baseline with the findings of `report` in place of what it held for them: the
        entries a run could not have matched (another file, a rule that did not run) are kept."""
        recorded = Baseline.of(report)
        run = {rule.code for rule in rules}
        checked = _checked_paths(report)
        for key, count in self.counts.items():
            if not _judged(key, checked, run, report):
                recorded.counts[key] += count
        return recorded

    def dumps(self) -> str:
        entries = [json.dumps({"path": key.path, "rule": key.rule, "text": key.text, "count": count},
                              ensure_ascii=False) for key, count in sorted(self.counts.items()) if count > 0]
        body = ",\n    ".join(entries)
        return (f'{{\n  "version": {VERSION},\n  "findings": [' + (f"\n    {body}\n  " if entries else "")
                + "]\n}\n")

    def __len__(self) -> int:
        return sum(self.counts.values())

    def apply(self, report: Report, rules: Iterable[Rule], shown: str) -> Report:
        """`report` without the findings this baseline holds, and with a stale-baseline finding, at
        `shown` (the baseline file as the report shows paths), for each entry that holds more than
        the run found."""
        rules = tuple(rules)
        left = Counter(self.counts)
        kept, hidden = [], []
        lines = SourceLines(report.cwd)
        for finding in report.findings:
            key = _key(finding, report, lines) if finding.code != INTERNAL_ERROR else None
            if key is not None and left[key] > 0:
                left[key] -= 1  # (in a file that could not be read: matched, and still shown)
                (kept if finding.path in report.not_checked else hidden).append(finding)
            else:
                kept.append(finding)
        stale_rule = next((rule for rule in rules if rule.code == stale_baseline.RULE.code), None)
        if stale_rule is not None:
            checked, run = _checked_paths(report), {rule.code for rule in rules}
            for key, unmatched in left.items():
                if unmatched > 0 and _judged(key, checked, run, report):
                    kept.append(self._stale(stale_rule, key, unmatched, shown, report))
        kept.sort(key=Finding.sort_key)
        return report.replaced(findings=kept, baselined=report.baselined + hidden, baseline=shown)

    def _stale(self, rule: Rule, key: Key, unmatched: int, shown: str, report: Report) -> Finding:
        line = self.lines.get(key, 1)
        lines = SourceLines(report.cwd)(shown) or []
        written = lines[line - 1] if line <= len(lines) else ""
        start = len(written) - len(written.lstrip()) + 1
        span = Span(line, start, line, max(start + 1, len(written.rstrip()) + 1))
        facts = {"path": key.path, "rule": key.rule, "text": key.text, "count": self.counts[key],
                 "unmatched": unmatched, "gone": not (_root(report) / key.path).exists()}
        return rule.worded(shown, Problem(rule.name, span, facts))


def _key(finding: Finding, report: Report, lines: SourceLines) -> Key:
    return Key(repo_relative(report.cwd / finding.path, _root(report)), finding.code,
               folded_line(lines(finding.path), finding.line))


def _root(report: Report) -> Path:
    return report.repo_root if report.repo_root is not None else report.cwd


def _checked_paths(report: Report) -> dict[str, bool]:
    """The files the run checked, by repo path: True when every rule ran on it, False when it could
    not be read as an entry (only the rules that read the file ran)."""
    return {repo_relative(report.cwd / shown, _root(report)): shown not in report.not_checked
            for shown in report.files}


def _reads_the_file(code: str) -> bool:
    """A rule of the reading stage (PL001 to PL019): the only rules that run on a file YAML cannot read."""
    return code.startswith("PL0") and code < "PL020"


def _judged(key: Key, checked: dict[str, bool], run: set[str], report: Report) -> bool:
    """Whether a run that checked the files `checked` with the rules `run` could have matched the
    entry: its file and rule were checked (on a file that could not be read, only the reading rules
    were), or its file is gone, or its rule no longer exists."""
    if not os.path.lexists(_root(report) / key.path) or registry.lookup(key.rule) is None:
        return True
    return key.path in checked and key.rule in run and (checked[key.path] or _reads_the_file(key.rule))


def _entry_problem(entry) -> str | None:
    if not isinstance(entry, dict):
        return "is not an object"
    for name in ("path", "rule", "text"):
        if not isinstance(entry.get(name), str):
            return f'has no "{name}" as text'
    count = entry.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        return 'has no "count" of 1 or more'
    return None


def _entry_lines(text: str) -> list[int]:
    """The line on which each item of the "findings" list starts, in order ([] if it cannot be
    found: stale findings then point at the file's first line)."""
    start = _FINDINGS_ARRAY.search(text)
    if start is None:
        return []
    decoder, position, found = json.JSONDecoder(), start.end(), []
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return found
        try:
            _, end = decoder.raw_decode(text, position)
        except ValueError:
            return found
        found.append(text.count("\n", 0, position) + 1)
        position = end
