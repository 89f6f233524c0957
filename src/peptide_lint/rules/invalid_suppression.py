"""## What it does
Reports a `# peptide-lint: ...` comment that does not suppress anything because it is malformed,
names an unknown rule, or gives no reason after `--`.

## Why it matters
Silencing a check on medical content is an editorial decision that a reviewer must be able to
read and judge. A suppression without a reason hides that decision.

## Example
```yaml
stacking: Users report taking it alone.  # peptide-lint: ignore[claim-without-citation]
```

## Instead
```yaml
stacking: Users report taking it alone.  # peptide-lint: ignore[claim-without-citation] -- restates the cited what_it_is section
```
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL020", "invalid-suppression", Severity.ERROR,
            "A suppression comment is malformed, names an unknown rule or gives no reason.", __doc__, suppressible=False)
