"""## What it does
Reports a dose row labelled `confidence: none-established` whose value gives an amount (a number
with a unit of mass, volume, units or a count). The label says that no dose for people has been
established; the value says so in words ("No human dose has been established") and needs no
source.

## Why it matters
A row that reads "250 mcg per day" beside the label "none established" tells the reader two
things at once, and the number is the one they remember. An amount that people use or that a
study gave belongs in its own row, labelled community, clinical or preclinical, with its sources.

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: For people
      value: 1 mg per day
      confidence: none-established
```

## Instead
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: For people
      value: No dose for people has been established
      confidence: none-established
```
"""

from __future__ import annotations

from typing import Iterator

from ..doses import amounts, labels_marked
from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

ROWS = ("dosing", "rows")


def check(document, context) -> Iterator[Finding]:
    no_amount = labels_marked(context.schema, "x-no-amount")
    for index, row in document.each(ROWS):
        if not isinstance(row, dict) or row.get("confidence") not in no_amount or not isinstance(row.get("value"), str):
            continue
        value = row["value"]
        found = amounts(value)
        if found:
            path = ROWS + (index,)
            yield RULE.at(document, document.text_span(path + ("value",), found[0].start, found[0].end),
                          f'{thing(context.schema, document.data, path)} is labelled {row["confidence"]} but '
                          f'gives the amount "{value[found[0].start:found[0].end]}"',
                          "put an amount that people use or that a study gave in a row of its own, labelled "
                          "with its evidence and its sources; here, say that no dose is established")


RULE = Rule("PL312", "none-established-with-amount", Severity.ERROR,
            "A dose row labelled none-established gives an amount.", __doc__, check)
