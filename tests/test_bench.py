"""The benchmark's tools: a deterministic corpus whose valid entries pass and whose invalid ones
fail, and a runner that prints its table. No timing is asserted anywhere."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from casefiles import SCHEMA
from peptide_lint.pipeline import check_files

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from generate import VIOLATIONS, generate  # noqa: E402


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def test_the_same_arguments_write_the_same_bytes(tmp_path):
    generate(tmp_path / "a", 12, seed=7, invalid_share=0.5)
    generate(tmp_path / "b", 12, seed=7, invalid_share=0.5)
    generate(tmp_path / "c", 12, seed=8, invalid_share=0.5)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b") != _digest(tmp_path / "c")


def test_valid_entries_pass_every_rule_and_look_like_real_ones(tmp_path):
    paths = generate(tmp_path / "corpus", 25, seed=3)
    report = check_files(paths, SCHEMA, tmp_path / "corpus", index_files=paths)
    assert report.findings == []
    sizes = [path.stat().st_size for path in paths]
    assert 2000 <= min(sizes) and max(sizes) <= 8000
    text = paths[0].read_text()
    assert text.startswith("# yaml-language-server") and ">-\n" in text and "[@" in text


def test_every_invalid_entry_has_findings(tmp_path):
    paths = generate(tmp_path / "corpus", 2 * len(VIOLATIONS), seed=5, invalid_share=1.0)
    report = check_files(paths, SCHEMA, tmp_path / "corpus", index_files=paths)
    assert {f.path for f in report.findings} == {f"entries/{p.name}" for p in paths}


def test_the_runner_prints_its_table(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "1,5", "--repeat", "1",
                             "--corpora", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.split()[:2] == ["5", "ours-cold"] for line in lines)
    assert any(line.split()[:2] == ["5", "cjs"] for line in lines)
    assert any("ours-cold/cjs" in line and "times as fast" in line for line in lines)
