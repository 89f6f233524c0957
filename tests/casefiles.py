"""Rule test cases written as YAML, so that a contributor adds a case without writing Python.

A case file `tests/cases/<rule-name>.yaml` holds:

    rule: dose-row-confidence
    cases:
      - name: a row without confidence       # what the case shows
        replace:                             # edits to tests/fixtures/testpeptide-z.yaml ...
          - ["      confidence: community\n", ""]
        # each [old, new] must occur once in the base; [old, new, all] replaces every occurrence.
        # line_endings: crlf and bom: true re-encode the result. Instead of replace:
        #   text: |  (the whole file), text_repeat: [chunk, times] (a large file),
        #   bytes: "..." (Python escapes, for encodings and control characters),
        #   folder: true (a folder named like an entry)
        others:                              # more entries in the repo (only the case's file is reported)
          testpeptide-y.yaml: {replace: [...]}  # same keys as a case; the base is sibling_entry("testpeptide-y")
        file: testpeptide-z.yaml             # the entry's file name (default shown)
        expect:                              # every finding, as LINE:COL CODE message
          - '35:7 PL301 dose row "Route" has no confidence label; ...'
          - finding: '12:17 PL303 the range in standard_dose uses a hyphen; ...'
            hint: 'write it as 1–2 mg'       # ... or with its hint, which must then read so
        fixed:                               # the file after every fix, safe and unsafe (as
          - ["1-2 mg", "1–2 mg", all]        # --fix --unsafe-fixes leaves it): edits to the case's
                                             # file, in the form of replace: (fixed: [] = unchanged)

A case whose findings carry a fix must say what the file reads after fixing (`fixed:`). The case's
entry stands in `entries/` beside a `schema/` folder, as in a content repo.
`python tests/casefiles.py tests/cases/<rule-name>.yaml` prints what each case produces now: its
findings, their hints and what the fixes change.
"""

from __future__ import annotations

import codecs
import copy
import difflib
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from peptide_lint.api import Finding, Project
from peptide_lint.fixes import fix_text
from peptide_lint.schema import EntrySchema

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BASE_ENTRY = TESTS / "fixtures" / "testpeptide-z.yaml"
SCHEMA = EntrySchema.load(ROOT / "schema" / "entry.schema.json")


@dataclass
class Case:
    rule: str
    name: str
    file: str
    content: bytes
    expect: list[str]
    folder: bool = False
    others: dict[str, bytes] = field(default_factory=dict)  # more entries in the same repo, by file name
    hints: dict[int, str] = field(default_factory=dict)  # the hint of expect[i], where the case gives it
    fixed: bytes | None = None  # the file after every fix, where the case says

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"


class CaseFileError(ValueError):
    """A case file that cannot be read as cases; the message, one line, names the file and the case."""


def readable_cases(paths: list[Path] | None = None) -> tuple[list[Case], list[str]]:
    """The cases of the case files `paths` (default: all of them), and one line for each file that
    cannot be read: a test reports those, and the other files' cases are still collected."""
    cases, errors = [], []
    for path in all_case_files() if paths is None else paths:
        try:
            cases += load_cases(path)
        except CaseFileError as err:
            errors.append(str(err))
    return cases, errors


def load_cases(path: Path) -> list[Case]:
    """The cases of one case file; CaseFileError when it cannot be read as cases."""
    from ruamel.yaml import YAMLError

    try:
        spec = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except YAMLError as err:
        raise CaseFileError(f"{path.name}: not YAML: {' '.join(str(err).split())}") from None
    try:
        return _cases(path, spec)
    except (KeyError, TypeError) as err:
        raise CaseFileError(f"{path.name}: not a case file as the top of tests/casefiles.py describes "
                            f"({type(err).__name__}: {err})") from None


def _cases(path: Path, spec: dict) -> list[Case]:
    cases = []
    for raw in spec["cases"]:
        others = {name: _content(path, {"name": raw["name"], **(other or {})}, Path(name).stem)
                  for name, other in (raw.get("others") or {}).items()}
        expect = [item if isinstance(item, str) else item["finding"] for item in raw.get("expect") or []]
        hints = {i: item["hint"] for i, item in enumerate(raw.get("expect") or []) if isinstance(item, dict)}
        fixed = _content(path, raw, fixed=True) if "fixed" in raw else None
        cases.append(Case(spec["rule"], raw["name"], raw.get("file", BASE_ENTRY.name), _content(path, raw),
                          expect, folder=bool(raw.get("folder")), others=others, hints=hints, fixed=fixed))
    return cases


