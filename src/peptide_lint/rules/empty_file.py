"""## What it does
Reports a file that holds no content (nothing, only comments, or only `---`).

## Why it matters
An empty file in `entries/` is usually an accident: a new entry that was never written.

## Example
An `entries/semax.yaml` with nothing in it.

## Instead
Delete the file, then start the entry with `peptide-lint new "Name"`: it writes the file with every
section the page needs. A copy of another entry is no starting point, as a sentence left over from
it states that peptide's evidence as this one's.
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words("the file has no content",
                 ('delete the file and start the entry with peptide-lint new "Name", '
                  "which writes every section the page needs; or just delete it if it was created by mistake"))


RULE = Rule("PL007", "empty-file", Severity.ERROR, "The file is empty.", __doc__, describe=describe)
