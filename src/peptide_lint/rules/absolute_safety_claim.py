"""## What it does
Reports absolute safety claims in the prose and in every short text a reader sees (headlines,
labels, the caption, names, dose rows): "safe", "completely safe", "safe for pregnant women", "no
side effects", "no known side effects", "risk-free", "harmless", "non-toxic", "not dangerous at any
dose", "can't hurt", "you cannot overdose", "a perfect safety record", and safety in other words:
"nobody has ever been harmed", "it won't do you any harm", "innocuous", "as safe as a vitamin", "no
more dangerous than water", "its safety is beyond question", "no contraindications".

A claim is qualified, and fine, when the sentence limits it to what was observed ("no serious side
effects were reported in one 12-week trial", "appeared safe at the doses studied"), hedges it ("may
be", "appears", "is unknown"), or denies or questions it ("is not safe in pregnancy", "nobody has
shown it is safe", "whether it is safe is unknown"). Authority is no qualification ("considered
safe", "known to be safe", "experts consider it safe"), and neither is a citation: user reports cannot show that something has
no side effects.

## Why it matters
No active compound is safe for everyone at every dose. The FDA and FTC treat unqualified safety
claims for health products as misleading, and a reader who believes "no side effects" stops
watching for them.

## Example
```yaml
stacking: It is completely safe to stack with anything.
```

## Instead
```yaml
stacking: No stacks have been studied, so the safety of combining it is unknown.
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..claims import EVERYONE, clause_around, read_texts, reported_to_refute, study_reports
from ..risks import EVERYDAY_THINGS, content_words, words
from ..wording import field
from ..schema import PROSE, SHOWN
from .base import Rule

_HARM = r"(?:side[- ]effects?|adverse (?:effects?|events?|reactions?)|risks?|dangers?|downsides?|harms?|toxicity|" \
        r"threats?|hazards?|contraindications?|safety (?:concerns?|issues?|problems?))"
# "no cancer risk", "no serious long-term side effects"; not "no evidence of risk", which denies evidence.
_HARM_MODIFIERS = r"(?:(?!(?:evidence|data|proof|stud(?:y|ies)|trials?|signs?|reports?)\b)[\w-]+\s+){0,2}?"
_SPECIAL_GROUPS = r"(?:pregnan\w*|breast-?feeding\w*|nursing|(?:pregnant|breastfeeding|nursing) \w+|children|kids|" \
                  r"babies|infants|teenagers|the elderly|" + EVERYONE + ")"
# Safety said in other words than "safe": nobody ever harmed, never a problem, harmless in other
# words, as safe as an everyday thing, safety past doubt.
_NEVER_HARMED = (
    r"(?:nobody|no one|no-one|not (?:one|a single) (?:person|user|patient))\s+(?:has\s+|have\s+)?(?:ever\s+)?(?:been\s+)?"
    r"(?:harmed|hurt|injured|had (?:a |any )?(?:problems?|bad reactions?|issues?))|never\s+(?:once\s+)?(?:been\s+)?"
    r"(?:caused|done|hurt|harmed|led to)\s+(?:a\s+(?:single\s+)?|any\s+)?(?:problems?|harm|anyone|anybody|issues?|"
    r"injur(?:y|ies))|(?:never|not|\w+n't|no)\s+(?:been\s+)?(?:one|a)\s+single\s+(?:[\w-]+\s+)?(?:incident|"
    r"problems?|adverse|side|case|complaint)|not (?:one|a single) (?:adverse|serious|side)|"
    r"(?:side[- ]effects?|risks?|dangers?|downsides?)\?\s+(?:there\s+)?(?:aren't|are not|isn't|is not)\s+any|"
    r"(?:side[- ]effects?|risks?|dangers?)\s+(?:are|is)\s+(?:\w+\s+)?(?:non-?existent|nil|unheard of)|"
    r"innocuous|(?<=is\s)benign|(?<='s\s)benign|(?<=are\s)benign|(?:totally|completely|entirely|perfectly|"
    r"utterly)\s+benign|nothing to (?:fear|worry about|watch (?:out )?for|look out for|be careful about)|(?:entirely|completely|totally)\s+without\s+(?:danger|risk|harm)|"
    r"(?:won't|will not|can't|cannot|doesn't|does not|couldn't)\s+do\s+(?:you\s+)?(?:any\s+)?harm|"
    r"can(?:not|'t)\s+go\s+wrong|safe\s+as\s+houses|"
    r"(?:as|no more)\s+(?:safe|dangerous|risky|harmful|toxic)\s+(?:as|than)\s+(?:[\w'-]+\s+){0,3}?" + EVERYDAY_THINGS +
    r"|safer\s+than\s+(?:[\w'-]+\s+){0,3}?" + EVERYDAY_THINGS +
    r"|safety\s+is\s+(?:\w+\s+)?(?:beyond (?:question|doubt|dispute)|unquestion\w+|indisputable|undisputed|"
    r"a non-issue|not in (?:question|doubt))|(?:well[- ])?tolerated\s+by\s+(?:everyone|everybody|all|anyone|anybody)")
_ABSOLUTE = regex(
    r"(?<![\w-])(?:(?:no|zero)\s+" + _HARM_MODIFIERS + _HARM + r"(?!\s+(?:were|was|have been|has been)"
    r"\s+(?:reported|seen|observed|recorded|noted|found|studied|tested|established|investigated|looked for))|(?:without|free (?:of|from))\s+(?:any\s+)?" + _HARM +
    r"|side[- ]effect[- ]free|risk[- ]free|harmless|non-?toxic|not (?:at all )?(?:dangerous|harmful|toxic|risky)|"
    r"can(?:not|'t) (?:hurt|harm)|(?:won't|will not|does not|doesn't) (?:hurt|harm)|(?:the )?safest|"
    r"can(?:not|'t|not possibly) (?:overdose|od|take too much)|(?:impossible|no way) to overdose|"
    r"(?:perfect|flawless|spotless|impeccable|unblemished|clean|excellent|stellar)\s+(?:safety\s+record|"
    r"track\s+record|safety\s+profile|record)|"
    r"safety (?:is|has been) (?:\w+ )?(?:proven|established|guaranteed|confirmed|assured|certain)|"
    r"(?:fine|ok|okay|harmless|gentle enough|suitable) (?:for|during|in|while) " + _SPECIAL_GROUPS + r"|"
    r"(?:(?:completely|totally|perfectly|entirely|absolutely|100%|fully|very|extremely|generally|proven|known"
    r"|considered|regarded|deemed|believed|thought)\s+(?:to be\s+)?)?safe)(?![\w-])", re.IGNORECASE)
# A pattern of its own: searched only in the texts that hold its words (literals.py), so the common
# words among them (never, nobody, without) do not make every text a candidate for _ABSOLUTE.
_IN_OTHER_WORDS = regex(r"(?<![\w-])(?:" + _NEVER_HARMED + r")(?![\w-])", re.IGNORECASE)
# Claims no hedge makes honest: a superlative, proof of safety, safety for the most vulnerable.
_ALWAYS_ABSOLUTE = regex(r"safest|safety (?:is|has been)|(?:fine|ok|okay|harmless|safe|gentle enough|suitable) "
                         r"(?:for|during|in|while) "
                              + _SPECIAL_GROUPS, re.IGNORECASE)
# "Safe" said of the peptide or its use, not "to be safe, start low" or "safe injection practice".
_SAFE_SAID_OF_IT = regex(
    r"(?:\b(?:is|are|was|were|be|been|being|'s|seems?|appears?|completely|totally|perfectly|entirely|absolutely|"
    r"fully|very|extremely|generally|proven|known|considered|regarded|deemed|believed|thought|so|as|100%)"
    r"(?:\s+to\s+be)?\s*$|\b(?:consider|considers|call|calls|deem|deems|rate|rates|judge|judges|declare|declares|"
    r"believe|believes|think|thinks|find|finds|regard|regards)\s+(?:it|them|this|the peptide)\s+(?:to be\s+|as\s+)?$)",
    re.IGNORECASE)
_SAFE_FOR = regex(r"\s+(?:for|to (?:use|take|inject|stack|combine|run|dose|try|give)|at|in|with|during|while|"
                       r"long[- ]term|option|choice|alternative|peptide|compound|drug|bet|product)\b", re.IGNORECASE)
_SAFE_IDIOM = regex(r"(?:to be|play(?:ing)? it|on the|stay|fail-)\s*safe|safe\s+(?:side|place|storage|"
                         r"injection (?:practice|technique)|disposal|handling|sharps)", re.IGNORECASE)
# What limits a claim to what was observed, or hedges it, in the claim's own clause.
_QUALIFIED = regex(
    r"(?<![\w-])(?:(?:in|during|over|across|throughout|for)\s+(?:the|this|that|one|a|an|two|three|both|these|those|"
    r"its|each|\d+)?\s*(?:[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|cohorts?|reviews?|weeks?|months?|follow-up)|"
    r"at the doses? (?:studied|tested|used|given)|(?:is|are|were|was|have been|has been)\s+(?:yet\s+)?(?:reported|seen|"
    r"observed|recorded|noted|found|documented|described)|may|might|appears?|appeared|seems?|seemed|likely|"
    r"unlikely|probably|possibly|unclear|unknown|uncertain|not (?:yet )?(?:known|established|clear)|relatively|"
    r"short[- ]term)(?![\w-])", re.IGNORECASE)
_AT_ANY_DOSE = regex(r"(?<![\w-])(?:at any dose|in any amount|for " + EVERYONE + r")(?![\w-])", re.IGNORECASE)


def check(document, context) -> Iterator[Finding]:
    # A serious risk of the list said to be no risk is played down: risk-played-down reports it, in
    # the list itself and where the prose names it ("there is no real rash risk").
    listed = {word for _, risk in document.each(("safety", "serious_risks")) if isinstance(risk, dict)
              and isinstance(risk.get("risk"), str) for word in content_words(risk["risk"])}
    entry_texts = read_texts(document, context.schema, PROSE, SHOWN)
    if not entry_texts.may_match(_ABSOLUTE, _IN_OTHER_WORDS):
        return  # most entries: no text can claim absolute safety
    for text in entry_texts:
        path = text.path
        if path[:2] == ("safety", "serious_risks") or not (text.search(_ABSOLUTE) or text.search(_IN_OTHER_WORDS)):
            continue  # most fields: no need to look sentence by sentence
        for sentence, reading in text.sentences:
            match = absolute_claim(reading)
            if match is not None and not listed & set(words(match.group())):
                start = sentence.start + match.start()
                yield RULE.at(document, document.text_span(path, start, sentence.start + match.end()),
                              f'"{sentence.text[match.start():match.end()]}" in '
                              f"{field(context.schema, document.data, path)} is an absolute safety claim",
                              "say what the evidence shows instead, e.g. \"no serious side effects were "
                              "reported in one 12-week trial\", with its citation")


def absolute_claim(reading) -> re.Match | None:
    """The first unqualified absolute safety claim of the sentence, if it makes one."""
    text = reading.plain
    for match in sorted((*reading.finditer(_ABSOLUTE), *reading.finditer(_IN_OTHER_WORDS)), key=lambda m: m.start()):
        at = match.start()
        if match.group().lower().endswith("safe") and not (
                _SAFE_SAID_OF_IT.search(text, 0, match.end() - 4) or _SAFE_FOR.match(text, match.end())):
            continue
        if _SAFE_IDIOM.search(text, max(0, at - 12), match.end() + 30) and match.group().lower() == "safe":
            continue
        # Denied by a negation that opens before the phrase ("no side effects" is its own negation).
        if reading.denied_before(at):
            continue
        if reported_to_refute(reading, at):
            continue
        start, end = clause_around(text, at)
        clause = text[start:end]
        if not (_ALWAYS_ABSOLUTE.search(match.group()) or _AT_ANY_DOSE.search(clause)) and (
                _QUALIFIED.search(clause) or study_reports(clause)):
            continue
        return match
    return None


RULE = Rule("PL403", "absolute-safety-claim", Severity.ERROR,
            "The text claims absolute safety without qualification.", __doc__, check, safety=True)
