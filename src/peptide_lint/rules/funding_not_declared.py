"""## What it does
Requires `funding` on every source: independent, sponsored, mixed, or not-stated when the source
does not say. It matters most for human studies, trials and reviews, whose sponsorship a reader
needs in order to weigh them.

## Why it matters
Industry-sponsored trials report favourable results more often than independent ones (Cochrane
review MR000033). A reader can only weigh a source if the page says who paid for it; `not-stated`
is an honest answer, silence is not.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
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

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import one_of, thing
from .base import Rule, SchemaOverlap


def check(document, context) -> Iterator[Finding]:
    allowed = list(context.schema.vocabulary("funding"))
    for index, source in document.each(("sources",)):
        if isinstance(source, dict) and "funding" not in source:
            path = ("sources", index)
            yield RULE.at(document, document.owner_span(path),
                          f"{thing(context.schema, document.data, path)} does not say who funded it; "
                          f"add funding: one of {one_of(allowed)}",
                          "write not-stated when the source itself does not say")


RULE = Rule("PL208", "funding-not-declared", Severity.ERROR,
            "A source does not declare its funding.", __doc__, check,
            overlaps=(SchemaOverlap(("sources", "*"), "required", "funding"),))
