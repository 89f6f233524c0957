"""## What it does
Reports a dose row without a confidence label, or with a label other than the four allowed:
clinical (the dose was used in human studies), community (it rests on what users report),
preclinical (used only in animals or cells) and none-established (no dose for people is known). No
fix picks a label: which one is right depends on the evidence behind the dose, which only an editor
can weigh.

## Why it matters
Readers must be able to tell a dose studied in humans from a dose that users pass around. Every
row says which it is, so that no community practice reads like clinical guidance.

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1 mg per day
```

## Instead
```yaml
dosing:
  rows:
    - label: Common course
      value: 1 mg per day
      confidence: community
      sources: [roe-community]
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import closest, one_of, show, thing
from .base import Rule, SchemaOverlap

ROWS = ("dosing", "rows")
HINT = ("clinical: the dose was used in human studies (cite them); "
        "community: it rests on what users report; "
        "preclinical: used only in animals or cells (cite that work); "
        "none-established: no dose for people is known (give no amount)")


def check(document, context) -> Iterator[Finding]:
    for index, row in document.each(ROWS):
        if not isinstance(row, dict):
            continue
        path = ROWS + (index,)
        allowed = context.schema.allowed_values(context.schema.at(path + ("confidence",))) or []
        name = thing(context.schema, document.data, path)
        if "confidence" not in row:
            yield RULE.at(document, document.owner_span(path),
                          f"{name} has no confidence label; add confidence: one of {one_of(allowed)}",
                          HINT)
        elif row["confidence"] not in allowed:
            label = row["confidence"]
            suggestion = closest(label.lower(), [str(a) for a in allowed]) if isinstance(label, str) else None
            yield RULE.at(document, document.span(path + ("confidence",)),
                          f"{name} has the confidence label {show(label)}; "
                          + (f'did you mean "{suggestion}"?' if suggestion else f"use one of {one_of(allowed)}"),
                          HINT)


RULE = Rule("PL301", "dose-row-confidence", Severity.ERROR,
            "A dose row has no confidence label from the vocabulary.", __doc__, check,
            overlaps=(SchemaOverlap(ROWS + ("*",), "required", "confidence"),
                      SchemaOverlap(ROWS + ("*", "confidence"), "*")))
