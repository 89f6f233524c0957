"""## What it does
Reports a file larger than 1 MiB without reading it.

## Why it matters
An entry is a few kilobytes. A file hundreds of times larger is not an entry (a data dump, a
pasted binary) and reading it would slow every check.

## Example
A 5 MB file in `entries/`.

## Instead
Keep entries to the text of one page; link large material from `sources` instead.
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words(f"the file is {problem.facts['size']:,} bytes, over the limit of {problem.facts['limit']:,} bytes",
                 "an entry is a few kilobytes; check that this is the right file")


RULE = Rule("PL012", "file-too-large", Severity.ERROR, "The file is larger than an entry can be.", __doc__,
            describe=describe)
