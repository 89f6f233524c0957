"""## What it does
Warns about a dose amount in the prose (a number with a unit of mass, volume, units or a count:
`500 mL per day`, `81 mg of aspirin`, `2 drops`) that no dose row gives: the amount, or each end
of a range, lies outside every row's range in the same measure (`0.5 mg` and `500 mcg` are the
same dose), also when it is counted out ("two 0.5 mg injections" split a 1 mg dose). The
Cerebrolysin notes' "up toward 10 mL" is within its row "5–10 mL per day", and passes. Not doses:
the solution a dose is mixed with (`100 mL of saline`, `2 mL bacteriostatic water`) and the
package (`a 10 mL vial`).

A trial's dose cited to the trial is reported too: it belongs in a dose row labelled clinical,
and a dose given only to animals in a row labelled preclinical, each with its source. The table is
where every dose carries the label that says what it rests on; a dose in a sentence, even a cited
one, reads as a dose without saying whether people, rats or a sponsor's trial took it. And a
citation must not be a way to slip any dose past the check, another drug's included ("patients also
took 5 mg of warfarin daily [@trial]"). It is a warning: the page still passes.

## Why it matters
Readers act on the dose table: every row says how well it is supported. A dose slipped into the
prose skips that label, whether it is a community escalation ("people move up to 500 mL per day"),
a trial's higher dose, or another drug's dose ("take 81 mg of aspirin with it"), and it is where an
editor's mistake or a harmful edit hides best.

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

from ..doses import prose_amounts, table_amounts
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
        if values is None or not amount.is_dose(text) or table.covers(amount.measure, *values):
            continue
        times = amount.times(text)  # "two 0.5 mg injections" split a 1 mg dose
        if times > 1 and table.covers(amount.measure, values[0] * times, values[1] * times):
            continue
        written = text[amount.start:amount.end]
        rows = f"the rows give {listing(table.shown)}" if table.shown else "the rows give no amount"
        yield RULE.at(document, document.text_span(path, amount.start, amount.end),
                      f'{field(context.schema, document.data, path)} gives the dose "{written}", '
                      f"which no dose row covers ({rows})",
                      "put the dose in the dose table, labelled with its evidence (clinical for a trial's "
                      "dose, preclinical for an animal's, community for users') and its sources; or "
                      "correct the figure")


RULE = Rule("PL309", "dose-not-in-table", Severity.WARNING,
            "The prose gives a dose amount that no dose row covers.", __doc__, check)
