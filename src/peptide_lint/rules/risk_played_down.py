"""## What it does
Reports a serious risk described as mild or harmless: "rare and mild, nothing to worry about",
"negligible", "no big deal", "not dangerous", "only theoretical", "vanishingly small", "scare stories",
"nobody should be put off" (the `reassurances` option), a worry judged wrong ("fears of cancer are
misplaced"), a risk set beside an everyday thing ("about the same as a cup of coffee"), or denied
outright ("there is no cancer risk"), in a serious risk's
`frequency` or `risk`, or in a sentence of the page that names the risk (one from
`safety.serious_risks`, or a serious harm such as anaphylaxis, seizures or stroke). "Mild" and
"minor" count only next to the risk ("mild anaphylaxis", "allergic reactions were minor"), so
"mild headache is common, and anaphylaxis is rare" passes. Words that say how serious the risk is
("rare but serious", "uncommon, but it can be fatal") make a description honest, and a
reassurance that is denied ("not harmless") is none.

## Why it matters
A serious risk is listed so that readers take it seriously. Calling it mild or nothing to worry
about tells them to ignore the one warning they most need, and readers believe the reassurance
more than the list.

## Example
```yaml
safety:
  summary: Mild headache was reported in the synthetic trial [@doe-2001].
  serious_risks:
    - risk: Synthetic rash
      frequency: rare and mild, nothing to worry about
      sources: [doe-2001]
```

## Instead
```yaml
safety:
  summary: Mild headache was reported in the synthetic trial [@doe-2001].
  serious_risks:
    - risk: Synthetic rash
      frequency: rare but serious
      sources: [doe-2001]
```

Option (`[tool.peptide-lint.options.risk-played-down]`): `reassurances`, the words that play a risk
down.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import Iterator

from ..claims import read, read_texts, reported_to_refute
from ..patterns import regex, written_source
from ..findings import Finding, Severity
from ..prose import sentences
from ..risks import (CONTRAST, DEFAULT_SERIOUS_HARMS, EVERYDAY_THINGS, WORD, another_sense, content_words, first_letter_guard,
                     frozen_harms, harm_mentions, is_denied, same_word)
from ..schema import PROSE, SHOWN
from ..texts import texts
from ..wording import field, thing
from .base import Rule
from .risk_not_in_caveat import names_of

RISKS = ("safety", "serious_risks")
DEFAULT_REASSURANCES = [
    "nothing to worry about", "not something to worry about", "not worth worrying about", "no need to worry",
    "don't worry", "do not worry", "nobody needs to worry", "no one needs to worry", "nothing to think about",
    "nobody needs to think about", "no one needs to think about", "no big deal", "not a big deal",
    "no cause for concern", "no cause for alarm", "not a concern", "not a real concern", "of no concern",
    "nothing serious", "not serious", "never serious", "rarely serious", "seldom serious", "not dangerous",
    "harmless", "negligible", "trivial", "insignificant", "tiny", "benign", "overblown", "overstated",
    "exaggerated", "can be ignored", "can ignore", "can safely ignore", "safe to ignore", "nothing to fear",
    "no real risk", "not a real risk", "theoretical at most", "at most theoretical", "always goes away",
    "mild", "mildly", "minor", "non-issue", "not an issue", "no issue", "not a problem",
    "no problem", "no great cause for concern", "no real cause for concern", "no major concern",
    "nothing to be concerned about", "not worth a second thought", "blown out of proportion", "overhyped",
    "just a bit of", "only a bit of", "self-limiting", "easily managed", "no worse than",
    "shrug it off", "shrug off", "nothing much",
    # the same dismissal in other words: the risk said to be talked up ("forums overplay the clot
    # risk"), an idiom ("nothing to lose sleep over"), reversibility as if it undid the harm ("no
    # lasting harm done"), and the risk said to go away by itself in any of the ways English says it
    "overplay", "overplays", "overplayed", "overplaying", "overstate", "overstates", "overstating",
    "exaggerate", "exaggerates", "exaggerating", "overblow", "overblows", "overhype", "overhypes",
    "make too much of", "makes too much of", "made too much of", "scaremongering", "fearmongering",
    "nothing to lose sleep over", "not worth losing sleep over", "no need to lose sleep", "nothing to fret about",
    "no need to fret", "not worth fretting about", "storm in a teacup", "fuss about nothing", "fuss over nothing",
    "no biggie", "not a biggie", "not the end of the world", "no lasting harm", "no lasting damage",
    "no permanent harm", "no permanent damage", "no long-term harm", "no long-term damage", "no harm done",
    "no real harm", "self-resolving", "self-limited", "sorts itself out", "resolves itself",
    *(f"{goes} {alone}" for goes in ("goes away", "go away", "resolves", "resolve", "clears", "clear", "clears up",
                                     "clear up", "settles", "settle", "passes", "pass", "fades", "fade",
                                     "wears off", "wear off", "disappears", "disappear", "gets better", "get better")
      for alone in ("on its own", "by itself", "on their own", "by themselves", "of its own accord")),
    # a risk said to be only possible in principle, as if that made it none ("the clot risk is purely
    # theoretical"); a documented risk said to be theoretical, with its source, is no dismissal
    *(f"{only} {kind}" for only in ("only", "purely", "merely", "just", "largely", "mostly", "entirely", "strictly",
                                     "only a", "purely a", "merely a", "just a")
      for kind in ("theoretical", "hypothetical", "academic", "anecdotal", "speculative")),
    *(f"{kind} at best" for kind in ("theoretical", "hypothetical", "academic", "speculative")),
    # a risk said to be too small to count, in the words that say so
    "vanishingly", "negligibly", "infinitesimal", "one in a million", "one-in-a-million",
    "practically unheard of", "virtually unheard of", "nothing to speak of", "not worth talking about", "minuscule", "next to nothing", "practically zero", "virtually zero",
    "practically nil", "virtually nil", "practically non-existent", "virtually non-existent", "close to zero",
    "remote possibility", "remote chance", "so remote", "hardly worth", "barely worth", "not worth mentioning",
    "hardly a concern", "barely a concern", "of little concern", "little cause for concern", "little to worry about",
    "of little practical importance", "of no practical importance", "non-event", "not a realistic",
    # the warning itself dismissed: told to forget it, or called a scare or hype
    "needn't worry", "need not worry", "needn't be concerned", "shouldn't worry", "should not worry",
    "shouldn't stop anyone", "should not stop anyone", "shouldn't deter", "should not deter",
    "wouldn't think twice", "not something i'd think twice", "no need to think twice", "never think twice",
    "a myth", "a bit of a myth", "an urban myth", "old wives' tale", "covering themselves", "box-ticking",
    "boilerplate", "easily treated", "easily handled", "easily sorted", "easily treatable", "won't sort",
    "forget about it", "can forget about", "safely forget", "be disregarded", "safely disregard",
    "be dismissed", "safe to dismiss", "safe to disregard", "scare stories", "scare story", "scare tactics",
    "scaremongers", "nobody should be put off", "no one should be put off", "don't be put off",
    "do not be put off", "shouldn't put you off", "should not put you off", "no reason to be put off", "alarmist", "alarmism", "mostly hype", "just hype", "pure hype", "all hype", "blown up by",
    # the benefit said to outweigh it, as a settled matter
    "easily outweighed", "far outweighed", "vastly outweighed", "more than outweighed", "benefits far outweigh",
    "benefits easily outweigh", "benefits vastly outweigh", "benefits clearly outweigh",
]
# Dismissals with the risk's words inside them, which a list of phrases cannot hold: a worry judged
# wrong ("fears of cancer are misplaced", "talk of seizures is alarmist"; "claims that it cures
# cancer are unfounded" judges a claim, not a worry), a risk said to be minimal or remote, and a
# risk set beside an everyday thing ("about the same as a cup of coffee").
_DISMISSED = regex(
    r"(?<!\w)(?:(?:worr(?:y|ies)|fears?|concerns?|alarm|talk|warnings?|scares?|panic)\s+(?:about|over|of|regarding|"
    r"around)\s+[^.;:]{1,60}?\s+(?:is|are|was|were|seems?|remains?|looks?)\s+(?:\w+\s+)?(?:unfounded|unwarranted|"
    r"misplaced|unjustified|baseless|groundless|overblown|alarmist|overdone|silly|paranoid|misguided|unnecessary|"
    r"needless)|(?:risks?|chances?|odds|likelihood|probability|danger)\s+(?:[\w-]+\s+){0,4}?(?:is|are|was|were|"
    r"remains?|seems?)\s+(?:\w+\s+)?(?:minimal|remote)|(?:same\s+as|no\s+(?:more|higher|greater|riskier|worse|"
    r"more\s+dangerous)\s+than|lower\s+than|smaller\s+than|less\s+(?:likely\s+)?than|safer\s+than|comparable\s+to|"
    r"on\s+a\s+par\s+with|no\s+different\s+from)\s+(?:[\w'-]+\s+){0,4}?" + EVERYDAY_THINGS + r")",
    re.IGNORECASE)
# These describe a thing next to them ("mild headache"), so they count only right beside the risk.
_NEARBY_ONLY = {"mild", "mildly", "minor"}
# Words that say how serious a risk is: beside them, "rare" or "usually mild" is an honest frequency.
_SERIOUS = regex(r"(?<!\w)(?:serious|severe|fatal|life-threatening|deadly|dangerous|emergency|"
                      r"can kill|kill|death|hospital\w*|intensive care)(?!\w)", re.IGNORECASE)
# Where a new statement begins inside a sentence: "mild headache is common; anaphylaxis is rare".
_CLAUSE_BREAK = regex(r"[;:()—]|,\s*(?:and|while|whereas|although|though)(?!\w)", re.IGNORECASE)
# A risk denied outright: "there is no cancer risk with it" (not "no trial saw it, but one case report did").
_NO_RISK = regex(r"(?<!\w)(?=[nNzZwW])(?:no|zero|not\s+a|not\s+any|without\s+(?:any\s+)?)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:risk|danger)s?(?!\w)", re.IGNORECASE)
_PRONOUN = regex(r"(?<!\w)(?:it|they|them|this|these|that)(?!\w)", re.IGNORECASE)
_WORDS_BESIDE = 2   # "mild" this many words before the risk: "a mild allergic reaction"
_WORDS_AFTER = 6    # or this many after: "anaphylaxis is rare and mild"
_HINT = ("describe a serious risk as serious: say how rare it is and what it does (rare but serious; "
         "can be fatal), never that it is mild or nothing to worry about")


def check(document, context) -> Iterator[Finding]:
    reassurance = _pattern(tuple(context.option(RULE, "reassurances")))
    risks = [(index, risk) for index, risk in document.each(RISKS) if isinstance(risk, dict)]
    for index, risk in risks:
        for key in ("risk", "frequency"):
            text = risk.get(key)
            found = _played_down_words(text, reassurance) if isinstance(text, str) else None
            if found:
                path = RISKS + (index,)
                what = thing(context.schema, document.data, path)
                message = (f"the frequency of {what} plays it down" if key == "frequency"
                           else f"{what} is named in words that play it down")
                yield RULE.at(document, document.span(path + (key,)), f'{message} ("{found}")', _HINT)
    entry_texts = read_texts(document, context.schema, PROSE, SHOWN)
    # the patterns some text of the entry may match (_DISMISSED rarely: a search of it saved)
    patterns = [pattern for pattern in (reassurance, _NO_RISK, _DISMISSED) if entry_texts.may_match(pattern)]
    if not patterns:
        return  # no text has a word that reassures (most entries): no sentence below can play a risk down
    heads = [(risk["risk"], content_words(name)[-1], bool(_SERIOUS.search(name)))
             for _, risk in risks if isinstance(risk.get("risk"), str)
             for name in names_of(risk["risk"], {}) if content_words(name)]
    harms = frozen_harms(DEFAULT_SERIOUS_HARMS)
    for path, text in _reassuring_texts(texts(document, context.schema, PROSE, SHOWN), patterns):
        if path[:2] == RISKS:
            continue
        for sentence, (risk, words) in _played_down_in(text, heads, harms, reassurance):
            yield RULE.at(document, document.text_span(path, sentence.start, sentence.end),
                          f"this sentence in {field(context.schema, document.data, path)} plays down "
                          f'{risk} ("{words}")', _HINT)


def _reassuring_texts(found: list[tuple[tuple, str]], patterns: list[re.Pattern[str]]) -> list[tuple[tuple, str]]:
    """The texts with a reassuring word, found by one search of them all (most texts have none)."""
    joined = "\n\n".join(text for _, text in found)
    starts = list(itertools.accumulate((len(text) + 2 for _, text in found), initial=0))
    hits = {bisect.bisect_right(starts, match.start()) - 1
            for pattern in patterns for match in pattern.finditer(joined)}
    return [found[index] for index in sorted(hits)]


def _played_down_in(text: str, heads, harms, reassurance: re.Pattern[str]):
    """(sentence, (risk, reassurance)) for each sentence of `text` that plays a serious risk down.
    A clause that only says "it" or "them" speaks of the risk the clause before it named: "Stroke is
    a theoretical risk at most; nobody needs to think about it"."""
    previous: list[tuple[str, int, bool]] = []
    for sentence in sentences(text):
        found = None
        for start, end in _clauses(sentence.text):
            clause = sentence.text[start:end]
            named = _mentions(clause, heads, harms)
            mentions = named or [(previous[0][0], match.start(), previous[0][2])
                                 for match in _PRONOUN.finditer(clause) if previous]
            if found is None:
                hit = _played_down(clause, mentions, reassurance)
                # "Some forums call the clot risk overblown; the trial recorded two clots" reports
                # the dismissal to answer it
                if hit and not reported_to_refute(read(sentence.text), start + clause.lower().find(hit[1].lower())):
                    found = hit
            previous = named
        if found:
            yield sentence, found


