"""`--format markdown`: a short summary for $GITHUB_STEP_SUMMARY or a pull-request comment."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple, TextIO

from ..patterns import regex
from ..findings import Severity
from ..results import Report

MAX_ROWS = 200  # a job summary is for reading; the full list is in the annotations and SARIF


def _cell(text: str) -> str:
    """Text from an entry as it reads, never as markup: a label such as "<b>" or "[x](y)" would
    otherwise be rendered, or break the table. An invisible word joiner after "@" and "#" keeps
    GitHub from reading a citation id ("@doe-2001") as a mention of a person, or "#12" as an issue."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("@", "@\u2060").replace("#", "#\u2060")
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


_MARKDOWN_SPECIAL = regex(r"[\\`*_\[\]|~!]")


class MarkdownReporter(NamedTuple):
    """The report as Markdown, for a pull-request comment or a job summary."""

    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
        files = report.files_checked
        out.write(f"## peptide-lint: {errors} error{'s' if errors != 1 else ''}, "
                  f"{warnings} warning{'s' if warnings != 1 else ''} in {report.files_with_findings} "
                  f"of {files} file{'s' if files != 1 else ''}\n\n")
        if report.baselined:
            count = len(report.baselined)
            out.write(f"The baseline {_cell(report.baseline or '')} held back {count} finding{'s' if count != 1 else ''} "
                      "recorded before.\n\n")
        if report.not_checked:
            count = len(report.not_checked)
            out.write(f"**{count} file{'s' if count != 1 else ''} could not be read as an entry, so "
                      f"{'its' if count == 1 else 'their'} content was not checked:**\n\n")
            for path, reason in list(report.not_checked.items())[:MAX_ROWS]:
                out.write(f"- {_cell(path)}: {_cell(reason)}\n")
            if count > MAX_ROWS:
                out.write(f"- …and {count - MAX_ROWS} more\n")
            out.write("\n")
        if report.suppressed_safety:
            count = len(report.suppressed_safety)
            out.write(f"**{count} safety finding{'s' if count != 1 else ''} suppressed by comments, for review:**\n\n")
            for s in report.suppressed_safety[:MAX_ROWS]:
                out.write(f"- {_cell(s.finding.path)}:{s.finding.line} {s.finding.code} {s.finding.name}: "
                          f"{_cell(s.reason)}\n")
            if count > MAX_ROWS:
                out.write(f"- …and {count - MAX_ROWS} more\n")
            out.write("\n")
        if not report.findings:
            out.write("All clear: no findings.\n")
            return
        out.write("| Rule | Findings |\n| --- | ---: |\n")
        names = {f.code: f.name for f in report.findings}
        for code, count in sorted(Counter(f.code for f in report.findings).items()):
            out.write(f"| {code} {names[code]} | {count} |\n")
        out.write("\n| File | Line | Rule | Severity | Message |\n| --- | ---: | --- | --- | --- |\n")
        for f in report.findings[:MAX_ROWS]:
            out.write(f"| {_cell(f.path)} | {f.line} | {f.code} | {f.severity.value} | {_cell(f.message)} |\n")
        if len(report.findings) > MAX_ROWS:
            out.write(f"\n…and {len(report.findings) - MAX_ROWS} more.\n")


REPORTER = MarkdownReporter
