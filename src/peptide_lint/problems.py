"""What a stage that reads or validates a file found, before it is put in words.

The reading stage (loader.py, linescan.py, syntax_errors.py) and the schema stage (schema_check.py) find problems:
which rule's, where, and the facts an editor's message needs. They import no rule; each rule's module
owns how its problems read (`Rule.describe`), as ruff keeps detection in the checker and the
message in the rule's file. The pipeline turns each problem into a finding through its rule.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

from .findings import Fix, Span


# The default of the records' mapping fields: a default is shared by every record, so it cannot change.
EMPTY_MAPPING: Mapping[str, Any] = MappingProxyType({})


class Problem(NamedTuple):
    """A problem found by the loader or the schema stage, in facts; its rule's module words it (Words)."""

    rule: str  # the name of the rule whose problem it is ("tab-indentation")
    span: Span
    facts: Mapping[str, Any] = EMPTY_MAPPING


class Words(NamedTuple):
    """A problem as an editor reads it: what is wrong, how to fix it, and an edit that fixes it."""

    message: str
    hint: str | None = None
    fix: Fix | None = None
