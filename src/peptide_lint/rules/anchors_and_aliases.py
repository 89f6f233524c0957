"""## What it does
Reports YAML anchors (`&name`), aliases (`*name`) and merge keys (`<<:`).

## Why it matters
They make one place of the file repeat content from another, so what a reader sees in the file is
not what gets published, and a few lines of aliases can expand into gigabytes ("billion laughs").
Entries write every value out in full.

## Example
```yaml
caveat: &warning Not for use outside a trial [@doe-2001].
safety:
  summary: *warning
```

## Instead
```yaml
caveat: Not for use outside a trial [@doe-2001].
safety:
  summary: Not for use outside a trial [@doe-2001].
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule

_HINT = "write the content out in full here; entries do not use &anchors, *aliases or << merge keys"


def describe(problem: Problem) -> Words:
    cause, name = problem.facts["cause"], problem.facts.get("name")
    if cause == "alias":
        return Words(f"the alias *{name} repeats content from elsewhere", _HINT)
    if cause == "anchor":
        return Words(f"the anchor &{name} is defined here", _HINT)
    if cause == "merge-key":
        return Words("a merge key (<<) copies content from elsewhere", _HINT)
    return Words("an alias (*name) is used here", _HINT)  # one that no anchor defines: YAML stopped there


RULE = Rule("PL010", "anchors-and-aliases", Severity.ERROR, "The file uses YAML anchors, aliases or merge keys.",
            __doc__, describe=describe)
