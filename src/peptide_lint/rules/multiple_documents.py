"""## What it does
Reports a second YAML document (after a `---` line) in an entry file.

## Why it matters
One file holds one entry. Everything after the second `---` would be ignored by the site.

## Example
```yaml
name: Semax
---
name: Selank
```

## Instead
Put each entry in its own file.
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words("the file holds a second YAML document here",
                 "one entry per file: remove the '---' line above and everything after it, or move it to its own file")


RULE = Rule("PL008", "multiple-documents", Severity.ERROR, "The file holds more than one YAML document.", __doc__,
            describe=describe)
