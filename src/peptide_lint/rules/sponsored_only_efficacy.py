"""## What it does
Warns about a sentence that states an effect or a benefit and cites sponsored sources
(`funding: sponsored`, or a source type the maker always pays for, such as a product leaflet) with
no independent or mixed-funded published one beside them. User reports cited beside a sponsored
trial do not make up for it. A sentence that reports the harms or side effects a sponsored trial
found ("more headaches with the peptide than with placebo") is not a claim of efficacy.

## Why it matters
Sponsored trials are more likely to report benefit than independent ones. A claim of efficacy that
rests on sponsored work alone should say so, cite independent evidence, or say that none exists.
Harms a sponsor reports are another matter: a sponsor has no reason to overstate them.

## Example
```yaml
lede: Testpeptide-Z improves recovery [@doe-2001].
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: sponsored
    note: synthetic; small effect
    pmid: "12345"
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```

## Instead
```yaml
lede: Testpeptide-Z improves recovery in one maker-sponsored trial; no independent trial exists [@doe-2001].
evidence_summary: One maker-sponsored synthetic trial found a small effect; no independent trial exists [@doe-2001].
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: sponsored
    note: synthetic; small effect
    pmid: "12345"
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..prose import CITATION_GROUP, DEFAULT_CLAIM_SIGNALS, citations, sentences, sources_by_id
from ..risks import is_denied
from ..wording import field
from ..schema import PROSE
from ..texts import texts
from .base import Rule

_HARM_WORDS = {"harm", "harms", "side-effect", "side-effects"}
# Words that say which way something moved, not whether that is good: "headaches increased" and
# "recovery was faster" differ only in what moved.
_UPWARD = {"increases", "increased", "raises", "raised", "rose", "rises", "faster", "quicker", "sooner", "earlier",
           "better"}
_DOWNWARD = {"reduces", "reduced", "reduction", "lowers", "lowered", "cuts", "halves", "halved", "shortens",
             "shortened", "fewer", "fell", "dropped"}
# Verbs of benefit beyond the claim signals: what a trial result says a treatment did.
_BENEFIT_VERBS = ["works", "helps", "effective", "efficacy", "speeds", "sped", "accelerates", "accelerated",
                  "enhances", "enhanced", "protects", "protected", "prevents", "prevented", "relieves",
                  "relieved", "eases", "eased", "heals", "healed", "restores", "restored", "repairs",
                  "repaired", "reverses", "reversed", "regains", "regained", "strengthens", "strengthened",
                  "promotes", "promoted", "treats", "cures", "cured"]
_EFFECT_WORDS = [w for w in DEFAULT_CLAIM_SIGNALS["an effect"] if w not in _HARM_WORDS] + _BENEFIT_VERBS + sorted(
    _UPWARD | _DOWNWARD)
_EFFECT = regex(r"(?<!\w)(?=\w)(" + "|".join(re.escape(w) for w in _EFFECT_WORDS) + r")(?!\w)", re.IGNORECASE)
# What a trial reports as harms: the general words, then the complaints trials most often list.
_GENERAL_HARM = regex(r"(?<!\w)(?:(?:side|unwanted|undesirable|harmful|toxic)[\s-]+effects?|adverse(?:\s+\w+)?|"
                           r"harms?|harmful|toxicity|toxic|tolerability|safety|drop-?outs?|withdr[ae]w\w*|"
                           r"discontinu\w+|stopped\s+(?:because|due)|(?:reduced|impaired|worse)\s+\w+\s+function)"
                           r"(?!\w)", re.IGNORECASE)
_COMPLAINT = regex(r"(?<!\w)(?:headaches?|nausea|vomiting|dizziness|rash(?:es)?|itch(?:ing)?|insomnia|"
                        r"anxiety|agitation|fatigue|diarrh(?:o)?ea|hypotension|bleeding|bruising|swelling|"
                        r"injection-site|allerg\w*|anaphyla\w*|seizures?|strokes?|deaths?|pain|heart\s+rate|"
                        r"palpitations|blood\s+pressure)(?!\w)",
                        re.IGNORECASE)
# Sentences that already say where the evidence comes from need no warning.
_DISCLOSED = regex(r"sponsor|manufacturer|maker|industry|no independent", re.IGNORECASE)


def states_efficacy(sentence: str) -> bool:
    """Whether a sentence claims a benefit, rather than reporting harms: "improved recovery" does,
    "side effects were more frequent" and "headaches increased" do not, "reduced headache" does."""
    text = _GENERAL_HARM.sub(" ", CITATION_GROUP.sub(" ", sentence))
    # "found no effect", "did not improve memory": a null result claims no benefit
    found = {match.group().lower() for match in _EFFECT.finditer(text) if not is_denied(text, match.start())}
    if found - _UPWARD - _DOWNWARD:
        return True  # improves, benefit, effect, works ...
    general_harm = _GENERAL_HARM.search(sentence) is not None
    if found & _DOWNWARD:
        return not general_harm  # fewer complaints is a benefit; "side effects included reduced appetite" is not
    return bool(found) and not (general_harm or _COMPLAINT.search(text))


def check(document, context) -> Iterator[Finding]:
    sources = sources_by_id(document.data)
    funding = {source_id: _funding(context.schema, source) for source_id, source in sources.items()}
    if "sponsored" not in funding.values():
        return
    for path, text in texts(document, context.schema, PROSE):
        if not _EFFECT.search(text):
            continue
        for sentence in sentences(text):
            cited = [c.id for c in citations(sentence.text) if c.id in sources]
            if not any(funding[i] == "sponsored" for i in cited) \
                    or _DISCLOSED.search(CITATION_GROUP.sub(" ", sentence.text)):
                continue
            if any(_is_independent_evidence(sources[i], funding[i]) for i in cited):
                continue
            if not states_efficacy(sentence.text):
                continue
            others = sorted({_kind_of_other(sources[i], funding[i]) for i in cited if funding[i] != "sponsored"})
            what = "cites only sponsored sources" if not others else \
                "cites no independent evidence, only sponsored sources and " + " and ".join(others)
            yield RULE.at(document, document.text_span(path, sentence.start, sentence.end),
                          f"this sentence in {field(context.schema, document.data, path)} states an effect "
                          f"and {what}",
                          "cite independent evidence as well, or say that the evidence is sponsored "
                          "and that no independent study exists")


def _funding(schema, source: dict) -> str | None:
    """Who paid, as the rules weigh it: a leaflet is the maker's whatever its `funding` says."""
    return schema.type_funding(source.get("type")) or source.get("funding")


def _is_independent_evidence(source: dict, funding: str | None) -> bool:
    return funding in ("independent", "mixed") and source.get("type") != "community"


def _kind_of_other(source: dict, funding: str | None) -> str:
    if source.get("type") == "community":
        return "user reports"
    return "sources that do not state their funding" if funding == "not-stated" else "other sources"


RULE = Rule("PL209", "sponsored-only-efficacy", Severity.WARNING,
            "An efficacy claim cites only sponsored sources.", __doc__, check)
