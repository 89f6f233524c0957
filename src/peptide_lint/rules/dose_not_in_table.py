"""## What it does
Warns about a dose amount in the prose (a number with a unit of mass, volume, units or a count:
`500 mL per day`, `81 mg of aspirin`, `2 drops`) that no dose row gives: the amount, or each end
of a range, lies outside every row's range in the same measure (`0.5 mg` and `500 mcg` are the same
dose). The Cerebrolysin notes' "up toward 10 mL" is within its row "5–10 mL per day", and passes.

Not reported: an amount in a sentence that cites a study (a human study, a review, an animal or
in-vitro study). That sentence reports what the study gave, and the page should be able to say
"the trials gave 30 mL a day by infusion" without turning a hospital regimen into a row of the
dose table, where it would read as a dose to take. A dose that rests on user reports (cited to a
community source) or on nothing belongs in the table, with its confidence label and sources. Nor
are volumes of the solution a dose is mixed with (`100 mL of saline`, `2 mL bacteriostatic
water`) or of the package (`a 10 mL vial`).

## Why it matters
Readers act on the dose table: every row says how well it is supported. A dose slipped into the
prose skips that label, whether it is a community escalation ("people move up to 500 mL per day")
or another drug's dose ("take 81 mg of aspirin with it"), and it is where an editor's mistake or a
harmful edit hides best.

## Example
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: Route
      value: Subcutaneous
      confidence: community
      sources: [roe-community]
  notes: >-
    Users report going up to 20 mg per day [@roe-community].
```

## Instead
```yaml
dosing:
  rows:
    - label: Common course
      value: 1–2 mg per day
      confidence: clinical
      sources: [doe-2001]
    - label: Route
      value: Subcutaneous
      confidence: community
      sources: [roe-community]
    - label: Pushing higher
      value: up to 20 mg per day
      beyond_standard: true
      confidence: community
      sources: [roe-community]
  notes: >-
    Users report going up to 20 mg per day [@roe-community].
```
"""

from __future__ import annotations

from typing import Iterator

from ..doses import prose_amounts, reports_a_study, table_amounts
from ..findings import Finding, Severity
from ..wording import field, listing
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    found = prose_amounts(document, context.schema)
    if not found:
        return
    table = table_amounts(document)
    for path, text, amount in found:
        values = amount.in_base_unit(text)
        if values is None or table.covers(amount.measure, *values) or not amount.is_dose(text):
            continue
        if reports_a_study(document, context.schema, text, amount.start):
            continue
        written = text[amount.start:amount.end]
        rows = f"the rows give {listing(table.shown)}" if table.shown else "the rows give no amount"
        yield RULE.at(document, document.text_span(path, amount.start, amount.end),
                      f'{field(context.schema, document.data, path)} gives the dose "{written}", '
                      f"which no dose row covers ({rows})",
                      "put a dose readers may act on in the dose table, with its confidence label and "
                      "sources; or correct the figure, or cite the study that gave it")


RULE = Rule("PL309", "dose-not-in-table", Severity.WARNING,
            "The prose gives a dose amount that no dose row covers.", __doc__, check)
