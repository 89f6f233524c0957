"""## What it does
Warns about a slug in `related` that matches no entry in the repo and is not listed as published
elsewhere (option `external`: slugs of pages the site publishes that are not in this repo yet).

## Why it matters
`related` becomes links on the page; a slug without an entry is a broken link, or a typo.

## Example
```yaml
related: [testpeptide-q]
```

## Instead
```yaml
related: [testpeptide-y]
```
(with `entries/testpeptide-y.yaml` in the repo, or `testpeptide-y` listed under `external`.)

Option (`[tool.peptide-lint.options.related-entry-missing]`): `external`, a list of slugs.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import closest
from .base import Rule


def check_across(summary, context) -> Iterator[Finding]:
    external = set(context.option(RULE, "external"))
    own = summary.slug.value if summary.slug else None
    for item in summary.related:
        if item.value == own or item.value in external or context.index.has_slug(item.value):
            continue
        suggestion = closest(item.value, context.index.similar_slugs(item.value) + sorted(external))
        message = f'the related peptide "{item.value}" has no entry in this repo'
        message += f'; did you mean "{suggestion}"?' if suggestion else ""
        yield RULE.finding(summary.path, item.span, message,
                           "fix the slug, add the entry, or list the slug under external in the "
                           "related-entry-missing options if the site publishes it elsewhere")


RULE = Rule("PL506", "related-entry-missing", Severity.WARNING,
            "A related slug matches no entry.", __doc__, check_across=check_across,
            options={"external": []})
