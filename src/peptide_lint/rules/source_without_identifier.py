"""## What it does
Reports a source (other than community reports) with no way to find it: no `pmid`, `doi`, `nct`
or `url`.

## Why it matters
A reader, a reviewer or a fact-checker must be able to open the source. A title and a year are
not enough to find a paper reliably.

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
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
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
    doi: 10.99999/synthetic.2001
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

IDENTIFIERS = ("pmid", "doi", "nct", "url")


def check(document, context) -> Iterator[Finding]:
    sources = document.get(("sources",))
    for index, source in document.each(("sources",)):
        if not isinstance(source, dict) or source.get("type") == "community":
            continue
        if not any(source.get(key) for key in IDENTIFIERS):
            path = ("sources", index)
            yield RULE.at(document, document.owner_span(path),
                          f"{thing(context.schema, document.data, path)} has no PMID, DOI, NCT id or URL",
                          "add pmid:, doi:, nct: or url: so that readers can find the source")


RULE = Rule("PL602", "source-without-identifier", Severity.ERROR,
            "A source has no PMID, DOI, NCT id or URL.", __doc__, check)
