"""`--format github`: GitHub Actions workflow commands, shown as annotations on the pull request.

    ::error file=entries/x.yaml,line=4,col=7,endLine=4,endColumn=12,title=PL301 dose-row-confidence::message

Escaping follows the Actions toolkit: in the message, % CR and LF; in properties, also : and ,.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from ..findings import Severity
from ..pipeline import Report


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class GithubReporter:
    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        for f in report.findings:
            command = "error" if f.severity is Severity.ERROR else "warning"
            properties = {
                "file": report.repo_relative(f.path), "line": f.span.line, "col": f.span.column,
                "endLine": max(f.span.end_line, f.span.line), "endColumn": f.span.end_column,
                "title": f"{f.code} {f.name}",
            }
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            message = f.message + (f"\nhint: {f.hint}" if f.hint else "")
            out.write(f"::{command} {joined}::{escape_data(message)}\n")


REPORTER = GithubReporter