@lru_cache(maxsize=8)
def _pattern(reassurances: tuple[str, ...]) -> re.Pattern[str]:
    words = [r for r in reassurances if r.strip()]
    if not words:
        return regex(r"(?!)")
    return regex(written_source(("risk-played-down reassurances", *words),
                                lambda: first_letter_guard(words) + "(?:" + _tree_of(words) + r")(?!\w)"),
                 re.IGNORECASE)


def _tree_of(phrases: list[str]) -> str:
    """One alternative for all `phrases`, written as the tree of their common beginnings ("goes away
    on its own|goes away by itself" as "goes\\s+away\\s+(?:by\\s+itself|on\\s+its\\s+own)"), a space as any
    white space: the engine tries each place of a text against a few letters, not against each of
    two hundred phrases in turn. The longest phrase that matches wins, as in a list longest first."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in " ".join(phrase.lower().split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _branches(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return joined
    return (joined if len(branches) > 1 else "(?:" + joined + ")") + "?"


def _played_down_words(text: str, reassurance: re.Pattern[str]) -> str | None:
    """The reassurance in a risk's own text, unless the text also says how serious it is."""
    matches = [m.group() for pattern in (reassurance, _DISMISSED) for m in pattern.finditer(text)
               if not is_denied(text, m.start())]
    if not matches or _SERIOUS.search(reassurance.sub(" ", text)):
        return None
    return next((m for m in matches if m.lower() not in _NEARBY_ONLY), matches[0])


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        bounds.append((start, match.start()))
        start = match.end()
    return bounds + [(start, len(sentence))]


