"""## What it does
Warns about a lede that names the peptide of another entry of the repo but not the entry's own.
Names are compared without regard to letter case or spacing. A lede that names its own peptide
may name others too ("Like Testpeptide-Y, Testpeptide-Z ..."); a lede that names none is fine.

## Why it matters
The lede is the paragraph under the title, the first thing a reader reads about the peptide. One
that talks about another entry's peptide is usually text left from the entry this one was copied
from; a reader takes it for this peptide's description.

## Example
`entries/testpeptide-q.yaml`, copied from `entries/testpeptide-z.yaml`, still opens with
"Testpeptide-Z is a made-up compound used only to test the checker."

## Instead
"Testpeptide-Q is a made-up compound used only to test the checker."
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..index import name_key, names_in
from .base import Rule


def check_across(summary, context) -> Iterator[Finding]:
    if not summary.lede or summary.name is None:
        return
    own = name_key(summary.name.value)
    mentioned = names_in(summary.lede)
    if own in mentioned:
        return
    index = context.index
    others = sorted(key for key in mentioned if key != own and index.other_paths_with_name(key, summary.path))
    if not others:
        return
    document = index.load(summary.path)
    if document is None or not isinstance(document.get(("lede",)), str):
        return  # changed or gone since it was checked
    lede = document.get(("lede",))
    for key in others:
        match = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, key.split())) + r"(?!\w)", lede, re.IGNORECASE)
        if match is None:
            continue
        other = index.other_paths_with_name(key, summary.path)[0]
        yield RULE.at(document, document.text_span(("lede",), match.start(), match.end()),
                      f'the lede names {match.group()}, the peptide of {other}, but not {summary.name.value.strip()}',
                      f"the lede introduces this entry's own peptide: name {summary.name.value.strip()}, and "
                      "if the other peptide is not meant (text left from a copy), rewrite the sentence")


RULE = Rule("PL511", "lede-names-another-peptide", Severity.WARNING,
            "The lede names another entry's peptide but not its own.", __doc__, check_across=check_across)
