"""## What it does
Reports absolute promises of results in the prose and in every short text a reader sees
(headlines, labels, the caption, names, dose rows), cited or not: "works for everyone", "helps
anybody", "everyone who tries it feels sharper", "100 % of users respond", "no one fails to
respond", "there are no non-responders", "always works", "works every time", "works without
fail", "never fails", "can't fail", "guaranteed results", "results are guaranteed", "guaranteed
to work", "100 % effective", "a 100 % success rate".

A promise is not made when the sentence denies it ("it did not work for everyone", "no treatment
works for everyone", "there is no guarantee that it works"), asks it ("does it work for
everyone?", "whether it helps everyone is unknown"), reports it in order to refute it ("claims
that it 'works for everyone' are not supported by any trial"), or limits it to the people of a
study it names ("in the synthetic trial, every participant responded [@doe-2001]"). "Always" and
"everyone" alone promise nothing ("always store it in the fridge", "everyone in the trial received
the same dose"), and neither does "never fails to be mentioned in forums": what never fails there
is talk about it, not a result. A promise of a cure ("never fails to clear up eczema", "guaranteed
to cure arthritis") is a cure claim, which cure-claim reports: this rule leaves it to that one,
so that the same words are reported once.

## Why it matters
No treatment works for everyone, and no trial shows that one does: some people respond, some do
not, and a trial reports how many. A reader promised that it always works blames the dose when
it does not, takes more, or stops a treatment that helps them. A citation cannot carry the promise
either, so the rule reports it cited as well as uncited (claim-without-citation asks for a source
of an uncited one; this rule says that no source can carry it). Said with "guaranteed", the promise
is also promotional language, which hype-words warns about.

## Example
```yaml
what_it_is: It works for everyone [@doe-2001].
```

## Instead
```yaml
what_it_is: In one synthetic trial, 4 in 10 participants responded [@doe-2001].
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..claims import CURE, EVERYONE, asks, clause_around, limited_to_a_study, read_texts, reported_to_refute
from ..prose import NOT_A_RESULT
from ..wording import field
from ..schema import PROSE, SHOWN
from .base import Rule

# The words for everyone are written with plain spaces ("every user", "100 % of"), as a text reads
# once YAML has folded its lines: the literals a match needs are then whole phrases, which "small"
# or "recovery" does not hold (literals.py looks for them as parts of words).
_PERCENT = r"(?:100 ?%|100 per ?cent|one hundred per ?cent)"
_PEOPLE = r"(?:users|people|patients|clients|athletes|adults|men|women|those|who)"
# Everyone at once: everyone, every single user, all patients, 100 % of the people who tried it. (Its
# participants or subjects are a study's: "every participant responded" reports a trial.)
_ALL = (r"(?:" + EVERYONE + r"|every (?:single )?(?:one|user|person|patient|client)|all (?:of (?:them|us|you)|"
        r"(?:the |its )?" + _PEOPLE + r")|" + _PERCENT + r" of (?:the |its )?(?:[\w-]+ )??" + _PEOPLE + r")")
_WORKS = (r"(?:works?|worked|working|helps?|helped|benefits?|benefit+ed|succeeds?|succeeded|effective|"
          r"delivers?|delivered)")
# What a person who responds does: responds, benefits, sees results, feels better.
_RESPONDS = (r"(?:(?:responds?|responded)(?!\s+(?:differently|in\s+(?:different|their\s+own)))|benefits?|"
             r"benefit+ed|improves?|improved|recovers?|recovered|"
             r"(?:sees?|saw|gets?|got|notices?|noticed|feels?|felt)\s+(?:(?:the|a|real|big|clear|great|huge|"
             r"visible)\s+)?(?:results?|effects?|benefits?|differences?|improvements?)|(?:feels?|felt)\s+(?:better|"
             r"sharper|smarter|stronger|younger|calmer|leaner|fitter|healthier|happier|(?:more|less)\s+[\w-]+)|"
             r"swears?\s+by\s+it)")
# The promise, in each of its forms, each a pattern of its own: the literals each form needs (a verb
# of a result and a word for everyone, "always" and a verb of a result, ...) are then all required
# before it is searched (literals.py), and few texts hold them together.
_WORKS_FOR_EVERYONE = regex(r"(?<![\w-])" + _WORKS + r"\s+(?:(?:for|in|on|with)\s+)?" + _ALL + r"(?![\w-])",
                            re.IGNORECASE)
_EVERYONE_RESPONDS = regex(r"(?<![\w-])" + _ALL + r"(?:\s+(?:who|that)(?:\s+[\w'-]+){1,5}?)?\s+"
                           r"(?:(?:will|would|does|did)\s+)?" + _RESPONDS + r"(?![\w-])", re.IGNORECASE)
_ALWAYS_WORKS = regex(r"(?<![\w-])always\s+(?:(?:works?|worked)(?!\s+out)|helps?|helped|delivers?|succeeds?|"
                      r"(?:gets?|produces?|gives?|brings?)\s+results)(?![\w-])", re.IGNORECASE)
_WORKS_EVERY_TIME = regex(
    r"(?<![\w-])(?:works?|worked|helps?|helped|delivers?|results?)\s+(?:for\s+(?:you|me|us|them)\s+)?(?:every "
    r"(?:single )?time|each and every time|without (?:fail|exception)|" + _PERCENT + r" of the time|"
    r"in (?:every|all) (?:cases?|users|people|patients))(?![\w-])", re.IGNORECASE)
_PERFECT_RATE = regex(
    r"(?<![\w-])(?:" + _PERCENT + r" (?:effective|successful|of the time)|(?:a )?" + _PERCENT +
    r" (?:success|response) rate|(?:success|response) rate of " + _PERCENT +
    r"|(?:perfect|flawless)\s+(?:success|response)\s+rate)(?![\w-])", re.IGNORECASE)
# Said with a negation of its own ("never fails", "no one fails to respond"), which the claim model
# reads as a denial.
_NEVER_FAILS = regex(
    r"(?<![\w-])(?:never\s+(?:ever\s+|once\s+)?(?:fails?|failed)|(?:has|have)\s+never\s+(?:once\s+)?failed|"
    r"(?:can(?:not|'t)|won't|will\s+not)\s+fail(?!\s+to\b)|never\s+(?:lets?|let)\s+(?:you|me|us|anyone|anybody|"
    r"users|people)\s+down|never\s+disappoints)(?![\w-])", re.IGNORECASE)
_NO_ONE_FAILS = regex(
    r"(?<![\w-])(?:(?:no\s+one|no-one|nobody|not\s+(?:one|a\s+single)\s+(?:person|user|patient|participant))\s+"
    r"(?:has\s+|have\s+|will\s+|ever\s+){0,2}(?:fails?|failed|fail)\s+to\s+(?:respond|benefit|improve|see|notice|"
    r"feel|get)|no\s+non-?responders?|(?:no\s+one|nobody)\s+(?:is|was)\s+a\s+non-?responder)(?![\w-])",
    re.IGNORECASE)
_GUARANTEED = regex(
    r"(?<![\w-])(?:guaranteed\s+(?:[\w-]+\s+){0,2}?(?:results?|success|gains?|effects?|benefits?|relief|"
    r"improvements?|fix|response|outcomes?|fat\s+loss|weight\s+loss|recovery)|guaranteed\s+to\s+(?:work|help|"
    r"deliver|improve|boost|increase|reduce|raise|lower|give|make|produce|build|burn|speed|sharpen|lift|fix|heal|"
    r"repair|restore|change|transform|succeed)|(?:results?|success|gains?|improvements?|relief|benefits?|"
    r"the\s+effects?|a\s+response)\s+(?:(?:are|is|comes?)\s+(?:\w+\s+)?)?guaranteed|guarantees?\s+(?:(?:you|users|"
    r"everyone)\s+)?(?:results?|success|that\s+(?:it|you)\s+(?:will\s+)?(?:works?|helps?|see|get|feel)))(?![\w-])",
    re.IGNORECASE)
_PATTERNS = (_WORKS_FOR_EVERYONE, _EVERYONE_RESPONDS, _ALWAYS_WORKS, _WORKS_EVERY_TIME, _PERFECT_RATE,
             _NEVER_FAILS, _NO_ONE_FAILS, _GUARANTEED)
_TO = regex(r"\s*(?:to\s+)?")


def check(document, context) -> Iterator[Finding]:
    entry_texts = read_texts(document, context.schema, PROSE, SHOWN)
    if not entry_texts.may_match(*_PATTERNS):
        return  # most entries: no text can promise results
    for text in entry_texts:
        if not any(text.search(pattern) for pattern in _PATTERNS):
            continue  # most fields: no need to look sentence by sentence
        for sentence, reading in text.sentences:
            match = absolute_promise(reading)
            if match is not None:
                yield RULE.at(document, document.text_span(text.path, sentence.start + match.start(),
                                                           sentence.start + match.end()),
                              f'"{sentence.text[match.start():match.end()]}" in '
                              f"{field(context.schema, document.data, text.path)} promises results for everyone "
                              f"or every time, which no source can show",
                              "report what the trials found instead: the share of participants who responded, "
                              "with its source, e.g. \"in one 12-week trial, 4 in 10 participants improved\"")


def absolute_promise(reading) -> re.Match | None:
    """The first absolute promise of results the sentence makes, if it makes one."""
    if asks(reading):
        return None
    text = reading.plain
    for match in sorted((m for pattern in _PATTERNS for m in reading.finditer(pattern)), key=lambda m: m.start()):
        at = match.start()
        if reading.denied_before(at) or reported_to_refute(reading, at):
            continue
        if CURE.match(text, _TO.match(text, match.end()).end()):
            continue  # a promised cure: cure-claim reports it
        if match.re is _NEVER_FAILS and NOT_A_RESULT.match(text, match.end()):
            continue
        # What a study saw in its own participants is a finding ("in the trial, every participant
        # responded"); a guarantee is never one.
        if match.re is not _GUARANTEED and limited_to_a_study(text[:clause_around(text, at)[1]]):
            continue
        return match
    return None


RULE = Rule("PL410", "absolute-efficacy-claim", Severity.ERROR,
            "The text promises that the peptide works for everyone or every time.", __doc__, check, safety=True)
