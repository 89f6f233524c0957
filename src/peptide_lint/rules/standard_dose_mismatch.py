"""## What it does
Requires `standard_dose` (the one line in the page header) to be the value of one of the dose
rows, word for word. When it is not, the hint sets it beside the row it was most likely meant to
repeat: a row with the same numbers (a unit mistyped: `2–4 ml` for `2–4 mg`), else the row with the
nearest amount of the same kind (`500 mcg` is near `0.5 mg`), else the first row with an amount,
not a row about the route or the cycle; never a preclinical row, as the header gives the dose for
people.

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

import re
from typing import Iterator

from ..doses import amount_distance, amounts
from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule


def _flat(text: str) -> str:
    return " ".join(text.split())


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _remoteness(standard: str, value: str) -> tuple:
    """How unlike the standard dose a row's value is, to name the row it was meant to repeat: a row
    with the same numbers comes first (one of the two has a unit or a word mistyped); then a row
    with an amount of the same kind (a mass, a volume), the nearer the amount the better; then a
    row with any amount, before a row without one (a route, a cycle); then the row whose words are
    most alike. Words alone would name the Route row for a header that names the route beside the
    dose."""
    import difflib  # only needed once the two disagree

    distance = amount_distance(standard, value)
    numbers = _NUMBER.findall(standard)
    return (not numbers or numbers != _NUMBER.findall(value), distance is None, distance or 0.0,
            not amounts(value), -difflib.SequenceMatcher(None, standard, value).ratio())


def check(document, context) -> Iterator[Finding]:
    standard = document.get(("standard_dose",))
    rows = document.get(("dosing", "rows"))
    if not isinstance(standard, str) or not isinstance(rows, list):
        return
    values = {index: _flat(row["value"]) for index, row in enumerate(rows)
              if isinstance(row, dict) and isinstance(row.get("value"), str)}
    if not values or _flat(standard) in values.values():
        return
    message = "standard_dose is not the value of any dose row"
    # The header gives the dose for people: an animal or cell dose is never the one it should repeat.
    for_people = [index for index in values if rows[index].get("confidence") != "preclinical"]
    if not for_people:
        yield RULE.at(document, document.span(("standard_dose",)), message,
                      f'standard_dose reads "{_flat(standard)}" and every dose row is preclinical: give the '
                      "dose for people in a dose row too, word for word, or say that none is established")
        return
    # Either side may be the mistake (a dose row can carry a hyphen range or miss its unit), so the
    # hint names both values and does not ask the editor to copy one onto the other.
    index = min(for_people, key=lambda i: _remoteness(_flat(standard), values[i]))
    yield RULE.at(document, document.span(("standard_dose",)), message,
                  f'standard_dose reads "{_flat(standard)}" and '
                  f'{thing(context.schema, document.data, ("dosing", "rows", index))} reads "{values[index]}": '
                  "correct whichever of the two is wrong, so that they match word for word")


RULE = Rule("PL305", "standard-dose-mismatch", Severity.ERROR,
            "The standard dose differs from every dose row.", __doc__, check)
