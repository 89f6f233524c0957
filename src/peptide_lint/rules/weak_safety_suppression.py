"""## What it does
Reports a suppression of a safety rule (the safety caveat, serious risks, absolute safety, cure
claims, harmful advice, authority claims: `peptide-lint rules` marks them) whose reason is too short
to check: fewer words than the option `min-reason-words` (default 5). A suppression on the line
above a block of text silences the rule for the whole block, so the next harmful sentence written
there is silenced too: the reason is what a reviewer reads to judge it, and every report lists the
safety findings that comments suppressed for that review. (A claim quoted in order to refute it, in
the same sentence, is no finding of the claim rules: it needs no suppression.)

Every suppression of a safety rule is also listed in the summary of every report, and a repo can
forbid suppressing any rule (`unsuppressible = ["cure-claim", ...]` in `[tool.peptide-lint]`). This rule's own findings
cannot be suppressed by a comment.

## Why it matters
A safety finding is the checker's most important output. "# ... -- fine" next to a cure claim tells
a reviewer nothing, and hides whatever else that paragraph says.

## Example
```yaml
stacking: >-  # peptide-lint: ignore[cure-claim] -- quote
  The maker's brochure calls it a cure.
```

## Instead
```yaml
stacking: >-
  The maker's brochure calls it a cure; no study supports that.
```
"""

from __future__ import annotations

from typing import Iterator

from ..suppressions import parse_suppressions
from ..findings import Finding, Severity
from .base import Rule



def check(document, context) -> Iterator[Finding]:
    least = context.option(RULE, "min-reason-words")
    for suppression in parse_suppressions(document, context.lookup, context.rule_names)[0]:
        safety = [name for code, name in suppression.codes.items() if context.lookup(code).safety]
        if not safety:
            continue
        words, covered = len(suppression.reason.split()), len(suppression.targets)
        if words < least:
            reach = (f", and covers the whole block of {covered} lines below it, silencing any claim written "
                     "there later too") if covered > 1 else ""
            yield RULE.at(document, suppression.span,
                          f"the suppression of the safety rule {', '.join(safety)} gives a reason of {words} "
                          f"word{'s' if words != 1 else ''}{reach}",
                          f"say in at least {least} words why the rule does not apply here, so a reviewer "
                          "can check it; or fix what the rule reports (a claim quoted to refute it in the same "
                          "sentence needs no suppression)")


RULE = Rule("PL023", "weak-safety-suppression", Severity.ERROR,
            "A safety rule is suppressed with too short a reason.", __doc__, check,
            options={"min-reason-words": 5}, suppressible=False)
