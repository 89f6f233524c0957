"""## What it does
Reports text left empty and lists with no items where the schema needs at least one.

## Why it matters
An empty section renders as a heading with nothing under it.

## Example
```yaml
mechanism: ""
```

## Instead
```yaml
mechanism: Binds the synthetic receptor.
```
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL106", "empty-value", Severity.ERROR, "A value or list is empty.", __doc__)
