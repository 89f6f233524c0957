"""## What it does
Reports an entry whose `slug` differs from its file name without `.yaml`.

## Why it matters
The slug is the page's web address and the id other entries use in `related`. When it differs from
the file name, links and the file an editor opens no longer agree.

## Example
In `entries/testpeptide-z.yaml`:
```yaml
slug: testpeptide-y
```

## Instead
```yaml
slug: testpeptide-z
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    slug = document.get(("slug",))
    expected = document.path.name.rsplit(".", 1)[0]
    if isinstance(slug, str) and slug != expected:
        # Renaming the file is only a fix when the slug has the right form and names no other file.
        pattern = (context.schema.at(("slug",)) or {}).get("pattern")
        renaming = ((pattern is None or re.search(pattern, slug) is not None)
                    and not (document.path.parent / f"{slug}.yaml").exists())
        yield RULE.at(document, document.span(("slug",)),
                      f'the slug "{slug}" does not match the file name "{document.path.name}"',
                      f"write slug: {expected}" + (f", or rename the file to {slug}.yaml" if renaming else ""))


RULE = Rule("PL501", "slug-matches-filename", Severity.ERROR,
            "The slug differs from the file name.", __doc__, check)
