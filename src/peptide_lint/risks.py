"""Reading risks in prose: a risk's name in other words, the serious harms a page may describe, and
whether a sentence denies a harm rather than describing it.

A risk is named by its content words in any of their forms: "a cancer risk is a theoretical concern"
names the risk "Cancer growth or spread", "allergic reactions, anaphylaxis among them" names
"Anaphylaxis / serious allergic reaction". Words that fit any risk (serious, reaction, damage,
growth, ...) do not name one on their own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .patterns import regex
from .claims import read
from .prose import sentences

WORD = regex(r"[^\W\d_]+")

# Words that say how bad or what kind of thing a risk is, not which risk it is.
GENERIC_WORDS = frozenset("""
    a an and any as at by for from in into its of on or the their to with without
    risk risks serious severe rare rarely possible potential potentially theoretical documented reported
    known acute chronic sudden life threatening major minor mild reaction reactions event events
    effect effects problem problems issue issues complication complications damage injury injuries
    failure disorder disease condition syndrome growth spread change changes increase increased
    decrease decreased loss level levels low high rate rates site local systemic including such
    new recurrent repeated first worsening worsened
""".split())


def words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


# Medical adjectives and the plain words for the same organ: "pulmonary embolism" is "an embolism
# of the lung".
_SAME_ORGAN = {"pulmonary": "lung", "lungs": "lung", "hepatic": "liver", "renal": "kidney", "kidneys": "kidney",
               "cardiac": "heart", "cerebral": "brain", "ocular": "eye", "eyes": "eye", "gastric": "stomach",
               "cutaneous": "skin", "dermal": "skin"}


def _as_compared(word: str) -> str:
    """`word` in American spelling (haemorrhage as hemorrhage, oedema as edema), an organ's
    adjective as its plain name."""
    word = _SAME_ORGAN.get(word, word)
    return word.replace("ae", "e").replace("oe", "e") if "ae" in word or "oe" in word else word


def same_word(a: str, b: str) -> bool:
    """Whether two lower-case words are forms of one word: seizure/seizures, bleed/bleeding,
    allergy/allergic, anaphylaxis/anaphylactic, haemorrhage/hemorrhage, pulmonary/lung; not
    cancer/cancel nor heart/heartburn."""
    if a == b:
        return True
    a, b = _as_compared(a), _as_compared(b)
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False  # every form below shares the first letters (most pairs of words end here)
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
        return True
    shared = 0
    for x, y in zip(short, long):
        if x != y:
            break
        shared += 1
    return shared >= 6 and len(short) - shared <= 3 and len(long) - shared <= 4


def content_words(name: str) -> list[str]:
    """The words of a risk's name that say which risk it is: "Serious allergic reaction" -> [allergic]."""
    return [word for word in words(name) if word not in GENERIC_WORDS and len(word) > 1]


def names_in(text_words: list[str] | set[str], name: str) -> bool:
    """Whether text with these words names `name`: every content word of the name is there, in
    some form. A name made only of generic words ("serious reaction") is named by nothing here."""
    wanted = content_words(name)
    return bool(wanted) and all(any(same_word(want, got) for got in text_words) for want in wanted)


