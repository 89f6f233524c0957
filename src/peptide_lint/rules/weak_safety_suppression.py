"""## What it does
Reports a suppression of a safety rule (the safety caveat, serious risks, absolute safety, cure
claims, harmful advice, authority claims: `peptide-lint rules` marks them) that covers a whole block
of text, or whose reason is too short to check: fewer words than the option `min-reason-words`
(default 5). A suppression on the line above a block of text silences the rule for the whole block,
so the next harmful sentence written there would be silenced too; a safety rule may be suppressed
only on a line of its own, and with a reason a reviewer can check. (A claim quoted in order to
refute it, in the same sentence, is no finding of the claim rules: it needs no suppression.)

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
        if covered > 1:
            yield RULE.at(document, suppression.span,
                          f"the suppression of the safety rule {', '.join(safety)} covers the whole block of "
                          f"{covered} lines below it, so it would silence any claim written there later too",
                          "fix what the rule reports instead; a claim quoted to refute it in the same sentence "
                          "('the maker calls it safe; no study has tested that') needs no suppression")
        elif words < least:
            yield RULE.at(document, suppression.span,
                          f"the suppression of the safety rule {', '.join(safety)} gives a reason of {words} "
                          f"word{'s' if words != 1 else ''}",
                          f"say in at least {least} words why the rule does not apply here, so a reviewer "
                          "can check it; or fix what the rule reports")


RULE = Rule("PL023", "weak-safety-suppression", Severity.ERROR,
            "A safety rule is suppressed with too short a reason.", __doc__, check,
            options={"min-reason-words": 5}, suppressible=False)
