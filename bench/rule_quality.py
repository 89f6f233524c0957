"""How well the rules judge what an entry says: precision and recall of each rule on the labelled
corpus in tests/corpus/.

    python bench/rule_quality.py [--by-class] [--failures RULE] [--json] [--write-floor FILE]

Each example of the corpus is a small edit of the synthetic entry tests/fixtures/testpeptide-z.yaml
(a sentence put into a prose field, a dose row, a serious risk, a source, a suppression comment),
labelled with the verdict a careful medical editor gives for every rule it is about: `fail` (the
rule must report it) or `pass` (the rule must not). Each example runs through the real pipeline
(peptide_lint.api.Project), alone in its own folder. Only the labelled rules' findings are
read, and only those the edit brought: what the base entry reports itself is taken away first.

Per rule, the table counts the examples it reports that it must (TP), reports that it must not
(FP), misses (FN) and rightly leaves alone (TN), and gives:

  precision  of the examples the rule reports, the share it must report: TP / (TP + FP);
             "-" when it reports none
  honest     of the honest examples (labelled pass), the share it leaves alone: TN / (TN + FP)
  recall     of the harmful examples (labelled fail), the share it reports: TP / (TP + FN)

A rule that is labelled but not (yet) in the registry reports nothing: its column shows what it
will have to catch. Deterministic: the same code and corpus give the same figures, so
tests/test_rule_quality.py holds each rule at or above bench/rule_quality_floor.json
(`--write-floor` records the figures of now, rounded down).

A corpus file, tests/corpus/<theme>.yaml:

    examples:
      - id: absence-no-human-trial          # unique across the corpus
        class: statement of absence         # the kind of sentence, to read misses by class
        note: why the verdict, when not obvious (optional)
        prose:                              # replace the whole text of a prose field
          mechanism: No controlled trial has tested it in people.
        expect:                             # rule name -> fail | pass
          claim-without-citation: pass

The edits, applied in this order to the base entry:

    replace: [[old, new], ...]   exact text of the base entry (each old occurs once), as case files do
    prose: {field: text}         the field's text becomes `text` (a newline in it is a line break in
                                 the YAML, which folding reads as a space; a blank line, a paragraph)
    append: {field: text}        `text` is added after the field's text
        fields: lede, caveat, what_it_is, mechanism, stacking, evidence_summary, dosing.notes,
        safety.summary, story.caption, story.step.headline, story.step.body,
        story.result.headline, story.result.body
    set: {key: value}            a one-line value (quoted when YAML needs it; a value that must be
                                 written a certain way, a comment after it say, is a replace): a
                                 top-level key (standard_dose, evidence) or one under a top-level
                                 key (safety.risk_evidence), added when the base has none
    rows: [row, ...]             the dose rows become these; add_rows: [row, ...] adds rows after them
    risks: [risk, ...]           the serious risks become these ([] for none)
    add_sources: [source, ...]   sources added at the end: a mapping, or the id of a source in
                                 tests/corpus/_library.yaml (or in the corpus folder's own
                                 _library.yaml, which adds sources to that one)

Another folder of examples in the same format is measured with --corpus FOLDER; the held-out set
tests/corpus-heldout/ (see its README) is one, read only by that command, never by a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from casefiles import BASE_ENTRY, SCHEMA  # noqa: E402

from peptide_lint import registry  # noqa: E402
from peptide_lint.api import Project  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
LIBRARY = CORPUS / "_library.yaml"
FLOOR = ROOT / "bench" / "rule_quality_floor.json"
VERDICTS = ("fail", "pass")

# Where each prose field stands in the base entry: its key as written there, with its indentation.
FIELD_KEYS = {
    "lede": "lede", "caveat": "caveat", "what_it_is": "what_it_is", "mechanism": "mechanism",
    "stacking": "stacking", "evidence_summary": "evidence_summary",
    "dosing.notes": "  notes", "safety.summary": "  summary", "story.caption": "  caption",
    "story.step.headline": "      headline", "story.step.body": "      body",
    "story.result.headline": "    headline", "story.result.body": "    body",
}
EDIT_KEYS = ("replace", "prose", "append", "set", "rows", "add_rows", "risks", "add_sources")
EXAMPLE_KEYS = ("id", "class", "note", "expect", *EDIT_KEYS)


class CorpusError(Exception):
    """A corpus file that cannot be read as written: names the file and the example."""


@dataclass
class Example:
    id: str
    cls: str  # the class label
    theme: str  # the corpus file's name
    expect: dict[str, str]  # rule name -> fail | pass
    content: str  # the edited entry
    shows: str  # what the edit wrote, for people reading the misses
    added_sources: list[dict] = field(default_factory=list)
    note: str = ""


@dataclass
class Outcome:
    example: Example
    reported: dict[str, list[str]]  # rule name -> the messages the edit brought, for labelled rules
    brought: set[str] = field(default_factory=set)  # every rule the edit brought a finding of


# ---- reading the corpus -------------------------------------------------------------------------

def load_corpus(folder: Path = CORPUS) -> list[Example]:
    library = load_library(folder)
    base = BASE_ENTRY.read_text(encoding="utf-8")
    examples = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        spec = _yaml_file(path) or {}
        for position, raw in enumerate(spec.get("examples") or [], start=1):
            where = f"{path.name}: example {raw.get('id') or position}"
            try:
                examples.append(_example(raw, path.stem, base, library))
            except (CorpusError, ValueError, TypeError, KeyError) as problem:
                raise CorpusError(f"{where}: {problem}") from None
    return examples


def load_library(folder: Path) -> dict[str, dict]:
    """The sources examples add by id: those of tests/corpus/_library.yaml, which every corpus
    shares, and those of the folder's own _library.yaml when it has one (an id may not be in both)."""
    library = dict((_yaml_file(LIBRARY) or {}).get("sources") or {})
    own = folder / LIBRARY.name
    if own.exists() and own.resolve() != LIBRARY.resolve():
        for source_id, source in ((_yaml_file(own) or {}).get("sources") or {}).items():
            if source_id in library:
                raise CorpusError(f"{own}: source {source_id!r} is already in {LIBRARY.relative_to(ROOT)}")
            library[source_id] = source
    return library


