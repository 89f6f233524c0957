"""## What it does
Reports a citation, in the prose or in a `sources:` list of a dose row or a serious risk, whose id
is not the id of any source listed under `sources`, and suggests the closest id. When exactly one
listed id is close, a suggested fix cites it instead (`peptide-lint check --fix --unsafe-fixes`: a
guess, to review, for the source may be missing from the list).

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

from ..findings import Finding, Fix, Severity
from ..prose import citations, declared_source_ids
from ..schema import PROSE, document_paths
from ..wording import closest, field, only_close_match
from ..texts import texts
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    known = declared_source_ids(document.data)
    if not known and not isinstance(document.get(("sources",)), list):
        return  # no source list at all: the schema reports that once
    for path, text in texts(document, context.schema, PROSE):
        for citation in citations(text):
            if citation.id not in known:
                start = citation.start + 1  # after the @
                yield _finding(document, document.text_span(path, citation.start, citation.end),
                               f'the citation "@{citation.id}" in {field(context.schema, document.data, path)}',
                               citation.id, known, lambda id_: document.value_edit(path, start, citation.end, id_))
    for path in document_paths(document, context.schema, "#/$defs/sourceIdList"):
        for index, source_id in document.each(path):
            if isinstance(source_id, str) and source_id not in known:
                item = path + (index,)
                yield _finding(document, document.span(item),
                               f'the source id "{source_id}" in {field(context.schema, document.data, path)}',
                               source_id, known, lambda id_: document.value_edit(item, 0, len(source_id), id_))


def _finding(document, span, what: str, source_id: str, known: dict[str, int], edit_to) -> Finding:
    """`edit_to(id)`: the edit that writes another id in place of this one. The fix cites the one
    listed id close to this one: a guess (it may be a source not listed yet), so an unsafe fix."""
    suggestion = closest(source_id, list(known))
    message = f"{what} matches no source of this entry"
    message += f'; did you mean "{suggestion}"?' if suggestion else ""
    only = only_close_match(source_id, list(known))
    edit = edit_to(only) if only else None
    return RULE.at(document, span, message,
                   "add the source under sources, or correct the id; the ids listed are: "
                   + (", ".join(known) or "none"),
                   edit and Fix(f'cite "{only}" instead', (edit,), safe=False))


RULE = Rule("PL202", "unknown-citation", Severity.ERROR,
            "A citation names a source id that is not listed under sources.", __doc__, check, fixable="unsafe")
