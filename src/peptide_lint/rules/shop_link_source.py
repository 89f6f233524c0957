"""## What it does
Reports a source whose only identifier (no `pmid`, `doi` or `nct`) is the address of a shop or an
affiliate link: a marketplace (`shop-hosts`), a host or address that sells (`shop.`, `store.`,
`/shop/`, `/buy`, `add-to-cart`, ... by the words in `shop-words`), or an address carrying an
affiliate, referral or tracking parameter (`ref=`, `aff=`, `tag=`, `utm_source=`, ... from
`affiliate-parameters`). An ordinary page (`https://example.org/report`) is not a shop, nor is
a source that also has a PMID, DOI or NCT id (readers find the work by that).

## Why it matters
A shop page is an advertisement, not a source: it exists to sell the product, and an affiliate link
pays whoever wrote the page for each sale. Citing one as evidence hides a conflict of interest and
sends readers to buy what the page is meant to assess.

## Example
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: independent
    note: synthetic; small effect
    url: https://example.org/testpeptide-z?ref=peptide-reviews
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```

## Instead
```yaml
sources:
  - id: doe-2001
    authors: Doe J et al.
    year: 2001
    type: human-rct
    title: A synthetic trial of Testpeptide-Z
    funding: independent
    note: synthetic; small effect
    doi: 10.99999/synthetic.2001
  - id: roe-community
    type: community
    title: Synthetic community reports
    funding: not-stated
    note: made-up user reports for tests
```

Options (`[tool.peptide-lint.options.shop-link-source]`): `shop-hosts`, marketplaces by their
domain (`amazon` stands for amazon.com, amazon.de, ...); `shop-words`, words that mark a host part or
a path part as a shop; `affiliate-parameters`, query parameters of affiliate and tracking links (a
name ending in `*` stands for every name that begins so).
"""

from __future__ import annotations

from typing import Iterator
from urllib.parse import parse_qsl, urlsplit

from ..patterns import regex
from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule

OTHER_IDENTIFIERS = ("pmid", "doi", "nct")
DEFAULT_SHOP_HOSTS = ["amazon", "amzn", "ebay", "aliexpress", "alibaba", "etsy", "walmart", "myshopify",
                      "iherb", "rakuten", "temu"]
DEFAULT_SHOP_WORDS = ["shop", "shops", "store", "stores", "buy", "cart", "basket", "checkout"]
DEFAULT_AFFILIATE_PARAMETERS = ["ref", "ref_", "refid", "ref_id", "referral", "referrer", "aff", "aff_id",
                                "affid", "affiliate", "affiliate_id", "tag", "utm_*", "coupon", "promo",
                                "discount", "partner", "clickid", "irclickid", "gclid", "fbclid"]
_WORDS = regex(r"[a-z0-9]+")


def check(document, context) -> Iterator[Finding]:
    options = (context.option(RULE, "shop-hosts"), context.option(RULE, "shop-words"),
               context.option(RULE, "affiliate-parameters"))
    for index, source in document.each(("sources",)):
        if not isinstance(source, dict) or any(source.get(key) for key in OTHER_IDENTIFIERS):
            continue
        url = source.get("url")
        reason = shop_reason(url, *options) if isinstance(url, str) else None
        if reason:
            path = ("sources", index)
            yield RULE.at(document, document.span(path + ("url",)),
                          f"{thing(context.schema, document.data, path)} is identified only by a shop or "
                          f"affiliate link: {reason}",
                          "cite the work itself by pmid:, doi: or nct:, or a page that does not sell the "
                          "product; a seller's page is an advertisement, not a source")


def shop_reason(url: str, hosts: list[str], words: list[str], parameters: list[str]) -> str | None:
    """Why `url` is a shop page or an affiliate link, in an editor's words; None for another page.
    Host names, path and parameter names are compared word by word ("add-to-cart" has the word
    cart, "workshop" and "restore" have no shop word)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None  # not an address at all: the schema's pattern reports it
    shop_words = set(words)
    names = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True)]
    for name in names:
        if _is_affiliate_parameter(name.lower(), parameters):
            return f'its address carries the affiliate or tracking parameter "{name}="'
    labels = host.split(".")[:-1]  # not the top-level domain
    if any(label in hosts for label in labels):
        return f'"{host}" is a marketplace'
    if any(shop_words & set(_WORDS.findall(label)) for label in labels):
        return f'its host "{host}" is a shop'
    for word in _WORDS.findall(" ".join([parts.path.lower()] + [name.lower() for name in names])):
        if word in shop_words:
            return f'its address leads to a shop ("{word}")'
    return None


def _is_affiliate_parameter(name: str, parameters: list[str]) -> bool:
    return any(name == p or (p.endswith("*") and name.startswith(p[:-1])) for p in parameters)


RULE = Rule("PL606", "shop-link-source", Severity.ERROR,
            "A source's only identifier is a shop page or an affiliate link.", __doc__, check,
            options={"shop-hosts": DEFAULT_SHOP_HOSTS, "shop-words": DEFAULT_SHOP_WORDS,
                     "affiliate-parameters": DEFAULT_AFFILIATE_PARAMETERS})
