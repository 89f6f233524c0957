"""## What it does
Reports a dose row labelled `confidence: preclinical` that lists no source, or whose sources
include none of the animal or in-vitro work the label stands for (the source types the schema's
confidence vocabulary names in `x-needs-one-of`). Such a row needs no human study:
clinical-dose-without-source (PL204) asks only `clinical` rows for one.

## Why it matters
"Preclinical" tells the reader that a dose was used in animals or cells, not in people. That must
be checkable too: the row names the study it comes from, so that the reader can see the species
and the route, and an editor cannot relabel a community dose as lab work.

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: In rats
      value: 10 mcg/kg per day
      confidence: preclinical
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
    - label: In rats
      value: 10 mcg/kg per day
      confidence: preclinical
      sources: [moe-2010]
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    venue: J Synthetic Test Med
    funding: independent
    note: synthetic; small effect
    pmid: "12345"
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
  - id: moe-2010
    authors: Moe M et al.
    year: 2010
    type: animal
    title: Testpeptide-Z in synthetic rats
    venue: J Synthetic Test Med
    funding: independent
    note: synthetic rat study
    pmid: "23456"
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
    vocabulary = context.schema.vocabulary("confidence")
    sources = sources_by_id(document.data)
    for index, row in document.each(ROWS):
        label = row.get("confidence") if isinstance(row, dict) else None
        label_schema = vocabulary.get(label, {}) if isinstance(label, str) else {}
        needed = label_schema.get("x-needs-one-of")
        if not needed or not label_schema.get("x-not-for-people"):
            continue  # a dose for people: clinical-dose-without-source
        listed = row.get("sources") if isinstance(row.get("sources"), list) else []
        cited = [sources[i] for i in listed if isinstance(i, str) and i in sources]
        if listed and (not cited or any(source.get("type") in needed for source in cited)):
            continue  # unknown ids are reported by unknown-citation
        path = ROWS + (index,)
        titles = context.schema.vocabulary("sourceType")
        kinds = " or ".join(titles.get(kind, {}).get("title", kind) for kind in needed)
        what = "cites no source" if not listed else f"cites no source of type {kinds}"
        yield RULE.at(document, document.span(path + ("confidence",)),
                      f'{thing(context.schema, document.data, path)} is labelled {label} but {what}',
                      "add sources: [source-id] naming the animal or cell study the dose comes from, "
                      "or label the row with what its sources are")


RULE = Rule("PL311", "preclinical-dose-without-source", Severity.ERROR,
            "A dose row labelled preclinical cites no animal or in-vitro study.", __doc__, check)
