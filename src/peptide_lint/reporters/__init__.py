"""Reporters turn a Report into output. Each format is one module with a class behind `Reporter`."""

from __future__ import annotations

from typing import Protocol, TextIO

from ..pipeline import Report


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...
