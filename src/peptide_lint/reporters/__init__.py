"""Reporters turn a Report into output. Each format is one module with one class behind `Reporter`.

Adding a format is adding one file: `reporters/<name>.py` with a class that takes the keyword
arguments `color` and `show_source` (it may ignore them) and has `write(report, out)`, named in the
module as `REPORTER`. Every module here whose name does not start with `_` is a format (`--format
<name>`). Modules are imported only when their format is used, so that start-up stays fast.
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from ..findings import Finding
from ..modules import module_names
from ..results import Report


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...


FORMATS: tuple[str, ...] = tuple(name for name in module_names(__path__) if not name.startswith("_"))


def reporter_class(name: str) -> type:
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}").REPORTER


def baselined_safety(report: Report) -> list[Finding]:
    """The findings of safety rules that the baseline held back: like those comments suppressed,
    every report lists them, so that a reviewer sees what still stands."""
    from .. import registry

    return [finding for finding in report.baselined
            if (rule := registry.lookup(finding.code)) is not None and rule.safety]
