"""## What it does
Reports a required prose section shorter than its minimum: lede 60 characters, what_it_is 60,
mechanism 40, evidence_summary 60 (the caveat and safety summary have their own rule).

## Why it matters
A one-line "Mechanism: unknown." is a section in name only. The minimum is low on purpose: it
catches stubs, not concise writing.

## Example
```yaml
mechanism: Unclear.
```

## Instead
```yaml
mechanism: It is imagined to bind a synthetic receptor; no study has confirmed how it acts.
```

Option (`[tool.peptide-lint.options.prose-too-short]`): `min-characters`, a table from section key
to its minimum length.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from .base import Rule

DEFAULT_MINIMUMS = {"lede": 60, "what_it_is": 60, "mechanism": 40, "evidence_summary": 60}


def check(document, context) -> Iterator[Finding]:
    for key, minimum in context.option(RULE, "min-characters").items():
        text = document.get((key,))
        if isinstance(text, str) and text.strip() and len(" ".join(text.split())) < minimum:
            yield RULE.at(document, document.span((key,)),
                          f"{key} has {len(' '.join(text.split()))} characters, fewer than the {minimum} "
                          "a finished section needs",
                          "write the section out, or leave a clearly unfinished entry out of the repo")


RULE = Rule("PL504", "prose-too-short", Severity.ERROR,
            "A required prose section is a stub.", __doc__, check,
            options={"min-characters": DEFAULT_MINIMUMS})
