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
from .base import Rule

RULE = Rule("PL003", "control-character", Severity.ERROR,
            "The file contains an invisible control or formatting character.", __doc__)
