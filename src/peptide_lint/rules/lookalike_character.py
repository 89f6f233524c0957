"""## What it does
Reports a character that looks like a space or a quote where YAML needs the real one: a
non-breaking space (or another space that is not a plain one) in the indentation of a key or right
after a key's colon, and a value that opens with a curly quote (“ or ‘) as if it were a YAML quote,
around a colon and a space that only real quotes would protect. (A ` #` inside curly quotes cuts
the value short: comment-cuts-text reports it.)

## Why it matters
Word processors and autocorrect type these characters, and they look the same as the real ones.
To YAML they are ordinary text: a key that starts with a non-breaking space is another key, and
the colon inside curly quotes starts a new key. Often YAML cannot read the file at all, and says so
lines further down.

## Example
```yaml
sources:
  - id: doe-2001
    title: “Testpeptide-Z: a synthetic trial”
```

## Instead
```yaml
sources:
  - id: doe-2001
    title: "Testpeptide-Z: a synthetic trial"
```
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL014", "lookalike-character", Severity.ERROR,
            "A character that only looks like a space or a quote stands where YAML needs the real one.", __doc__)
