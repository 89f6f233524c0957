"""## What it does
Reports a key the entry schema does not know, and suggests the closest known key.

## Why it matters
A misspelled key (`mechansim:`) is text that never reaches the page, and usually means the real
section is missing.

## Example
```yaml
mechansim: Binds the synthetic receptor.
```

## Instead
```yaml
mechanism: Binds the synthetic receptor.
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    """A key the section ("where") does not know, with the known key it is closest to ("meant")."""
    facts = problem.facts
    message = f'unknown key "{facts["key"]}" in {facts["where"]}'
    if facts["meant"]:
        message += f'; did you mean "{facts["meant"]}"?'
    return Words(message, f"keys allowed here: {', '.join(facts['known'])}")


RULE = Rule("PL102", "unknown-field", Severity.ERROR, "A key is not part of the entry format.", __doc__,
            describe=describe)
