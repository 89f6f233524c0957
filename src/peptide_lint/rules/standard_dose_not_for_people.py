"""## What it does
Reports a `standard_dose` that repeats only dose rows labelled `preclinical` (a dose used in
animals or cells; the schema marks such labels `x-not-for-people`): the page header would show
an animal dose as the dose for people.

## Why it matters
The header's standard dose is what a reader takes away. A dose from rat studies, scaled or not,
has never been shown to be a dose for people; shown there, it reads as one. When no dose for
people has been established, the header says so.

## Example
```yaml
standard_dose: 10 mcg/kg per day
dosing:
  rows:
    - label: In rats
      value: 10 mcg/kg per day
      confidence: preclinical
      sources: [moe-2010]
sources:
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

## Instead
```yaml
standard_dose: No dose for people has been established
dosing:
  rows:
    - label: For people
      value: No dose for people has been established
      confidence: none-established
    - label: In rats
      value: 10 mcg/kg per day
      confidence: preclinical
      sources: [moe-2010]
sources:
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

from ..doses import labels_marked, rows_like_standard_dose
from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

ROWS = ("dosing", "rows")


def check(document, context) -> Iterator[Finding]:
    same = rows_like_standard_dose(document)
    not_for_people = labels_marked(context.schema, "x-not-for-people")
    if same and all(row.get("confidence") in not_for_people for _, row in same):
        index, row = same[0]
        yield RULE.at(document, document.span(("standard_dose",)),
                      f"standard_dose repeats {thing(context.schema, document.data, ROWS + (index,))}, "
                      f'which is labelled {row["confidence"]}: a dose used only in animals or cells is not '
                      "a dose for people",
                      "give the dose for people here; if none has been established, say so, with a dose row "
                      "that says the same")


RULE = Rule("PL313", "standard-dose-not-for-people", Severity.ERROR,
            "The standard dose is a dose used only in animals or cells.", __doc__, check)
