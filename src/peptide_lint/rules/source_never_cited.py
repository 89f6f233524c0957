"""## What it does
Reports a source under `sources` that nothing cites: no `[@id]` in the prose, and no dose row or
serious risk lists it.

## Why it matters
A source list should show what the page rests on. An uncited source suggests support that the text
never claims, or a citation that was lost in an edit. It is a warning: the source may be listed on
purpose as further reading.

## Example
```yaml
stacking: Nothing is stacked with it [@roe-community].
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
  - id: poe-2003
    authors: Poe A et al.
    year: 2003
    type: animal
    title: A synthetic mouse study
    funding: independent
    note: synthetic
    pmid: "12346"
```

## Instead
Cite it where the text relies on it (`[@poe-2003]`), or remove it.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..prose import citations, declared_source_ids
from ..schema import PROSE, document_paths
from ..texts import texts
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    declared = declared_source_ids(document.data)
    cited = {c.id for _, text in texts(document, context.schema, PROSE) for c in citations(text)}
    for path in document_paths(document, context.schema, "#/$defs/sourceIdList"):
        ids = document.get(path)
        cited.update(i for i in ids if isinstance(i, str)) if isinstance(ids, list) else None
    for source_id, index in declared.items():
        if source_id not in cited:
            yield RULE.at(document, document.span(("sources", index, "id")),
                          f'the source "{source_id}" is listed but never cited',
                          f"cite it as [@{source_id}] where the text relies on it, or remove it")


RULE = Rule("PL205", "source-never-cited", Severity.WARNING,
            "A listed source is never cited.", __doc__, check)
