"""`--format junit`: JUnit XML for GitLab, Jenkins and other CI systems.

One <testsuite> per checked file, and in it one <testcase> per finding. Jenkins, GitLab and the
common JUnit actions show one <failure> per test case (the first), so a test case per file would
hide every error but the first; a test case per file and rule would still hide the second finding
of a rule. Per finding, every finding is listed with its place in the test's name
("PL301 dose-row-confidence at line 34, column 7") and its message and hint in the failure.

- an error is a <failure>; an internal failure of the checker (PL900) is an <error>, as JUnit has
  it for a test that broke rather than failed;
- a warning is a passing test case with the finding in its <system-out>: warnings do not fail the
  check (exit code 0), and a report that counted them as failures would fail the build the check
  passed; <skipped> would say the check did not run;
- a file without findings is one passing test case, "no findings", so that the report lists every
  file checked;
- a finding of a safety rule that a comment suppressed is a skipped test case whose message is the
  comment's reason, so that the report lists what was silenced.

The test case's classname is the file's path without its extension: Jenkins reads the classname's
last dot as the start of the class name, and would show "entries/x.yaml" as class "yaml". The
suite's `file` carries the whole path. The output follows the Jenkins xUnit plugin's junit-10.xsd
(what pytest writes too; tests/schemas/). Characters that XML 1.0 cannot hold (control characters
in a file name or a message) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from typing import NamedTuple, TextIO

from ..patterns import regex
from ..findings import INTERNAL_ERROR, Finding, Severity
from ..results import Report

_NOT_XML = regex("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_EXTENSION = regex(r"\.ya?ml$", re.IGNORECASE)


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter(NamedTuple):
    """The report as JUnit XML, one test case per finding, for CI systems that show test results."""

    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        by_file: dict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            by_file[finding.path].append(finding)
        suites = ET.Element("testsuites", name="peptide-lint")
        suppressed: dict[str, list] = defaultdict(list)
        for item in report.suppressed_safety:
            suppressed[item.finding.path].append(item)
        for path in sorted(set(report.files) | set(by_file)):
            _add_suite(suites, path, by_file[path], suppressed[path])
        for count in ("tests", "failures", "errors"):  # junit-10.xsd has no "skipped" on <testsuites>
            suites.set(count, str(sum(int(suite.get(count)) for suite in suites)))
        ET.indent(suites)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suites, encoding="unicode"))
        out.write("\n")


def _add_suite(suites: ET.Element, path: str, findings: list[Finding], suppressed: list) -> None:
    classname = _xml(_EXTENSION.sub("", path))
    suite = ET.SubElement(suites, "testsuite", name=_xml(path), file=_xml(path))
    if not findings:
        ET.SubElement(suite, "testcase", classname=classname, name="no findings")
    for item in suppressed:  # a check a comment switched off: skipped, with the comment's reason
        f = item.finding
        case = ET.SubElement(suite, "testcase", classname=classname,
                             name=_xml(f"{f.code} {f.name} at line {f.line}, column {f.column} (suppressed)"))
        ET.SubElement(case, "skipped", message=_xml(f"suppressed by a comment: {item.reason}"))
    seen: Counter[str] = Counter()
    for f in findings:
        name = f"{f.code} {f.name} at line {f.line}, column {f.column}"
        name += " (warning)" if f.severity is Severity.WARNING else ""
        seen[name] += 1
        # Two findings of one rule at one place still get a name each: some consumers merge namesakes.
        case = ET.SubElement(suite, "testcase", classname=classname,
                             name=_xml(name if seen[name] == 1 else f"{name} ({seen[name]})"))
        text = _xml(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"
                    + (f"\nhint: {f.hint}" if f.hint else ""))
        if f.severity is Severity.WARNING:
            ET.SubElement(case, "system-out").text = text
        else:
            kind = "error" if f.code == INTERNAL_ERROR else "failure"
            ET.SubElement(case, kind, type=f"{f.code} {f.name}", message=_xml(f.message)).text = text
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(len(suite.findall("testcase/failure"))))
    suite.set("errors", str(len(suite.findall("testcase/error"))))
    suite.set("skipped", str(len(suite.findall("testcase/skipped"))))


REPORTER = JunitReporter
