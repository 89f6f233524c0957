"""The one thing every stage of the pipeline produces: a finding at a place in a file.

Records here and on the rest of the check path are NamedTuples (immutable) or plain classes, not
dataclasses: a dataclass compiles its generated methods when its module is imported, about 0.35 ms
a class, which was 12 ms of the start of every pre-commit run. A NamedTuple costs about a third.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:  # "error", as every report writes it (not "Severity.ERROR")
        return self.value


class Span(NamedTuple):
    """A stretch of a file. Lines and columns are 1-based; the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


FILE_START = Span(1, 1, 1, 1)
# The code of the checker's own failures (rules/internal_error.py): a run with one failed as a tool.
INTERNAL_ERROR = "PL900"


class Edit(NamedTuple):
    """Replace the characters start:end of the file's text (without a BOM), which read `original`,
    with `replacement` (start == end inserts)."""

    start: int
    end: int
    replacement: str
    original: str  # what the edit replaces: a file that no longer reads so is not edited there


class Fix(NamedTuple):
    """How to repair one finding: edits of the file's own characters, applied all together or not at
    all. A safe fix keeps the meaning exactly (`check --fix` applies it); an unsafe one is a guess
    that needs a human look (applied only with `--unsafe-fixes`). `title` is what an editor's code
    action shows ("replace the curly quotes with straight quotes")."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @classmethod
    def replace(cls, title: str, start: int, end: int, replacement: str, original: str, safe: bool = True) -> Fix:
        """A fix of one edit."""
        return cls(title, (Edit(start, end, replacement, original),), safe)


class Finding(NamedTuple):
    """A problem reported to the user: where, which rule, what is wrong and how to fix it (see api.py)."""

    path: str  # as shown to the user: relative to the repo root, forward slashes
    span: Span
    code: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def end_line(self) -> int:
        return self.span.end_line

    @property
    def end_column(self) -> int:
        return self.span.end_column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)
