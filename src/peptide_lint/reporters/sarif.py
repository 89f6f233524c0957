"""`--format sarif`: SARIF 2.1.0, which GitHub code scanning (and many other tools) read.

Every rule is described in the tool section; each finding is a result with a physical location
relative to the root of the git checkout (`%SRCROOT%`, percent-encoded as a URI), which is the
content repo's unless it sits in a subfolder. `partialFingerprints` let code scanning recognise the
same finding after unrelated edits move it: the fingerprint is built from the rule, the file, the text
of the line (not its number) and how many identical findings precede it, so a finding keeps its
identity when lines are added above it. A file whose content could not be checked is named in a
tool execution notification of the run's invocation, with why. A finding with a fix carries it as
a SARIF fix: its edits as replacements of `charOffset`/`charLength` regions (characters of the
file's text, counted without a byte-order mark), described by the fix's title, and marked as a
suggestion to review when it is unsafe.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import NamedTuple, TextIO
from urllib.parse import quote

from .. import __version__, registry
from ..docs import doc_sections
from ..findings import Finding, Fix, Severity
from ..results import Report
from ..source_lines import SourceLines, folded_line

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


class SarifReporter(NamedTuple):
    """The report as SARIF 2.1.0, for code-scanning tools."""

    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        rules = list(registry.RULES)
        index = {rule.code: i for i, rule in enumerate(rules)}
        seen: Counter[str] = Counter()
        results = []
        lines = SourceLines(report.cwd)
        suppressions = {id(s.finding): s for s in report.suppressed_safety}
        for finding in [*report.findings, *(s.finding for s in report.suppressed_safety)]:
            path = report.repo_relative(finding.path)
            key = _line_key(finding, path, lines(finding.path))
            seen[key] += 1
            result = {
                "ruleId": finding.code,
                "level": _LEVEL[finding.severity],
                "message": {"text": finding.message + (f" (hint: {finding.hint})" if finding.hint else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": quote(path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": finding.span.line, "startColumn": finding.span.column,
                               "endLine": max(finding.span.end_line, finding.span.line),
                               "endColumn": max(finding.span.end_column, 1)},
                }}],
                "partialFingerprints": {"peptideLint/v1": hashlib.sha256(f"{key}:{seen[key]}".encode()).hexdigest()},
            }
            if finding.code in index:
                result["ruleIndex"] = index[finding.code]
            if finding.fix is not None:
                result["fixes"] = [_fix(finding.fix, path)]
            if id(finding) in suppressions:  # a safety finding a comment suppressed: listed for review
                result["suppressions"] = [{"kind": "inSource", "justification": suppressions[id(finding)].reason}]
            results.append(result)
        run = {
            "tool": {"driver": {
                "name": "peptide-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        if report.not_checked:  # shown by code scanning as the tool's warnings about the run
            run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [{
                "level": "warning",
                "message": {"text": f"{report.repo_relative(path)} was not checked: {reason}"},
                "locations": [{"physicalLocation": {"artifactLocation": {
                    "uri": quote(report.repo_relative(path)), "uriBaseId": "%SRCROOT%"}}}],
            } for path, reason in report.not_checked.items()]}]
        if report.baseline is not None:  # what the results leave out, for whoever reads the log
            run["properties"] = {"baseline": report.repo_relative(report.baseline),
                                 "baselined": len(report.baselined)}
        if report.source_root is not None:
            run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": report.source_root.as_uri() + "/"}}
        json.dump({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, out, ensure_ascii=False, indent=2)
        out.write("\n")


def _fix(fix: Fix, path: str) -> dict:
    review = "" if fix.safe else " (a suggestion: review it before applying it)"
    return {"description": {"text": fix.title + review},
            "artifactChanges": [{
                "artifactLocation": {"uri": quote(path), "uriBaseId": "%SRCROOT%"},
                "replacements": [{"deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
                                  "insertedContent": {"text": edit.replacement}} for edit in fix.edits],
            }]}


def _rule(rule) -> dict:
    sections = doc_sections(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(sections.get("What it does", rule.summary).split())},
        "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["peptide-lint", rule.name]},
    }


def _line_key(finding: Finding, path: str, lines: list[str] | None) -> str:
    return f"{finding.code}:{path}:{folded_line(lines, finding.span.line)}"


REPORTER = SarifReporter