def _content(path: Path, raw: dict, slug: str | None = None, fixed: bool = False) -> bytes:
    """The bytes of one file of a case: the base entry edited (under `slug`, if given), or the
    text or bytes given; `fixed`: with the `fixed` edits, as the case's file reads after fixing."""
    after = raw.get("fixed", []) if fixed else []
    if "bytes" in raw:
        content = codecs.escape_decode(raw["bytes"].encode("utf-8"))[0]
        return _replaced(path, raw, content, [[part.encode("utf-8") for part in edit[:2]] + edit[2:] for edit in after])
    if "text" in raw:
        return _replaced(path, raw, raw["text"], after).encode("utf-8")
    if "text_repeat" in raw:
        chunk, times = raw["text_repeat"]
        return (chunk * times).encode("utf-8")
    text = sibling_entry(slug) if slug else BASE_ENTRY.read_text(encoding="utf-8")
    text = _replaced(path, raw, text, raw.get("replace", []) + after)
    if raw.get("line_endings") == "crlf":
        text = text.replace("\n", "\r\n")
    if raw.get("bom"):
        text = "\ufeff" + text
    return text.encode("utf-8")


def _replaced(path: Path, raw: dict, text, replacements: list):
    """`text` (or bytes) with each [old, new] of `replacements` made; each old must occur once,
    or the third item says all."""
    for old, new, *every in replacements:
        count = text.count(old)
        if count == 0 or (count > 1 and every != ["all"]):
            raise CaseFileError(f"{path.name}: case {raw['name']!r}: {old!r} occurs {count} times; "
                             "make it unique, or add a third item: all")
        text = text.replace(old, new)
    return text


def sibling_entry(slug: str, name: str | None = None) -> str:
    """The base entry as another synthetic peptide (name: the slug capitalised, e.g. Testpeptide-y),
    with its own wording: each sentence long enough to compare across entries names its peptide, as
    two real entries share no text (copied-text would report them). Sources stay as they are: two
    entries that cite one work describe it the same way."""
    name = name or slug.capitalize()
    text = BASE_ENTRY.read_text(encoding="utf-8").replace("slug: testpeptide-z", f"slug: {slug}")
    page, sources = text.split("\nsources:\n")
    for made_up in ("Testpeptide-Z", "synthetic trial", "synthetic receptor"):
        page = page.replace(made_up, made_up.replace("Testpeptide-Z", name).replace("synthetic", name))
    return page + "\nsources:\n" + sources


@dataclass
class Outcome:
    """What a case produces: its findings (as expect lists them), their hints, the rule code and
    safety of each fix they carry, and its file after every fix."""

    findings: list[str]
    hints: list[str | None]
    fixes: list[tuple[str, bool]]
    fixed: bytes


def run_case(case: Case) -> Outcome:
    """Check the case's file, then apply every fix as --fix --unsafe-fixes does (checking again in
    between) and keep what the file reads then."""
    with tempfile.TemporaryDirectory() as folder:
        entries = Path(folder) / "entries"
        entries.mkdir()
        path = entries / case.file
        if case.folder:
            path.mkdir()
        else:
            path.write_bytes(case.content)
        others = []
        for name, content in case.others.items():
            others.append(entries / name)
            others[-1].write_bytes(content)
        schema = copy.copy(SCHEMA)
        schema.path = Path(folder) / "schema" / "entry.schema.json"  # where a content repo keeps it
        project = Project.of_schema(schema, entries)

        def check() -> list[Finding]:
            return project.check_files([path], index_files=[path, *others]).findings

        findings = check()
        fixed = case.content if case.folder else _fixed(case.content, path, findings, check)
    return Outcome([f"{f.line}:{f.column} {f.code} {f.message}" for f in findings], [f.hint for f in findings],
                   [(f.code, f.fix.safe) for f in findings if f.fix], fixed)


def _fixed(content: bytes, path: Path, findings: list[Finding], check) -> bytes:
    bom = codecs.BOM_UTF8 if content.startswith(codecs.BOM_UTF8) else b""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content  # nothing to fix in a file that cannot be read

    def recheck(fixed: str) -> list[Finding]:
        path.write_bytes(bom + fixed.encode("utf-8"))
        return check()
    return bom + fix_text(text, findings, recheck, unsafe=True).text.encode("utf-8")


def all_case_files() -> list[Path]:
    return sorted((TESTS / "cases").glob("*.yaml"))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _print_cases(file: Path) -> None:
    """What each case of `file` produces now, in the form of a case file's `expect:`."""
    for case in load_cases(file):
        print(f"# {case.id}")
        outcome = run_case(case)
        for line, hint in zip(outcome.findings, outcome.hints):
            print(f"  - finding: {_quoted(line)}\n    hint: {_quoted(hint)}" if hint else f"  - {_quoted(line)}")
        if outcome.fixed != case.content:
            before, after = (data.decode("utf-8", "replace").splitlines(keepends=True)
                             for data in (case.content, outcome.fixed))
            print("# after every fix:")
            print("".join("#   " + line for line in difflib.unified_diff(before, after, n=0)).rstrip())


if __name__ == "__main__":
    failed = False
    for name in sys.argv[1:] or all_case_files():
        try:
            _print_cases(Path(name))
        except CaseFileError as err:
            print(f"casefiles.py: error: {err}", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)
