"""## What it does
Reports an entry without the schema modeline, the comment that tells editors which schema the file
follows: `# yaml-language-server: $schema=` and the path from the entry's folder to the entry
schema. `peptide-lint check --fix` adds it as the first line.

## Why it matters
With the modeline, VS Code's YAML extension (and any editor that uses the YAML language server)
completes every key, explains it on hover and underlines a misspelled key or a value outside a
vocabulary as the editor types, long before the checker runs.

## Example
```yaml
# Testpeptide-Z: a synthetic entry.
slug: testpeptide-z
```

## Instead
```yaml
# yaml-language-server: $schema=../schema/entry.schema.json
# Testpeptide-Z: a synthetic entry.
slug: testpeptide-z
```
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

from ..findings import Finding, Fix, Severity, Span
from ..patterns import regex
from .base import Rule

_MODELINE = regex(r"^[ \t]*#[ \t]*yaml-language-server[ \t]*:.*\$schema=", re.MULTILINE)
_LINE_BREAK = regex(r"\r\n|\r|\n")


def check(document, context) -> Iterator[Finding]:
    if _MODELINE.search(document.text):
        return
    line = f"# yaml-language-server: $schema={_schema_path(document.path, context.schema.path)}"
    first_break = _LINE_BREAK.search(document.text)  # the new line ends as the file's lines end
    inserted = line + (first_break.group() if first_break else "\n")
    yield RULE.at(document, Span(1, 1, 1, 2),
                  "the file has no schema modeline, so editors cannot complete and explain its keys",
                  f"add this as the first line: {line}",
                  Fix.replace("add the schema modeline as the first line", 0, 0, inserted, ""))


def _schema_path(entry: Path, schema: Path) -> str:
    """The schema's path from the entry's folder, with forward slashes (as the language server reads it)."""
    try:
        return Path(os.path.relpath(os.path.abspath(schema), os.path.abspath(entry.parent))).as_posix()
    except ValueError:  # on another drive: only the full path reaches it
        return Path(os.path.abspath(schema)).as_uri()


RULE = Rule("PL512", "missing-schema-modeline", Severity.WARNING,
            "The entry does not name its schema for editors (the yaml-language-server modeline).", __doc__, check,
            fixable="safe")
