"""## What it does
Reports a sentence in the prose that makes a claim but cites no source. A sentence makes a claim
when it reports a study or trial, a finding, an effect ("it sharpens memory", "makes you smarter"),
a promise of results ("works for everyone, guaranteed"), a ranking ("the best nootropic"), a risk,
a frequency, a number, or what people report (`peptide-lint explain PL201` lists the words that
mark each kind). A yes-or-no question ("Does it work?"), a denied promise ("there is no guarantee
that it helps"), a statement that evidence is missing ("no trial has tested whether it improves
memory") and a mechanism ("it works by binding the receptor") claim nothing that needs a source.
The prose fields are lede, caveat, what_it_is, mechanism, the story's texts, dosing notes, the
safety summary, stacking and the evidence summary; text under a misspelled key (`mechansim:`)
counts as the text it was meant to be. (Headlines and labels cannot cite:
shown-claim-without-citation checks that the text behind them does.) Sentences that only frame the
topic ("Read any efficacy claim against that split.") need no citation.

Options (`[tool.peptide-lint.options.claim-without-citation]`): `extend-signals`, more words or
phrases that mark a claim; `ignore-signals`, default words that should not.

## Why it matters
A medical reference is only as good as its sources: every claim a reader might act on must be
traceable to where it comes from, whether a trial or what users report (cite a source of type
`community` for those). This is the core of Wikipedia's sourcing standard for medical content.

## Example
```yaml
mechanism: Testpeptide-Z improves recovery in two synthetic trials.
```

## Instead
```yaml
mechanism: Testpeptide-Z improves recovery in two synthetic trials [@doe-2001].
```
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..findings import Finding, Severity
from ..claims import claim_needing_source, continues_the_sentence_before, read
from ..prose import DEFAULT_CLAIM_SIGNALS, SIGNAL_COMPANY, ClaimSignals, with_gaps
from ..wording import field
from ..schema import PROSE
from ..texts import texts
from .base import Rule


@lru_cache(maxsize=8)
def _signals(extend: tuple[str, ...], ignore: tuple[str, ...]) -> ClaimSignals:
    words = {kind: [w for w in list_ if w.lower() not in ignore] for kind, list_ in DEFAULT_CLAIM_SIGNALS.items()}
    words["a claim"] = list(extend)
    return ClaimSignals(words)


def claim_signals(context) -> ClaimSignals:
    """The claim words as configured for this rule; the rules that judge short shown texts use the
    same words, so one setting serves both."""
    return _signals(tuple(context.option(RULE, "extend-signals")),
                    tuple(w.lower() for w in context.option(RULE, "ignore-signals")))


def check(document, context) -> Iterator[Finding]:
    signals = claim_signals(context)
    for path, text in texts(document, context.schema, PROSE):
        previous_cited = False
        for sentence, gap in with_gaps(text):
            reading = read(sentence.text)
            if reading.cited:
                previous_cited = True
                continue
            # "Those trials used ...": a sentence that goes on about the studies of a cited sentence
            # just before it, in the same paragraph, shares its source.
            previous_cited = previous_cited and "\n" not in gap and continues_the_sentence_before(reading)
            if previous_cited:
                continue
            claim = claim_needing_source(reading, signals)
            if claim is None:
                continue
            kind, word = claim
            yield RULE.at(
                document, document.text_span(path, sentence.start, sentence.end),
                f'this sentence in {field(context.schema, document.data, path)} states {kind} '
                f'("{word}") but cites no source',
                "add a citation before the full stop, e.g. [@source-id] with an id from sources; "
                "claims that rest on user reports cite a source of type community",
            )


_SIGNAL_LIST = "\n".join(f"- {kind}: " + ", ".join(words) for kind, words in DEFAULT_CLAIM_SIGNALS.items())
_COMPANY_LIST = "\n".join(f"- {', '.join(words)}: {company}" for company, (words, _) in SIGNAL_COMPANY.items())
DOC = (__doc__ + "\n## Claim signals\nThe default words, by kind of claim (a number or a percentage on its own "
       "is a claim too; numbers inside names such as BPC-157 are not):\n" + _SIGNAL_LIST + "\n\n"
       "Some of them mark a claim only in company, as they name something else elsewhere (a word that "
       "`extend-signals` adds counts wherever it stands):\n" + _COMPANY_LIST + "\n")

RULE = Rule("PL201", "claim-without-citation", Severity.ERROR,
            "A sentence that makes a claim cites no source.", DOC, check,
            options={"extend-signals": [], "ignore-signals": []})
