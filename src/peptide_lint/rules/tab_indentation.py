"""## What it does
Reports a line whose indentation contains a tab character.

## Why it matters
YAML only accepts spaces for indentation. A tab either stops the file from loading or, worse, is
read in a way that differs from what the editor shows.

## Example
```yaml
safety:
	summary: Mild headache is reported.
```

## Instead
```yaml
safety:
  summary: Mild headache is reported.
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    return Words("this line is indented with a tab",
                 "YAML needs spaces for indentation: replace the tab with spaces that line up with the lines above")


RULE = Rule("PL004", "tab-indentation", Severity.ERROR, "A line is indented with a tab.", __doc__, describe=describe)
