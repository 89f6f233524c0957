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
from ..problems import Problem, Words
from .base import Rule

_WRITE_IT = "write it as: # peptide-lint: ignore[rule-name] -- why the rule does not apply here"


def describe(problem: Problem) -> Words:
    facts = problem.facts
    kind = facts["kind"]
    if kind == "in block text":
        return Words("this suppression stands inside a block of text, so YAML reads it as part of the text: "
                     "it would be published and suppresses nothing",
                     "move it to its own line above the key, or after >- on the key's line")
    if kind == "no colon":
        return Words("this peptide-lint comment has no colon after peptide-lint, so it suppresses nothing", _WRITE_IT)
    if kind == "not understood":
        return Words("this peptide-lint comment is not a suppression it understands", _WRITE_IT)
    if kind == "not by comment":
        return Words(f"{facts['name']} cannot be suppressed by a comment: it is about the suppressions themselves",
                     "fix what it reports instead")
    if kind == "unknown rule":
        suggestion = facts.get("suggestion")
        return Words(f'the suppression names no known rule "{facts["name"]}"'
                     + (f'; did you mean "{suggestion}"?' if suggestion else ""),
                     "'peptide-lint rules' lists the rule names")
    if kind == "unsuppressible":
        return Words(f"this repo's configuration lets no comment suppress {facts['name']} (setting unsuppressible)",
                     "fix what the rule reports; only the configuration can switch the rule off")
    return Words("the suppression gives no reason",
                 "add why the rule does not apply here after two hyphens: # peptide-lint: ignore[rule-name] -- the reason")

RULE = Rule("PL020", "invalid-suppression", Severity.ERROR,
            "A suppression comment is malformed, names an unknown rule or gives no reason.", __doc__,
            suppressible=False, describe=describe)
