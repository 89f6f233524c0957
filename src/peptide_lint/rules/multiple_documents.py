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
from .base import Rule

RULE = Rule("PL008", "multiple-documents", Severity.ERROR, "The file holds more than one YAML document.", __doc__)
