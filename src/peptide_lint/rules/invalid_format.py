"""## What it does
Reports a value that does not have the required form: a slug that is not lower-case words joined
by hyphens, a PMID that is not digits only, a DOI that does not start with `10.`, a URL without
`https://`.

## Why it matters
Slugs become web addresses and identifiers become links; a wrong form gives a broken link.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide
    funding: independent
    note: synthetic example
    pmid: "PMID 12345"
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
    pmid: "12345"
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import show
from .base import Rule


def describe(problem: Problem) -> Words:
    """The value as written; the key's description (in the hint) shows the form it needs."""
    facts = problem.facts
    return Words(f"{facts['name']} is {show(facts['value'])}, which is not in the required form", facts["description"])


RULE = Rule("PL105", "invalid-format", Severity.ERROR, "A value does not have the required form.", __doc__,
            describe=describe)
