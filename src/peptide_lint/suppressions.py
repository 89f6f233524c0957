"""Inline suppressions: `# peptide-lint: ignore[rule-name] -- reason` in a YAML comment.

A suppression applies to findings on its own line (a comment after the value) or, when the comment
stands alone on its line, to the line below. When that line holds a key whose text runs over
several lines (`mechanism: >-`), it applies to the whole text: a comment inside a block of text
would be part of the text. It names rules by name or code, several separated by
commas, and must give a reason after `--`: an editor says why the rule does not apply. A suppression
without a reason, naming an unknown rule, or suppressing nothing is itself a finding.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from . import registry
from .findings import Finding, Span
from .results import Suppressed, Suppression
from .loader import Document
from .rules import invalid_suppression, unused_suppression
from .wording import closest

_MARKER = re.compile(r"#\s*peptide-lint(?P<colon>\s*:)?\s*(?P<verb>\w+)?\s*(?:\[(?P<rules>[^\]]*)\])?"
                     r"\s*(?:--\s*(?P<reason>.*))?")
_SUPPRESSION_WORDS = {"ignore", "disable", "noqa", "skip", "off"}


def parse_suppressions(document: Document) -> tuple[list[Suppression], list[Finding]]:
    """The file's suppressions, and findings for the ones that are malformed (read once per file)."""
    return document.memo("suppressions", lambda: _parse(document))


def _parse(document: Document) -> tuple[list[Suppression], list[Finding]]:
    suppressions: list[Suppression] = []
    problems: list[Finding] = []
    for number, line in enumerate(document.text.splitlines(), start=1):
        if "peptide-lint" not in line:
            continue
        for match in _MARKER.finditer(line):
            column = match.start() + 1
            after_space = match.start() == 0 or line[match.start() - 1] in " \t"
            if not after_space or not _meant_as_suppression(match):
                continue
            span = Span(number, column, number, len(line.rstrip()) + 1)
            if document.in_block_text(number, column):  # meant as a suppression, but it is text
                problems.append(invalid_suppression.RULE.at(
                    document, span, "this suppression stands inside a block of text, so YAML reads it as "
                    "part of the text: it would be published and suppresses nothing",
                    "move it to its own line above the key, or after >- on the key's line"))
                continue
            if not document.is_comment(number, column):
                continue  # the words inside a quoted value: text by the editor's choice
            problem = _problem(match)
            if problem:
                problems.append(invalid_suppression.RULE.at(document, span, *problem))
                continue
            own_line = not line[: match.start()].strip()
            codes = {registry.lookup(name).code: name.strip()
                     for name in match.group("rules").split(",")}
            target = number + 1 if own_line else number
            suppressions.append(Suppression(document.display_path, span, _lines_of_text_at(document, target),
                                            codes, match.group("reason").strip()))
    return suppressions, problems


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
                          ) -> tuple[list[Suppression], list[Finding]]:
    """The suppressions without the rules the configuration lets no comment suppress, and a finding
    for each suppression that named one: its finding stays."""
    kept, refused = [], []
    for suppression in suppressions:
        named = [code for code in suppression.codes if code in unsuppressible]
        if not named:
            kept.append(suppression)
            continue
        written = ", ".join(suppression.codes[code] for code in named)
        refused.append(invalid_suppression.RULE.finding(
            suppression.path, suppression.span,
            f"this repo's configuration lets no comment suppress {written} (setting unsuppressible)",
            "fix what the rule reports; only the configuration can switch the rule off"))
        rest = {code: name for code, name in suppression.codes.items() if code not in named}
        if rest:
            kept.append(Suppression(suppression.path, suppression.span, suppression.targets, rest, suppression.reason))
    return kept, refused


def apply_suppressions(suppressions: list[Suppression], findings: list[Finding],
                       checked: Collection[str], suppressed: list[Suppressed] | None = None) -> list[Finding]:
    """The findings no suppression covers, plus a finding for each suppression of a `checked` rule
    that covered none. The findings suppressed are added to `suppressed`, when given."""
    if not suppressions:
        return findings
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
            if suppressed is not None:
                suppressed.append(Suppressed(finding, match.span, match.reason))
    for suppression in suppressions:
        for code, written in suppression.codes.items():
            if code not in suppression.used and code in checked:
                kept.append(unused_suppression.RULE.finding(
                    suppression.path, suppression.span,
                    f"the suppression of {written} suppresses nothing here",
                    "remove it (or the part naming this rule): the finding it was for is gone"))
    return kept


def _meant_as_suppression(match: re.Match) -> bool:
    """Whether a comment starting with the tool's name is meant as a suppression: with the colon it
    is; without, only when it reads like one, since a plain comment may well start with the name
    ("# peptide-lint checks this file")."""
    return (match.group("colon") is not None or match.group("rules") is not None
            or (match.group("verb") or "").lower() in _SUPPRESSION_WORDS)


def _problem(match: re.Match) -> tuple[str, str] | None:
    if match.group("colon") is None:
        return ("this peptide-lint comment has no colon after peptide-lint, so it suppresses nothing",
                "write it as: # peptide-lint: ignore[rule-name] -- why the rule does not apply here")
    if match.group("verb") != "ignore" or match.group("rules") is None:
        return ("this peptide-lint comment is not a suppression it understands",
                "write it as: # peptide-lint: ignore[rule-name] -- why the rule does not apply here")
    names = [name.strip() for name in match.group("rules").split(",")]
    for name in names:
        if name and registry.lookup(name) is not None and not registry.lookup(name).suppressible:
            return (f"{registry.lookup(name).name} cannot be suppressed by a comment: it is about the "
                    "suppressions themselves", "fix what it reports instead")
        if not name or registry.lookup(name) is None:
            suggestion = closest(name, [r.name for r in registry.RULES])
            return (f'the suppression names no known rule "{name}"'
                    + (f'; did you mean "{suggestion}"?' if suggestion else ""),
                    "'peptide-lint rules' lists the rule names")
    if not (match.group("reason") or "").strip():
        return ("the suppression gives no reason",
                "add why the rule does not apply here after two hyphens: "
                "# peptide-lint: ignore[rule-name] -- the reason")
    return None
