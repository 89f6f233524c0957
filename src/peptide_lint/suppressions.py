"""Inline suppressions: `# peptide-lint: ignore[rule-name] -- reason` in a YAML comment.

A suppression applies to findings on its own line (a comment after the value) or, when the comment
stands alone on its line, to the line below (below the other comments, when several stand stacked). When that line holds a key whose text runs over
several lines (`mechanism: >-`), it applies to the whole text: a comment inside a block of text
would be part of the text. It names rules by name or code, several separated by
commas, and must give a reason after `--`: an editor says why the rule does not apply. A suppression
without a reason, naming an unknown rule, or suppressing nothing is itself a finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from .patterns import regex
from .findings import Finding, Span
from .document import Document
from .problems import Problem
from .results import Suppressed, Suppression
from .wording import closest

_MARKER = regex(r"#\s*peptide-lint(?P<colon>\s*:)?\s*(?P<verb>\w+)?\s*(?:\[(?P<rules>[^\]]*)\])?"
                     r"\s*(?:--\s*(?P<reason>.*))?")
_SUPPRESSION_WORDS = {"ignore", "disable", "noqa", "skip", "off"}
INVALID, UNUSED = "invalid-suppression", "unused-suppression"

Lookup = Callable[[str], object]  # a rule's name or code -> the rule (with .code, .name, .suppressible), or None


def parse_suppressions(document: Document, lookup: Lookup, names: Sequence[str]
                       ) -> tuple[list[Suppression], list[Problem]]:
    """The file's suppressions, and the problems of the ones that are malformed (read once per
    file). `lookup` finds a rule by name or code; `names` are every rule's name, for suggestions."""
    return document.memo("suppressions", lambda: _parse(document, lookup, names))


def _parse(document: Document, lookup: Lookup, names: Sequence[str]) -> tuple[list[Suppression], list[Problem]]:
    suppressions: list[Suppression] = []
    problems: list[Problem] = []
    lines = document.text.splitlines()
    for number, line in enumerate(lines, start=1):
        if "peptide-lint" not in line:
            continue
        for match in _MARKER.finditer(line):
            column = match.start() + 1
            after_space = match.start() == 0 or line[match.start() - 1] in " \t"
            if not after_space or not _meant_as_suppression(match):
                continue
            span = Span(number, column, number, len(line.rstrip()) + 1)
            if document.in_block_text(number, column):  # meant as a suppression, but it is text
                problems.append(Problem(INVALID, span, {"kind": "in block text"}))
                continue
            if not document.is_comment(number, column):
                continue  # the words inside a quoted value: text by the editor's choice
            facts = _malformed(match, lookup, names)
            if facts:
                problems.append(Problem(INVALID, span, facts))
                continue
            own_line = not line[: match.start()].strip()
            codes = {lookup(name).code: name.strip() for name in match.group("rules").split(",")}
            target = _line_below_comments(document, lines, number) if own_line else number
            suppressions.append(Suppression(document.display_path, span, _lines_of_text_at(document, target),
                                            codes, match.group("reason").strip()))
    return suppressions, problems


def _line_below_comments(document: Document, lines: list[str], number: int) -> int:
    """The first line below line `number` that is not a comment alone on its line: comments stacked
    above a key (one suppression each, say) all stand for it."""
    below = number + 1
    while below <= len(lines):
        text = lines[below - 1]
        column = len(text) - len(text.lstrip()) + 1
        if not text.lstrip().startswith("#") or document.in_block_text(below, column):
            break
        below += 1
    return below


def _lines_of_text_at(document: Document, line: int) -> set[int]:
    """The line, and every line of a text that starts on it (the value of a key on that line)."""
    def by_key_line() -> dict[int, set[int]]:
        found: dict[int, set[int]] = {}
        for _, place in document.located_values():
            if place.scalar and place.key_line is not None:
                found.setdefault(place.key_line, set()).update(place.lines)
        return found
    return {line} | document.memo("text lines by key line", by_key_line).get(line, set())


def refuse_unsuppressible(suppressions: list[Suppression], unsuppressible: Collection[str]
                          ) -> tuple[list[Suppression], list[Problem]]:
    """The suppressions without the rules the configuration lets no comment suppress, and a problem
    for each suppression that named one: its finding stays."""
    kept, refused = [], []
    for suppression in suppressions:
        named = [code for code in suppression.codes if code in unsuppressible]
        if not named:
            kept.append(suppression)
            continue
        refused.append(Problem(INVALID, suppression.span, {
            "kind": "unsuppressible", "name": ", ".join(suppression.codes[code] for code in named)}))
        rest = {code: name for code, name in suppression.codes.items() if code not in named}
        if rest:
            kept.append(Suppression(suppression.path, suppression.span, suppression.targets, rest, suppression.reason))
    return kept, refused


def apply_suppressions(suppressions: list[Suppression], findings: list[Finding], checked: Collection[str],
                       suppressed: list[Suppressed]) -> tuple[list[Finding], list[Problem]]:
    """The findings no suppression covers, and a problem for each suppression of a `checked` rule
    that covered none. The findings suppressed are added to `suppressed`."""
    if not suppressions:
        return findings, []
    by_line: dict[int, list[Suppression]] = {}
    for suppression in suppressions:
        for line in suppression.targets:
            by_line.setdefault(line, []).append(suppression)
    kept = []
    for finding in findings:
        match = next((s for s in by_line.get(finding.line, ()) if finding.code in s.codes), None)
        if match is None:
            kept.append(finding)
        else:
            match.used.add(finding.code)
            suppressed.append(Suppressed(finding, match.span, match.reason))
    unused = [Problem(UNUSED, suppression.span, {"name": written})
              for suppression in suppressions for code, written in suppression.codes.items()
              if code not in suppression.used and code in checked]
    return kept, unused


def _meant_as_suppression(match: re.Match) -> bool:
    """Whether a comment starting with the tool's name is meant as a suppression: with the colon it
    is; without, only when it reads like one, since a plain comment may well start with the name
    ("# peptide-lint checks this file")."""
    return (match.group("colon") is not None or match.group("rules") is not None
            or (match.group("verb") or "").lower() in _SUPPRESSION_WORDS)


def _malformed(match: re.Match, lookup: Lookup, names: Sequence[str]) -> dict | None:
    """What is wrong with a suppression comment, as the facts invalid-suppression words; None if
    nothing is."""
    if match.group("colon") is None:
        return {"kind": "no colon"}
    if match.group("verb") != "ignore" or match.group("rules") is None:
        return {"kind": "not understood"}
    for name in (name.strip() for name in match.group("rules").split(",")):
        rule = lookup(name) if name else None
        if rule is not None and not rule.suppressible:
            return {"kind": "not by comment", "name": rule.name}
        if rule is None:
            return {"kind": "unknown rule", "name": name, "suggestion": closest(name, list(names))}
    if not (match.group("reason") or "").strip():
        return {"kind": "no reason"}
    return None
