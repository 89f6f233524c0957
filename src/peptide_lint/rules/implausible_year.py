"""## What it does
Reports a source year in the future or before 1900.

## Why it matters
A wrong year is a sign of a wrong source, and it misleads readers about how current the evidence
is.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2901
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: independent
    note: synthetic; small effect
    pmid: "12345"
```

## Instead
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: independent
    note: synthetic; small effect
    pmid: "12345"
```
"""

from __future__ import annotations

import datetime
from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

EARLIEST = 1900


def check(document, context) -> Iterator[Finding]:
    this_year = datetime.date.today().year
    sources = document.get(("sources",))
    for index, source in document.each(("sources",)):
        year = source.get("year") if isinstance(source, dict) else None
        if isinstance(year, str) and year.strip().isascii() and year.strip().isdigit():
            year = int(year)  # a year in quotes (PL103) is still a year: unquoting it must not reveal this
        if isinstance(year, int) and not isinstance(year, bool) and not EARLIEST <= year <= this_year:
            path = ("sources", index)
            when = "in the future" if year > this_year else f"before {EARLIEST}"
            yield RULE.at(document, document.span(path + ("year",)),
                          f"the year {year} of {thing(context.schema, document.data, path)} is {when}",
                          "check the year of publication on the source itself")


RULE = Rule("PL604", "implausible-year", Severity.ERROR,
            "A source's year is in the future or before 1900.", __doc__, check)
