"""## What it does
Reports a dose row labelled `confidence: clinical` that lists no source, or whose sources include
none of the kinds the schema says a clinical row needs (`x-needs-one-of` on the confidence label:
a review, meta-analysis, human RCT or human study). A case report or a product leaflet alone does
not back a clinical row, and a source whose title says it is a case report counts as one whatever
its `type`.

## Why it matters
"Clinical" tells the reader a dose was used in human studies. That promise must be checkable: the
row names the human studies it rests on. An animal study or user reports cannot carry it, nor can
one patient's case report (it shows that a dose was given once, not that it is a dose to use) or
the maker's leaflet (the maker's own account, not evidence).

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1 mg per day
      confidence: clinical
      sources: [poe-2003]
sources:
  - id: poe-2003
    authors: Poe E et al.
    year: 2003
    type: case-report
    title: A synthetic rash after Testpeptide-Z
    funding: not-stated
    note: synthetic; one patient
    pmid: "12347"
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
    labels = context.schema.vocabulary("confidence")
    for index, row in document.each(ROWS):
        if not isinstance(row, dict) or not isinstance(row.get("confidence"), str):
            continue
        label_schema = labels.get(row["confidence"], {})
        needed = label_schema.get("x-needs-one-of") or []
        if not needed or label_schema.get("x-not-for-people"):
            continue  # a dose for animals or cells: preclinical-dose-without-source
        listed = row.get("sources") if isinstance(row.get("sources"), list) else []
        cited = [sources[i] for i in listed if isinstance(i, str) and i in sources]
        if row.get("sources") and not cited:
            continue  # unknown ids are reported by unknown-citation
        if any(context.schema.design_of(source) in needed for source in cited):
            continue
        path = ROWS + (index,)
        label = row["confidence"]
        if not cited:
            problem = "cites no source"
        else:
            problem = f"cites no {context.schema.type_titles(needed)}" + _mistyped(context.schema, cited)
        yield RULE.at(document, document.span(path + ("confidence",)),
                      f"{thing(context.schema, document.data, path)} is labelled {label} but {problem}",
                      f"add sources: [source-id] naming the {context.schema.type_titles(needed)} "
                      "behind the dose, or label the row community; a case report or the maker's leaflet "
                      "shows that a dose was given, not that it is a dose to use")


def _mistyped(schema, cited: list[dict]) -> str:
    """Says which source its title shows to be something other than its type, for an editor who
    wonders why a `human-study` does not count."""
    for source in cited:
        design = schema.design_of(source)
        if design is not None and design != source.get("type"):
            return f' (source "{source.get("id")}" is a {schema.type_titles([design])} by its title)'
    return ""


RULE = Rule("PL204", "clinical-dose-without-source", Severity.ERROR,
            "A dose row labelled clinical cites no human trial, study or review.", __doc__, check)
