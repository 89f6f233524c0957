"""## What it does
Reports a dose row labelled `confidence: clinical` that lists no source, or whose sources include
no human evidence (the source types the schema marks `x-human`: reviews, meta-analyses, human RCTs,
human studies, case reports).

## Why it matters
"Clinical" tells the reader a dose was used in human studies. That promise must be checkable: the
row names the human studies it rests on; an animal study or user reports cannot carry it.

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
from ..prose import sources_by_id
from ..wording import thing
from .base import Rule

ROWS = ("dosing", "rows")


def check(document, context) -> Iterator[Finding]:
    sources = sources_by_id(document.data)
    for index, row in document.each(ROWS):
        if not isinstance(row, dict) or row.get("confidence") != "clinical":
            continue
        listed = row.get("sources") if isinstance(row.get("sources"), list) else []
        cited = [sources[i] for i in listed if isinstance(i, str) and i in sources]
        if row.get("sources") and (not cited or any(map(context.schema.is_human_source, cited))):
            continue  # unknown ids are reported by unknown-citation
        path = ROWS + (index,)
        what = "cites no source" if not row.get("sources") else "cites no human study"
        yield RULE.at(document, document.span(path + ("confidence",)),
                      f"{thing(context.schema, document.data, path)} is labelled clinical but {what}",
                      "add sources: [source-id] naming the human studies behind the dose, "
                      "or label the row community")


RULE = Rule("PL204", "clinical-dose-without-source", Severity.ERROR,
            "A dose row labelled clinical cites no human source.", __doc__, check)
