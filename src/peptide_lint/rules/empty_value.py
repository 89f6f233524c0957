"""## What it does
Reports text left empty and lists with no items where the schema needs at least one.

## Why it matters
An empty section renders as a heading with nothing under it.

## Example
```yaml
mechanism: ""
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
    """Text or a list ("kind") shorter than the schema allows ("at_least" characters or items)."""
    facts = problem.facts
    name = facts["name"]
    if facts["at_least"] > 1:
        message = f"{name} needs at least {facts['at_least']} {'characters' if facts['kind'] == 'text' else 'items'}"
    else:
        message = f"{name} is empty" if facts["kind"] == "text" else f"{name} is an empty list"
    return Words(message, facts["description"])


RULE = Rule("PL106", "empty-value", Severity.ERROR, "A value or list is empty.", __doc__, describe=describe)
