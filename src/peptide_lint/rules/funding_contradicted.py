"""## What it does
Reports a source whose `funding` says `independent` or `not-stated` while the source itself says
that its maker paid for it or wrote it:
- its note, title or venue says so ("sponsored; positive", "manufacturer-funded", "sponsored by
  Acme Pharma GmbH", "the maker's own data", "all authors are employees of the maker", "data on
  file");
- its authors or its venue name a company (GmbH, Inc., Ltd, LLC, plc, Pharma, Pharmaceuticals, ...).

It also reports a source of a type the maker always pays for (`x-funding` in the schema: a product
leaflet) whose funding is not that. Words about other works are not about the source: "an
independent review of sponsored trials" is independent.

## Why it matters
Readers weigh a study by who paid for it, and the page's other rules do too (a claim that rests
only on sponsored work is flagged). A sponsor-written review marked independent passes the maker's
account off as independent evidence.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J, Roe R (Acme Synthetics GmbH)
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: independent
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
evidence_summary: One maker-sponsored synthetic trial found a small effect [@doe-2001].
sources:
  - id: doe-2001
    authors: Doe J, Roe R (Acme Synthetics GmbH)
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
from ..risks import is_denied
from ..wording import show, thing
from .base import Rule

_MAKER = r"(?:maker|manufacturer|company|industry|seller|vendor|sponsor|producer|distributor)"
# Legal forms that only a company has; in a venue, a journal named "Pharmaceuticals" is no company.
_LEGAL_FORM = r"GmbH|Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|plc|S\.p\.A\.?|KGaA|Co\.\s*KG|B\.V\.|N\.V\."
_COMPANY_IN_VENUE = regex(rf"(?<!\w)(?:{_LEGAL_FORM})(?!\w)")
_COMPANY_IN_AUTHORS = regex(rf"(?<!\w)(?:{_LEGAL_FORM}|\w*Pharma|Pharmaceuticals?|Therapeutics)(?!\w)|"
                                 r"(?<!\w)employees?\s+of(?!\w)", re.IGNORECASE)
# Words by which a note or title says who paid for the work or wrote it.
_PAID = r"(?:sponsored|funded|financed|paid\s+for|commissioned|supported|authored|written|published|conducted|run)"
_SELF = regex(
    rf"(?<!\w){_MAKER}[\s-]+(?:sponsored|funded|financed|authored|written|commissioned|run)(?!\w)"
    rf"|(?<!\w){_MAKER}\s+(?:paid|funded|sponsored|financed|commissioned|wrote|ran|conducted)(?!\w)"
    rf"|(?<!\w){_PAID}\s+by\s+(?P<payer>[^;.()]{{1,80}})"
    rf"|(?<!\w)employees?\s+of\s+(?:the\s+)?{_MAKER}(?!\w)"
    rf"|(?P<possessive>(?<!\w){_MAKER}['’]s(?:\s+own)?(?!\w))"
    r"|(?<!\w)data\s+on\s+file(?!\w)"
    r"|(?<!\w)sponsored(?!\w)",
    re.IGNORECASE)
# Payers that are not the maker: public and academic funders.
_PUBLIC_PAYER = regex(r"(?<!\w)(?:universit\w*|institutes?|foundation|council|ministry|government|national|"
                           r"agency|hospital|trust|charity|society|academy|public|grant|NIH|NIHR|NSF|EU|"
                           r"European\s+Commission|college|school|department)(?!\w)", re.IGNORECASE)
_COMPANY_PAYER = regex(rf"(?<!\w){_MAKER}(?!\w)|(?<!\w)(?:{_LEGAL_FORM}|Pharma|Pharmaceuticals?)(?!\w)",
                            re.IGNORECASE)
# Words that show the sponsorship belongs to works the source is about: "an independent review of
# sponsored trials", "compares the maker's claims with ...", "9 of the 12 pooled trials were industry-funded".
_OTHER_WORKS_AFTER = regex(r"^(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:trials|studies|RCTs|papers|reports|reviews|"
                                r"analyses|work|literature|evidence|research|claims)(?!\w)", re.IGNORECASE)
_OTHER_WORKS_BEFORE = regex(r"(?<!\w)(?:reviews?|reviewed|reviewing|pool\w*|analy[sz]\w*|meta-analy\w*|"
                                 r"compar\w*|summari[sz]\w*|includ\w*|exclud\w*|cites?|citing|critici[sz]\w*|"
                                 r"unlike|versus|vs|than|other|trials|studies)(?!\w)", re.IGNORECASE)
_CLAIMED = ("independent", "not-stated")


def check(document, context) -> Iterator[Finding]:
    for index, source in document.each(("sources",)):
        if not isinstance(source, dict) or not isinstance(source.get("funding"), str):
            continue  # a missing funding is funding-not-declared's to report
        path = ("sources", index)
        funding = source["funding"]
        fixed = context.schema.type_funding(source.get("type"))
        name = thing(context.schema, document.data, path)
        if fixed and funding != fixed:
            yield RULE.at(document, document.span(path + ("funding",)),
                          f"{name} is a {context.schema.type_titles([source['type']])}, which its maker pays for, "
                          f"but its funding says {funding}",
                          f"write funding: {fixed}")
            continue
        if funding not in _CLAIMED:
            continue
        said = _says_maker_paid(source)
        if said:
            key, words = said
            says = {"authors": "name a company,", "venue": "is a company,"}.get(key, "says")
            yield RULE.at(document, document.span(path + ("funding",)),
                          f"{name} is marked funding: {funding}, but its {key} {says} {show(words)}",
                          "write funding: sponsored (or mixed, when independent money paid for part of it); "
                          "if those words are about other works, say so in the note")


def _says_maker_paid(source: dict) -> tuple[str, str] | None:
    """(the key that says the maker paid for or wrote the source, its words), or None."""
    for key in ("note", "title", "venue"):
        text = source.get(key)
        if isinstance(text, str):
            for match in _SELF.finditer(text):
                if _about_the_source(text, match):
                    return key, match.group().strip()
    authors = source.get("authors")
    if isinstance(authors, str) and (match := _COMPANY_IN_AUTHORS.search(authors)):
        return "authors", _company_name(authors, match)
    venue = source.get("venue")
    if isinstance(venue, str) and _COMPANY_IN_VENUE.search(venue):
        return "venue", venue
    return None


def _about_the_source(text: str, match: re.Match[str]) -> bool:
    payer = match.group("payer")
    if payer is not None and not _COMPANY_PAYER.search(payer) and (
            _PUBLIC_PAYER.search(payer) or not match.group().lower().startswith("sponsored")):
        return False  # paid for by a university or a grant, or by someone not shown to be a company
    segment_start = max(text.rfind(mark, 0, match.start()) for mark in ";.:") + 1
    before = text[segment_start:match.start()]
    if match.group("possessive") and not re.fullmatch(r"\s*(?:the|its|a|an)?\s*", before, re.IGNORECASE):
        return False  # "a replication of the maker's trial" is about the maker's trial; "the maker's own data" is it
    if _OTHER_WORKS_BEFORE.search(before) or _OTHER_WORKS_AFTER.match(text[match.end():]):
        return False
    return not is_denied(text, match.start())


def _company_name(authors: str, match: re.Match[str]) -> str:
    """The company an author list names, as written: "Acme Synthetics GmbH" from "Doe J (Acme Synthetics GmbH)"."""
    start = max(authors.rfind(sep, 0, match.start()) for sep in ",;(") + 1
    end = match.end()
    following = re.match(r"[^,;()]*", authors[end:])
    return authors[start:end + (following.end() if following else 0)].strip()


RULE = Rule("PL213", "funding-contradicted", Severity.ERROR,
            "A source's funding contradicts what the source says about who paid for it.", __doc__, check)
