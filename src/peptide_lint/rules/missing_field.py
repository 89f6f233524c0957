"""## What it does
Reports a key the entry schema requires that is missing, at the section that lacks it.

## Why it matters
Every page of the site has the same sections; a missing one leaves a hole on the published page.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    type: human-rct
    title: A synthetic trial of Testpeptide
    funding: independent
    note: synthetic example
```

## Instead
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide
    funding: independent
    note: synthetic example
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import one_of
from .base import Rule


def describe(problem: Problem) -> Words:
    """A missing key, in the section that lacks it ("where"); the hint is the key's description."""
    facts = problem.facts
    key, allowed = facts["key"], facts["allowed"]
    fix = f"add {key}: one of {one_of(allowed)}" if allowed else f'add the "{key}:" key'
    return Words(f"{facts['where']} has no {(facts['title'] or key).lower()}; {fix}", facts["description"])


RULE = Rule("PL101", "missing-field", Severity.ERROR, "A required key is missing.", __doc__, describe=describe)
