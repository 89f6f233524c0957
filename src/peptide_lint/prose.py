"""Reading prose: sentences, Pandoc citations, and the words that mark a sentence as a claim.

Citations use Pandoc's syntax: `[@doe-2001]`, or several in one bracket as `[@doe-2001; @roe-2003]`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple
from .digest import digest
from .patterns import regex

CITATION_GROUP = regex(r"\[[^\[\]]*?@[^\[\]]*\]")
CITATION_ID = regex(r"(?<![\w@])-?@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*[A-Za-z0-9_]|[A-Za-z0-9_])")

# Words after which a full stop does not end a sentence, whatever follows. ("etc." and "a.m." can end
# one: after them, a capital letter starts a new sentence and a small letter does not, as anywhere.)
_ABBREVIATIONS = {"al", "e.g", "i.e", "eg", "ie", "vs", "approx", "ca", "cf", "dr", "fig", "figs", "no", "nos",
                  "st", "incl", "resp", "ref", "refs", "vol", "mr", "mrs", "ms", "prof", "u.s", "u.k", "e.u",
                  "i.v", "i.m", "s.c", "sr", "jr", "dept", "univ", "eq", "eqs", "pp", "ed", "eds", "ch", "sec"}
_SENTENCE_END = regex(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n")
# After a full stop, a sentence goes on when the next word starts with a small letter or a digit of a
# list ("3 a.m. on weekdays", "e.g. the rats", "approx. 5 mg").
_GOES_ON = regex(r"\s*[a-z0-9(]")


class Citation(NamedTuple):
    """A Pandoc citation in a text: the id after `@` and where `@id` stands."""

    id: str
    start: int  # offsets of "@id" in the text
    end: int


class Sentence(NamedTuple):
    """A sentence of a text, and where it stands in it."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1024)
