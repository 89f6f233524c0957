"""Reporters turn a Report into output. Each format is one module with one class behind `Reporter`.

Adding a format: write `reporters/<name>.py` with a class that has `write(report, out)`, and add it
to FORMATS below.
"""

from __future__ import annotations

from typing import Protocol, TextIO

from ..pipeline import Report
from .text import TextReporter


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...


# name -> class; every class takes the keyword arguments `color` and `show_source` and may ignore them.
FORMATS: dict[str, type] = {
    "text": TextReporter,
}
