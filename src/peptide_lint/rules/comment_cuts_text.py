"""## What it does
Warns when plain text goes on with ` #` followed directly by a word or a number ("the #1 trial",
"#hashtag"): YAML reads everything from ` #` to the end of the line as a comment, so that part of
the text is silently left out of the value. A comment written as comments are, with a space after
the `#` (`year: 2020  # from PubMed`), is left alone. After a dose, any comment is
comment-cuts-dose's (PL308, an error) and not reported here.

## Why it matters
"the #1 cited trial" becomes "the" on the published page, and nothing tells the editor. A comment
after a value is rarely meant in an entry; text that loses its end is always a mistake.

## Example
```yaml
class: Synthetic test peptide, the #1 synthetic compound
```

## Instead
```yaml
class: "Synthetic test peptide, the #1 synthetic compound"
```
"""

from __future__ import annotations

from typing import Iterator

from ..patterns import regex
from ..doses import dose_texts
from ..findings import Finding, Severity, Span
from ..wording import field
from .base import Rule
from .foreign_suppression import DIRECTIVE as FOREIGN_SUPPRESSION

_COMMENT_AFTER = regex(r"[ \t]+#(?=[^\s#])(?!peptide-lint\s*:)")  # "#1", not "# a comment"


def check(document, context) -> Iterator[Finding]:
    text = document.text
    if not _COMMENT_AFTER.search(text):
        return  # the usual case: no '#' that could have cut a text
    doses = {path for path, _ in dose_texts(document)}
    for path, place in document.located_values():
        value = document.get(path)
        if not place.scalar or place.style is not None or not isinstance(value, str) or not path:
            continue  # only plain text: in quotes or a block, a '#' is text and no comment follows it
        if path in doses:
            continue  # comment-cuts-dose reports it, as an error
        line_end = text.find("\n", place.end)
        comment = _COMMENT_AFTER.match(text, place.end, len(text) if line_end < 0 else line_end)
        # "#noqa" is meant as a comment; foreign-suppression says what to write instead.
        if comment and not FOREIGN_SUPPRESSION.match(text, comment.end() - 1):
            span = place.value
            column = span.end_column + (comment.end() - 1 - place.end)
            yield RULE.at(document, Span(span.end_line, column, span.end_line, column + 1),
                          f"{field(context.schema, document.data, path)} stops before this '#': "
                          "YAML reads the rest of the line as a comment",
                          "put the whole value in double quotes to keep the '#' and what follows it")


RULE = Rule("PL508", "comment-cuts-text", Severity.WARNING,
            "A ' #' inside plain text turns the rest of the line into a comment.", __doc__, check)
