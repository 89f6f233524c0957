"""## What it does
Reports invisible control characters (such as NUL or the "vertical tab") anywhere in the file.

## Why it matters
YAML does not allow them, they are invisible in most editors, and they come from copying text out
of other programs. Tabs and line breaks are not control characters in this sense.

## Example
A name followed by an invisible NUL character that came along with text copied from a PDF.

## Instead
Delete the character: retype the end of the line.
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL003", "control-character", Severity.ERROR, "The file contains an invisible control character.", __doc__)
