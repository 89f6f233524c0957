"""The benchmark's tools (bench/): a deterministic corpus whose valid entries pass every rule and whose
broken ones fail, and a runner that prints its table. No timing is asserted anywhere."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peptide_lint.prose import DEFAULT_CLAIM_SIGNALS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import generate as gen  # noqa: E402
from run import rule_groups, split_arguments  # noqa: E402

# The rule each violation of the generator must trigger (rule codes are stable).
EXPECTED_CODE = {
    "missing-confidence": "PL301", "unknown-citation": "PL202", "misspelled-key": "PL102", "quoted-year": "PL103",
    "placeholder-caveat": "PL401", "uncited-number": "PL201", "bad-indentation": "PL005",
    "duplicate-key": "PL006", "slug-mismatch": "PL501",
}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _check(corpus: Path, tmp_path: Path) -> tuple[int, dict[str, set[str]]]:
    """Run the real command in the corpus; (exit code, codes found per entry slug)."""
    report = tmp_path / f"{corpus.name}-report.json"
    result = subprocess.run([sys.executable, "-m", "peptide_lint", "check", "--no-cache", "--jobs", "1",
                             "--format", "json", "--output", str(report)],
                            cwd=corpus, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, set[str]] = {}
    for finding in json.loads(report.read_text())["findings"]:
        found.setdefault(Path(finding["path"]).stem, set()).add(finding["code"])
    return result.returncode, found


def test_the_same_arguments_write_the_same_bytes(tmp_path):
    gen.generate(tmp_path / "a", 20, seed=7, invalid_share=0.5)
    gen.generate(tmp_path / "b", 20, seed=7, invalid_share=0.5)
    gen.generate(tmp_path / "c", 20, seed=8, invalid_share=0.5)
    assert _files(tmp_path / "a") == _files(tmp_path / "b") != _files(tmp_path / "c")
    # The command line too, whatever the hash seed of the process.
    for name, hash_seed in (("d", "1"), ("e", "2")):
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--out", str(tmp_path / name),
                        "--entries", "20", "--seed", "7", "--invalid-share", "0.5"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": hash_seed})
    assert _files(tmp_path / "d") == _files(tmp_path / "e") == _files(tmp_path / "a")


def test_valid_entries_pass_every_rule_and_look_like_real_ones(tmp_path):
    paths = gen.generate(tmp_path / "corpus", 40, seed=3)
    code, found = _check(tmp_path / "corpus", tmp_path)
    assert (code, found) == (0, {})
    sizes = [path.stat().st_size for path in paths]
    assert 2000 <= min(sizes) and max(sizes) <= 7500 and 3500 <= sum(sizes) / len(sizes) <= 6000
    texts = [path.read_text(encoding="utf-8") for path in paths]
    assert all(t.startswith("# yaml-language-server: $schema=../schema/entry.schema.json\n") for t in texts)
    everything = "".join(texts)
    for shape in (": >-\n", "\nstory:\n", "  steps:\n", "  figure_labels:\n", "  serious_risks:\n    - risk: ",
                  "beyond_standard: true", "status: proposed", "# peptide-lint: ignore[dose-unit] -- ",
                  "[@community-reports]", "; @", "\n  # Shared with other entries", "doi: 10.99999/"):
        assert shape in everything, shape
    assert "pmid:" not in everything  # made-up sources never carry a (possibly real) PubMed id
    rows = [len(re.findall(r"\n    - label: .*\n      value: ", t.split("\ndosing:\n")[1].split("\nsafety:")[0]))
            for t in texts]
    sources = [t.split("\nsources:\n")[1].count("\n  - id: ") + 1 for t in texts]
    assert min(rows) >= 3 and max(rows) <= 6 and min(sources) >= 3 and max(sources) <= 7


def test_every_broken_entry_fails_with_its_rule_and_no_valid_one_does(tmp_path):
    # Every violation at least twice.
    gen.generate(tmp_path / "broken", 2 * len(gen.VIOLATIONS), seed=5, invalid_share=1.0)
    manifest = json.loads((tmp_path / "broken" / gen.MANIFEST).read_text())
    assert sorted(manifest["invalid"].values()) == sorted(gen.VIOLATIONS * 2)
    code, found = _check(tmp_path / "broken", tmp_path)
    assert code == 1
    for slug, violation in manifest["invalid"].items():
        assert EXPECTED_CODE[violation] in found.get(slug, set()), (slug, violation, found.get(slug))
    # In a mixed repo, exactly the broken entries have findings: a broken neighbour (a slug that no
    # longer matches, say) never spills over onto a valid entry.
    gen.generate(tmp_path / "mixed", 60, seed=11, invalid_share=0.25)
    manifest = json.loads((tmp_path / "mixed" / gen.MANIFEST).read_text())
    assert len(manifest["invalid"]) == 15
    code, found = _check(tmp_path / "mixed", tmp_path)
    assert code == 1 and set(found) == set(manifest["invalid"])


def test_framing_sentences_make_no_claim():
    """Sentences without a citation use only words that are no claim signal, and no numbers: the
    valid entries of any size stay valid, not only the ones the tests above happen to draw."""
    signals = {word.lower() for words in DEFAULT_CLAIM_SIGNALS.values() for word in words}
    words = " ".join(gen.FRAMING + gen.FRAME_NOUNS).lower()
    words = re.sub(r"\{\w+\}", " ", words)
    assert not re.search(r"\d", words)
    assert not {w for w in signals if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", words)}


def test_the_generator_never_replaces_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        gen.generate(tmp_path, 3)
    assert (tmp_path / "notes.txt").read_text() == "keep me"
    gen.generate(tmp_path / "corpus", 3)
    gen.generate(tmp_path / "corpus", 2)  # its own corpus: replaced
    assert len(list((tmp_path / "corpus" / "entries").iterdir())) == 2


def test_long_file_lists_are_split_into_command_lines_that_fit():
    files = [f"entries/benchpeptide-{k:05d}.yaml" for k in range(1000)]
    chunks = split_arguments(["check-jsonschema", "--schemafile", "s.json"], files, 8 * 1024)
    assert len(chunks) > 1 and [f for c in chunks for f in c[3:]] == files
    assert all(c[:3] == ["check-jsonschema", "--schemafile", "s.json"] for c in chunks)
    assert all(sum(len(a) + 9 for a in c) <= 8 * 1024 for c in chunks)
    assert split_arguments(["x"], files[:3], 10**6) == [["x", *files[:3]]]


@pytest.mark.skipif(importlib.util.find_spec("check_jsonschema") is None,
                    reason="check-jsonschema is not installed (pip install -e '.[bench]')")
def test_the_runner_prints_its_table(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "1,5", "--repeat", "1",
                             "--corpora", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    for size in ("1", "5"):
        for tool in ("ours", "cjs"):
            row = next(r for r in rows if r[:2] == [size, tool])
            assert len(row) >= 9 and float(row[2]) > 0 and row[8] in ("0", "1"), row
        assert any(r[:2] == [size, "ours/cjs"] and "times" in r for r in rows)
    for size in ("1", "5"):
        for tool in ("ours-hook", "ours-cached", "ours-first", "cjs"):
            row = next((r for r in rows if r[:4] == ["1", "of", size, tool]), None)
            assert row is not None and row[-1] in ("0", "1"), (size, tool, row)
        assert f"first commit after a fresh clone, 1 of {size}" in result.stdout
    assert re.search(r"bytecode found by the runs: (\d+) of \1 peptide-lint modules had bytecode, its regular "
                     r"expressions were kept compiled", result.stdout), result.stdout
    assert "summary (ours / cjs" in result.stdout and "!!" not in result.stdout
    # The pre-commit case restores the entry it edits, in the files and in git's index, and the cache.
    corpus = next(tmp_path.glob("corpus-5-*"))
    assert "bench/run.py: edited" not in "".join(p.read_text() for p in tmp_path.rglob("*.yaml"))
    assert subprocess.run(["git", "status", "--porcelain"], cwd=corpus, capture_output=True, text=True).stdout == ""
    assert (corpus / ".peptide-lint-cache").is_dir() and not (corpus / ".peptide-lint-cache-saved").exists()


def test_the_breakdown_groups_are_the_reading_stages_and_the_claim_models_rules():
    reading, claim_model = rule_groups()
    assert {"PL001", "PL005", "PL100", "PL101"} <= set(reading)
    assert {"PL201", "PL406", "PL408"} <= set(claim_model)
    assert not set(reading) & set(claim_model)
    assert not {"PL301", "PL506", "PL509"} & set(reading + claim_model)  # a dose rule, two rules across entries


@pytest.mark.skipif(importlib.util.find_spec("check_jsonschema") is None,
                    reason="check-jsonschema is not installed (pip install -e '.[bench]')")
def test_the_breakdown_measures_the_whole_repo_run_in_parts(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "3", "--repeat", "1",
                             "--no-precommit", "--breakdown", "--corpora", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    for tool in ("ours", "ours-read", "ours-noclaim", "cjs"):
        row = next(r for r in rows if r[:2] == ["3", tool])
        assert float(row[2]) > 0 and row[8] in ("0", "1"), row
    assert "--select PL001," in result.stdout and "--ignore PL201," in result.stdout
    assert "reading and schema stages only" in result.stdout and "!!" not in result.stdout


def test_the_profiler_breaks_down_the_pre_commit_case(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "profile_check.py"), "--entries", "2", "--top", "2",
                             "--precommit", "3", "--repeat", "1", "--corpora", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    part = result.stdout[result.stdout.index("the pre-commit hook's run in corpus-3-"):]
    def figure(label: str) -> float:
        line = next(line for line in part.splitlines() if label in line)
        return float(line.split()[0])  # in milliseconds, rounded to a tenth: a fast step shows 0.0

    for label in ("the interpreter's start-up", "reading git's index", "IndexStore.refresh",
                  "a stat of every entry", "the whole run"):
        assert figure(label) >= 0, label
    # Differences of best times, printed as numbers: on a loaded machine they can come out below zero.
    for label in ("importing peptide_lint.cli", "the rest of the whole run"):
        figure(label)
    corpus = next(tmp_path.glob("corpus-3-*"))
    assert "bench/run.py: edited" not in "".join(p.read_text() for p in tmp_path.rglob("*.yaml"))
    assert subprocess.run(["git", "status", "--porcelain"], cwd=corpus, capture_output=True, text=True).stdout == ""