def _yaml_file(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _example(raw: dict, theme: str, base: str, library: dict) -> Example:
    unknown = set(raw) - set(EXAMPLE_KEYS)
    if unknown:
        raise CorpusError(f"unknown keys {sorted(unknown)}; an example has {', '.join(EXAMPLE_KEYS)}")
    for key in ("id", "class"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise CorpusError(f"`{key}` is missing")
    expect = raw.get("expect") or {}
    if not isinstance(expect, dict) or any(v not in VERDICTS for v in expect.values()):
        raise CorpusError("`expect` maps rule names to fail or pass")
    missing = [s for s in raw.get("add_sources") or [] if isinstance(s, str) and s not in library]
    if missing:
        raise CorpusError(f"no source {missing[0]!r} in {LIBRARY.relative_to(ROOT)} "
                          f"or the corpus's own {LIBRARY.name}")
    added = [library[s] if isinstance(s, str) else s for s in raw.get("add_sources") or []]
    content = apply_edits(base, raw, added)
    return Example(raw["id"], raw["class"], theme, dict(expect), content, _shows(raw, added), added,
                   raw.get("note") or "")


def apply_edits(text: str, raw: dict, added_sources: list[dict]) -> str:
    for old, new, *every in raw.get("replace") or []:
        count = text.count(old)
        if count == 0 or (count > 1 and every != ["all"]):
            raise CorpusError(f"replace: {old!r} occurs {count} times in the base entry")
        text = text.replace(old, new)
    for name, value in (raw.get("prose") or {}).items():
        text = _write_field(text, name, value, keep=False)
    for name, value in (raw.get("append") or {}).items():
        text = _write_field(text, name, value, keep=True)
    for path, value in (raw.get("set") or {}).items():
        text = _set(text, path, _scalar(value))
    if "rows" in raw:
        text = _replace_block(text, "  rows", _items(raw["rows"], 4), keep=False)
    if raw.get("add_rows"):
        text = _replace_block(text, "  rows", _items(raw["add_rows"], 4), keep=True)
    if "risks" in raw:
        risks = raw["risks"] or []
        text = (_replace_block(text, "  serious_risks", _items(risks, 4), keep=False) if risks
                else _replace_block(text, "  serious_risks", "", keep=False, inline="[]"))
    if added_sources:
        text = text.rstrip("\n") + "\n" + _items(added_sources, 2)
    return text


def _block(text: str, key: str) -> tuple[int, int, str]:
    """Where the key written as `key` (with its indentation) stands: the start of its line, the end
    of its value (the lines below it indented deeper), and what follows the colon on its line."""
    matches = list(re.finditer(rf"^{re.escape(key)}:(.*)\n", text, re.MULTILINE))
    if len(matches) != 1:
        raise CorpusError(f"the key {key.strip()!r} occurs {len(matches)} times at that indentation")
    match = matches[0]
    depth = len(key) - len(key.lstrip(" "))
    end = match.end()
    for line in re.finditer(r"[^\n]*\n", text[end:]):
        if line.group().strip() and len(line.group()) - len(line.group().lstrip(" ")) <= depth:
            break
        end += len(line.group())
    return match.start(), end, match.group(1)


def _write_field(text: str, name: str, value: str, keep: bool) -> str:
    if name not in FIELD_KEYS:
        raise CorpusError(f"no prose field {name!r}; the fields are {', '.join(FIELD_KEYS)}")
    key = FIELD_KEYS[name]
    start, end, inline = _block(text, key)
    indent = " " * (len(key) - len(key.lstrip(" ")) + 2)
    lines = []
    if keep:
        if inline.strip() not in (">-", ">", ""):
            lines.append(indent + inline.strip())
        lines += [line for line in text[text.index("\n", start) + 1:end].splitlines()]
    lines += [indent + line if line.strip() else "" for line in str(value).rstrip("\n").split("\n")]
    return text[:start] + f"{key}: >-\n" + "\n".join(lines) + "\n" + text[end:]


def _set(text: str, path: str, value: str) -> str:
    parent, _, child = path.rpartition(".")
    if not parent:
        start, end, _ = _block(text, path)
        return text[:start] + f"{path}: {value}\n" + text[end:]
    if "." in parent:
        raise CorpusError(f"set: {path!r} is nested deeper than one key")
    start, end, _ = _block(text, parent)
    inside = text[start:end]
    if re.search(rf"^  {re.escape(child)}:", inside, re.MULTILINE):
        inner_start, inner_end, _ = _block(inside, "  " + child)
        return text[:start] + inside[:inner_start] + f"  {child}: {value}\n" + inside[inner_end:] + text[end:]
    line_end = text.index("\n", start) + 1
    return text[:line_end] + f"  {child}: {value}\n" + text[line_end:]


def _replace_block(text: str, key: str, items: str, keep: bool, inline: str = "") -> str:
    start, end, _ = _block(text, key)
    body = text[text.index("\n", start) + 1:end] if keep else ""
    head = f"{key}: {inline}".rstrip() + "\n"
    return text[:start] + head + body + items + text[end:]


def _items(items: list[dict], indent: int) -> str:
    """A YAML list of mappings at `indent`, each value written plain when YAML reads it back as is."""
    out = []
    for item in items:
        if not isinstance(item, dict) or not item:
            raise CorpusError("a row, risk or source is a mapping of keys to values")
        for position, (key, value) in enumerate(item.items()):
            lead = " " * indent + ("- " if position == 0 else "  ")
            out.append(f"{lead}{key}: {_scalar(value)}\n")
    return "".join(out)


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    value = str(value)
    try:
        plain = YAML(typ="safe").load(f"k: {value}\n") == {"k": value}
    except Exception:
        plain = False
    return value if plain and value == value.strip() else json.dumps(value, ensure_ascii=False)


def _shows(raw: dict, added: list[dict]) -> str:
    """What the example wrote, in one line."""
    parts = [f"{k}: {v}" for k, v in {**(raw.get("prose") or {}), **(raw.get("append") or {})}.items()]
    parts += [f"{k}: {v}" for k, v in (raw.get("set") or {}).items()]
    parts += [new.strip() for _, new, *_ in raw.get("replace") or []]
    for key in ("rows", "add_rows", "risks"):
        if key in raw:
            parts.append(f"{key}: " + "; ".join(", ".join(f"{k}={_scalar(v)}" for k, v in r.items())
                                                for r in raw[key] or []))
    parts += [f"source {s.get('id')}: {s.get('type')}, {s.get('funding')}, {s.get('title')}" for s in added]
    return " | ".join(" ".join(p.split()) for p in parts)


# ---- running it ---------------------------------------------------------------------------------

def rule_names(examples: list[Example]) -> list[str]:
    """Every labelled rule, registered ones in code order, then the others by name."""
    names = {name for example in examples for name in example.expect}
    code = {rule.name: rule.code for rule in registry.RULES}
    return sorted(names, key=lambda name: (name not in code, code.get(name, ""), name))


def _findings(content: str) -> list[tuple[str, str]]:
    """(rule name, LINE:COL message) of every finding the checker reports on `content`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / BASE_ENTRY.name
        path.write_text(content, encoding="utf-8")
        report = Project.of_schema(SCHEMA, Path(folder)).check_files([path])
    return [(f.name, f"{f.line}:{f.column} {f.message}") for f in report.findings]


def run(examples: list[Example]) -> list[Outcome]:
    # Findings of the base entry itself are not the edit's: taken away by rule and message.
    base = Counter((name, message.split(" ", 1)[1]) for name, message in _findings(BASE_ENTRY.read_text("utf-8")))
    outcomes = []
    for example in examples:
        left = base.copy()
        reported: dict[str, list[str]] = {}
        brought = set()
        for name, message in _findings(example.content):
            key = (name, message.split(" ", 1)[1])
            if left[key]:
                left[key] -= 1
                continue
            brought.add(name)
            if name in example.expect:
                reported.setdefault(name, []).append(message)
        outcomes.append(Outcome(example, reported, brought))
    return outcomes


@dataclass
class Score:
    rule: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def labelled(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def honest(self) -> float | None:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, expected: str, reported: bool) -> None:
        if expected == "fail":
            self.tp, self.fn = self.tp + reported, self.fn + (not reported)
        else:
            self.fp, self.tn = self.fp + reported, self.tn + (not reported)


def score(outcomes: list[Outcome]) -> dict[str, Score]:
    scores = {name: Score(name) for name in rule_names([o.example for o in outcomes])}
    for outcome in outcomes:
        for name, expected in outcome.example.expect.items():
            scores[name].add(expected, name in outcome.reported)
    return scores


def wrong(outcome: Outcome, rule: str) -> bool:
    expected = outcome.example.expect.get(rule)
    return expected is not None and (expected == "fail") != (rule in outcome.reported)


# ---- output -------------------------------------------------------------------------------------

def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _code(name: str) -> str:
    rule = registry.lookup(name)
    return rule.code if rule else "(new)"


def table(scores: dict[str, Score]) -> str:
    head = f"{'code':<6} {'rule':<30} {'fail':>4} {'pass':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} " \
           f"{'precision':>9} {'honest':>6} {'recall':>6}"
    lines = [head, "-" * len(head)]
    for s in scores.values():
        lines.append(f"{_code(s.rule):<6} {s.rule:<30} {s.tp + s.fn:>4} {s.fp + s.tn:>4} {s.tp:>4} {s.fp:>4} "
                     f"{s.fn:>4} {s.tn:>4} {_share(s.precision):>9} {_share(s.honest):>6} {_share(s.recall):>6}")
    return "\n".join(lines)


def by_class(outcomes: list[Outcome]) -> str:
    """Per class: how many labels, and which rules miss which, as `rule FN` (must report, did not)
    and `rule FP` (must not report, did)."""
    classes: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        classes.setdefault(outcome.example.cls, []).append(outcome)
    lines = []
    for cls, members in sorted(classes.items()):
        labels = sum(len(o.example.expect) for o in members)
        misses = Counter()
        for outcome in members:
            for rule, expected in outcome.example.expect.items():
                if wrong(outcome, rule):
                    misses[f"{rule} {'FN' if expected == 'fail' else 'FP'}"] += 1
        right = labels - sum(misses.values())
        detail = ", ".join(f"{key} x{n}" for key, n in sorted(misses.items())) or "all right"
        count = f"{len(members)} example{'s' if len(members) > 1 else ''}"
        lines.append(f"{cls} ({count}, {right}/{labels} verdicts right): {detail}")
    return "\n".join(lines)


def failures(outcomes: list[Outcome], rule: str) -> str:
    lines = []
    for outcome in outcomes:
        if not wrong(outcome, rule):
            continue
        example = outcome.example
        expected = example.expect[rule]
        what = "missed (must report)" if expected == "fail" else "reported (must not)"
        lines.append(f"{example.id} [{example.cls}] {what}")
        lines.append(f"    {example.shows[:300]}")
        for message in outcome.reported.get(rule, []):
            lines.append(f"    -> {message}")
    return "\n".join(lines) or f"{rule}: no example is wrong"


def as_json(outcomes: list[Outcome], scores: dict[str, Score]) -> dict:
    return {
        "rules": {name: {"code": _code(name), "tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn,
                         "precision": s.precision, "honest": s.honest, "recall": s.recall}
                  for name, s in scores.items()},
        "examples": [{"id": o.example.id, "theme": o.example.theme, "class": o.example.cls,
                      "expect": o.example.expect, "reported": o.reported,
                      "wrong": sorted(r for r in o.example.expect if wrong(o, r))} for o in outcomes],
    }


def floor_of(scores: dict[str, Score]) -> dict[str, dict[str, float | None]]:
    """The figures of now, rounded down to a tenth of a percent, as the floor the test holds."""
    def down(value: float | None) -> float | None:
        return None if value is None else math.floor(value * 1000 + 1e-9) / 1000
    return {name: {"precision": down(s.precision), "recall": down(s.recall)} for name, s in scores.items()}


def in_part(example_id: str, part: int, parts: int) -> bool:
    """Whether the example is in part `part` (1-based) of `parts`: by a hash of its id, stable across
    runs, machines and the order of the files."""
    return int(hashlib.sha256(example_id.encode()).hexdigest(), 16) % parts == part - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the folder of labelled examples")
    parser.add_argument("--by-class", action="store_true", help="also print the misses by class")
    parser.add_argument("--failures", metavar="RULE", help="list the examples RULE (name or code) gets wrong")
    parser.add_argument("--json", action="store_true", help="print the figures and every example's result as JSON")
    parser.add_argument("--write-floor", type=Path, metavar="FILE",
                        help="write the figures of now to FILE, as the test's floor")
    parser.add_argument("--part", metavar="K/N",
                        help="only the examples of part K of N, split by a hash of their ids (the same parts on "
                             "every run): one part of a held-out set can be spent on tuning, another kept to measure")
    args = parser.parse_args(argv)
    try:
        examples = load_corpus(args.corpus)
    except CorpusError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.part:
        try:
            part, parts = (int(number) for number in args.part.split("/"))
            if not 1 <= part <= parts:
                raise ValueError
        except ValueError:
            parser.error("--part takes K/N with 1 <= K <= N, e.g. 1/2")
        examples = [example for example in examples if in_part(example.id, part, parts)]
    outcomes = run(examples)
    scores = score(outcomes)
    if args.write_floor:
        args.write_floor.write_text(json.dumps(floor_of(scores), indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(as_json(outcomes, scores), indent=2, ensure_ascii=False))
        return 0
    if args.failures:
        rule = registry.lookup(args.failures)
        name = rule.name if rule else args.failures
        if name not in scores:
            print(f"error: no example is labelled for {args.failures!r}", file=sys.stderr)
            return 2
        print(failures(outcomes, name))
        return 0
    print(f"{len(examples)} examples, {sum(len(e.expect) for e in examples)} verdicts\n")
    print(table(scores))
    if args.by_class:
        print("\nMisses by class:\n" + by_class(outcomes))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # a reader that went away (| head): what is left goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
