"""What a sentence says, as the rules that judge claims need it: whether a word stands in the scope of a
negation or a question, and who the sentence is about (people, animals, cells, the reader).

The negation model follows NegEx and its successor ConText (Chapman et al. 2001; Harkema et al. 2009):
trigger phrases ("no", "not", "never", "has not been shown") open a scope that runs to the end of the
clause, which termination words ("but", "however", "and it ...") close; pseudo-triggers look like
negations and are not ("not only", "nothing cures it faster"). A claim inside a negation's scope is
denied ("no trial has shown it cures arthritis"); one outside is made ("it is not cheap, and it cures
arthritis").

What a rule reads of a text is here, computed once however many rules read it: `read_texts` gives
an entry's texts (`TextReading`: the text, its sentences), and `read` a sentence (`Reading`: what
it cites, its negations, questions, denials of evidence, who it is about, each worked out when a
rule first asks). Both are read as a reader sees the text: letters that only look Latin (a Cyrillic
"і" in "mіracle") and hyphens of other kinds are compared as the Latin letter and a plain hyphen
(Unicode TR39 confusables), so a look-alike hides nothing. A rule searches them through their
`may_match`, `search` and `finditer`, which skip a search that cannot match (literals.py): most
sentences hold none of the words a claim pattern looks for.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Iterator

from .literals import fold
from .patterns import gate, regex
from .prose import PROMISE, Sentence, citations, sentences
from .texts import texts

# --- the text as the rules compare it --------------------------------------------------------------

# Letters of other scripts that look like Latin ones (from Unicode TR39's confusables, the ones a
# keyboard or a copy from a web page puts into English text), and hyphens and spaces of other kinds.
# Each maps to one character, so offsets in the compared text are offsets in the text.
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h",
    "ԛ": "q", "ԝ": "w", "ү": "y", "А": "A", "В": "B", "Е": "E", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "Ԁ": "D",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ı": "i", "ɩ": "i", "ℓ": "l", "ｍ": "m",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2043": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u00ad": "\u2060", "\u200b": "\u2060",  # invisible: kept as one character, skipped by the patterns
    "’": "'", "‘": "'", "“": '"', "”": '"',
})
_INVISIBLE = "\u2060"


def plain(text: str) -> str:
    """`text` with look-alike letters, hyphens, spaces and quotes as their plain forms, and invisible
    characters inside words removed from the words' sight (same length: offsets stay valid)."""
    if text.isascii():
        return text
    text = text.translate(_LOOKALIKES)
    if text.isascii():
        return text
    return "".join(_compatible(char) if char > "\x7f" else char for char in text)


@lru_cache(maxsize=512)
def _compatible(char: str) -> str:
    """A letter in another form of a Latin one (fullwidth "Ｍ", mathematical "𝐌") as that letter."""
    if not char.isalpha():
        return char
    import unicodedata

    same = unicodedata.normalize("NFKC", char)
    return same if len(same) == 1 and same.isascii() else char


