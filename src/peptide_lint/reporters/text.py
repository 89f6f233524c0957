"""The default format: one block per finding, like a compiler or ruff, then a summary line.

    entries/x.yaml:42:7: PL301 [error] dose row "Route" has no confidence label; ...
      42 |     - label: Route
         |       ^^^^^
         = hint: clinical: the dose was used in human studies (cite them); ...

A finding with a fix says so at the end of its hint, and the summary counts the fixes on offer.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple, TextIO

import click

from ..findings import Finding, Severity
from ..results import Report
from ..source_lines import SourceLines
from . import baselined_safety

_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


class TextReporter(NamedTuple):
    """The report as people read it in a terminal: `path:line:col`, the source line and a hint."""

    color: bool = False
    show_source: bool = True
    show_summary: bool = True
    statistics: bool = False
    unsafe_fixes: bool = False  # --unsafe-fixes: the unsafe fixes are on offer too

    def style(self, text: str, **styles) -> str:
        return click.style(text, **styles) if self.color else text

    def write(self, report: Report, out: TextIO) -> None:
        lines = SourceLines(report.cwd)
        for finding in report.findings:
            out.write(self.heading(finding) + "\n")
            if self.show_source:
                out.write(self.excerpt(finding, lines(finding.path)))
        if self.statistics:
            out.write(self.counts_per_rule(report))
        if self.show_summary:
            out.write(self.summary(report) + "\n")

    def counts_per_rule(self, report: Report) -> str:
        counts = Counter((f.code, f.name, f.severity.value) for f in report.findings)
        return "".join(f"{count:>5}  {code}  {name} [{severity}]\n"
                       for (code, name, severity), count in sorted(counts.items()))

    def heading(self, finding: Finding) -> str:
        place = self.style(f"{_visible(finding.path)}:{finding.line}:{finding.column}:", bold=True)
        code = self.style(finding.code, bold=True)
        severity = self.style(f"[{finding.severity.value}]", fg=_SEVERITY_COLOR[finding.severity])
        return f"{place} {code} {severity} {_visible(finding.message)}"

    def excerpt(self, finding: Finding, lines: list[str] | None) -> str:
        number = str(finding.line)
        gutter = " " * len(number)
        parts = []
        if lines and 1 <= finding.line <= len(lines):
            line = lines[finding.line - 1]
            start = min(finding.column - 1, len(line))
            last = finding.span.end_column - 1 if finding.span.end_line == finding.line else len(line)
            end = max(start, min(last, len(line)))
            shown = _shown_characters(line)
            before, marked = "".join(shown[:start]), "".join(shown[start:end])
            carets = "^" * max(1, _width(marked))
            parts.append(f"  {number} | {before}{marked}{''.join(shown[end:])}\n")
            parts.append(f"  {gutter} | {' ' * _width(before)}{self.style(carets, fg=_SEVERITY_COLOR[finding.severity])}\n")
        hint = " ".join(part for part in (finding.hint, self.fix_note(finding)) if part)
        if hint:
            parts.append(f"  {gutter} = {self.style('hint:', bold=True)} {_visible(hint)}\n")
        return "".join(parts)

    def fix_note(self, finding: Finding) -> str | None:
        if finding.fix is None:
            return None
        if finding.fix.safe:
            return "(fixable: peptide-lint check --fix)"
        if self.unsafe_fixes:
            return "(a suggested fix, to review: peptide-lint check --fix --unsafe-fixes)"
        return "(a suggested fix is available with --unsafe-fixes)"

    def fixable(self, report: Report) -> str:
        """How many findings --fix repairs, and how many more --unsafe-fixes would, as ruff says it."""
        safe = sum(1 for f in report.findings if f.fix is not None and f.fix.safe)
        unsafe = sum(1 for f in report.findings if f.fix is not None and not f.fix.safe)
        if not safe and not unsafe:
            return ""
        if self.unsafe_fixes:  # the command that applies them all, safe and unsafe
            review = " (suggestions to review among them)" if unsafe else ""
            return f"\n{safe + unsafe} fixable with 'peptide-lint check --fix --unsafe-fixes'{review}."
        if not safe:
            return f"\n{unsafe} fixable with 'peptide-lint check --fix --unsafe-fixes' (suggestions to review)."
        more = f" ({unsafe} more with --unsafe-fixes, suggestions to review)" if unsafe else ""
        return f"\n{safe} fixable with 'peptide-lint check --fix'{more}."

    def summary(self, report: Report) -> str:
        errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
        files = _plural(report.files_checked, "file")
        if not report.files_checked:
            return "Nothing to check: no entry files (.yaml or .yml) were found."
        if not report.findings and not report.not_checked:
            return (self.style(f"All clear: no findings in {files}.", fg="green") + self.baselined(report)
                    + self.suppressed_safety(report))
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        codes = sorted({f.code for f in report.findings})
        in_baseline = sum(1 for f in report.findings if report.baseline and f.path == report.baseline)
        also = f" and {in_baseline} in the baseline {_visible(report.baseline)}" if in_baseline else ""
        explain = f"\nRun 'peptide-lint explain CODE' to learn more about a rule (here: {', '.join(codes)})." \
            if codes else ""
        return (f"{counts} in {report.files_with_findings} of {files}{also}{self.not_checked(report)}.{explain}"
                + self.fixable(report) + self.baselined(report) + self.suppressed_safety(report))

    def baselined(self, report: Report) -> str:
        """How many findings the baseline held back, and those of safety rules one by one: they
        still stand, and a reviewer reads them even when nothing else is reported."""
        if not report.baselined:
            return ""
        held = (f"\nThe baseline {_visible(report.baseline or '')} held back "
                f"{_plural(len(report.baselined), 'finding')} recorded before; --no-baseline shows "
                + ("it." if len(report.baselined) == 1 else "them."))
        safety = baselined_safety(report)
        if not safety:
            return held
        lines = [f"\n  {_visible(f.path)}:{f.line}:{f.column}: {f.code} {f.name}: {_visible(f.message)}"
                 for f in safety[:_LISTED]]
        if len(safety) > _LISTED:
            lines.append(f"\n  ...and {len(safety) - _LISTED} more (--format json lists them all)")
        return (held + "\n" + self.style(f"{_plural(len(safety), 'safety finding')} held back by the baseline, "
                                          "for review", bold=True) + ":" + "".join(lines))

    def suppressed_safety(self, report: Report) -> str:
        """The safety findings comments suppressed, each with the comment's reason: a reviewer reads
        them even when nothing else is reported."""
        if not report.suppressed_safety:
            return ""
        count = len(report.suppressed_safety)
        lines = [f"\n  {_visible(s.finding.path)}:{s.finding.line}:{s.finding.column}: {s.finding.code} "
                 f"{s.finding.name}, by the comment on line {s.comment.line}: {_visible(s.reason)}"
                 for s in report.suppressed_safety[:_LISTED]]
        if count > _LISTED:
            lines.append(f"\n  ...and {count - _LISTED} more (--format json lists them all)")
        return "\n" + self.style(f"{_plural(count, 'safety finding')} suppressed by comments, for review",
                                 bold=True) + ":" + "".join(lines)

    def not_checked(self, report: Report) -> str:
        """The files whose content was not checked, and why: with findings in them, the counts alone
        would read as if everything had been looked at."""
        if not report.not_checked:
            return ""
        count = len(report.not_checked)
        whose = "its" if count == 1 else "their"
        listed = [f"\n  {_visible(path)}: {reason}" for path, reason in list(report.not_checked.items())[:_LISTED]]
        if count > _LISTED:
            listed.append(f"\n  ...and {count - _LISTED} more (--format json lists them all)")
        return self.style(f"; {_plural(count, 'file')} could not be read as an entry, so {whose} content was "
                          "not checked", bold=True) + ":" + "".join(listed) + "\nFix the errors above and check again"


_LISTED = 10  # files named in the summary as not checked; a broken repo must not bury the findings

# Invisible characters an entry may hold (some scripts and emoji need them), so shown as they are.
_JOINERS = {"\u200c", "\u200d"}


def _visible(text: str) -> str:
    """`text` safe to print: control and invisible format characters from an entry or a file name
    (an escape sequence would act on the terminal; a text-direction mark would reorder the line;
    an undecodable byte of a file name cannot be printed at all) shown as escapes such as \\x1b,
    \\u202e or \\udcff instead."""
    if text.isascii() and text.isprintable():
        return text
    import unicodedata

    return "".join(_escape(char) if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")
                   and char not in _JOINERS else char for char in text)


_TAB_STOP = 4


def _shown_characters(line: str) -> list[str]:
    """Each character of a source line as the excerpt prints it (`_visible`), a tab as an arrow
    padded to the next stop of four columns: a tab printed as white space would hide the very
    character a finding may be about (PL004), and one printed as one space would shift the line."""
    if "\t" not in line:
        return [_visible(char) for char in line]
    shown, column = [], 0
    for char in line:
        printed = "→" + " " * (_TAB_STOP - 1 - column % _TAB_STOP) if char == "\t" else _visible(char)
        shown.append(printed)
        column += _width(printed)
    return shown


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _width(text: str) -> int:
    """How many terminal columns `text` takes: wide characters (CJK, most emoji) two, combining marks
    and invisible format characters none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.category(char) in ("Mn", "Me", "Cf") else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


REPORTER = TextReporter
