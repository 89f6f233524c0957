"""## What it does
Reports two sources in one entry with the same `id`, at the second one.

## Why it matters
A citation must lead to exactly one source. With two sources under one id, a reader cannot tell
which one backs the claim.

## Example
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
  - id: doe-2001
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```

## Instead
Give each source its own id (here `roe-community` for the second one) and point each citation at
the right one.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for index, source in document.each(("sources",)):
        source_id = source.get("id") if isinstance(source, dict) else None
        if not isinstance(source_id, str):
            continue
        if source_id in first:
            line = document.span(("sources", first[source_id], "id")).line
            yield RULE.at(document, document.span(("sources", index, "id")),
                          f'the source id "{source_id}" is already used by the source on line {line}',
                          "give each source its own id and point each citation at the right one")
        else:
            first[source_id] = index


RULE = Rule("PL502", "duplicate-source-id", Severity.ERROR,
            "Two sources in one entry share an id.", __doc__, check)
