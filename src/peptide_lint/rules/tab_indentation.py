"""## What it does
Reports a line whose indentation contains a tab character. `peptide-lint check --fix` writes the
indentation in spaces when only one width of a tab (2, 4 or 8 columns) lines the line up with the
lines around it; when several do, what the line belongs to depends on the editor's tab width, and
the editor chooses.

## Why it matters
YAML only accepts spaces for indentation. A tab either stops the file from loading or, worse, is
read in a way that differs from what the editor shows.

## Example
```yaml
safety:
	summary: Mild headache is reported.
```

## Instead
```yaml
safety:
  summary: Mild headache is reported.
```
"""

from ..findings import Fix, Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    """The fix rewrites the indentation in spaces when only one width of a tab (2, 4 or 8) lines the
    line up with the lines around it (`spaces`, worked out by the line scan); else an editor chooses."""
    facts = problem.facts
    fix = None
    if facts.get("spaces"):
        fix = Fix.replace(f"indent the line with {facts['spaces']} spaces instead of the tab", facts["offset"],
                          facts["offset"] + len(facts["indentation"]), " " * facts["spaces"], facts["indentation"])
    return Words("this line is indented with a tab",
                 "YAML needs spaces for indentation: replace the tab with spaces that line up with the lines above",
                 fix)


RULE = Rule("PL004", "tab-indentation", Severity.ERROR, "A line is indented with a tab.", __doc__, describe=describe,
            fixable="safe")
