"""## What it does
Reports a path that cannot be read as an entry: a missing or unreadable file, or a folder.

## Why it matters
A file the checker cannot read is a file nobody has checked. Saying so beats skipping it.

## Example
A folder named `entries/semax.yaml/`, or a file without read permission.

## Instead
Each entry is one readable file, `entries/<slug>.yaml`.
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule

_WORDS = {
    "folder": Words("this is a folder, not an entry file", "entries are single .yaml files; check the path"),
    "not-an-entry-name": Words("this is not an entry file: entries are .yaml files",
                               "check the path; peptide-lint checks the entries of a content repo"),
    "not-a-regular-file": Words("this is not a regular file", "entries are ordinary .yaml files; check the path"),
    "broken-link": Words("this is a link to a file that does not exist",
                         "point the link at an existing entry, or delete it"),
    "missing": Words("there is no such file",
                     "check the path for a typo; a file that was renamed or deleted is not checked"),
}


def describe(problem: Problem) -> Words:
    facts = problem.facts
    if facts["cause"] == "suffix-case":
        return Words(f'the file name ends in "{facts["suffix"]}": entries end in ".yaml", in lower case',
                     f"rename it to {facts['stem']}.yaml so that it is checked with the others")
    if facts["cause"] == "cannot-read":
        return Words(f"the file cannot be read: {facts['reason']}",
                     "check that the file exists and that you are allowed to read it")
    return _WORDS[facts["cause"]]


RULE = Rule("PL001", "unreadable-file", Severity.ERROR, "The file cannot be read.", __doc__, describe=describe)