def citations(text: str) -> tuple[Citation, ...]:
    found = []
    for group in CITATION_GROUP.finditer(text):
        for match in CITATION_ID.finditer(group.group()):
            start = group.start() + match.start(1) - 1
            found.append(Citation(match.group(1), start, group.start() + match.end(1)))
    return tuple(found)


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Split prose into sentences, keeping a citation that follows the full stop with its sentence."""
    result: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and not match.group().startswith("\n") and (
                _ends_with_abbreviation(text, match.start()) or _is_decimal_point(text, match.start())
                or _GOES_ON.match(text, end) and not _NEW_LINE.match(text, match.start(), end + 2)):
            continue
        _append(result, text, start, end)
        start = end
    _append(result, text, start, len(text))
    return tuple(_attach_trailing_citations(result, text))


def with_gaps(text: str) -> Iterator[tuple[Sentence, str]]:
    """Each sentence of `text` with the text between it and the sentence before (a line break in it
    is a paragraph break of a folded block)."""
    end = 0
    for sentence in sentences(text):
        yield sentence, text[end:sentence.start]
        end = sentence.end


def _append(result: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        real_start = start + lead
        real_end = real_start + len(stripped)
        result.append(Sentence(real_start, real_end, text[real_start:real_end]))


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = _LAST_WORD.search(text, max(0, dot - 12), dot)  # a short window, not the whole prefix
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


_LAST_WORD = regex(r"([A-Za-z.]+)$")
_NEW_LINE = regex(r"[^\n]*\n\s*\n")  # a paragraph break always ends a sentence


def _is_decimal_point(text: str, dot: int) -> bool:
    return dot > 0 and text[dot - 1].isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit()


# Citation groups at the start of a sentence, before any words ("[@a] [@b]; A trial ...").
_LEADING_CITATIONS = regex(r"(?:" + CITATION_GROUP.pattern + r"[\s.;,]*)+")


def _attach_trailing_citations(found: list[Sentence], text: str) -> list[Sentence]:
    """Give the citations that stand right after a full stop to the sentence before it, whether
    they end the paragraph or the next sentence follows them: one rule for both places."""
    merged: list[Sentence] = []
    for sentence in found:
        lead = _LEADING_CITATIONS.match(sentence.text)
        if not (merged and lead):
            merged.append(sentence)
            continue
        previous = merged.pop()
        cut = sentence.start + len(sentence.text[:lead.end()].rstrip())
        merged.append(Sentence(previous.start, cut, text[previous.start:cut]))
        _append(merged, text, sentence.start + lead.end(), sentence.end)
    return merged


# Sentences shorter than this are stock phrases ("No human trials exist."), never compared across entries.
MIN_COMPARED_WORDS = 8
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"})
# A word: a run of characters between spaces with a letter or digit in it ("2–6" is one word, "—" none).
_WORD = regex(r"\S*\w\S*")


def comparable(sentence: str) -> str | None:
    """A sentence as it is compared with other entries' sentences: without citations, in straight
    quotes, lower case, its white space folded; None for a stock phrase too short to compare."""
    if "@" not in sentence and sentence.count(" ") < MIN_COMPARED_WORDS - 1 and len(sentence.split()) < MIN_COMPARED_WORDS:
        return None  # most sentences of a page: too short, known before the work below
    text = " ".join(CITATION_GROUP.sub(" ", sentence).translate(_QUOTES).casefold().split()).rstrip(" .!?;:")
    return text if len(_WORD.findall(text)) >= MIN_COMPARED_WORDS else None


def fingerprint(comparable_text: str) -> int:
    """A stable 63-bit number for a comparable sentence (the same in every process and run, unlike
    hash(); it fits SQLite's INTEGER)."""
    return int.from_bytes(digest(comparable_text.encode(), 8), "big") >> 1


def sentence_fingerprints(text: str) -> list[tuple[int, Sentence]]:
    """(fingerprint, sentence) for each sentence of `text` long enough to compare across entries."""
    found = []
    for sentence in sentences(text):
        comparable_text = comparable(sentence.text)
        if comparable_text is not None:
            found.append((fingerprint(comparable_text), sentence))
    return found


# A claim that it works for everyone, every time: denied ("there is no guarantee that it works"), it hedges.
PROMISE = "a promise of results"
# The words that mark a sentence as a claim that needs a source, by what kind of claim it is.
# Matched as whole words, case-insensitively; the content team extends these in configuration.
DEFAULT_CLAIM_SIGNALS: dict[str, list[str]] = {
    "a study or trial": [
        "study", "studies", "studied", "trial", "trials", "trialed", "trialled", "rct", "rcts",
        "review", "reviews", "meta-analysis", "meta-analyses", "cochrane", "evidence", "literature",
        "research", "data", "cohort", "placebo",
    ],
    "a finding": [
        "found", "finds", "showed", "shown", "shows", "demonstrated", "demonstrates", "suggests", "seen",
        "suggested", "indicates", "indicated", "documented", "observed", "confirmed", "associated",
        "linked", "proven", "proved",
    ],
    "an effect": [
        "effect", "effects", "benefit", "benefits", "harm", "harms", "improves", "improved",
        "improvement", "reduces", "reduced", "reduction", "increases", "increased", "lowers",
        "lowered", "raises", "raised", "boosts", "boosted", "efficacious", "effective", "side-effect",
        "side-effects", "improve", "reduce", "increase", "boost", "enhance", "enhances", "enhanced",
        "worsen", "worsens", "worsened", "causes", "caused", "induces", "induced", "speeds", "slows", "slowed",
        "doubled", "doubles", "halved", "halves", "tripled", "cuts", "shortens", "shortened", "faster", "quicker",
        "twice", "affects", "affected", "sharpens", "sharpened", "sharpen", "strengthens", "accelerates", "relieves",
        "works", "worked", "helps", "helped", "fixes",
        # only in the company SIGNAL_COMPANY names:
        "work", "help", "fix", "better", "sharper", "smarter", "stronger", "clearer", "calmer", "younger",
        "leaner", "fitter", "healthier", "happier", "brighter", "more focused", "more alert", "more energetic",
        "more awake", "more productive", "more motivated", "less tired", "less anxious", "less foggy",
    ],
    PROMISE: [
        "guaranteed", "guarantees", "guarantee", "never fails", "never failed", "without fail", "without exception",
        "for everyone", "for everybody", "in everyone", "in everybody", "every single time",
    ],
    "a ranking": [
        "the best", "the very best", "the strongest", "the greatest", "the most powerful", "the most potent",
        "number one", "second to none", "unmatched", "unrivalled", "unrivaled", "unbeatable", "superior to",
        "outperforms", "outperformed",
    ],
    "a risk": ["risk", "risks", "adverse", "toxicity", "toxic", "anaphylaxis", "contraindicated", "damage"],
    "a frequency": [
        "common", "commonly", "uncommon", "rare", "rarely", "often", "frequent", "frequently",
        "usually", "typically", "most-reported", "most-repeated", "majority", "most users", "most people",
        "most patients", "many users", "many people", "few users", "some users", "most of them",
    ],
    "what people report": [
        "report", "reports", "reported", "reporting", "anecdotal", "anecdotally", "users say",
        "people say", "transcripts", "wrote", "writes", "posted",
    ],
}

# Words that mark a claim only in some company; elsewhere they name something else. Each entry: what
# the company is, in an editor's words (explain PL201 prints it), the words, and whether the word at
# (start, end) of a text keeps that company.
_MODAL = (r"(?:may|might|can|could|will|would|should|must|does|do|did|won't|wouldn't|cannot|can't|doesn't|"
          r"didn't|don't)")
_ADVERBS = (r"(?:(?:also|really|actually|still|even|not|never|definitely|certainly|surely|probably|genuinely|often|"
            r"usually|always|reliably|quickly)\s+){0,2}")
# "It may help", "will work for you", "does it work": the word after a modal, whose subject is no person
# ("your doctor can help" is no effect of the peptide).
_AFTER_MODAL = regex(r"(?<![\w-])(?:(?!(?:doctors?|physicians?|pharmacists?|nurses?|clinicians?|prescribers?|gps?|"
                     r"someone|somebody|friends?|family|staff)(?![\w-]))[\w-]+(?:\s+" + _MODAL + r"|'ll)|" + _MODAL
                     + r"\s+(?:it|this|they|[\w-]+-\w+))\s+" + _ADVERBS + r"$", re.IGNORECASE)
# "How it works", "the way it works", "the works"; "works by binding", "worked out": a mechanism or no effect.
_MECHANISM_BEFORE = regex(r"(?<![\w-])(?:(?:how|the way)\s+(?:[\w-]+\s+){0,2}|the\s+)$", re.IGNORECASE)
_MECHANISM_AFTER = regex(r"\s+(?:by|through|via|out|of)(?![\w-])", re.IGNORECASE)
# "Makes you smarter", "users feel sharper", "you will sleep better": a benefit felt, made or had, after a
# verb of feeling, making or doing, perhaps with whom and how much between; or a comparison ("better
# than"). "A smarter way to read the trial" and "a clearer picture" are no benefit.
_FELT = regex(
    r"(?<![\w-])(?:feel|feels|felt|feeling|make|makes|made|making|leave|leaves|leaving|keep|keeps|kept|keeping|"
    r"become|becomes|became|becoming|get|gets|got|getting|grow|grows|grew|stay|stays|stayed|look|looks|looked|"
    r"sleep|sleeps|slept|sleeping|think|thinks|thinking|focus|focuses|remember|remembers|perform|performs|"
    r"performed|recover|recovers|recovered|heal|heals|healed|age|ages|ageing|aging|train|trains|work|works|worked)"
    r"\s+(?:(?!(?:the|a|an|at|of|for|to|in|on|with|from|by|than|that|this|these|those|and|or|but|is|are|was|were)"
    r"(?![\w-]))[\w'-]+\s+)?(?:(?:much|far|noticeably|visibly|clearly|measurably|markedly|dramatically|a lot|a bit|"
    r"a little|even|so|way|instantly|immediately|significantly|slightly|somewhat)\s+)?$", re.IGNORECASE)
_THAN = regex(r"\s+than(?![\w-])", re.IGNORECASE)
# "The best way to read this page", "the best-known", "the greatest concern": a ranking of no peptide.
_NOT_RANKED = regex(
    r"(?:\s+|-)(?:ways?|things?|guess|advice|options?|approach|answer|place|time|practice|reading|summary|sources?|"
    r"we|you|known|bet|concerns?|worry|caveat|question|reasons?|guide|hope|case|course of action)(?![\w-])",
    re.IGNORECASE)
# "For everyone who takes it", "for everyone reading": whom a text is for, not whom it works for.
_NOT_FOR_ALL = regex(r"\s+(?:who|reading|considering|thinking)(?![\w-])", re.IGNORECASE)

# What never fails that is no result: talk about it ("never fails to be mentioned", "to come up"),
# or a test it passes ("has never failed a purity test"). absolute-efficacy-claim uses it too.
NOT_A_RESULT = regex(r"\s+(?:to\s+(?:be\s+[\w-]+(?:ed|en)|come\s+up|get\s+(?:mentioned|asked|discussed)|appear|"
                     r"show\s+up|spark|start|divide|draw)|(?:a|an|the|its)\s)", re.IGNORECASE)


def _after_modal(text: str, start: int, end: int) -> bool:
    return bool(_AFTER_MODAL.search(text, max(0, start - 40), start)) and not _MECHANISM_AFTER.match(text, end)


def _no_mechanism(text: str, start: int, end: int) -> bool:
    return not (_MECHANISM_BEFORE.search(text, max(0, start - 30), start) or _MECHANISM_AFTER.match(text, end))


def _felt_or_compared(text: str, start: int, end: int) -> bool:
    return bool(_FELT.search(text, max(0, start - 50), start) or _THAN.match(text, end))


def _ranks(text: str, start: int, end: int) -> bool:
    return not _NOT_RANKED.match(text, end)


def _for_all(text: str, start: int, end: int) -> bool:
    return not _NOT_FOR_ALL.match(text, end)


def _a_result(text: str, start: int, end: int) -> bool:
    return not NOT_A_RESULT.match(text, end)


SIGNAL_COMPANY: dict[str, tuple[list[str], Callable[[str, int, int], bool]]] = {
    'only after "may", "will", "does" and the like ("it may help"; not "get help" or "rat work")':
        (["work", "help", "fix"], _after_modal),
    'not in "how it works" or "works by" (a mechanism)': (["works", "worked"], _no_mechanism),
    'only after a verb of feeling, making or doing ("makes you smarter", "sleep better"), or before "than"':
        (["better", "sharper", "smarter", "stronger", "clearer", "calmer", "younger", "leaner", "fitter", "healthier",
          "happier", "brighter", "more focused", "more alert", "more energetic", "more awake", "more productive",
          "more motivated", "less tired", "less anxious", "less foggy"], _felt_or_compared),
    'not before way, thing, guess, known and the like ("the best way to read this page")':
        (["the best", "the very best", "the strongest", "the greatest"], _ranks),
    'not before "who" ("for everyone who takes it")':
        (["for everyone", "for everybody"], _for_all),
    'not before talk of it or a test ("never fails to be mentioned", "has never failed a purity test")':
        (["never fails", "never failed"], _a_result),
}

# A number on its own ("10 mL", "~20", "35 %"), not part of a name such as BPC-157; or a proportion in
# words ("three in four users", "one user out of ten").
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a hundred|\d+)"
_NUMBER = regex(r"(?<![\w@-])~?\d+(?:[.,]\d+)?(?:\s*%)?|(?<![\w-])" + _NUMBER_WORD + r"(?:\s+[\w-]+)?\s+"
                     r"(?:in|out of)\s+" + _NUMBER_WORD + r"(?![\w-])")


