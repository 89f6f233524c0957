from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty content repo with this checkout's schema."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "entry.schema.json").write_bytes((ROOT / "schema" / "entry.schema.json").read_bytes())
    (tmp_path / "entries").mkdir()
    return tmp_path
