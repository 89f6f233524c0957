"""## What it does
Reports an entry of the baseline file (`check --baseline FILE`, or `baseline =` in the
configuration) that no longer matches as many findings as it counts: the finding was fixed, its
line was edited, or its file is gone. It points at the entry's line in the baseline file.

## Why it matters
A baseline lets a repo with a history fail only on new findings. An entry left behind after its
finding is fixed would silently absorb the next finding of that rule on that line, so the baseline
must only shrink.

## Example
The baseline holds
`{"path": "entries/testpeptide-z.yaml", "rule": "PL503", "text": "mechanism: TODO", "count": 1}`,
and the mechanism has since been written.

## Instead
Delete the entry from the baseline file (or lower its count to the findings still there).
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    facts = problem.facts
    counted = f"{facts['count']} finding{'s' if facts['count'] != 1 else ''} of {facts['rule']}"
    where = f"{facts['path']} at the line \"{facts['text']}\"" if facts["text"] else facts["path"]
    if facts["gone"]:
        return Words(f"the baseline holds {counted} in {where}, but {facts['path']} no longer exists",
                     "delete this entry from the baseline")
    left = facts["count"] - facts["unmatched"]
    now = f"only {left} {'is' if left == 1 else 'are'} left" if left else "none is left"
    return Words(f"the baseline holds {counted} in {where}, but {now}",
                 f"lower its count to {left}, so that a new finding there is reported" if left
                 else "delete this entry from the baseline, so that a new finding there is reported")


RULE = Rule("PL024", "stale-baseline", Severity.WARNING,
            "An entry of the baseline file matches fewer findings than it counts.", __doc__,
            describe=describe, suppressible=False)
