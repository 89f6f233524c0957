"""## What it does
Reports a dose range written with a hyphen (`5-10 mL`) and fixes it to an en dash (`5–10 mL`)
with `peptide-lint check --fix`. Applies to `standard_dose` and to dose rows' values.

## Why it matters
In a dose, `5-10` can be misread as "minus" or as a single figure when the text wraps; the en dash
is the typographic convention for ranges, and one convention across the site makes doses easy to
compare.

## Example
```yaml
standard_dose: 1-2 mg per day
```

## Instead
```yaml
standard_dose: 1–2 mg per day
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Fix, Severity
from ..wording import field
from . import dose_unit
from .base import Rule
from ..doses import HYPHEN_RANGE, dose_texts

_NUMBER_BEFORE = regex(r"~?\d+(?:[.,]\d+)?$")
_NUMBER_AFTER = regex(r"(?P<number>~?\d+(?:[.,]\d+)?)(?:\s*(?P<unit>[A-Za-zµμ%][\w/%µμ]*))?")


def _with_en_dash(text: str, match: re.Match, units: set[str]) -> str:
    """The range around `match` as it should read, with its unit when it has a known one ("1–2 mg");
    an unknown word after it ("1-2 per day") is not part of the range."""
    before = _NUMBER_BEFORE.search(text, 0, match.start())
    after = _NUMBER_AFTER.match(text, match.end())
    # With the space before the unit that error-prone-dose-notation asks for ("1-2mg": "1–2 mg"),
    # so that the two rules' hints on one range agree.
    unit = " " + after.group("unit") if after.group("unit") in units else ""
    return text[before.start():match.start()] + "–" + after.group("number") + unit


def check(document, context) -> Iterator[Finding]:
    units = set(context.option(dose_unit.RULE, "units"))
    for path, text in dose_texts(document):
        for match in HYPHEN_RANGE.finditer(text):
            # The edit spans the digits on either side of the hyphen, so that --fix finds the range
            # itself, not just any hyphen, where the file is edited.
            around = text[match.start() - 1:match.end() + 1]
            edit = document.value_edit(path, match.start() - 1, match.end() + 1, around[0] + "–" + around[-1])
            yield RULE.at(document, document.text_span(path, match.start(), match.end()),
                          f"the range in {field(context.schema, document.data, path)} uses a hyphen; "
                          "ranges use an en dash (–)",
                          f"write it as {_with_en_dash(text, match, units)}",
                          edit and Fix("write the range with an en dash (–)", (edit,)))


RULE = Rule("PL303", "range-en-dash", Severity.ERROR,
            "A dose range uses a hyphen instead of an en dash.", __doc__, check, fixable="safe")
