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

`python tests/casefiles.py tests/cases/<rule-name>.yaml` prints what each case produces now.
"""

from __future__ import annotations

import codecs
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from peptide_lint.api import Project
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

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"


def load_cases(path: Path) -> list[Case]:
    spec = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    cases = []
    for raw in spec["cases"]:
        others = {name: _content(path, {"name": raw["name"], **(other or {})}, Path(name).stem)
                  for name, other in (raw.get("others") or {}).items()}
        cases.append(Case(spec["rule"], raw["name"], raw.get("file", BASE_ENTRY.name), _content(path, raw),
                          list(raw.get("expect") or []), folder=bool(raw.get("folder")), others=others))
    return cases


def _content(path: Path, raw: dict, slug: str | None = None) -> bytes:
    """The bytes of one file of a case: the base entry edited (under `slug`, if given), or the
    text or bytes given."""
    if "bytes" in raw:
        return codecs.escape_decode(raw["bytes"].encode("utf-8"))[0]
    if "text" in raw:
        return raw["text"].encode("utf-8")
    if "text_repeat" in raw:
        chunk, times = raw["text_repeat"]
        return (chunk * times).encode("utf-8")
    text = sibling_entry(slug) if slug else BASE_ENTRY.read_text(encoding="utf-8")
    for old, new, *every in raw.get("replace", []):
        count = text.count(old)
        if count == 0 or (count > 1 and every != ["all"]):
            raise ValueError(f"{path.name}: case {raw['name']!r}: {old!r} occurs {count} times in "
                             "the base entry; make it unique, or add a third item: all")
        text = text.replace(old, new)
    if raw.get("line_endings") == "crlf":
        text = text.replace("\n", "\r\n")
    if raw.get("bom"):
        text = "\ufeff" + text
    return text.encode("utf-8")


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


def run_case(case: Case) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case.file
        if case.folder:
            path.mkdir()
        else:
            path.write_bytes(case.content)
        others = []
        for name, content in case.others.items():
            others.append(Path(folder) / name)
            others[-1].write_bytes(content)
        report = Project.of_schema(SCHEMA, Path(folder)).check_files([path], index_files=[path, *others])
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in report.findings]


def all_case_files() -> list[Path]:
    return sorted((TESTS / "cases").glob("*.yaml"))


if __name__ == "__main__":
    for file in sys.argv[1:] or all_case_files():
        for case in load_cases(Path(file)):
            print(f"# {case.id}")
            for line in run_case(case):
                print("  - " + ('"' + line.replace("\\", "\\\\").replace('"', '\\"') + '"'))
