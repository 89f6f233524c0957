"""Reporters turn a Report into output. Each format is one module with one class behind `Reporter`.

Adding a format: write `reporters/<name>.py` with a class that takes the keyword arguments `color`
and `show_source` (it may ignore them) and has `write(report, out)`; then add it to FORMATS.
Modules are imported only when their format is used, so that start-up stays fast.
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from ..pipeline import Report


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...


FORMATS: dict[str, str] = {  # name -> "module:Class" in this package
    "text": "text:TextReporter",
    "json": "json:JsonReporter",
    "sarif": "sarif:SarifReporter",
    "github": "github:GithubReporter",
    "junit": "junit:JunitReporter",
    "markdown": "markdown:MarkdownReporter",
}


def reporter_class(name: str) -> type:
    module, cls = FORMATS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)
