"""## What it does
Reports a citation, in the prose or in a `sources:` list of a dose row or a serious risk, whose id
is not the id of any source listed under `sources`, and suggests the listed id it most likely
misspells (one typo away, not another author's id of the same year). When exactly one listed id
is that close, a suggested fix cites it instead (`peptide-lint check --fix --unsafe-fixes`: a
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

import re
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
    id_form = (context.schema.at(("sources", 0, "id")) or {}).get("pattern")
    # A listed id the schema refuses (PL105) is the one to correct: citing it everywhere would spread it.
    well_formed = {source_id for source_id in known if id_form is None or _matches(id_form, source_id)}
    for path, text in texts(document, context.schema, PROSE):
        for citation in citations(text):
            if citation.id not in known:
                start = citation.start + 1  # after the @
                yield _finding(document, document.text_span(path, citation.start, citation.end),
                               f'the citation "@{citation.id}" in {field(context.schema, document.data, path)}',
                               citation.id, known, well_formed,
                               lambda id_: document.value_edit(path, start, citation.end, id_))
    for path in document_paths(document, context.schema, "#/$defs/sourceIdList"):
        for index, source_id in document.each(path):
            if isinstance(source_id, str) and source_id not in known:
                item = path + (index,)
                yield _finding(document, document.span(item),
                               f'the source id "{source_id}" in {field(context.schema, document.data, path)}',
                               source_id, known, well_formed,
                               lambda id_: document.value_edit(item, 0, len(source_id), id_))


def _finding(document, span, what: str, source_id: str, known: dict[str, int], well_formed: set[str],
             edit_to) -> Finding:
    """`edit_to(id)`: the edit that writes another id in place of this one. The fix cites the one
    listed id close to this one, when that id is written as the schema wants: a guess (it may be a
    source not listed yet), so an unsafe fix."""
    message = f"{what} matches no source of this entry"
    misformed = [listed for listed in known if listed not in well_formed and _as_an_id(listed) == source_id]
    suggestion = closest(source_id, list(known), _ID_LIKENESS)
    if misformed:
        message += (f'; the source "{misformed[0]}" looks like the one meant, but its id is not written as an id: '
                    f'write it as "{source_id}" under sources')
    elif suggestion:
        message += f'; did you mean "{suggestion}"?'
    only = only_close_match(source_id, list(known), _ID_LIKENESS)
    edit = edit_to(only) if only in well_formed else None
    return RULE.at(document, span, message,
                   "add the source under sources, or correct the id; the ids listed are: "
                   + (", ".join(known) or "none"),
                   edit and Fix(f'cite "{only}" instead', (edit,), safe=False))


# How alike a cited id and a listed one must be (difflib's ratio) to be offered as the one meant:
# a typo in an author-year id ("doe-201", "doe-2002" for doe-2001) scores 0.85 or more, while two
# authors' ids share only the year's digits ("jones-2022" and "roe-2021" score 0.67). Citing
# another author's work would turn a missing source into a wrong one.
_ID_LIKENESS = 0.8


def _as_an_id(text: str) -> str:
    """An id as the schema writes ids: lower case, words joined by hyphens ("Doe_2001" -> "doe-2001")."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _matches(pattern: str, value: str) -> bool:
    try:
        return re.search(pattern, value) is not None
    except re.error:  # the schema's own problem, reported where the schema is loaded
        return True


RULE = Rule("PL202", "unknown-citation", Severity.ERROR,
            "A citation names a source id that is not listed under sources.", __doc__, check, fixable="unsafe")
