"""## What it does
Reports a key the entry schema does not know, and suggests the closest known key.

## Why it matters
A misspelled key (`mechansim:`) is text that never reaches the page, and usually means the real
section is missing.

## Example
```yaml
mechansim: Binds the synthetic receptor.
```

## Instead
```yaml
mechanism: Binds the synthetic receptor.
```
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL102", "unknown-field", Severity.ERROR, "A key is not part of the entry format.", __doc__)
