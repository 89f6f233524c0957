"""## What it does
Requires `standard_dose` (the one line in the page header) to be the value of one of the dose
rows, word for word.

## Why it matters
The header and the dose table must never disagree about the dose: readers skim the header and
act on it.

## Example
```yaml
standard_dose: 2–4 mg per day
```

## Instead
```yaml
standard_dose: 1–2 mg per day
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule


def _flat(text: str) -> str:
    return " ".join(text.split())


def check(document, context) -> Iterator[Finding]:
    standard = document.get(("standard_dose",))
    rows = document.get(("dosing", "rows"))
    if not isinstance(standard, str) or not isinstance(rows, list):
        return
    values = {index: _flat(row["value"]) for index, row in enumerate(rows)
              if isinstance(row, dict) and isinstance(row.get("value"), str)}
    if values and _flat(standard) not in values.values():
        # Either side may be the mistake (a dose row can carry a hyphen range or miss its unit), so
        # the hint names both values and does not ask the editor to copy one onto the other.
        import difflib  # only needed once the two disagree

        index = max(values, key=lambda i: difflib.SequenceMatcher(None, _flat(standard), values[i]).ratio())
        yield RULE.at(document, document.span(("standard_dose",)),
                      "standard_dose is not the value of any dose row",
                      f'standard_dose reads "{_flat(standard)}" and '
                      f'{thing(context.schema, document.data, ("dosing", "rows", index))} reads "{values[index]}": '
                      "correct whichever of the two is wrong, so that they match word for word")


RULE = Rule("PL305", "standard-dose-mismatch", Severity.ERROR,
            "The standard dose differs from every dose row.", __doc__, check)
