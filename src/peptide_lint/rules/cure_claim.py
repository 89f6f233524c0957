"""## What it does
Reports disease claims in the prose and in every short text a reader sees (headlines, labels,
the caption, names, dose rows):
- "cures", "a cure for", "reverses", "eliminates", "eradicates", "resolves", "clears up", "gets rid
  of" a disease: always;
- "treats", "prevents", "protects against", "heals", "repairs", "restores", "regrows",
  "regenerates": unless
  the sentence cites a human source (a type the schema marks `x-human`; a short text, which cannot
  cite, counts the sources of the text that backs it), or says it is only the proposed mechanism
  ("is thought to restore", "is meant to").

A claim the sentence denies is not made: within the scope of a negation ("there is no evidence
that it cures", "has not been shown to prevent") or a question ("whether it heals tendons is
unknown"). "Not only does it cure X" and "nothing cures X faster" deny nothing: they are claims. A
finding about animals or cells that cites only animal or cell work ("in rats, it reversed liver
fibrosis [@rat-2019]") reports that work, and is left to the rule that checks who a source can
speak for. "The treated rats" and "patients treated with it" claim nothing, and neither does a claim
the sentence reports in order to refute it ("claims that it cures cancer circulate online; no study
supports them", "the thread's title calls it a cure, but no study supports that"). A claim made of
another drug the clause names as its subject ("Metformin treats diabetes, but this peptide has not
been tested for it") is not one about the peptide; made of the peptide's own name ("Testpeptide-Z
treats diabetes"), of "it" or of "peptides", it is.

A cure promised always or to everyone ("never fails to clear up eczema", "guaranteed to cure
arthritis") is reported here, once: absolute-efficacy-claim, which reports promises of any other
result ("never fails to lift brain fog"), leaves a promised cure to this rule.

## Why it matters
Claiming that a product cures, treats or prevents a disease makes it an unapproved drug claim
under the FDA's rules, and it is the claim readers act on most: they may stop a treatment that
works. Where human evidence exists, say what it showed and cite it.

## Example
```yaml
mechanism: It cures arthritis in days.
```

## Instead
```yaml
mechanism: One synthetic trial found less joint pain after four weeks [@doe-2001].
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity
from ..claims import CURE, own_names, read_texts, reported_to_refute, subject_is_another
from ..prose import sources_by_id
from ..wording import field
from ..schema import PROSE, SHOWN
from ..texts import backing_source_ids
from .base import Rule

_HEAL = regex(r"(?<![\w-])(?:heals?|healed|regrows?|regrew|regrown|regrowing|regenerates?|regenerated|"
                   r"regenerating|restores?|restored|restoring|repairs|repaired)(?![\w-])", re.IGNORECASE)
# "It treats nothing", "cures no one": the object denies it.
_NO_OBJECT = regex(r"\s+(?:nothing|no one|nobody|none|no\s+\w+)(?![\w-])", re.IGNORECASE)
# "Treated" before those who received it ("the treated rats", "patients treated with it") or a role
# ("the treating doctor") claims nothing; nor does "treat the risk as ...".
_TREAT = regex(
    r"(?<![\w-])(?:treats?|treated|treating|(?:a |the )?treatment (?:for|of)|(?:proven|effective|reliable|real) "
    r"(?:treatment|therapy|remedy)|prevents?|prevented|preventing|"
    r"prevention of|protects? against|protected against)(?![\w-])"
    r"(?!\s+(?:with|by|like|rats?|mice|animals?|groups?|arms?|patients?|participants?|cells?|subjects?|"
    r"volunteers?|doctors?|physicians?|(?:\w+\s+){0,6}as\b))", re.IGNORECASE)
_RECEIVED = regex(r"(?:the|these|those|untreated|un-|pre-|vehicle-|sham-|placebo-)\s*$", re.IGNORECASE)
# Said to be only the intended or proposed way it works.
_MECHANISM = regex(r"(?<![\w-])(?:is|are|was)\s+(?:thought|believed|meant|intended|designed|proposed|"
                        r"supposed|hypothesi[sz]ed)\s+to|(?<![\w-])(?:intended|designed|meant|aims?)\s+to|"
                        r"(?<![\w-])(?:in theory|theoretically|proposed)(?![\w-])", re.IGNORECASE)
_LAB = {"animals", "cells"}


def check(document, context) -> Iterator[Finding]:
    schema = context.schema
    sources = sources_by_id(document.data)
    entry_texts = read_texts(document, schema, PROSE, SHOWN)
    if not entry_texts.may_match(CURE, _HEAL, _TREAT):
        return  # most entries: no text can hold a disease claim
    data = document.data if isinstance(document.data, dict) else {}
    own = own_names(data.get("name"), data.get("full_name"), data.get("slug"))
    for text in entry_texts:
        if not (text.search(CURE) or text.search(_HEAL) or text.search(_TREAT)):
            continue  # most fields: no need to look sentence by sentence
        path = text.path
        name = field(schema, document.data, path)
        backed_by = backing_source_ids(document, schema, path) or set()
        for sentence, reading in text.sentences:
            cited = [sources[i] for i in set(reading.cited) | backed_by if i in sources]
            finding = _claim(reading, cited, schema, own)
            if finding is not None:
                match, message = finding
                yield RULE.at(document, document.text_span(path, sentence.start + match.start(),
                                                           sentence.start + match.end()),
                              f'"{match.group()}" in {name} {message}', _HINTS[message])


def _claim(reading, cited: list[dict], schema, own: frozenset[str]) -> tuple[re.Match, str] | None:
    """The first disease claim the sentence makes, with what kind of claim it is; None if it makes none."""
    about_cited = {schema.source_about(source) for source in cited}
    # A lab finding reported as one: about animals or cells, citing only that kind of work.
    reports_lab_work = bool(reading.about & _LAB) and bool(cited) and about_cited <= _LAB
    human_source = any(map(schema.is_human_source, cited))
    for pattern, message in ((CURE, _CURES), (_HEAL, _HEALS), (_TREAT, _TREATS)):
        for match in reading.finditer(pattern):
            at = match.start()
            if reading.denied(at) or reports_lab_work or _NO_OBJECT.match(reading.plain, match.end()) \
                    or reported_to_refute(reading, at) or subject_is_another(reading, at, own):
                continue
            if pattern is _TREAT and _RECEIVED.search(reading.plain, 0, match.start()):
                continue
            if pattern is not CURE and (human_source or reading.search(_MECHANISM, 0, match.start())):
                continue
            return match, message
    return None


_CURES = "claims the peptide cures or reverses a disease"
_HEALS = "claims the peptide heals, restores or regrows without a human source"
_TREATS = "is a treatment or prevention claim without a human source"
_HINTS = {
    _CURES: "say what was measured and found instead, with its citation; never promise a cure",
    _HEALS: "cite the human study that shows it, say it was seen in animals or cells, or say that it "
            "is only the proposed mechanism",
    _TREATS: "cite the human study that shows it, or describe what was actually observed",
}


RULE = Rule("PL404", "cure-claim", Severity.ERROR,
            "The text claims the peptide cures, reverses, treats or prevents a disease.", __doc__, check, safety=True)
