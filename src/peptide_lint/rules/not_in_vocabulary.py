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
from .base import Rule

RULE = Rule("PL104", "not-in-vocabulary", Severity.ERROR, "A value is not one of the allowed values.", __doc__)
