"""## What it does
Warns about promotional words in the prose and in every short text a reader sees (headlines,
labels, the caption, names, dose rows): "miracle", "breakthrough", "guaranteed", "revolutionary",
"game-changer", "wonder drug", "magic", "100% effective". The list is configurable. A word is found
however it is disguised: in letters of another script that look Latin ("mіracle" with a Cyrillic
"і"), with a non-breaking or soft hyphen, broken across a folded line ("game-" at the end of one
line, "changer" on the next) or as the start of a compound ("miracle-grade"). A word the sentence denies ("it is not a
game-changer"), reports in order to refute ("the maker calls it a 'miracle'; no trial supports
that"), frames ("read every breakthrough claim as marketing") or uses as a medical term
("breakthrough pain") promotes nothing. ("Clinically proven" is an authority claim:
authority-claim reports it. A promise of results, "guaranteed results" or "100% effective", is also
an error of absolute-efficacy-claim: no source can carry it.)

## Why it matters
A reference informs; it does not sell. These words signal marketing copy to readers and to
regulators, and they overstate evidence that is almost always more modest.

## Example
```yaml
stacking: A miracle combination with anything.
```

## Instead
```yaml
stacking: Nothing is stacked with it.
```

Option (`[tool.peptide-lint.options.hype-words]`): `words`, the words and phrases to flag.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..patterns import regex
from ..claims import framing_clauses, read_texts, reported_to_refute, words_pattern
from ..findings import Finding, Severity
from ..wording import field
from ..schema import PROSE, SHOWN
from .base import Rule

DEFAULT_WORDS = ["miracle", "miraculous", "breakthrough", "guaranteed", "guarantee", "revolutionary",
                 "game-changer", "game changer", "game-changing", "wonder drug", "magic", "magical", "100% effective",
                 "cutting-edge", "life-changing", "holy grail", "jaw-dropping", "mind-blowing", "unbelievable",
                 "cure-all", "panacea", "fountain of youth", "secret weapon", "superhuman", "next-level"]
# Terms of medicine and science that hold a promotional word: "breakthrough pain" is a symptom.
_TERMS = regex(r"breakthrough\s+(?:pain|bleeding|seizures?|infections?|cancers?|symptoms?|depression|"
                    r"nausea|vomiting|varicella|disease)|magic[- ]angle|miracle\s+(?:fruit|berr(?:y|ies)|tree)",
                    re.IGNORECASE)


@lru_cache(maxsize=4)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return words_pattern(words)


def check(document, context) -> Iterator[Finding]:
    words = tuple(context.option(RULE, "words"))
    if not words:
        return
    pattern = _pattern(words)
    entry_texts = read_texts(document, context.schema, PROSE, SHOWN)
    if not entry_texts.may_match(pattern):
        return  # most entries: no text can hold a promotional word
    for reader_text in entry_texts:
        if not reader_text.search(pattern):
            continue
        path, text = reader_text.path, reader_text.text
        for sentence, reading in reader_text.sentences:
            framing = framing_clauses(reading.plain)
            for match in reading.finditer(pattern):
                at = match.start()
                # A word denied ("it is not a game-changer"), reported to be refuted ("the maker calls it
                # a 'miracle'; no trial supports that"), framed ("read every breakthrough claim as
                # marketing") or part of a term ("breakthrough pain") promotes nothing.
                if reading.denied(at) or reported_to_refute(reading, at) or _TERMS.match(reading.plain, at) \
                        or any(start <= at < end for start, end in framing):
                    continue
                start, end = sentence.start + at, sentence.start + match.end()
                yield RULE.at(document, document.text_span(path, start, end),
                              f'"{text[start:end]}" in {field(context.schema, document.data, path)} is promotional language',
                              "describe what the evidence shows in neutral words")


RULE = Rule("PL405", "hype-words", Severity.WARNING,
            "The text uses promotional words.", __doc__, check, options={"words": DEFAULT_WORDS})
