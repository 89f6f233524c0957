"""## What it does
Reports a value that does not have the required form: a slug that is not lower-case words joined
by hyphens, a PMID that is not digits only, a DOI that does not start with `10.`, a URL without
`https://`. It says the form in words, with an example, and writes the
value in that form where nothing needs guessing: in lower case, or without the `PMID ` or the web
address before an identifier. A placeholder (`TODO`, `TBD`, ...) is to be replaced by the real
value, never rewritten.

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

import re

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import show
from .base import Rule
from .safety_caveat_required import PLACEHOLDER


def describe(problem: Problem) -> Words:
    """The value as written and the form it needs, in the schema's words (`x-form`); the hint
    writes it in that form where that takes no guess, else says what the value is."""
    facts = problem.facts
    if not facts.get("form"):  # a schema without x-form: its description is all there is to say
        return Words(f"{facts['name']} is {show(facts['value'])}, which is not in the required form",
                     facts["description"])
    message = f"{facts['name']} is {show(facts['value'])}; it must be {facts['form']}"
    if PLACEHOLDER.match(str(facts["value"]).strip()):  # "todo" would be an id, but not the source's
        return Words(message, f"replace the placeholder {str(facts['value']).strip()} with the real one: "
                              f"{facts['form']}")
    rewritten = _in_form(str(facts["value"]), facts["pattern"], facts.get("key"))
    return Words(message, f"write it as {show(rewritten)}" if rewritten else facts["description"])


def _in_form(value: str, pattern: str, key: str | None) -> str | None:
    """The value in the form `pattern` requires, where that takes no guess: in lower case with
    hyphens for spaces ("Doe 2001" to doe-2001), or without what only names or links the
    identifier: the key's own name ("PMID 12345", "doi:10.1000/x") or a web address before it
    ("https://doi.org/10.1000/x"). Anything else before it may be another identifier (a PMCID is
    not a PMID), so it stays."""
    value = value.strip()
    tidy = re.sub(r"[\s_]+", "-", value.lower())
    if tidy != value and re.fullmatch(pattern, tidy):
        return tidy
    for start in range(1, len(value)):
        prefix = value[:start]
        names_it = (key is not None and prefix.rstrip(" :#").casefold() == key.casefold()
                    or re.match(r"https?://\D*/$", prefix) is not None)
        if names_it and re.fullmatch(pattern, value[start:]):
            return value[start:]
    return None


RULE = Rule("PL105", "invalid-format", Severity.ERROR, "A value does not have the required form.", __doc__,
            describe=describe)
