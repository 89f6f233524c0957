"""## What it does
Reports a serious risk under `safety.serious_risks` that lists no source.

## Why it matters
A serious risk is the most consequential thing a page says. Readers and reviewers must be able to
check where it is documented and how strong that documentation is.

## Example
```yaml
safety:
  summary: Mild headache is reported in a synthetic trial [@doe-2001].
  serious_risks:
    - risk: Synthetic rash
      frequency: rare
```

## Instead
```yaml
safety:
  summary: Mild headache is reported in a synthetic trial [@doe-2001].
  serious_risks:
    - risk: Synthetic rash
      frequency: rare
      sources: [doe-2001]
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule, SchemaOverlap

RISKS = ("safety", "serious_risks")


def check(document, context) -> Iterator[Finding]:
    for index, risk in document.each(RISKS):
        # Only a missing or empty list: anything else that is not a list is the schema's to report.
        if isinstance(risk, dict) and ("sources" not in risk or risk["sources"] == []):
            path = RISKS + (index,)
            span = document.key_span(path + ("sources",)) if "sources" in risk else document.owner_span(path)
            yield RULE.at(document, span,
                          f"{thing(context.schema, document.data, path)} lists no source",
                          "add sources: [source-id] naming where the risk is documented")


RULE = Rule("PL203", "serious-risk-without-source", Severity.ERROR,
            "A serious risk lists no source.", __doc__, check,
            overlaps=(SchemaOverlap(RISKS + ("*",), "required", "sources"),
                      SchemaOverlap(RISKS + ("*", "sources"), "minItems")))
