"""## What it does
Reports a path that cannot be read as an entry: a missing or unreadable file, or a folder.

## Why it matters
A file the checker cannot read is a file nobody has checked. Saying so beats skipping it.

## Example
A folder named `entries/semax.yaml/`, or a file without read permission.

## Instead
Each entry is one readable file, `entries/<slug>.yaml`.
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL001", "unreadable-file", Severity.ERROR, "The file cannot be read.", __doc__)
