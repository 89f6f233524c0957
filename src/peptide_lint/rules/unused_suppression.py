"""## What it does
Reports a suppression comment that suppresses no finding on its line (or the line below, for a
comment on a line of its own).

## Why it matters
A stale suppression would silently hide the next real problem on that line.

## Example
```yaml
name: Testpeptide-Z  # peptide-lint: ignore[claim-without-citation] -- a name, not a claim
```

## Instead
```yaml
name: Testpeptide-Z
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words(f"the suppression of {problem.facts['name']} suppresses nothing here",
                 "remove it (or the part naming this rule): the finding it was for is gone")

RULE = Rule("PL021", "unused-suppression", Severity.WARNING,
            "A suppression comment suppresses nothing.", __doc__, describe=describe)
