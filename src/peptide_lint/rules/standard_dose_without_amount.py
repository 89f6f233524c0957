"""## What it does
Reports a `standard_dose` that states no amount: no number with a unit of mass, volume, units or
a count (`1–2 mg per day`, `5–10 mL`, `2 drops`). A standard dose that says no dose for people has
been established ("No human dose has been established") is the exception; the dose row with the
same value must then be labelled `none-established`, so that the header and the table agree.

## Why it matters
The standard dose is the one line of the page header that readers skim and act on. "As needed",
"Subcutaneous" or "Start low" there leaves the reader to guess the amount; an honest "no
established dose" tells them there is none to guess.

## Example
```yaml
standard_dose: Subcutaneous
```

## Instead
```yaml
standard_dose: 1–2 mg per day
```
"""

from __future__ import annotations

from typing import Iterator

from ..doses import NONE_ESTABLISHED, amounts, labels_marked, rows_like_standard_dose
from ..findings import Finding, Severity
from ..wording import one_of, thing
from .base import Rule

ROWS = ("dosing", "rows")


def check(document, context) -> Iterator[Finding]:
    standard = document.get(("standard_dose",))
    if not isinstance(standard, str) or not standard.strip() or amounts(standard):
        return  # no text at all is the schema's and empty-value's to report
    no_amount = labels_marked(context.schema, "x-no-amount")
    if not NONE_ESTABLISHED.search(standard):
        yield RULE.at(document, document.span(("standard_dose",)),
                      f'standard_dose "{" ".join(standard.split())}" states no amount: no number with a dose unit',
                      "write the amount and its unit (\"1–2 mg per day\"); if no dose for people has been "
                      "established, say so, and label the dose row with that value "
                      f"{one_of(no_amount) or 'accordingly'}")
        return
    for index, row in rows_like_standard_dose(document):
        label = row.get("confidence")
        if isinstance(label, str) and no_amount and label not in no_amount:
            path = ROWS + (index,)
            yield RULE.at(document, document.span(path + ("confidence",)),
                          f"standard_dose says no dose for people is established, but "
                          f'{thing(context.schema, document.data, path)}, which reads the same, is labelled "{label}"',
                          f"label the row {one_of(no_amount)}, or give the established dose in both")


RULE = Rule("PL307", "standard-dose-without-amount", Severity.ERROR,
            "The standard dose states no amount, and does not say that none is established.", __doc__, check)
