"""## What it does
Reports a ` #` after a dose written as plain text (`standard_dose` or a dose row's value, without
quotes): YAML reads everything from ` #` to the end of the line as a comment, so
`standard_dose: 2 mg # per kg` shows "2 mg" on the page. Whatever follows the `#` counts as a part
of the dose cut off ("# per kg", "# twice daily", "# or intramuscular", "#2 after meals"), unless it
begins with one of `note-words`, the words that open a note for editors ("# reviewed by the dosing
team", "# source: doe-2001, table 2", "# TODO ..."). A suppression comment
(`# peptide-lint: ignore[...]`) is left alone. Outside doses, comment-cuts-text (PL508) warns about
text that loses its end.

## Why it matters
A dose that silently loses "per kg", "per week" or "diluted" is a different dose: the page shows
"2 mg", a seventieth of 2 mg per kg for an adult of 70 kg. The editor sees the whole line in the
file; the reader sees only the part before the `#`.

## Example
```yaml
standard_dose: 1–2 mg # per kg
```

## Instead
```yaml
standard_dose: "1–2 mg # per kg"
```

Option (`[tool.peptide-lint.options.comment-cuts-dose]`): `note-words`, the first words of a
comment that make it a note for editors (matched without regard to letter case or a colon after
them). A note is safest on the line above the dose, where it can never be read as part of it.
"""

from __future__ import annotations

from typing import Iterator

from ..patterns import regex
from ..doses import dose_texts
from ..findings import Finding, Severity, Span
from ..wording import field
from .base import Rule
from .foreign_suppression import DIRECTIVE as FOREIGN_SUPPRESSION

_COMMENT_AFTER = regex(r"[ \t]+(?=#)(?!#\s*peptide-lint\s*:)")
_FIRST_WORD = regex(r"#[ \t]+([\w-]+)")  # a comment's first word, after a space: "#2" has none
DEFAULT_NOTE_WORDS = ["reviewed", "checked", "verified", "source", "sources", "see", "ref", "refs", "reference",
                      "todo", "fixme", "note", "nb", "cf", "updated", "added", "edited"]


def cut_doses(document) -> list[tuple[tuple, int]]:
    """(path, offset of the '#' in the file) for each plain dose that a comment follows on its
    line; comment-cuts-text leaves these to this rule."""
    def find() -> list[tuple[tuple, int]]:
        found = []
        text = document.text
        if " #" not in text and "\t#" not in text:
            return found  # the usual case: no comment after any value
        for path, value in dose_texts(document):
            written = document.written(path)  # None in quotes or a block, where a '#' is text
            start = document.text_offset(path, 0) if written else None
            if start is None:
                continue
            end = start + len(written)
            line_end = text.find("\n", end)
            comment = _COMMENT_AFTER.match(text, end, len(text) if line_end < 0 else line_end)
            # "# noqa" is meant as a comment; foreign-suppression says what to write instead.
            if comment and not FOREIGN_SUPPRESSION.match(text, comment.end()):
                found.append((path, comment.end()))
        return found
    return document.memo("doses cut by a comment", find)


def check(document, context) -> Iterator[Finding]:
    text = document.text
    note_words = {word.lower() for word in context.option(RULE, "note-words")}
    for path, at in cut_doses(document):
        first = _FIRST_WORD.match(text, at)
        if first and first.group(1).lower() in note_words:
            continue  # a note for editors after the whole dose
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line = text.count("\n", 0, at) + 1
        column = at - line_start + 1
        cut = text[at:len(text) if line_end < 0 else line_end].rstrip()
        yield RULE.at(document, Span(line, column, line, column + 1),
                      f'{field(context.schema, document.data, path)} stops before "{cut}": YAML reads it as a '
                      f'comment, so the page shows only "{document.get(path)}"',
                      "put the whole dose in double quotes if what follows the '#' belongs to it; "
                      "move a note for editors to the line above")


RULE = Rule("PL308", "comment-cuts-dose", Severity.ERROR,
            "A ' #' after a plain dose turns the rest of the line into a comment.", __doc__, check,
            options={"note-words": DEFAULT_NOTE_WORDS})
