"""## What it does
Reports a dose row labelled `confidence: clinical` that lists no source.

## Why it matters
"Clinical" tells the reader a dose was used in human studies. That promise must be checkable: the
row names the studies it rests on.

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1 mg per day
      confidence: clinical
```

## Instead
```yaml
dosing:
  rows:
    - label: Common course
      value: 1 mg per day
      confidence: clinical
      sources: [doe-2001]
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

ROWS = ("dosing", "rows")


def check(document, context) -> Iterator[Finding]:
    rows = document.get(ROWS)
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        if isinstance(row, dict) and row.get("confidence") == "clinical" and not row.get("sources"):
            path = ROWS + (index,)
            yield RULE.at(document, document.span(path + ("confidence",)),
                          f"{thing(context.schema, document.data, path)} is labelled clinical but cites no source",
                          "add sources: [source-id] naming the human studies behind the dose, "
                          "or label the row community")


RULE = Rule("PL204", "clinical-dose-without-source", Severity.ERROR,
            "A dose row labelled clinical cites no source.", __doc__, check)
