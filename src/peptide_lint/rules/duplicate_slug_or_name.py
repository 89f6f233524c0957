"""## What it does
Reports an entry whose slug or name another entry in the repo already uses.

## Why it matters
Two pages at one address overwrite each other, and two pages with one name confuse readers and
search. Usually a peptide was added twice under different file names.

## Example
`entries/semax.yaml` and `entries/semax-nasal.yaml` both with `name: Semax`.

## Instead
One entry per peptide; merge the two files.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import listing
from .base import Rule


def check_across(summary, context) -> Iterator[Finding]:
    if summary.slug:
        others = context.index.other_paths_with_slug(summary.slug.value, summary.path)
        if others:
            yield RULE.finding(summary.path, summary.slug.span,
                               f'the slug "{summary.slug.value}" is also used by {listing(others)}',
                               "each entry needs its own slug; merge the entries or rename one")
    if summary.name:
        others = context.index.other_paths_with_name(summary.name.value, summary.path)
        if others:
            yield RULE.finding(summary.path, summary.name.span,
                               f'the name "{summary.name.value}" is also used by {listing(others)}',
                               "one entry per peptide: merge the entries, or make the names say how they differ")


RULE = Rule("PL505", "duplicate-slug-or-name", Severity.ERROR,
            "Another entry uses the same slug or name.", __doc__, check_across=check_across)
