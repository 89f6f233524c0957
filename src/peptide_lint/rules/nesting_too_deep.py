"""## What it does
Reports data nested more than 32 levels deep.

## Why it matters
The deepest part of an entry is four levels down. Anything much deeper is a mistake in indentation
or a file crafted to exhaust the program that reads it.

## Example
```yaml
story: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[deep]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
```

## Instead
Follow the structure of the entry schema.
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words(f"the data is nested more than {problem.facts['limit']} levels deep here",
                 "entries are at most a few levels deep; check the indentation")


RULE = Rule("PL013", "nesting-too-deep", Severity.ERROR, "The data is nested too deeply.", __doc__, describe=describe)
