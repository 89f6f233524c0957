"""## What it does
Reports a key that appears twice in the same mapping, pointing at the second one.

## Why it matters
YAML keeps only one of the two values and drops the other without a word: text an editor wrote
would silently never reach the site.

## Example
```yaml
mechanism: Binds the synthetic receptor [@doe-2001].
mechanism: Acts on the test pathway [@doe-2001].
```

## Instead
```yaml
mechanism: Binds the synthetic receptor and acts on the test pathway [@doe-2001].
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words(f'the key "{problem.facts["key"]}" appears twice; first on line {problem.facts["first_line"]}',
                 "keep one of them: YAML would silently use only the last one")


RULE = Rule("PL006", "duplicate-key", Severity.ERROR, "A key appears twice in the same place.", __doc__,
            describe=describe)
