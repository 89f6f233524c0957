"""## What it does
Requires dosing notes (`dosing.notes`) when a dose row is marked `beyond_standard: true`.

## Why it matters
A row about going beyond the standard dose must never stand alone: the notes carry what people
do, why, and the cautions that scale with the dose.

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: Pushing higher
      value: going beyond the standard dose
      beyond_standard: true
      confidence: community
      sources: [roe-community]
```

## Instead
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: Pushing higher
      value: going beyond the standard dose
      beyond_standard: true
      confidence: community
      sources: [roe-community]
  notes: >-
    Users report doubling the dose and more headaches when they do [@roe-community].
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    notes = document.get(("dosing", "notes"))
    if isinstance(notes, str) and notes.strip():
        return
    rows = document.get(("dosing", "rows"))
    for index, row in document.each(("dosing", "rows")):
        if isinstance(row, dict) and row.get("beyond_standard") is True:
            path = ("dosing", "rows", index)
            yield RULE.at(document, document.span(path + ("beyond_standard",)),
                          f"{thing(context.schema, document.data, path)} goes beyond the standard dose, "
                          "but the dosing section has no notes explaining it",
                          "add notes: under dosing: what people do beyond the standard dose, and its cautions")


RULE = Rule("PL304", "beyond-standard-without-notes", Severity.ERROR,
            "A beyond-the-standard-dose row has no dosing notes.", __doc__, check)