# Serious harms a page may describe, each with the phrases that describe it (a phrase's words are
# matched as words, with a plural s or es). Configurable as the `serious-harms` option.
DEFAULT_SERIOUS_HARMS: dict[str, list[str]] = {
    "anaphylaxis": ["anaphylaxis", "anaphylactic", "severe allergic reaction", "serious allergic reaction",
                    "life-threatening allergic reaction", "angioedema", "throat swelled", "throat swelling",
                    "swelling of the throat", "throat closed", "went into shock"],
    # "fatal" and "life-threatening" say how bad another harm is ("anaphylaxis can be fatal"), so
    # only words for a death itself are here.
    "death": ["death", "died", "killed", "fatality", "fatalities", "passed away", "lost his life", "lost her life",
              "lost their life", "lost their lives", "could not be revived", "couldn't be revived",
              "did not survive", "didn't survive", "found dead"],
    "seizures": ["seizure", "convulsion", "had a fit", "had fits", "epileptic fit", "grand mal", "tonic-clonic"],
    "stroke": ["stroke", "transient ischaemic attack", "transient ischemic attack"],
    "heart attack": ["heart attack", "myocardial infarction", "cardiac arrest", "heart stopped", "heart had stopped"],
    "heart rhythm disorder": ["arrhythmia", "ventricular fibrillation", "QT prolongation", "atrial fibrillation",
                              "heart rhythm problem", "heart rhythm disorder", "heart rhythm disturbance",
                              "abnormal heart rhythm", "irregular heart rhythm", "irregular heartbeat"],
    # the named cancers too: a page says "a lymphoma was found", not "a cancer"
    "cancer": ["cancer", "tumour", "tumor", "malignancy", "carcinogenic", "oncogenic", "lymphoma", "leukaemia",
               "leukemia", "carcinoma", "sarcoma", "melanoma", "myeloma", "glioma", "malignant"],
    "liver failure or damage": ["liver failure", "liver damage", "liver injury", "hepatic failure",
                                "hepatotoxicity", "hepatitis", "jaundice", "liver failed", "liver shut down",
                                "liver began to fail", "liver started to fail", "liver failing"],
    "kidney failure or damage": ["kidney failure", "kidney damage", "kidney injury", "renal failure",
                                 "nephrotoxicity", "kidneys failed", "kidneys shut down", "kidneys stopped working",
                                 "kidneys began to fail", "kidneys started to fail", "kidneys failing",
                                 "needed dialysis"],
    "organ failure": ["organ failure", "multi-organ failure"],
    "blood clots": ["blood clot", "thrombosis", "embolism", "thromboembolism", "DVT", "clot"],
    "severe low blood sugar": ["severe low blood sugar", "severe hypoglycemia", "severe hypoglycaemia",
                               "hypoglycemic coma", "hypoglycaemic coma"],
    "severe bleeding": ["haemorrhage", "hemorrhage", "severe bleeding", "internal bleeding", "brain bleed",
                        "bleed on the brain", "bleeding on the brain", "bleeding in the brain", "bleed in the brain", "internal bleed"],
    "suicidal thoughts": ["suicidal", "suicide", "took their own lives", "took their own life", "took his own life",
                          "took her own life", "killed himself", "killed herself"],
    "breathing failure": ["respiratory failure", "respiratory arrest", "stopped breathing", "could not breathe",
                          "couldn't breathe"],
    "psychosis": ["psychosis", "psychotic", "hearing voices", "heard voices"],
    "coma": ["coma"],
    "pancreatitis": ["pancreatitis", "inflammation of the pancreas", "inflamed pancreas"],
    "sepsis": ["sepsis", "septic shock", "septicaemia", "septicemia", "blood infection", "blood poisoning"],
    "blindness": ["blindness", "vision loss", "sight loss", "loss of sight", "loss of vision", "lost the sight",
                  "lost his sight", "lost her sight", "lost their sight", "went blind", "gone blind",
                  "blind in one eye"],
    "paralysis": ["paralysis", "paralysed", "paralyzed", "lost the use of"],
    "severe skin reaction": ["Stevens-Johnson syndrome", "toxic epidermal necrolysis"],
}


