"""## What it does
Reports an evidence badge that is stronger than the listed sources. The schema's evidence
vocabulary says which source types each badge needs (`x-needs-one-of`): `clinical` needs at least
one review, meta-analysis, human RCT or human study; `preclinical` needs animal or in-vitro work;
`community` needs nothing more. Case reports and product leaflets alone do not make a page
`clinical`: a case report documents that something happened, not how often or whether the peptide
caused it, and a leaflet is the maker's own account. A source whose title says it is a case report
counts as one whatever its `type`.

## Why it matters
The badge is the first thing a reader sees and the one they remember. A `clinical` badge on a page
that rests on user reports overstates the evidence, which is the most common way health content
misleads (the FTC's "competent and reliable scientific evidence" standard).

## Example
```yaml
evidence: clinical
sources:
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```

## Instead
```yaml
evidence: community
sources:
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
from ..prose import sources_by_id
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    badge = document.get(("evidence",))
    if not isinstance(badge, str):
        return  # the schema reports a badge that is not a word
    branch = context.schema.vocabulary("evidenceLevel").get(badge)
    needed = (branch or {}).get("x-needs-one-of") or []
    if not needed:
        return
    sources = list(sources_by_id(document.data).values())
    designs = {context.schema.design_of(source) for source in sources}
    if not designs & set(needed):
        mistyped = [source for source in sources if isinstance(source.get("type"), str)
                    and source["type"] in needed and context.schema.design_of(source) not in needed]
        because = (f' (source "{mistyped[0].get("id")}" is a '
                   f"{context.schema.type_titles([context.schema.design_of(mistyped[0])])} by its title)"
                   if mistyped else "")
        yield RULE.at(document, document.span(("evidence",)),
                      f'the evidence badge "{badge}" needs at least one source of type '
                      f"{context.schema.type_titles(needed)}, and none is listed{because}",
                      "add the source that supports the badge, or lower the badge to what the sources show")


RULE = Rule("PL207", "evidence-badge-unsupported", Severity.ERROR,
            "The evidence badge is stronger than the listed sources.", __doc__, check)
