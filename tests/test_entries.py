"""The shipped entries: they pass, and the Cerebrolysin entry holds everything its page shows."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from peptide_lint.api import Project
from peptide_lint.discover import entry_files

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_ac01c119e7c2c3a6.txt"
MODELINE = "# yaml-language-server: $schema=../schema/entry.schema.json"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page() -> str:
    if not SEED.is_file():
        if os.environ.get("CI"):  # CI always has ../shared beside the checkout
            pytest.fail(f"the sample page is not at {SEED}")
        pytest.skip(f"the sample page is not at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def entry() -> dict:
    return YAML(typ="safe").load((ROOT / "entries" / "cerebrolysin.yaml").read_text(encoding="utf-8"))


def test_every_shipped_entry_passes_with_zero_findings():
    files = entry_files([ROOT / "entries"])
    assert files, "entries/ is empty"
    report = Project.open(ROOT, cwd=ROOT, cache=False).check()
    assert report.findings == []


def test_every_entry_starts_with_the_schema_modeline():
    for path in entry_files([ROOT / "entries"]):
        assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE, path.name


def test_every_pmid_of_the_page_is_in_the_entry(page, entry):
    on_page = set(re.findall(r"PMID (\d+)", page))
    assert len(on_page) == 5
    assert {s["pmid"] for s in entry["sources"] if "pmid" in s} == on_page


def test_every_source_of_the_page_is_transcribed_exactly(page, entry):
    flat_page = _flat(page)
    for source in entry["sources"]:
        if source["type"] == "community":
            continue
        for key in ("authors", "title", "venue", "note"):
            if key in source:
                assert source[key] in flat_page, (source["id"], key)
        assert f'{source["authors"]} ({source["year"]})' in flat_page


def test_every_dose_row_of_the_page_is_in_the_entry(page, entry):
    section = page.split("\nStandard dose\n\n")[1].split("Side effects & cautions")[0]
    page_rows = [line for line in section.splitlines() if line.endswith(("community", "clinical"))]
    rows = entry["dosing"]["rows"]
    assert len(rows) == len(page_rows) == 5
    for row, line in zip(rows, page_rows):
        assert line.startswith(row["label"]), row["label"]
        assert _flat(row["value"]) in line, row["label"]
        assert line.endswith(row["confidence"])
        if row.get("status") == "proposed":
            assert "(proposed — pending dosing review)" in line
    assert _flat(entry["dosing"]["notes"].split(" [@")[0]) in _flat(page)


def test_every_story_step_of_the_page_is_in_the_entry(page, entry):
    steps = entry["story"]["steps"]
    page_steps = re.findall(r"Step (\d+) · (.+)\n\n(.+)\n\n(.+)\n", page)
    assert [(s["label"], s["headline"]) for s in steps] == [(label, head) for _, label, head, _ in page_steps]
    for step, (_, _, _, body) in zip(steps, page_steps):
        assert re.sub(r" ?\[@[^\]]+\]", "", _flat(step["body"])) == body


def test_prose_matches_the_page_once_citations_are_removed(page, entry):
    flat_page = _flat(page)
    for key in ("lede", "caveat", "mechanism", "stacking", "evidence_summary"):
        text = re.sub(r"\s*\[@[^\]]+\]", "", _flat(entry[key]))
        assert text in flat_page, key
    for paragraph in entry["what_it_is"].split("\n\n"):
        assert re.sub(r"\s*\[@[^\]]+\]", "", _flat(paragraph)) in flat_page
    assert re.sub(r"\s*\[@[^\]]+\]", "", _flat(entry["safety"]["summary"])) in flat_page


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.split("## ")[0].splitlines() if line.startswith("    ")]
    assert commands == ["python3 -m pip install -q -e . && python3 -m peptide_lint check",
                        "python3 -m pip install -q -e '.[test]' && python3 -m pytest -q"]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
