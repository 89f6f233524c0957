"""## What it does
Reports an entry that lists its own slug in `related`.

## Why it matters
A page that links to itself as "related" is a copy-and-paste slip, and it crowds out a real
related peptide.

## Example
In `entries/testpeptide-z.yaml`:
```yaml
related: [testpeptide-z]
```

## Instead
```yaml
related: [testpeptide-y]
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    slug = document.get(("slug",))
    related = document.get(("related",))
    for index, item in document.each(("related",)):
        if isinstance(slug, str) and item == slug:
            yield RULE.at(document, document.span(("related", index)),
                          f'the entry lists itself ("{slug}") as a related peptide',
                          "remove it from related")


RULE = Rule("PL507", "related-self", Severity.ERROR,
            "An entry lists itself as related.", __doc__, check)
