"""## What it does
Reports a key the entry schema requires that is missing, at the section that lacks it.

## Why it matters
Every page of the site has the same sections; a missing one leaves a hole on the published page.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
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

RULE = Rule("PL101", "missing-field", Severity.ERROR, "A required key is missing.", __doc__)
