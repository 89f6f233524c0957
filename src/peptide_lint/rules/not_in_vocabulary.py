"""## What it does
Reports a value outside its controlled vocabulary (area, evidence badge, confidence label, dose
status, source type, funding) and lists the allowed values.

## Why it matters
The site filters, badges and colours by these values; a value outside the list is dropped or shown
wrong, and the same idea spelled two ways splits the site's listings.

## Example
```yaml
evidence: strong
```

## Instead
```yaml
evidence: clinical
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import closest, one_of, show
from .base import Rule


def describe(problem: Problem) -> Words:
    """The value, the allowed values and, for a misspelling, the one it was likely meant to be."""
    facts = problem.facts
    value, allowed = facts["value"], facts["allowed"]
    message = f"{facts['name']} is {show(value)}, which is not one of the allowed values: {one_of(allowed)}"
    meant = closest(value, [str(a) for a in allowed]) if isinstance(value, str) else None
    if meant:
        message += f'; did you mean "{meant}"?'
    return Words(message, facts["description"])


RULE = Rule("PL104", "not-in-vocabulary", Severity.ERROR, "A value is not one of the allowed values.", __doc__,
            describe=describe)
