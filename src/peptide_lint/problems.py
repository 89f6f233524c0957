"""What a stage that reads or validates a file found, before it is put in words.

The reading stage (loader.py, linescan.py, syntax_errors.py) and the schema stage (schema_check.py) find problems:
which rule's, where, and the facts an editor's message needs. They import no rule; each rule's module
owns how its problems read (`Rule.describe`), as ruff keeps detection in the checker and the
message in the rule's file. The pipeline turns each problem into a finding through its rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .findings import Fix, Span


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found by the loader or the schema stage, in facts; its rule's module words it (Words)."""

    rule: str  # the name of the rule whose problem it is ("tab-indentation")
    span: Span
    facts: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


class Words(NamedTuple):
    """A problem as an editor reads it: what is wrong, how to fix it, and an edit that fixes it."""

    message: str
    hint: str | None = None
    fix: Fix | None = None
