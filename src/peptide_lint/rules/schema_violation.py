"""## What it does
Reports any other way an entry breaks the entry schema (`schema/entry.schema.json`) than the more
specific schema rules (PL101 to PL107) describe: a condition between keys (the shipped schema
refuses `risk_evidence: none-known` beside listed serious risks), and in a repo's own schema a
limit (`maxLength`, `maxItems`, `minimum`, ...) or any other keyword. The hint is what the schema
says about the part that failed.

## Why it matters
The schema is the contract between the content and the site; anything it rejects may not render,
and a page that lists a serious risk while saying that none is known tells the reader both.

## Example
```yaml
safety:
  summary: One volunteer had a rare synthetic rash [@doe-2001].
  serious_risks:
    - risk: Synthetic rash
      frequency: rare
      sources: [doe-2001]
  risk_evidence: none-known
```

## Instead
```yaml
safety:
  summary: One volunteer had a rare synthetic rash [@doe-2001].
  serious_risks:
    - risk: Synthetic rash
      frequency: rare
      sources: [doe-2001]
"""

from ..findings import Severity
from ..problems import Problem, Words
from ..wording import show
from .base import Rule

# Limits a schema may set, in words: "limit" is the keyword's value in the schema.
_LIMITS = {
    "maxLength": "{name} is longer than {limit} characters",
    "maxItems": "{name} has more than {limit} items",
    "maxProperties": "{name} has more than {limit} keys",
    "minProperties": "{name} has fewer than {limit} keys",
    "minimum": "{name} is {value}; it must be at least {limit}",
    "maximum": "{name} is {value}; it must be at most {limit}",
    "exclusiveMinimum": "{name} is {value}; it must be more than {limit}",
    "exclusiveMaximum": "{name} is {value}; it must be less than {limit}",
    "multipleOf": "{name} is {value}; it must be a multiple of {limit}",
}


def describe(problem: Problem) -> Words:
    """Any error of the schema's keywords that no specific rule words. The hint is what the schema
    says about the part that failed (its "description"); for a keyword worded here only by its
    name, jsonschema's own explanation stands in for it."""
    facts = problem.facts
    name, value, keyword, hint = facts["name"], facts["value"], facts["keyword"], facts["description"]
    if keyword in _LIMITS:
        message = _LIMITS[keyword].format(name=name, value=show(value), limit=facts["limit"])
    elif keyword == "not" and not isinstance(value, (dict, list)):
        message = f"{name} cannot be {show(value)} here"
    elif keyword is None:  # a `false` schema, which allows nothing; jsonschema does not say where it stands
        message = f"{name} holds {show(value)}, which the entry schema does not allow"
    else:
        message = f'{name} does not meet the entry schema\'s "{keyword}" condition'
        hint = hint or f"the schema says: {facts['explanation']}"
    return Words(message, hint)


RULE = Rule("PL100", "schema-violation", Severity.ERROR, "The entry breaks the entry schema in another way.", __doc__,
            describe=describe)