def _mentions(clause: str, heads, harms) -> list[tuple[str, int, bool]]:
    """(risk, where it is named, whether its name says it is serious) for the listed risks that
    `clause` names (by the main word of a name: "rash" for "Synthetic rash") and its serious harms."""
    found = [(f'serious risk "{risk}"', word.start(), qualified) for risk, head, qualified in heads
             for word in WORD.finditer(clause) if same_word(head, word.group().lower())]
    return found + [(f"a serious harm, {harm}", match.start(), False) for harm, match in harm_mentions(clause, harms)
                    if not another_sense(clause, match.start(), match.end())]


def _played_down(clause: str, mentions: list[tuple[str, int, bool]],
                 reassurance: re.Pattern[str]) -> tuple[str, str] | None:
    """(the risk, the reassurance) when `clause` plays down a risk it mentions."""
    if not mentions:
        return None
    matches = [m for m in reassurance.finditer(clause) if not is_denied(clause, m.start())]
    matches += [m for m in _NO_RISK.finditer(clause) if not CONTRAST.search(clause, m.end())]
    matches += [m for m in _DISMISSED.finditer(clause) if not is_denied(clause, m.start())]
    if not matches or _SERIOUS.search(reassurance.sub(" ", clause)):
        return None
    for match in matches:
        for risk, position, qualified in mentions:
            if match.group().lower() not in _NEARBY_ONLY:
                return risk, match.group()
            # "a minor allergic reaction" is another thing than the listed "serious allergic reaction"
            if not qualified and _beside(clause, position, match.start()):
                return risk, match.group()
    return None


def _beside(clause: str, risk_at: int, word_at: int) -> bool:
    """Whether a "mild" at `word_at` stands close enough to the risk at `risk_at` to describe it."""
    if word_at < risk_at:
        return len(clause[word_at:risk_at].split()) <= _WORDS_BESIDE
    return len(clause[risk_at:word_at].split()) <= _WORDS_AFTER


RULE = Rule("PL408", "risk-played-down", Severity.ERROR,
            "A serious risk is described as mild, harmless or nothing to worry about.", __doc__, check,
            options={"reassurances": DEFAULT_REASSURANCES}, safety=True)
