"""## What it does
Reports a file that holds no content (nothing, only comments, or only `---`).

## Why it matters
An empty file in `entries/` is usually an accident: a new entry that was never written.

## Example
An `entries/semax.yaml` with nothing in it.

## Instead
Copy an existing entry as a starting point, or delete the file.
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words("the file has no content",
                 "start from an existing entry, or delete the file if it was created by mistake")


RULE = Rule("PL007", "empty-file", Severity.ERROR, "The file is empty.", __doc__, describe=describe)
