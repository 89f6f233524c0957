"""## What it does
Checks the numbers in `standard_dose` and in each dose row's value: every number (or range) is
followed by a unit from the configured list, and each unit is spelled one way across the entry
(not `mcg` in one row and `µg` in another).

## Why it matters
"Take 5" is not a dose. A missing or ambiguous unit is how a reader ends up injecting a thousand
times the intended amount: mcg and mg differ by 1,000, and mixed spellings make the difference easy
to miss (ISMP's list of error-prone abbreviations).

## Example
```yaml
standard_dose: 1–2 per day
```

## Instead
```yaml
standard_dose: 1–2 mg per day
```

Options (`[tool.peptide-lint.options.dose-unit]`): `units`, the units a number may carry;
`spellings`, groups of spellings of one unit of which an entry may use only one.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..wording import field
from .base import Rule

NUMBER_AND_UNIT = re.compile(
    r"(?<![\w.])~?\d+(?:[.,]\d+)?(?:\s*[–-]\s*~?\d+(?:[.,]\d+)?)?(?:(?:\s*|-)(?P<unit>[A-Za-zµμ%][\w/%µμ]*))?")

DEFAULT_UNITS = [
    "mg", "mcg", "µg", "μg", "ug", "g", "mL", "ml", "L", "IU", "iu", "units", "unit", "%", "mg/kg", "mcg/kg",
    "µg/kg", "mg/day", "mcg/day", "day", "days", "week", "weeks", "month", "months", "hour", "hours", "h",
    "min", "minutes", "times", "x", "dose", "doses", "injection", "injections", "cycle", "cycles",
]
DEFAULT_SPELLINGS = [["mcg", "µg", "μg", "ug"], ["mL", "ml"], ["IU", "iu"]]


def dose_texts(document) -> Iterator[tuple[tuple, str]]:
    """(path, text) of the standard dose and of every dose row's value."""
    if isinstance(document.get(("standard_dose",)), str):
        yield ("standard_dose",), document.get(("standard_dose",))
    rows = document.get(("dosing", "rows"))
    for index, row in document.each(("dosing", "rows")):
        if isinstance(row, dict) and isinstance(row.get("value"), str):
            yield ("dosing", "rows", index, "value"), row["value"]


def check(document, context) -> Iterator[Finding]:
    units = set(context.option(RULE, "units"))
    groups = [set(group) for group in context.option(RULE, "spellings")]
    first_spelling: dict[int, str] = {}
    for path, text in dose_texts(document):
        name = field(context.schema, document.data, path)
        for match in NUMBER_AND_UNIT.finditer(text):
            unit = match.group("unit")
            if unit is None or unit not in units:
                number_end = match.start("unit") if unit else match.end()
                number = text[match.start():number_end].strip(" -")
                yield RULE.at(document, document.text_span(path, match.start(), match.start() + len(number)),
                              f'"{number}" in {name} has no unit',
                              f"write a unit after the number, one of: {', '.join(sorted(units))}")
                continue
            for group_number, group in enumerate(groups):
                if unit in group:
                    chosen = first_spelling.setdefault(group_number, unit)
                    if unit != chosen:
                        yield RULE.at(document, document.text_span(path, match.start("unit"), match.end()),
                                      f'{name} spells the unit "{unit}" where the entry already uses "{chosen}"',
                                      f'use one spelling throughout the entry: "{chosen}"')


RULE = Rule("PL302", "dose-unit", Severity.ERROR,
            "A dose number has no known unit, or a unit is spelled two ways.", __doc__, check,
            options={"units": DEFAULT_UNITS, "spellings": DEFAULT_SPELLINGS})