def _word_tree(words: list[str]) -> str:
    """A pattern for any of `words` (compared ignoring case) as the tree of their common beginnings,
    longer words first where one is the start of another, so that the longest whole word is found."""
    tree: dict = {}
    for word in {word.lower() for word in words}:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here; a longer one may go on

    def written(node: dict) -> str:
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{either})?" if "" in node else either

    return written(tree)


class ClaimSignals:
    """The claim words of every kind, and numbers, as one pattern: one search per sentence.

    Word patterns here and in the rules start with a lookahead for the word's first character:
    it lets the regular-expression engine skip most positions before trying the alternatives,
    which makes them several times faster on long text. Here the words of each kind are written as
    the tree of their common beginnings ("work|works|worked" as "work(?:ed|s)?"), inside one check
    for the start and the end of a word: at a word's start the engine tries a few letters, not each
    of some three hundred words in turn (three times as fast as a list of words per kind)."""

    def __init__(self, signals: dict[str, list[str]] | None = None) -> None:
        signals = signals if signals is not None else DEFAULT_CLAIM_SIGNALS
        self._kinds = [kind for kind, words in signals.items() if words] + ["a number"]
        words = "|".join(f"(?P<k{i}>{_word_tree(words)})" for i, words in enumerate(w for w in signals.values() if w))
        number = f"(?P<k{len(self._kinds) - 1}>{_NUMBER.pattern})"
        self._pattern = regex(f"(?<!\\w)(?=\\w)(?:{words})(?!\\w)|{number}" if words else number, re.IGNORECASE)
        # the default words keep their company; a word the configuration adds counts wherever it stands
        listed = {word.lower() for kind, words in signals.items() if kind in DEFAULT_CLAIM_SIGNALS for word in words}
        self._company = {word: keeps for words, keeps in SIGNAL_COMPANY.values() for word in words if word in listed}

    def find(self, sentence: str) -> tuple[str, str] | None:
        """(kind of claim, the first word that shows it) for a sentence that makes a claim, else None."""
        for kind, word, _ in self.matches(sentence):
            return kind, word
        return None

    def matches(self, sentence: str) -> Iterator[tuple[str, str, int]]:
        """(kind of claim, word, its offset) for every claim word and number of the sentence, outside
        its citations."""
        blanked = CITATION_GROUP.sub(lambda group: " " * len(group.group()), sentence) if "@" in sentence else sentence
        for match in self._pattern.finditer(blanked):
            word = match.group().strip()
            keeps = self._company.get(word.lower())
            if keeps is None or keeps(blanked, match.start(), match.end()):
                yield self._kinds[int(match.lastgroup[1:])], word, match.start()


def sources_by_id(data: object) -> dict[str, dict]:
    """The sources listed under `sources`, by id (the first one, for a repeated id)."""
    found: dict[str, dict] = {}
    sources = data.get("sources") if isinstance(data, dict) else None
    for source in sources if isinstance(sources, list) else []:
        if isinstance(source, dict) and isinstance(source.get("id"), str):
            found.setdefault(source["id"], source)
    return found


def declared_source_ids(data: object) -> dict[str, int]:
    """The ids under `sources`, each with the index of its first listing."""
    ids: dict[str, int] = {}
    sources = data.get("sources") if isinstance(data, dict) else None
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict) and isinstance(source.get("id"), str):
            ids.setdefault(source["id"], index)
    return ids