def words_pattern(words, flags: int = re.IGNORECASE) -> re.Pattern:
    """A pattern for whole words or phrases that also matches them split by an invisible character
    (a soft hyphen in "mir\u00adacle") or by a folded line break after a hyphen ("miracle-\n grade"
    reads "miracle- grade")."""
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        # a space or a hyphen inside a phrase: either, or both ("wonder drug", "wonder-drug", "wonder- drug")
        parts = [r"[\s-]+" if char in " -" else re.escape(char) + f"{_INVISIBLE}*" for char in word.strip()]
        alternatives.append("".join(parts).removesuffix(f"{_INVISIBLE}*"))
    return regex(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", flags)


# --- negation and questions -------------------------------------------------------------------------

_NEGATION_BEFORE = regex(
    r"(?<![\w-])(?:no|not|never|none|nobody|no one|neither|nor|cannot|can't|without|nothing|lack of|absence of|"
    r"fail(?:s|ed)? to|unproven|untested|unstudied|unknown whether|\w+n't)(?![\w-])", re.IGNORECASE)
# Phrases that start like a negation and are not one.
_PSEUDO_NEGATION = regex(
    r"(?<![\w-])(?:not only|not just|not merely|no doubt|without doubt|no wonder|no longer|no less|nothing short of|"
    r"little short of|nothing less than|nothing but|"
    r"not least|nothing(?:\s+\w+){0,4}?\s+(?:faster|better|more|quicker|like it|compares|beats|else)|"
    r"no other(?:\s+\w+){0,4}?\s+(?:works?|does|cures?|comes close)|(?:doesn't|does not|didn't|did not|isn't|"
    r"is not|won't|will not)\s+(?:just|only|merely|simply)|no (?:better|finer|stronger|faster|greater|quicker|"
    r"more effective)|never fails?|never failed|can(?:not|'t) fail|without fail|(?:cannot|can't|could not|couldn't|"
    r"can't even) (?:explain|understand|believe)|(?:no one|nobody) (?:knows|can say|understands))(?![\w-])",
    re.IGNORECASE)
# After what they deny: "that it cures arthritis has not been shown".
_NEGATION_AFTER = regex(
    r"(?<![\w-])(?:(?:has|have|had) not been|(?:has|have)n't been|(?:is|are|was|were) not|(?:is|are|was|were)n't|"
    r"remains?|remained)\s+(?:yet\s+)?(?:shown|proven|proved|demonstrated|established|tested|studied|confirmed|"
    r"found|seen|replicated|unproven|untested|unknown|unclear|unsupported)(?![\w-])|(?<![\w-])(?:is|are|remains?)\s+"
    r"(?:unproven|untested|unsupported|unknown|unclear|speculative)(?![\w-])", re.IGNORECASE)
# Words that draw a conclusion from the clause before and open a new one ("its safety is unknown,
# so avoid it"): what the first clause denies, the second does not.
CONNECTIVE = (r"(?:and\s+)?(?:so|then|thus|hence|therefore|consequently|accordingly|as a result|for (?:that|this) "
              r"reason|which is why|that is why|that's why|this is why)")
# What ends a negation's scope: a new clause.
_SCOPE_END = regex(
    r"[;:]|,\s+(?:and|it|they|he|she|we|you)(?![\w-])|,\s+" + CONNECTIVE + r"(?![\w-])|(?<![\w-])(?:but|however|"
    r"although|though|yet|whereas|except|apart from|instead|while|therefore|hence|"
    r"which|who|and (?:it|they|this|these|that|those|he|she|we|you|users|people|patients)|so (?:it|they|users|"
    r"people))(?![\w-])", re.IGNORECASE)
_QUESTION = regex(r"(?<![\w-])whether(?![\w-])", re.IGNORECASE)
# A condition ("if it helps, ...") covers its own clause only: the main clause after its comma is said.
_CONDITION = regex(r"(?<![\w-])if(?![\w-])[^,;:]*", re.IGNORECASE)
# A clause put before the main one ("when nothing happens, ..."): a negation inside it ends with it.
_LEADING_CLAUSE = regex(r"^\W*(?:when|whenever|once|after|until|unless|as soon as|as long as)(?![\w-])[^,;:]*",
                        re.IGNORECASE)
# Negations that deny evidence rather than an effect: "no trial has tested it", "there is no evidence
# that it improves memory", "nobody has studied it". What they deny is the absence of a source, which
# needs none; "it did not raise blood pressure" denies an effect, a finding that does.
_ABSENCE = regex(
    r"(?<![\w-])(?:(?:no|not any|never|none|nobody|no one|nothing)(?:\s+[\w-]+){0,3}?\s+(?:evidence|data|trials?|"
    r"stud(?:y|ies)|research|proof|rcts?|reviews?|publications?|papers?|sources?|one has|has (?:shown|tested|studied|"
    r"found|proven|measured|looked)|(?:has|have)\s+(?:yet\s+)?been\s+(?:studied|tested|investigated|established))|"
    r"(?:nobody|no one|none)\s+(?:has|have|had)|unproven|untested|unstudied|"
    r"(?:not|never|\w+n't)\s+(?:been\s+)?(?:yet\s+)?(?:[\w-]+\s+)?(?:proven|shown|demonstrated|established|tested|"
    r"studied|trialled|trialed|confirmed)|(?:not|never|\w+n't)\s+(?:been\s+)?(?:supported|backed|borne out)\s+by\s+"
    r"(?:any|a single)|(?:nothing|none of (?:it|this|that))\s+(?:is|has been|was)\s+(?:yet\s+)?"
    r"(?:proven|shown|established|known|settled|confirmed)|"
    r"lack of (?:evidence|data|trials|studies)|absence of (?:evidence|data|trials|studies)|"
    r"(?:could|can)(?:n't| not|not)\s+find\s+(?:any|a single|one|a)?)(?![\w-])", re.IGNORECASE)

# --- who a sentence is about ------------------------------------------------------------------------

ABOUT = {
    "people": regex(
        r"(?<![\w-])(?:humans?|people|persons?|patients?|volunteers?|participants?|adults?|men|women|children|"
        r"kids|teenagers|adolescents|elderly|older adults|subjects|individuals|athletes|bodybuilders|lifters|"
        r"runners|players|seniors|infants|babies|mothers|pregnant|clinically|clinical (?:trials?|"
        r"studies|study|use)|in (?:a |one |two |the )?human)(?![\w-])", re.IGNORECASE),
    "animals": regex(
        r"(?<![\w-])(?:rats?|mice|mouse|rodents?|animals?|dogs?|pigs?|piglets?|rabbits?|monkeys?|primates?|"
        r"murine|porcine|canine|zebrafish|sheep|horses?|cats?|hamsters?|guinea pigs?|[\w-]+-(?:treated|fed) "
        r"(?:rats|mice)|in vivo)(?![\w-])", re.IGNORECASE),
    "cells": regex(
        r"(?<![\w-])(?:cells?|cell cultures?|cell lines?|in[ -]vitro|cultured|petri|dish(?:es)?|organoids?|"
        r"explants?|tissue samples?)(?![\w-])", re.IGNORECASE),
    "users": regex(r"(?<![\w-])(?:users?|community|forums?|anecdotal(?:ly)?|transcripts|people (?:report|say|run|take|use))"
                        r"(?![\w-])", re.IGNORECASE),
}


class Reading:
    """One sentence as the claim rules read it: computed once per sentence text (see `read`), each
    part when a rule first asks for it, and the one place a rule searches the sentence for its
    patterns (`finditer`, `search`), which skips the search when the sentence lacks every literal
    a match needs (literals.py)."""

    __slots__ = ("text", "plain", "folded", "_cited", "_negated", "_questioned", "_absent", "_about",
                 "_after")

    def __init__(self, text: str) -> None:
        self.text = text  # as written
        self.plain = plain(text)  # as compared (see `plain`), same length
        self.folded = fold(self.plain)  # as literals are looked for (literals.fold)
        self._cited = self._negated = self._questioned = self._absent = self._about = self._after = None

    def may_match(self, *patterns: re.Pattern) -> bool:
        """False when none of the patterns can match the sentence (it lacks every literal a match
        of them needs)."""
        return gate(*patterns).passes(self.folded)

    def finditer(self, pattern: re.Pattern) -> Iterator[re.Match]:
        """The matches of `pattern` in the compared text."""
        return pattern.finditer(self.plain) if self.may_match(pattern) else iter(())

    def search(self, pattern: re.Pattern, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """The first match of `pattern` in the compared text (between `pos` and `endpos`)."""
        return pattern.search(self.plain, pos, endpos) if self.may_match(pattern) else None

    @property
    def cited(self) -> tuple[str, ...]:
        """The source ids it cites."""
        if self._cited is None:
            self._cited = tuple(c.id for c in citations(self.text)) if "@" in self.text else ()
        return self._cited

    @property
    def negated(self) -> tuple[tuple[int, int], ...]:
        """Stretches inside the scope of a negation."""
        if self._negated is None:
            self._negated = _negated(self)
        return self._negated

    @property
    def questioned(self) -> tuple[tuple[int, int], ...]:
        """Stretches inside "whether ..." or "if ..."."""
        if self._questioned is None:
            self._questioned = tuple(_scopes(self, _QUESTION) + [m.span() for m in self.finditer(_CONDITION)])
        return self._questioned

    @property
    def absent(self) -> tuple[tuple[int, int], ...]:
        """Stretches inside a denial of evidence ("no trial has ...")."""
        if self._absent is None:
            self._absent = tuple(_scopes(self, _ABSENCE) + self.denied_after)
        return self._absent

    @property
    def about(self) -> frozenset[str]:
        """Who the sentence is about: "people", "animals", "cells", "users"."""
        if self._about is None:
            self._about = frozenset(kind for kind, pattern in ABOUT.items() if self.search(pattern))
        return self._about

    @property
    def denied_after(self) -> list[tuple[int, int]]:
        """The scopes of negations that follow what they deny (see `_after`)."""
        if self._after is None:
            self._after = _after(self)
        return self._after

    def is_negated(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.negated)

    def is_questioned(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.questioned)

    def in_absence(self, at: int) -> bool:
        """Whether the word at `at` is part of a statement that evidence is missing."""
        return any(start <= at < end for start, end in self.absent)

    def denied(self, at: int) -> bool:
        """Whether the word at `at` is denied or only asked about: not a claim the sentence makes."""
        return self.is_negated(at) or self.is_questioned(at)

    def denied_before(self, at: int) -> bool:
        """Like `denied`, for a claim that may open with a negation of its own ("no side effects",
        "no one fails to respond"): only a negation that opens before it denies it."""
        return any(start < at < end for start, end in self.negated) or self.is_questioned(at)


@lru_cache(maxsize=4096)
def read(sentence: str) -> Reading:
    return Reading(sentence)


class TextReading:
    """One text of the entry (a prose field, a headline, a dose row's label) as the rules read it,
    computed once per document whatever the number of rules that read it: its compared and folded
    forms, and its sentences, each with its `Reading`. A rule looks for a pattern in the whole text
    first (`may_match`, `search`) and reads sentence by sentence only the texts that can hold it."""

    __slots__ = ("path", "text", "plain", "folded", "_sentences")

    def __init__(self, path: tuple, text: str) -> None:
        self.path = path
        self.text = text
        self.plain = plain(text)
        self.folded = fold(self.plain)
        self._sentences: list[tuple[Sentence, Reading]] | None = None

    def may_match(self, *patterns: re.Pattern) -> bool:
        """False when none of the patterns can match the text (it lacks every literal a match of
        them needs), searched as compared or as written: the compared text keeps every character
        of the written one that a literal can hold (literals are ASCII)."""
        return gate(*patterns).passes(self.folded)

    def search(self, pattern: re.Pattern) -> re.Match | None:
        """The first match of `pattern` in the compared text."""
        return pattern.search(self.plain) if self.may_match(pattern) else None

    @property
    def sentences(self) -> list[tuple[Sentence, Reading]]:
        """Each sentence (offsets in `text`) with its reading."""
        if self._sentences is None:
            self._sentences = [(sentence, read(sentence.text)) for sentence in sentences(self.text)]
        return self._sentences


class EntryTexts(list):
    """The `TextReading`s of an entry's texts of some classes, in the order of the file. A rule asks
    first whether its patterns can match any of them (`may_match`): for most entries, one search of
    their folded texts together says that none can."""

    _folded: str | None = None

    def may_match(self, *patterns: re.Pattern) -> bool:
        if self._folded is None:
            self._folded = "\n".join(text.folded for text in self)
        return gate(*patterns).passes(self._folded)


def read_texts(document, schema, *classes: str) -> EntryTexts:
    """A `TextReading` of every string of the entry whose class of text is one of `classes` (see
    texts.texts), in the order of the file."""
    readings = document.memo("text readings", dict)
    return document.memo(("read texts", classes), lambda: EntryTexts(
        readings[path] if path in readings else readings.setdefault(path, TextReading(path, text))
        for path, text in texts(document, schema, *classes)))


def _negated(reading: Reading) -> tuple[tuple[int, int], ...]:
    found = _scopes(reading, _NEGATION_BEFORE)
    if found:
        pseudo = [match.span() for match in reading.finditer(_PSEUDO_NEGATION)]
        found = [(start, end) for start, end in found if not any(p_start <= start < p_end for p_start, p_end in pseudo)]
    return tuple(found + reading.denied_after)


def _after(reading: Reading) -> list[tuple[int, int]]:
    """The scopes of negations that follow what they deny, back to the start of their clause."""
    found = []
    text = reading.plain
    for match in reading.finditer(_NEGATION_AFTER):
        ends = [m.end() for m in _SCOPE_END.finditer(text, 0, match.start())]
        found.append((ends[-1] if ends else 0, match.end()))
    return found


def _scopes(reading: Reading, trigger: re.Pattern) -> list[tuple[int, int]]:
    """From each trigger to the end of its clause; a trigger inside a condition or a leading clause
    ("if you feel nothing, double the dose") ends with it: the main clause is not denied."""
    found = []
    text = reading.plain
    subordinate = None
    for match in reading.finditer(trigger):
        end = _SCOPE_END.search(text, match.end())
        end = end.start() if end else len(text)
        if subordinate is None:
            subordinate = [m.span() for m in (*reading.finditer(_CONDITION), *reading.finditer(_LEADING_CLAUSE))]
        end = min([end] + [clause_end for clause_start, clause_end in subordinate
                           if clause_start <= match.start() < clause_end])
        found.append((match.start(), end))
    return found


def is_negated(sentence: str, start: int) -> bool:
    """Whether the word at `start` of `sentence` stands in the scope of a negation."""
    return read(sentence).is_negated(start)


# --- claims that need a source ----------------------------------------------------------------------

# Sentences that tell the reader how to read the evidence, or judge how much of it there is: they
# state no finding of their own.
_FRAMING = regex(
    r"^\W*(?:read|treat|consider|weigh|keep in mind|bear in mind|remember|note that|judge|interpret|count|"
    r"think of|take (?:every|any|each|all)\b)(?![\w-])(?!.*:)|(?<![\w-])(?:the\s+)?(?:\w+\s+){0,2}(?:evidence|data|"
    r"literature|research)(?:\s+base)?\s+(?:is|are|remains?|stays?)\s+(?:still\s+|very\s+|too\s+)?(?:thin|weak|"
    r"limited|sparse|scant|slim|mixed|preliminary|poor|low[- ]quality|contested|split|inconclusive|early|"
    r"modest|patchy|indirect)(?![\w-])", re.IGNORECASE)
# A study the sentence points at (the trial, one trial, these two studies): what it found, even
# nothing, is a finding that needs its source. "No trial", "a trial", "any trial" point at none.
_SPECIFIC_STUDY = regex(
    r"(?<![\w-])(?:the|this|that|these|those|one|two|three|four|five|both|each|\d+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:trials?|stud(?:y|ies)|reviews?|meta-analys[ie]s|cohorts?|rcts?|experiments?)(?![\w-])", re.IGNORECASE)
# The editors' own search is not a finding to source: "we found no trial", "we know of none".
_EDITORIAL = regex(r"(?<![\w-])we\s+(?:found|could(?:n't| not)? find|know of|are aware of|searched|looked)"
                        r"(?![\w-])", re.IGNORECASE)
# "Research" naming what a product is sold as, not a study.
_PRODUCT_CATEGORY = regex(r"(?<![\w-])research[- ](?:chemicals?|peptides?|compounds?|use|purposes|grade|"
                               r"only|suppliers?|vendors?)(?![\w-])|(?<![\w-])for research(?![\w-])", re.IGNORECASE)
# What a number is when it is no quantity: part of a compound word (a 15-amino-acid peptide, a 2-week
# course), a time of day, a year, or a position (type 2 diabetes, phase 3, week 9).
_NUMBER_COMPOUND = regex(r"\d(?:[.,]\d+)?-[A-Za-z]")
_TIME_OF_DAY = regex(r"\s*(?:a\.?m\.?|p\.?m\.?|o'clock)(?![\w])", re.IGNORECASE)
_YEAR = regex(r"(?:19|20)\d\d(?![\d%]|\s*%)")
_POSITION_WORD = regex(r"(?<![\w-])(?:type|phase|stage|grade|step|part|figure|fig\.|table|chapter|section|"
                            r"version|class|level|day|days|week|weeks|month|months|cycle|page|no\.|number|"
                            r"generation|gen)\s*$", re.IGNORECASE)
# A sentence that goes on about the studies of the sentence before it: it shares that one's source.
_CONTINUATION = regex(
    r"^\W*(?:none|neither|both|all|each|most|some|several|many|few)\s+of\s+(?:them|these|those|the\s+\w+)|"
    r"^\W*(?:they|these|those|the same)(?:\s+\w+){0,3}?\s+(?:trials?|stud(?:y|ies)|reviews?|authors?|"
    r"reports?|cohorts?|used|had|were|was|did|found|measured|enrolled|lasted|gave|tested|ran)(?![\w-])|"
    r"^\W*(?:they|both|neither)(?![\w-])|^\W*it\s+(?:lasted|enrolled|ran|used|measured|compared|included|recruited|"
    r"followed|gave|tested|was\s+(?:small|short|open-label|randomi[sz]ed|blinded|double-blind|sponsored|funded|"
    r"run|done|stopped))(?![\w-])|^\W*(?:its|their)\s+(?:authors?|results?|data|findings|participants|design|"
    r"sample|follow-up)(?![\w-])", re.IGNORECASE)


_CLAUSE = regex(r"[^;:]+")


def framing_clauses(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` (clauses between semicolons and colons) that only frame: they tell
    the reader how to read the evidence, or judge how much of it there is. "Read this as settled:
    it speeds healing" frames nothing after its colon."""
    return [match.span() for match in _CLAUSE.finditer(text) if _FRAMING.search(match.group())]


def is_framing(reading: Reading) -> bool:
    return reading.may_match(_FRAMING) and framing_clauses(reading.plain) == [(0, len(reading.plain))]


def continues_the_sentence_before(reading: Reading) -> bool:
    return bool(reading.search(_CONTINUATION))


# A yes-or-no question asks, and claims nothing: "Does it work?", "Will it make you smarter?". A question
# that takes the effect for granted ("Why does it work so well?") states it.
_YES_NO_QUESTION = regex(r"^\W*(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have|had|may|might)"
                         r"(?![\w-])[^.!?]*\?[\W]*$", re.IGNORECASE)


def asks(reading: Reading) -> bool:
    """Whether the sentence is a yes-or-no question ("Does it work for everyone?")."""
    return "?" in reading.plain and reading.search(_YES_NO_QUESTION) is not None


def claim_needing_source(reading: Reading, signals) -> tuple[str, str] | None:
    """(kind of claim, the word that shows it) for the first claim of the sentence that needs a
    source, or None: framing, the absence of evidence ("no trial has tested it", "this has not been
    shown in humans"), a question ("whether it helps is unknown", "does it work?"), a denied promise
    ("there is no guarantee that it helps"), the editors' own search, a product category and
    numbers that are no quantity are not claims; a denied effect ("it did not raise blood
    pressure") is a finding and is one. A study the sentence points at makes what it found a claim,
    even a negative finding ("the trial found no benefit")."""
    text = reading.plain
    framing = editorial = None
    found = list(signals.matches(text))
    for kind, word, at in found:
        if framing is None:  # what a claim word may stand in: found once a sentence has one
            if asks(reading):
                return None
            framing = framing_clauses(text) if reading.may_match(_FRAMING) else []
            editorial = [match.span() for match in reading.finditer(_EDITORIAL)]
            points_at_study = reading.search(_SPECIFIC_STUDY) is not None
            # A denied promise ("there is no guarantee that it works", "it will not work for everyone")
            # is a hedge: what it denies with the promise, it does not claim.
            promises = [promise_at for promise, _, promise_at in found if promise == PROMISE]
            hedged = [(start, end) for start, end in reading.negated
                      if any(start <= promise_at < end for promise_at in promises)] if promises else []
        if any(start <= at < end for start, end in (*framing, *hedged)):
            continue
        if kind == "a number" and not _is_quantity(text, at, word):
            continue
        if kind == "a study or trial" and _PRODUCT_CATEGORY.match(text, at):
            continue
        if any(start <= at < end for start, end in editorial):
            continue
        if reading.is_questioned(at) or reading.in_absence(at) and not points_at_study:
            continue
        # A claim put in someone's mouth and answered ("claims that it works for everyone are not
        # supported by any trial"): the sentence reports the claim to refute it, and makes none.
        if reported_to_refute(reading, at):
            continue
        return kind, word
    return None


def _is_quantity(text: str, at: int, number: str) -> bool:
    end = at + len(number)
    digits = number.lstrip("~")
    if _NUMBER_COMPOUND.match(text, end - 1) or _TIME_OF_DAY.match(text, end):
        return False
    if _YEAR.fullmatch(digits):
        return False
    return not _POSITION_WORD.search(text, max(0, at - 12), at)


# A claim put in someone else's mouth ("users call it harmless", "claims that it cures cancer
# circulate", "the thread's title calls it a cure"), which the same sentence answers in another
# clause: reported to be refuted, not made.
_ATTRIBUTION = regex(
    r"(?<![\w-])(?:claims?(?:\s+[\w'-]+){0,4}?\s+that|(?:users?|people|sellers?|vendors?|(?:the|its) maker|makers|"
    r"marketers?|websites?|sites?|forums?|threads?|posts?|comments?|titles?|headlines?|articles?|blogs?|videos?|"
    r"podcasts?|testimonials?|ads|adverts?|advertisements?|listings?|packaging|pages?|some|shops?|brochures?|"
    r"leaflets?|flyers?|labels?|influencers?)(?:'s?)?\s+(?:[\w'-]+\s+){0,2}?(?:say|says|said|claim|claims|claimed|"
    r"call|calls|called|describe|describes|described|advertise|advertises|promise|promises|promised|tout|touts|"
    r"bill|bills|dub|dubs|dubbed|believe|believes|insist|insists|suggest|suggests|state|states)|(?:marketed|sold|advertised|promoted|touted|billed|hailed|described)\s+as|"
    r"is said to|reportedly|so-called)(?![\w-])", re.IGNORECASE)
_ANSWER = regex(r"(?<![\w-])(?:but|however|yet|although|though|in fact|actually|only)(?![\w-])", re.IGNORECASE)
_FOUND_NOTHING = regex(r"(?<![\w-])(?:report|reports|reported|found|finds|saw|see|sees|showed|shows|recorded|"
                            r"measured|notice|notices|noticed)\s+(?:no|nothing|little)(?![\w-])", re.IGNORECASE)
_FALSE = regex(r"(?<![\w-])(?:is|are|was|were|proved|proven)\s+(?:\w+\s+)?(?:false|untrue|wrong|misleading|"
                    r"baseless|unfounded|unsupported|not true|not (?:supported|backed|borne out))(?![\w-])",
               re.IGNORECASE)


def clause_around(text: str, at: int) -> tuple[int, int]:
    """The clause that holds the word at `at`: between the scope ends around it."""
    start = max([m.end() for m in _SCOPE_END.finditer(text, 0, at)], default=0)
    end = next((m.start() for m in _SCOPE_END.finditer(text, at)), len(text))
    return start, end


_STUDY_REPORTS = regex(_SPECIFIC_STUDY.pattern + r"\s+(?:\w+\s+){0,4}?(?:found|reported|recorded|saw|observed|"
                            r"noted|showed|had|measured)(?![\w-])", re.IGNORECASE)


# A result limited to the people of a study the sentence names: "in the synthetic trial, 40 % responded".
_IN_A_STUDY = regex(r"(?<![\w-])(?:in|during|across|throughout|among)\s+" + _SPECIFIC_STUDY.pattern,
                    re.IGNORECASE)


def limited_to_a_study(text: str) -> bool:
    """Whether `text` limits what it says to a study it points at ("in the trial", "across both
    studies"): a finding about those people, not a claim about everyone."""
    return bool(_IN_A_STUDY.search(text))


def study_reports(text: str) -> bool:
    """Whether `text` says what a study it points at found ("one 12-week trial in 40 adults found ...")."""
    return bool(_STUDY_REPORTS.search(text))


def reported_to_refute(reading: Reading, at: int) -> bool:
    """Whether the word at `at` is part of a claim the sentence attributes to someone ("users call it
    harmless") and answers in another clause ("...; nobody has studied it", "... but the only trial
    ..."): a page reporting a claim to refute it does not make it."""
    text = reading.plain
    clause_start, clause_end = clause_around(text, at)
    if not _ATTRIBUTION.search(text, clause_start, at):
        return False
    # The answer follows the claim it answers, and speaks of the evidence: that there is none ("no trial
    # supports that"), what a study found ("the only trial recorded headache"), a contrast ("but ..."),
    # or that the claim is false. "Sellers call it a miracle; nothing is stacked with it" answers nothing.
    return any(start >= clause_end for start, _ in reading.absent) or bool(_ANSWER.search(text, clause_end)) \
        or bool(_SPECIFIC_STUDY.search(text, clause_end)) or bool(_FALSE.search(text, at)) \
        or bool(_FOUND_NOTHING.search(text, clause_end))


# --- words the claim rules share -------------------------------------------------------------------

# Everyone at once: safe for everyone (absolute-safety-claim), works for everyone (absolute-efficacy-claim).
EVERYONE = r"(?:everyone|everybody|anyone|anybody)"
# A cure claim, which cure-claim reports whatever the sentence cites; absolute-efficacy-claim leaves
# a promise of a cure ("never fails to clear up eczema") to it, so that the words are reported once.
CURE = regex(r"(?<![\w-])(?:cures?|cured|curing|(?:a |the )?cure for|reverses?|reversed|reversing|"
             r"eliminates?|eliminated|eliminating|eradicates?|eradicated|eradicating|gets? rid of|got rid of|"
             r"getting rid of|wipes? out|wiped out|resolves?|resolved|clears? up|cleared up|clearing up|"
             r"(?:puts?|sends?|brings?|brought|sent)\s+(?:[\w'-]+\s+){0,3}?into\s+(?:lasting\s+|permanent\s+|"
             r"full\s+|complete\s+|long-term\s+)?remission|(?:stops?|stopped|ends?|ended|fixes|fixed|banish(?:es|ed)?|"
             r"beats?|beat)\s+(?:[\w'-]+\s+){1,3}?(?:for good|forever|permanently|once and for all))"
             r"(?![\w-])(?!\s+rates?\b)", re.IGNORECASE)

# --- what a claim is about -------------------------------------------------------------------------

# A clause that opens with a name ("Metformin treats diabetes", "Insulin is a treatment for it",
# "Metformin also cures nothing ..."): the words before the claim are only the name, perhaps an adverb
# or a modal, and a copula before a claim that is a noun ("is a cure for").
_NAMED_SUBJECT = regex(
    r"\W*(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})\s+(?:(?:also|often|effectively|reliably|usually|"
    r"already|still|successfully|largely|can|may|might|could|will|does|did|do)\s+){0,3}(?P<copula>(?:is|was|are|"
    r"were|remains|has been)\s+(?:an?\s+|the\s+)?)?")
# Capitalised words that are no name of another thing: pronouns, determiners and quantifiers, and
# what the page's own peptide is called by its kind ("Peptides cure arthritis" claims it does).
_NOT_A_NAME = frozenset("""
    it its this that these those they them their he she we you i one each both either neither nothing
    everything something anything all some any no every such only which what who there here our your my
    peptide peptides compound compounds drug drugs product products supplement supplements supplementation
    injection injections dose doses dosing shot shots treatment treatments therapy therapies course courses use
    usage medicine medicines medication medications remedy remedies formula formulas stack stacks stacking
    protocol protocols blend blends vial vials administration analogue analogues analog analogs
""".split())
_NOUN_CLAIM = regex(r"(?:an?\s+|the\s+)?(?:cure|treatment|therapy|remedy|prevention|proven|effective|reliable|"
                    r"real)(?![\w-])", re.IGNORECASE)
_PAST_WITHOUT_OBJECT = regex(
    r"[\w-]*ed(?![\w-])(?!\s+(?!(?:in|within|after|by|with|without|at|on|for|from|under|over|during|quickly|"
    r"fully|completely|permanently|overnight|forever|naturally|again|and|or|up|out|off|away)(?![\w-]))[a-z])",
    re.IGNORECASE)
_NAME_PART = regex(r"[a-z0-9]+")


def own_names(*names) -> frozenset[str]:
    """The words that name the entry's own peptide ("Testpeptide-Z (synthetic test compound)" gives
    "testpeptide", "z", "testpeptidez", "synthetic", "test", "compound"): its name, full name and
    slug, each word and each name run together, in lower case."""
    words = set()
    for name in names:
        if isinstance(name, str):
            parts = _NAME_PART.findall(name.casefold())
            words.update(parts)
            words.add("".join(parts))
    return frozenset(words)


def subject_is_another(reading: Reading, at: int, own: frozenset[str]) -> bool:
    """Whether the claim at `at` is made of something the sentence names that is not the entry's
    peptide: its clause opens with a capitalised name that is none of the peptide's own names
    (`own`, see `own_names`), no pronoun and no word for a peptide ("Metformin treats diabetes",
    "Insulin is a treatment for it"). "It", "This peptide" and the entry's own name are the peptide."""
    text = reading.plain
    clause_start, _ = clause_around(text, at)
    subject = _NAMED_SUBJECT.fullmatch(text, clause_start, at)
    if subject is None:
        return False
    # After a copula, only a noun is claimed of the name ("Metformin is a cure for ..."; "Diabetes is
    # cured" says what was done to it); without one, only a verb ("Metformin treats", "Statins
    # prevent"), and one in the past only with its object ("Metformin reversed diabetes"):
    # "Arthritis cure course" names a use, "Diabetes reversed in weeks" a result.
    noun = _NOUN_CLAIM.match(text, at)
    if noun if not subject.group("copula") else not noun:
        return False
    if not subject.group("copula") and _PAST_WITHOUT_OBJECT.match(text, at):
        return False
    parts = _NAME_PART.findall(subject.group("name").casefold())
    return not any(part in own or part in _NOT_A_NAME for part in parts) and "".join(parts) not in own
