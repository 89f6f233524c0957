"""## What it does
Reports a value of the wrong kind: text where a number belongs, a single value where a list
belongs, and values YAML silently turns into dates, numbers or true/false where text belongs.
`peptide-lint check --fix` removes the quotes around a whole number where a number belongs
(`year: "2020"`).

## Why it matters
YAML guesses types: `year: "2020"` is text, `title: 2020-01-02` is a date and `value: 5` is a
number. The site then shows something other than what the editor typed, or fails to build.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: "2001"
    type: human-rct
    title: A synthetic trial of Testpeptide
    funding: independent
    note: synthetic example
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
```
"""

from ..findings import Fix, Severity
from ..problems import Problem, Words
from ..wording import show
from ..patterns import regex
from .base import Rule

_TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a group of keys", "null": "empty", "date": "a date",
}


def describe(problem: Problem) -> Words:
    """What YAML read the value as ("kind") against what the schema expects (JSON types), and how to
    write the line so that YAML reads what the editor meant, in the file's own words ("written")."""
    facts = problem.facts
    name, value, kind, expected, key = facts["name"], facts["value"], facts["kind"], facts["expected"], facts["key"]
    as_written = facts["written"] or show(value)  # 1e3, not 1000.0
    wants_text = "string" in expected
    wants_number = "integer" in expected or "number" in expected

    def line(written: str) -> str:  # the line as it should read: "(year: 2020)", or "(2020)" in a list
        return f"({key}: {written})" if key else f"({written})"

    if wants_text and kind == "date":
        return Words(f"YAML reads {show(value)} as a date, but {name} must be text; quote this value",
                     "write it in quotes " + line(f'"{show(value)}"'))
    if wants_text and kind in ("boolean", "number"):
        return Words(f"YAML reads {as_written} as {'true/false' if kind == 'boolean' else 'a number'}, but {name} "
                     "must be text; quote this value", "write it in quotes " + line(f'"{as_written}"'))
    if wants_number and kind == "date":
        return Words(f"YAML reads {show(value)} as a date, but {name} must be a number",
                     f"write only the year, without quotes {line(show(value)[:4])}")
    if wants_number and kind == "string" and value.strip().isdigit():
        return Words(f"{name} is written as text; write {key or 'it'} as a number, without quotes",
                     f"write it without quotes {line(value.strip())}", _unquoted(value, facts["as_written"]))
    if kind == "null":
        return Words(f"{name} is empty; it must be {_TYPE_WORDS.get(expected[0], expected[0])}", facts["description"])
    hint = facts["description"]
    if "array" in expected:
        if kind in ("string", "number", "boolean"):  # one item written without its list: write it as one
            one = facts["written"] or (value if kind == "string" else show(value))
            hint = f"write it as a list {line('[' + one + ']')}, or each item on its own line starting with '- '"
        else:
            hint = "write each item on its own line starting with '- ', or in brackets separated by commas"
    wanted = " or ".join(_TYPE_WORDS.get(json_type, json_type) for json_type in expected)
    return Words(f"{name} must be {wanted}, but it is {_TYPE_WORDS[kind]}", hint)


_WHOLE_NUMBER = regex(r"0|[1-9][0-9]*")  # as YAML writes an integer, without a sign or leading zeros


def _unquoted(value: str, as_written: tuple[int, str] | None) -> Fix | None:
    """The number without its quotes (`year: "2020"` to `year: 2020`), when the quotes hold exactly a
    whole number as YAML writes one, so that the value reads the same, only as a number."""
    if as_written is None or not _WHOLE_NUMBER.fullmatch(value):
        return None
    start, written = as_written
    if written not in (f'"{value}"', f"'{value}'"):
        return None
    return Fix.replace(f"write {value} without quotes", start, start + len(written), value, written)


RULE = Rule("PL103", "wrong-type", Severity.ERROR, "A value is of the wrong kind (text, number, list, ...).", __doc__,
            describe=describe, fixable="safe")
