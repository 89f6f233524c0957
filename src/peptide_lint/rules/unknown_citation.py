"""## What it does
Reports a citation, in the prose or in a `sources:` list of a dose row or a serious risk, whose id
is not the id of any source listed under `sources`, and suggests the closest id.

## Why it matters
A citation that leads nowhere is worse than none: the reader believes a claim is sourced when it
is not. It usually is a typo (`[@doe-201]`) or a source that was removed.

## Example
```yaml
mechanism: Binds the synthetic receptor in a synthetic trial [@doe-201].
```

## Instead
```yaml
mechanism: Binds the synthetic receptor in a synthetic trial [@doe-2001].
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..prose import citations, declared_source_ids
from ..schema import PROSE, document_paths
from ..wording import closest, field
from ..texts import texts
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    known = declared_source_ids(document.data)
    if not known and not isinstance(document.get(("sources",)), list):
        return  # no source list at all: the schema reports that once
    for path, text in texts(document, context.schema, PROSE):
        for citation in citations(text):
            if citation.id not in known:
                yield _finding(document, document.text_span(path, citation.start, citation.end),
                               f'the citation "@{citation.id}" in {field(context.schema, document.data, path)}',
                               citation.id, known)
    for path in document_paths(document, context.schema, "#/$defs/sourceIdList"):
        for index, source_id in document.each(path):
            if isinstance(source_id, str) and source_id not in known:
                yield _finding(document, document.span(path + (index,)),
                               f'the source id "{source_id}" in {field(context.schema, document.data, path)}',
                               source_id, known)


def _finding(document, span, what: str, source_id: str, known: dict[str, int]) -> Finding:
    suggestion = closest(source_id, list(known))
    message = f"{what} matches no source of this entry"
    message += f'; did you mean "{suggestion}"?' if suggestion else ""
    return RULE.at(document, span, message,
                   "add the source under sources, or correct the id; the ids listed are: "
                   + (", ".join(known) or "none"))


RULE = Rule("PL202", "unknown-citation", Severity.ERROR,
            "A citation names a source id that is not listed under sources.", __doc__, check)
