"""## What it does
Reports a key the entry schema does not know, and suggests the closest known key. When exactly one
known key is close, and the section does not have it yet, a suggested fix renames the key
(`peptide-lint check --fix --unsafe-fixes`: a guess, to review, for the key may be new).

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

from ..findings import Fix, Severity
from ..problems import Problem, Words
from ..patterns import regex
from .base import Rule

_WORD = regex(r"[A-Za-z_][\w-]*")  # a key that may be misspelled (not one that holds spaces or quotes)


def describe(problem: Problem) -> Words:
    """A key the section ("where") does not know, with the known key it is closest to ("meant"). The
    fix renames it to the one known key it is close to ("rename_to"), if there is one and the section
    does not have it already: a guess (the editor may have meant a new key), so an unsafe fix."""
    facts = problem.facts
    message = f'unknown key "{facts["key"]}" in {facts["where"]}'
    if facts["meant"]:
        message += f'; did you mean "{facts["meant"]}"?'
    fix = None
    written = facts.get("written")
    if facts.get("rename_to") and written and written[1] == facts["key"] and _WORD.fullmatch(facts["key"]):
        fix = Fix.replace(f'rename the key to "{facts["rename_to"]}"', written[0], written[0] + len(written[1]),
                          facts["rename_to"], written[1], safe=False)
    return Words(message, f"keys allowed here: {', '.join(facts['known'])}", fix)


RULE = Rule("PL102", "unknown-field", Severity.ERROR, "A key is not part of the entry format.", __doc__,
            describe=describe, fixable="unsafe")
