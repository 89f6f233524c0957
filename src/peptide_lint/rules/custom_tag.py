"""## What it does
Reports YAML tags other than the standard ones: `!custom`, `!!python/object`, `!!binary`, ...

## Why it matters
Tags ask the program that reads the file to build special objects, and some of them run code. The
checker never builds them, and entries have no use for them.

## Example
```yaml
name: !!python/object:os.system Semax
```

## Instead
```yaml
name: Semax
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words(f"the tag {problem.facts['tag']} is not allowed in entries",
                 "remove the tag (the word starting with '!'); write the value as plain text")


RULE = Rule("PL011", "custom-tag", Severity.ERROR, "The file uses a YAML tag that entries may not use.", __doc__,
            describe=describe)
