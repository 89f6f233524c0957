"""## What it does
Reports a list that names the same item twice (e.g. a related peptide or a source id).

## Why it matters
The page would show the item twice; usually one of the two was meant to be something else.

## Example
```yaml
related: [testpeptide-b, testpeptide-b]
```

## Instead
```yaml
related: [testpeptide-b]
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import show
from .base import Rule


def describe(problem: Problem) -> Words:
    """The list and its first repeated item, at the repeat."""
    return Words(f"{problem.facts['name']} lists {show(problem.facts['item'])} twice", "remove the repeated item")


RULE = Rule("PL107", "duplicate-item", Severity.ERROR, "A list names the same item twice.", __doc__, describe=describe)
