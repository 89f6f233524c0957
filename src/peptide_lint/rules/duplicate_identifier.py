"""## What it does
Reports two sources in one entry with the same PMID, DOI or NCT id.

## Why it matters
The same study listed twice looks like two studies: it inflates the evidence a page appears to
have. Usually one of the two ids was copied by mistake.

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
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
    pmid: "12345"
```

## Instead
Keep one source per study, and fix the other one's id.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..index import IDENTIFIER_KEYS
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    sources = document.get(("sources",))
    first: dict[tuple[str, str], int] = {}
    for index, source in document.each(("sources",)):
        if not isinstance(source, dict):
            continue
        for key in IDENTIFIER_KEYS:
            value = source.get(key)
            if not isinstance(value, str):
                continue
            seen = (key, value.strip().lower())
            if seen in first:
                other = sources[first[seen]].get("id")
                yield RULE.at(document, document.span(("sources", index, key)),
                              f'the {key.upper()} {value} is also listed for the source "{other}"',
                              "list each study once; if these are two studies, one of the ids is wrong")
            else:
                first[seen] = index


RULE = Rule("PL603", "duplicate-identifier", Severity.ERROR,
            "Two sources in one entry share a PMID, DOI or NCT id.", __doc__, check)
