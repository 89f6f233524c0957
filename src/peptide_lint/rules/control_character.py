"""## What it does
Reports invisible control characters (such as NUL or the "vertical tab") anywhere in the file, and
invisible formatting characters: the zero-width space, the word joiner, a byte-order mark anywhere
but at the very start, the soft hyphen, and the marks that change the direction of text.
`peptide-lint check --fix` deletes those never meant in an entry (the zero-width space, the soft
hyphen, a byte-order mark inside the file); the others may be meant (a line break, a word joiner,
the direction of a quote in another script), and an editor deletes them.

## Why it matters
They are invisible in most editors and come from copying text out of other programs. YAML does not
allow control characters; the formatting characters it reads as text, so a slug or a source id that
holds one looks right and is still wrong. Tabs and line breaks are not control characters in this
sense, and the zero-width joiner and non-joiner are left alone: some scripts and emoji need them.

## Example
A name followed by an invisible NUL character that came along with text copied from a PDF.

## Instead
Delete the character: retype the end of the line.
"""

from ..findings import Fix, Severity
from ..problems import Problem, Words
from .base import Rule

# The characters with a name an editor may know; any other is a "control character".
_NAMES = {
    "\x85": "line separator (NEL)", "\u2028": "line separator", "\u2029": "paragraph separator",
    "\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark",
    "\u00ad": "soft hyphen",
    "\u202a": "text-direction mark (left-to-right embedding)",
    "\u202b": "text-direction mark (right-to-left embedding)",
    "\u202c": "text-direction mark (pop directional formatting)",
    "\u202d": "text-direction mark (left-to-right override)",
    "\u202e": "text-direction mark (right-to-left override)",
    "\u2066": "text-direction mark (left-to-right isolate)",
    "\u2067": "text-direction mark (right-to-left isolate)",
    "\u2068": "text-direction mark (first strong isolate)",
    "\u2069": "text-direction mark (pop directional isolate)",
}


# Never meant in an entry, so deleting them is safe. The others may stand for something (a line
# break, a word joiner in a name, the direction of a quote in another script): an editor decides.
_NEVER_MEANT = {"\u200b", "\u00ad", "\ufeff"}


def describe(problem: Problem) -> Words:
    char, offset = problem.facts["char"], problem.facts["offset"]
    name = _NAMES.get(char, "control character")
    fix = Fix.replace(f"delete the invisible {name}", offset, offset + 1, "", char) if char in _NEVER_MEANT else None
    return Words(f"invisible {name} U+{ord(char):04X} in the text",
                 "delete it; it usually comes from copying text out of another program", fix)


RULE = Rule("PL003", "control-character", Severity.ERROR,
            "The file contains an invisible control or formatting character.", __doc__, describe=describe,
            fixable="safe")
