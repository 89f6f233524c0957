"""## What it does
Reports that a rule of the checker itself failed on this file (a bug in peptide-lint, not in the
entry). The other rules and files are still checked, and the run exits with code 2.

## Why it matters
A crash must never hide findings or pass a file silently. Reporting it as a finding keeps the rest
of the run useful and tells the maintainers exactly which rule and file to look at.

## Example
Any entry on which a rule raised an unexpected error.

## Instead
Report the message to the peptide-lint maintainers; the entry may be fine.
"""

from ..findings import INTERNAL_ERROR, Severity
from .base import Rule

RULE = Rule(INTERNAL_ERROR, "internal-error", Severity.ERROR, "A rule of the checker failed on this file.", __doc__)
