"""`--format junit`: JUnit XML for GitLab, Jenkins and other CI systems.

One test case per checked file; each error is a <failure> of that test case, warnings go to the
test case's <system-out>. A file without errors is a passing test case. Characters that XML 1.0
cannot hold (control characters in a file name or an error message) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from typing import TextIO

from ..findings import Severity
from ..pipeline import Report

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


@dataclass
class JunitReporter:
    color: bool = False
    show_source: bool = True

    def write(self, report: Report, out: TextIO) -> None:
        by_file = defaultdict(list)
        for finding in report.findings:
            by_file[finding.path].append(finding)
        files = sorted(set(report.files) | set(by_file))
        failing = [path for path in files if any(f.severity is Severity.ERROR for f in by_file[path])]
        suites = ET.Element("testsuites", name="peptide-lint", tests=str(len(files)), failures=str(len(failing)))
        suite = ET.SubElement(suites, "testsuite", name="peptide-lint", tests=str(len(files)),
                              failures=str(len(failing)), errors="0", skipped="0")
        for path in files:
            case = ET.SubElement(suite, "testcase", classname="peptide-lint", name=_xml(path), file=_xml(path))
            warnings = []
            for f in by_file[path]:
                text = f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"
                text += f"\nhint: {f.hint}" if f.hint else ""
                if f.severity is Severity.ERROR:
                    failure = ET.SubElement(case, "failure", type=f"{f.code} {f.name}",
                                            message=_xml(f"line {f.line}: {f.message}"))
                    failure.text = _xml(text)
                else:
                    warnings.append(text)
            if warnings:
                ET.SubElement(case, "system-out").text = _xml("\n".join(warnings))
        ET.indent(suites)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suites, encoding="unicode"))
        out.write("\n")


REPORTER = JunitReporter
