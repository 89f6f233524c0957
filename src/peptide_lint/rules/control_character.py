"""## What it does
Reports invisible control characters (such as NUL or the "vertical tab") anywhere in the file, and
invisible formatting characters: the zero-width space, the word joiner, a byte-order mark anywhere
but at the very start, the soft hyphen, and the marks that change the direction of text.

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

from ..findings import Severity
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


def describe(problem: Problem) -> Words:
    char = problem.facts["char"]
    return Words(f"invisible {_NAMES.get(char, 'control character')} U+{ord(char):04X} in the text",
                 "delete it; it usually comes from copying text out of another program")


RULE = Rule("PL003", "control-character", Severity.ERROR,
            "The file contains an invisible control or formatting character.", __doc__, describe=describe)
