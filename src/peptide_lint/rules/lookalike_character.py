"""## What it does
Reports a character that looks like a space or a quote where YAML needs the real one: a
non-breaking space (or another space that is not a plain one) in the indentation of a key or right
after a key's colon, and a value that opens with a curly quote (“ or ‘) as if it were a YAML quote,
around a colon and a space that only real quotes would protect. (A ` #` inside curly quotes cuts
the value short: comment-cuts-text reports it.) `peptide-lint check --fix` writes plain spaces for
the look-alike ones, and straight quotes for curly ones around a whole value (single quotes when
the value holds a double quote or a backslash).

## Why it matters
Word processors and autocorrect type these characters, and they look the same as the real ones.
To YAML they are ordinary text: a key that starts with a non-breaking space is another key, and
the colon inside curly quotes starts a new key. Often YAML cannot read the file at all, and says so
lines further down.

## Example
```yaml
sources:
  - id: doe-2001
    title: “Testpeptide-Z: a synthetic trial”
```

## Instead
```yaml
sources:
  - id: doe-2001
    title: "Testpeptide-Z: a synthetic trial"
```
"""

from ..findings import Edit, Fix, Severity
from ..problems import Problem, Words
from ..wording import excerpt
from .base import Rule

# Spaces YAML reads as text, not as white space: pasted from a word processor, they look like spaces.
_SPACE_NAMES = {"\u00a0": "non-breaking space", "\u2007": "figure space", "\u202f": "narrow non-breaking space",
                "\u3000": "ideographic space"}


def describe(problem: Problem) -> Words:
    facts = problem.facts
    if facts["cause"] == "curly-quote":
        return Words(f"this value starts with a curly quote ({facts['quote']}), which YAML does not read as a quote, "
                     "so the colon inside the value makes it read a new key",
                     f'write the value in straight double quotes ("{excerpt(facts["value"].replace(chr(34), chr(39)))}")'
                     " instead of curly ones; word processors and autocorrect often make quotes curly",
                     _straight_quotes(facts))
    char = facts["char"]
    space = f"an invisible {_SPACE_NAMES[char]} (U+{ord(char):04X})"
    fix = None
    if facts["offset"] is not None:
        run = facts.get("indentation", char)  # the whole indentation, or the one space after a colon
        fix = Fix.replace(f"replace the {_SPACE_NAMES[char]} with a plain space", facts["offset"],
                          facts["offset"] + len(run), " " * len(run), run)
    if facts["cause"] == "indentation":
        return Words(f"this line holds {space} in its indentation, where YAML needs plain spaces",
                     f"replace it with a normal space: delete the spaces before {facts['word']} and type them again", fix)
    return Words(f"this line holds {space} where YAML needs a plain space",
                 f"delete the space after {facts['key']}: and type it again", fix)


def _straight_quotes(facts: dict) -> Fix | None:
    """Straight quotes for the curly ones, where the value ends at its closing quote: double quotes,
    or single quotes around a value that holds a double quote or a backslash (which double quotes
    would read as an escape); none for a value that holds both kinds of quote."""
    value, opening, closing = facts["value"], facts["offset"], facts["closing"]
    if opening is None or closing is None:
        return None
    quote = '"' if '"' not in value and "\\" not in value else "'" if "'" not in value else None
    if quote is None:
        return None
    return Fix("replace the curly quotes with straight quotes",
               (Edit(opening, opening + 1, quote, facts["quote"]), Edit(closing, closing + 1, quote, facts["close_quote"])))


RULE = Rule("PL014", "lookalike-character", Severity.ERROR,
            "A character that only looks like a space or a quote stands where YAML needs the real one.", __doc__,
            describe=describe, fixable="safe")
