"""## What it does
Reports any other way an entry breaks the entry schema (`schema/entry.schema.json`).

## Why it matters
The schema is the contract between the content and the site; anything it rejects may not render.

## Example
Anything the more specific schema rules (PL101 to PL107) do not describe.

## Instead
Follow the hint in the message; the schema's description of the key says what it holds.
"""

from ..findings import Severity
from .base import Rule

RULE = Rule("PL100", "schema-violation", Severity.ERROR, "The entry breaks the entry schema in another way.", __doc__)
