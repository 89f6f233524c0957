"""## What it does
Reports bytes that are not UTF-8 text, at the line and column where the first one stands, and a
file that is not text at all (binary data, such as an image saved under an entry's name).

## Why it matters
Entries are published as UTF-8. Text saved in another encoding (often pasted from Word or a PDF)
shows up on the site as garbled characters such as "Ã©".

## Example
A file saved as "Western (Windows 1252)" that contains `é` or a curly quote.

## Instead
Save the file as UTF-8. Most editors have "Save with Encoding" or "Reopen with Encoding".
"""

from ..findings import Severity
from ..problems import Problem, Words
from .base import Rule


def describe(problem: Problem) -> Words:
    if problem.facts.get("binary"):
        return Words("the file is not text but binary data (such as an image, a PDF or a program)",
                     "an entry is a YAML text file: check that the right file was saved under this name, "
                     "or restore it from git (git checkout -- <file>)")
    if problem.facts.get("encoding"):
        return Words(f"the file is saved as {problem.facts['encoding']}, not as UTF-8",
                     "save it as UTF-8 (most editors: File > Save with Encoding > UTF-8)")
    return Words(f"byte 0x{problem.facts['byte']:02x} is not valid UTF-8 text",
                 "save the file as UTF-8 (most editors: File > Save with Encoding > UTF-8); "
                 "this often comes from text pasted from a Word document or a PDF")


RULE = Rule("PL002", "not-utf8", Severity.ERROR, "The file is not UTF-8 text.", __doc__, describe=describe)