@lru_cache(maxsize=8)
def harm_pattern(harms: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    """One pattern for every phrase of `harms` (a frozen `serious-harms` table); each match's
    `lastgroup` is the index of its harm."""
    alternatives = []
    for index, (_, phrases) in enumerate(harms):
        forms = [r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", phrase.strip())) + r"(?:e?s)?"
                 for phrase in sorted(phrases, key=len, reverse=True) if phrase.strip()]
        if forms:
            alternatives.append(f"(?P<h{index}>(?:{'|'.join(forms)})(?!\\w))")
    return regex(first_letter_guard(phrase for _, phrases in harms for phrase in phrases)
                      + "(?:" + ("|".join(alternatives) or r"(?!)") + ")", re.IGNORECASE)


def first_letter_guard(phrases) -> str:
    """The start of a pattern for whole words or phrases: no word character before, and one of their
    first letters next. The lookahead lets the engine skip most positions before it tries the
    alternatives (as in prose.ClaimSignals), which makes long lists several times faster."""
    letters = sorted({char for phrase in phrases if phrase.strip()
                      for char in (phrase.strip()[0].lower(), phrase.strip()[0].upper())})
    return r"(?<!\w)(?=[" + re.escape("".join(letters)) + "])" if letters else r"(?!)"


def frozen_harms(table: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((harm, tuple(phrases)) for harm, phrases in table.items())


def harm_mentions(text: str, harms: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, re.Match[str]]]:
    """(harm, match) for each phrase of a serious harm in `text`, in order."""
    return [(harms[int(match.lastgroup[1:])][0], match) for match in harm_pattern(harms).finditer(text)]


# A harm word used for something else than a harm of the peptide: the illness being treated or
# studied ("in acute stroke", "stroke patients", "a history of stroke or seizures", "people recovering
# from a stroke", an exclusion: "anyone who had had a heart attack"), a measure or a
# test ("death rates", "allergy testing"), or what happens to cells ("cell death").
_ELSEWHERE_BEFORE = regex(
    r"(?<!\w)(?:in|for|after|following|against|post|treat|treats|treating|treated|treatment of|prevent|"
    r"prevents|preventing|prevention of|patients with|people with|survivors of|recovery from|recovering from|"
    r"recovered from|history of|who had had|who have had|who has had|had previously had|had ever had|"
    r"at risk of|prone to|susceptible to|predisposed to|"
    r"cell|cells|cellular|neuronal|tissue|programmed)"
    r"\s+(?:(?:acute|chronic|ischaemic|ischemic|haemorrhagic|hemorrhagic|early|late|recent|prior|a|an|the)\s+){0,2}"
    r"(?:[\w'-]+\s*(?:,|(?<!\w)or(?!\w)|(?<!\w)and(?!\w))\s*){0,3}$",
    re.IGNORECASE)
_ELSEWHERE_AFTER = regex(
    r"^\s+(?:patients|survivors|rehab|rehabilitation|recovery|trials?|units?|care|outcomes?|prevention|"
    r"treatment|therapy|research|models?|rates?|testing|tests?|screening)(?!\w)", re.IGNORECASE)


def another_sense(text: str, start: int, end: int) -> bool:
    """Whether the harm word at text[start:end] names something else than a harm of the peptide."""
    return bool(_ELSEWHERE_BEFORE.search(text[max(0, start - 80):start])
                or _ELSEWHERE_AFTER.match(text[end:end + 40]))


# The serious harms named in one word: "in" before them names an illness ("in acute stroke"), before
# other words it does not ("a drop in blood pressure").
_HARM_WORDS = frozenset(phrase.lower() for phrases in DEFAULT_SERIOUS_HARMS.values() for phrase in phrases
                        if len(words(phrase)) == 1)


# A negation word at the place asked about ("not serious", "nothing to worry about") is what is said
# there, not a denial of it.
_NEGATION_WORD = regex(r"(?:no|not|never|nothing|none|nobody|neither|nor|cannot|without|\w+n't)(?![\w-])",
                            re.IGNORECASE)


_PART_END = regex(r"[,;]")


def is_denied(sentence: str, start: int) -> bool:
    """Whether the sentence denies or only asks about what stands at `start`: "no case of
    anaphylaxis has been reported", "none of the trials saw seizures or strokes", "it is unknown
    whether it causes cancer", "it is not harmless". The scopes are the claim model's (claims.read);
    the rules of this module ask only this function, so that model can change in one place."""
    # A negation after the words ("..., and longer use has not been studied") reaches back only
    # within their own part of the sentence, up to the next comma or semicolon.
    cut = _PART_END.search(sentence, start)
    reading = read(sentence[:cut.start()] if cut else sentence)
    if _NEGATION_WORD.match(sentence, start):
        return start > 0 and reading.denied(start - 1)
    return reading.denied(start)


class Word(NamedTuple):
    """A word of a text, lower case, with the sentence it stands in and its place there."""
    text: str
    sentence: str
    start: int
    end: int


def located_words(text: str) -> list[Word]:
    """Every word of `text`, sentence by sentence."""
    return [Word(match.group().lower(), sentence.text, match.start(), match.end())
            for sentence in sentences(text) for match in WORD.finditer(sentence.text)]


# Everyday things a writer sets a risk beside to make it look small ("no riskier than a cup of coffee",
# "less likely than being struck by lightning"): the comparison reassures, whatever the numbers.
EVERYDAY_THINGS = (r"(?:coffee|tea|aspirin|ibuprofen|paracetamol|acetaminophen|vitamins?|(?:a\s+)?multivitamin|water|"
                   r"lightning|driving|a car (?:ride|journey|trip)|crossing the (?:road|street)|flying|sunbathing|"
                   r"(?:a\s+)?bee stings?|(?:a\s+|the\s+)?(?:common\s+)?cold|(?:a\s+|the\s+)?flu(?:\s+shot)?|"
                   r"chocolate|(?:a\s+glass\s+of\s+)?wine|alcohol|sugar|salt|over-the-counter\s+\w+|"
                   r"(?:a\s+)?paper\s+cut)(?!\w)")


CONTRAST = regex(r"(?<!\w)(?:but|however|although|though|yet|except)(?!\w)", re.IGNORECASE)


def affirmed(word: Word) -> bool:
    """Whether the text speaks of the word's thing as present: not when a negation denies it ("there
    is no cancer risk"), unless the sentence goes on to contrast ("no trial saw anaphylaxis, but a
    case report did"), and not when a harm word is used in another sense ("stroke patients")."""
    if _ELSEWHERE_AFTER.match(word.sentence[word.end:word.end + 40]) or (
            any(same_word(word.text, harm) for harm in _HARM_WORDS)
            and another_sense(word.sentence, word.start, word.end)):
        return False
    return not is_denied(word.sentence, word.start) or bool(CONTRAST.search(word.sentence, word.end))
