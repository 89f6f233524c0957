"""## What it does
Reports a value of the wrong kind: text where a number belongs, a single value where a list
belongs, and values YAML silently turns into dates, numbers or true/false where text belongs.

## Why it matters
YAML guesses types: `year: "2020"` is text, `title: 2020-01-02` is a date and `value: 5` is a
number. The site then shows something other than what the editor typed, or fails to build.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: "2001"
    type: human-rct
    title: A synthetic trial of Testpeptide
    funding: independent
    note: synthetic example
```

## Instead
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide
    funding: independent
    note: synthetic example
```
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL103", "wrong-type", Severity.ERROR, "A value is of the wrong kind (text, number, list, ...).", __doc__)
