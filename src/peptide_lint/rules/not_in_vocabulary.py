"""## What it does
Reports a value outside its controlled vocabulary (area, evidence badge, confidence label, dose
status, source type, funding) and lists the allowed values, each with its title where the schema
gives one (the area `metabolic` is the site's section "Metabolic & weight"), the closest one first.

## Why it matters
The site filters, badges and colours by these values; a value outside the list is dropped or shown
wrong, and the same idea spelled two ways splits the site's listings.

## Example
```yaml
evidence: strong
```

## Instead
```yaml
evidence: clinical
```
"""

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import closest, one_of, show, with_title
from .base import Rule


def describe(problem: Problem) -> Words:
    """The value and the allowed values; for a misspelling (or a value's title written instead of
    the value), the one it was likely meant to be. The hint gives each value with its title, as
    the site shows it, and the closest first."""
    facts = problem.facts
    value, allowed, titles = facts["value"], facts["allowed"], facts.get("titles", {})
    message = f"{facts['name']} is {show(value)}, which is not one of the allowed values: {one_of(allowed)}"
    meant = _meant(value, allowed, titles)
    if meant is None:
        return Words(message, f"write one of: {_with_titles(allowed, titles)}")
    return Words(f'{message}; did you mean "{meant}"?',
                 f"write {_with_titles([meant], titles)} if that is what you meant, or another of: "
                 f"{_with_titles([a for a in allowed if a != meant], titles)}")


def _meant(value, allowed: list, titles: dict) -> str | None:
    """The allowed value closest to `value`, compared in any case with the values and their titles."""
    if not isinstance(value, str):
        return None
    candidates = {str(a).casefold(): a for a in allowed}
    candidates |= {title.casefold(): a for a, title in titles.items() if title.casefold() not in candidates}
    match = closest(value.casefold(), list(candidates))
    return candidates[match] if match is not None else None


def _with_titles(values: list, titles: dict) -> str:
    return ", ".join(with_title(value, titles.get(value)) for value in values)


RULE = Rule("PL104", "not-in-vocabulary", Severity.ERROR, "A value is not one of the allowed values.", __doc__,
            describe=describe)
