"""## What it does
Reports a PMID outside the range PubMed has assigned: below 1 or above `max-pmid` (default
45,000,000; PubMed passed 40 million in 2025). Its form (digits only) is checked by the schema.

## Why it matters
A PMID with a digit too many or too few is a link to nothing, or worse, to an unrelated paper. A
number beyond PubMed's range is certainly a typo.

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
    pmid: "123450000"
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
    pmid: "12345"
```

Option (`[tool.peptide-lint.options.implausible-pmid]`): `max-pmid`, the highest plausible PMID.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..wording import thing
from .base import Rule


def check(document, context) -> Iterator[Finding]:
    limit = context.option(RULE, "max-pmid")
    sources = document.get(("sources",))
    for index, source in document.each(("sources",)):
        pmid = source.get("pmid") if isinstance(source, dict) else None
        if isinstance(pmid, str) and pmid.isdigit() and not 1 <= int(pmid) <= limit:
            path = ("sources", index)
            yield RULE.at(document, document.span(path + ("pmid",)),
                          f"the PMID {pmid} of {thing(context.schema, document.data, path)} is beyond the "
                          f"range PubMed uses (1 to {limit:,})",
                          "copy the PMID again from the article's PubMed page")


RULE = Rule("PL601", "implausible-pmid", Severity.ERROR,
            "A PMID is outside the range PubMed uses.", __doc__, check, options={"max-pmid": 45_000_000})
