"""## What it does
Reports a file whose top level is a list or a single value instead of a set of keys.

## Why it matters
An entry is a set of named sections (`slug:`, `name:`, ...); anything else cannot be an entry.

## Example
```yaml
- slug: semax
- name: Semax
```

## Instead
```yaml
slug: semax
name: Semax
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    kind = "a list" if problem.facts["kind"] == "list" else "a single value"
    return Words(f"the file is {kind}, not an entry",
                 "an entry is a set of keys, one per line, starting with 'slug: ...' at the left edge")


RULE = Rule("PL009", "root-not-mapping", Severity.ERROR, "The file's top level is not a set of keys.", __doc__,
            describe=describe)
