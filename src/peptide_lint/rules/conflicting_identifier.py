"""## What it does
Warns when another entry lists the same PMID, DOI or NCT id with a different title, year or
authors.

## Why it matters
One identifier is one study. If two pages describe it differently, at least one of them is wrong,
and readers comparing the pages will see the contradiction.

## Example
Two entries both list PMID 12345, one as "A synthetic trial of Testpeptide-Z" (2001), the other
as "A synthetic mouse study" (2003).

## Instead
Copy the title, year and authors from the same PubMed record in both entries.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from .base import Rule

_FIELDS = ("title", "year", "authors")


def check_across(summary, context) -> Iterator[Finding]:
    for (key, value), work, span in summary.works:
        for other in context.index.differing_listings(key, value, work)[:1]:
            differing = [name for name in _FIELDS if getattr(work, name) != getattr(other, name)]
            yield RULE.finding(summary.path, span,
                               f"{other.entry} lists {key.upper()} {value} with a different "
                               f"{' and '.join(differing)}",
                               "make both entries describe the study as its PubMed record does")


RULE = Rule("PL605", "conflicting-identifier", Severity.WARNING,
            "Another entry describes the same PMID, DOI or NCT id differently.", __doc__,
            check_across=check_across)
