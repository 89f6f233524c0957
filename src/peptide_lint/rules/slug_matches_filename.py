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
from pathlib import PurePath
from typing import Iterator

from ..findings import Finding, Severity
from .base import Rule


def check_across(summary, context) -> Iterator[Finding]:
    # A rule across entries, though it looks at one file: whether renaming the file is a fix
    # depends on the other entries (no other may use that slug), which a cached result must not fix.
    if summary.slug is None:
        return
    slug, name = summary.slug.value, PurePath(summary.path).name
    expected = name.rsplit(".", 1)[0]
    if slug != expected:
        pattern = (context.schema.at(("slug",)) or {}).get("pattern")
        renaming = ((pattern is None or re.search(pattern, slug) is not None)
                    and not context.index.other_paths_with_slug(slug, summary.path))
        yield RULE.finding(summary.path, summary.slug.span, f'the slug "{slug}" does not match the file name "{name}"',
                           f"write slug: {expected}" + (f", or rename the file to {slug}.yaml" if renaming else ""))


RULE = Rule("PL501", "slug-matches-filename", Severity.ERROR,
            "The slug differs from the file name.", __doc__, check_across=check_across)
