"""## What it does
Reports a sentence of prose or shown text that is word for word the same as a sentence of another
entry, on the entry that came later, naming the other entry's file and line. Sentences are compared
without their citations, with white space, quotes and letter case folded; sentences under eight
words are stock phrases and never compared. Which entry came later is git's answer: the entry a
commit added later, and an entry not committed yet is the newest. When git cannot tell (both added
in one commit, a shallow clone, no git), both entries are reported.

Option (`[tool.peptide-lint.options.copied-text]`): `allow`, sentences of house wording that any
entry may repeat (compared the same way).

## Why it matters
Editors start a new page from an existing one. A sentence left over from the other peptide's page
states that peptide's evidence, doses or risks as if they were this one's, and nothing else in the
page looks wrong.

## Example
`entries/testpeptide-q.yaml`, copied from `entries/testpeptide-z.yaml` and given a new slug and name,
still says "It is imagined to bind a synthetic receptor." in its mechanism.

## Instead
Write each entry's own text; keep only the house wording listed in `allow`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from .. import history
from ..findings import FILE_START, Finding, Severity
from ..prose import comparable, fingerprint, sentence_fingerprints
from ..schema import PROSE, SHOWN
from ..texts import texts
from .base import Rule


@lru_cache(maxsize=4)
def _allowed(sentences: tuple[str, ...]) -> frozenset[int]:
    return frozenset(fingerprint(text) for text in map(comparable, sentences) if text is not None)


def check_across(summary, context) -> Iterator[Finding]:
    allowed = _allowed(tuple(context.option(RULE, "allow")))
    index = context.index
    shared = {number: others for number in summary.sentences if number not in allowed
              if (others := index.others_with_sentence(number, summary.path))}
    if not shared:
        return
    involved = sorted({summary.path, *(path for others in shared.values() for path in others)})
    base = index.cwd
    age = dict(zip(involved, history.ages([base / path if base else path for path in involved]).values()))
    # Reported here unless every entry sharing the sentence is newer than this one.
    earlier = {number: min(others, key=lambda path: (age[path], path)) for number, others in shared.items()
               if any(age[path] <= age[summary.path] for path in others)}
    if not earlier:
        return
    document = index.load(summary.path)
    if document is None:  # changed or gone since it was checked
        return
    lines: dict[str, dict[int, int]] = {}  # other entry -> its sentences' lines, read once per entry
    for path, text in texts(document, context.schema, PROSE, SHOWN):
        for number, sentence in sentence_fingerprints(text):
            if number not in earlier:
                continue
            other = earlier[number]
            if other not in lines:
                lines[other] = _sentence_lines(index, other, context.schema)
            line = lines[other].get(number)
            where = f"{other}:{line}" if line else other
            yield RULE.at(document, document.text_span(path, sentence.start, sentence.end),
                          f"this sentence is word for word the same as one in {where}",
                          "write this entry's own text: a sentence copied from another entry describes that "
                          "peptide; house wording meant for every entry goes in the option allow of copied-text")


def _sentence_lines(index, shown: str, schema) -> dict[int, int]:
    """The line of each sentence of an entry, by fingerprint (the first, for a repeated sentence)."""
    document = index.load(shown)
    if document is None:
        return {}
    lines: dict[int, int] = {}
    for path, text in texts(document, schema, PROSE, SHOWN):
        for number, sentence in sentence_fingerprints(text):
            if number not in lines:
                lines[number] = document.text_span(path, sentence.start, sentence.end).line
    return lines


RULE = Rule("PL509", "copied-text", Severity.ERROR,
            "A sentence is word for word the same as another entry's.", __doc__, check_across=check_across,
            options={"allow": []})
