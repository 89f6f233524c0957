"""## What it does
Reports a comment that silences findings the way another linter does, which peptide-lint does not
read: ruff's and flake8's `# noqa` (`# noqa: PL405`, `# ruff: noqa`, `# flake8: noqa`), yamllint's
`# yamllint disable-line` and `# yamllint disable`, and pylint's `# pylint: disable=`. The hint
gives the peptide-lint suppression to write instead, naming the rules the comment names. Such a
comment on a line of its own inside a block of text (`key: >-`) is text YAML would publish, and is
reported too.

A repo that also runs yamllint keeps its yamllint comments by switching this rule off
(`ignore = ["foreign-suppression"]`); a finding such a comment meant to silence is reported anyway.

## Why it matters
The editor believes the finding is silenced and the decision recorded, but the finding stays, and
the reason that a peptide-lint suppression must give is missing. Reported, the habit costs one
edit; ignored, it leaves a comment that looks like a reviewed exception and is none.

## Example
```yaml
stacking: Sellers call it a miracle; nothing is stacked with it.  # noqa: PL405
```

## Instead
```yaml
stacking: Sellers call it a miracle; nothing is stacked with it.  # peptide-lint: ignore[hype-words] -- quotes what sellers say
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..patterns import regex
from ..findings import Finding, Severity, Span
from .base import Rule

# Where a comment of another linter starts; also what comment-cuts-text leaves alone.
DIRECTIVE = regex(
    r"#\s*(?P<directive>(?:(?P<file_tool>ruff|flake8)\s*:\s*)?noqa"
    r"|(?P<tool>yamllint)\s+(?:disable-line|disable-file|disable)"
    r"|(?P<pylint>pylint)\s*:\s*disable(?:-next)?)(?![\w-])", re.IGNORECASE)
# A rule as other linters name them: a code (E501, PL405) or a kebab-case name (duplicate-key).
_CODE = r"[A-Za-z]+[0-9]+|[A-Za-z]+(?:-[A-Za-z0-9]+)+"
_NOQA_CODES = regex(rf"\s*:\s*((?:{_CODE})(?:(?:\s*,\s*|\s+)(?:{_CODE}))*)(?![\w-])")
_YAMLLINT_RULE = regex(r"(?<!\S)rule:([\w-]+)")
_PYLINT_CODES = regex(r"\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)")
_OUR_MARKER = regex(r"#\s*peptide-lint\b")
# yamllint checks that peptide-lint makes too, under another name.
_SAME_CHECK = {"key-duplicates": "duplicate-key", "anchors": "anchors-and-aliases"}
_WHOSE = {"noqa": "ruff's and flake8's", "ruff": "ruff's", "flake8": "flake8's", "yamllint": "yamllint's",
          "pylint": "pylint's"}


def check(document, context) -> Iterator[Finding]:
    if not DIRECTIVE.search(document.text):
        return  # the usual case, found in one pass over the file
    for number, line in enumerate(document.text.splitlines(), start=1):
        comment = _comment_start(document, number, line)
        if comment is None:
            yield from _in_block_text(document, number, line, context.lookup)
            continue
        # A peptide-lint suppression's reason may well mention another tool's comment.
        ours = _OUR_MARKER.search(line, comment)
        for match in DIRECTIVE.finditer(line, comment, ours.start() if ours else len(line)):
            if match.start() > comment and line[match.start() - 1] not in " \t":
                continue  # "x#noqa" amid the words of a comment
            yield RULE.at(document, Span(number, match.start() + 1, number, len(line.rstrip()) + 1),
                          *_message_and_hint(match, line[match.end():], context.lookup,
                                             own_line=match.start() == comment and not line[:comment].strip()))


def _in_block_text(document, number: int, line: str, lookup) -> Iterator[Finding]:
    """Another linter's comment on a line of its own inside a block of text (`key: >-`): YAML reads
    it as text, so readers would see it, and it silences nothing (as a peptide-lint one there would
    not). Words about such comments within a sentence are left alone."""
    match = DIRECTIVE.match(line, len(line) - len(line.lstrip()))
    if match is not None and document.in_block_text(number, match.start() + 1):
        yield RULE.at(document, Span(number, match.start() + 1, number, len(line.rstrip()) + 1),
                      *_message_and_hint(match, line[match.end():], lookup, own_line=True, in_text=True))


def _comment_start(document, number: int, line: str) -> int | None:
    """Where the line's comment starts (the index of its '#'), if it has one: a '#' at the start of
    the line or after a space, and not inside a value."""
    for found in re.finditer("#", line):
        at = found.start()
        if (at == 0 or line[at - 1] in " \t") and document.is_comment(number, at + 1):
            return at
    return None


def _message_and_hint(match: re.Match, rest: str, lookup, own_line: bool, in_text: bool = False) -> tuple[str, str]:
    tool = (match.group("file_tool") or match.group("tool") or match.group("pylint") or "noqa").lower()
    directive = " ".join(match.group("directive").split())
    message = (f'"# {directive}" is {_WHOSE[tool]} way to silence a finding; peptide-lint does not read it, '
               + ("and here it stands inside a block of text, which YAML reads as text: it would be published"
                  if in_text else "so it silences nothing here"))
    named = _named_rules(tool, rest)
    found = [lookup(_SAME_CHECK.get(name, name)) for name in named]
    names = list(dict.fromkeys(rule.name for rule in found if rule is not None))
    unknown = [name for name, rule in zip(named, found) if rule is None]
    suppression = f"# peptide-lint: ignore[{', '.join(names) or 'rule-name'}] -- why it does not apply here"
    if in_text:
        hint = f"delete it from the text, and write {suppression} alone on the line above the key"
    elif _reaches_past_its_line(match, tool, own_line):
        hint = (f"peptide-lint silences one line (or one key's text) at a time: write {suppression} on the "
                "finding's line or alone above it; to switch a rule off for a whole file, list it under "
                "[tool.peptide-lint.per-file-ignores] in pyproject.toml")
    else:
        hint = f"write it as: {suppression}"
    if unknown:
        listed = ", ".join(f'"{name}"' for name in unknown)
        hint += (f"; {listed} {'is no peptide-lint rule' if len(unknown) == 1 else 'are no peptide-lint rules'}"
                 " ('peptide-lint rules' lists them)")
    elif not named:
        hint += " (name the rule as the finding does: PL405 hype-words is ignore[hype-words])"
    return message, hint


def _reaches_past_its_line(match: re.Match, tool: str, own_line: bool) -> bool:
    """ruff's and flake8's file-wide noqa, yamllint's disable (until enable) and disable-file, and
    pylint's disable on a line of its own (until the end of the block) cover more than one line,
    as no peptide-lint suppression does."""
    keyword = match.group("directive").lower()
    if match.group("file_tool") or keyword.endswith("disable-file"):
        return True
    return keyword.endswith("disable") and (tool == "yamllint" or own_line)


def _named_rules(tool: str, rest: str) -> list[str]:
    """The rules a foreign comment names after its keyword, in that tool's syntax."""
    if tool == "yamllint":
        return _YAMLLINT_RULE.findall(rest)
    codes = (_PYLINT_CODES if tool == "pylint" else _NOQA_CODES).match(rest)
    return [code for code in re.split(r"[\s,]+", codes.group(1)) if code] if codes else []


RULE = Rule("PL022", "foreign-suppression", Severity.WARNING,
            "A comment silences findings the way another linter does (noqa, yamllint, pylint), "
            "which peptide-lint does not read.", __doc__, check)
