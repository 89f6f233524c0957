"""## What it does
Requires the safety-caveat parts of every entry: the `caveat` call-out and the `safety.summary`
paragraph, both with real text (not empty, not a placeholder such as TODO, TBD, "see above"), and a
`safety.serious_risks` list (an empty list means "reviewed: none known").

## Why it matters
Every page must tell the reader what can go wrong before anything else. A missing or placeholder
caveat publishes a page that looks reviewed for safety when it is not.

## Example
```yaml
caveat: TODO
```

## Instead
```yaml
caveat: Only synthetic trials exist; a rare synthetic rash is documented [@doe-2001].
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..wording import show
from .base import Rule, SchemaOverlap

MIN_CHARACTERS = 20
PLACEHOLDER = re.compile(
    r"^\W*(todo|tbd|tba|tk|fixme|xxx+|n/?a|none|see above|see below|coming soon|placeholder|"
    r"lorem ipsum.*|to do|to be (added|written|done)|\.\.\.|…)\W*$", re.IGNORECASE)

TEXT_PARTS = {
    ("caveat",): ("safety caveat", "caveat:"),
    ("safety", "summary"): ("safety summary", "summary: under safety:"),
}


def check(document, context) -> Iterator[Finding]:
    data = document.data
    if "safety" not in data:
        yield RULE.at(document, document.owner_span(()),
                      'the entry has no "Side effects & cautions" section; add safety: with summary: '
                      "and serious_risks:",
                      "serious_risks: [] states that the risks were reviewed and none is known")
    for path, (title, key) in TEXT_PARTS.items():
        parent = document.get(path[:-1])
        if not isinstance(parent, dict):
            continue  # a missing safety section is reported above, a malformed one by the schema
        present = path[-1] in parent
        problem = _problem(parent.get(path[-1]), present)
        if problem:
            span = document.span(path) if present else document.owner_span(path[:-1])
            yield RULE.at(document, span, f"the {title} {problem}",
                          f"write {key} with the one thing a reader must know about the risks and the "
                          f"evidence (at least {MIN_CHARACTERS} characters, with its citations)")
    safety = data.get("safety")
    if isinstance(safety, dict) and "serious_risks" not in safety:
        yield RULE.at(document, document.owner_span(("safety",)),
                      "the safety section has no serious_risks list; add serious_risks:",
                      "list each serious risk with its frequency and sources, or write "
                      "serious_risks: [] to state that none is known")


def _problem(value, present: bool) -> str | None:
    if not present:
        return "is missing"
    if value is None or (isinstance(value, str) and not value.strip()):
        return "is empty"
    if not isinstance(value, str):
        return f"must be text, but it is {show(value)}"
    if PLACEHOLDER.match(value.strip()):
        return f'is a placeholder ("{value.strip()}")'
    if len(value.strip()) < MIN_CHARACTERS:
        return f"is too short to say anything ({len(value.strip())} characters)"
    return None


RULE = Rule("PL401", "safety-caveat-required", Severity.ERROR,
            "The safety caveat, safety summary or serious-risks list is missing or a placeholder.",
            __doc__, check,
            overlaps=(SchemaOverlap((), "required", "caveat"),
                      SchemaOverlap((), "required", "safety"),
                      SchemaOverlap(("safety",), "required", "summary"),
                      SchemaOverlap(("safety",), "required", "serious_risks"),
                      SchemaOverlap(("caveat",), "*"),
                      SchemaOverlap(("safety", "summary"), "*")), safety=True)
