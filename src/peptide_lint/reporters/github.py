"""`--format github`: GitHub Actions workflow commands, shown as annotations on the pull request.

    ::error file=entries/x.yaml,line=4,col=7,endLine=4,endColumn=12,title=PL301 dose-row-confidence::message

Escaping follows the Actions toolkit: in the message, % CR and LF; in properties, also : and ,.
"""

from __future__ import annotations

from typing import NamedTuple, TextIO

from ..findings import Severity
from ..results import Report


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(NamedTuple):
    """The report as GitHub Actions workflow commands: annotations on the pull request's lines."""

    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        suppressed = {id(s.finding): s for s in report.suppressed_safety}
        for f in [*report.findings, *(s.finding for s in report.suppressed_safety)]:
            command = "error" if f.severity is Severity.ERROR else "warning"
            title = f"{f.code} {f.name}"
            message = f.message + (f"\nhint: {f.hint}" if f.hint else "")
            if id(f) in suppressed:  # a notice, for review: the comment's reason says why it is fine
                command, title = "notice", title + " (suppressed)"
                message = f"suppressed by a comment: {suppressed[id(f)].reason}\n{f.message}"
            properties = {
                "file": report.repo_relative(f.path), "line": f.span.line, "col": f.span.column,
                "endLine": max(f.span.end_line, f.span.line), "endColumn": f.span.end_column, "title": title,
            }
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            out.write(f"::{command} {joined}::{escape_data(message)}\n")


REPORTER = GithubReporter
