from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the generated examples are fixed, so that a run fails for a change and never for an unlucky
# draw; on a developer's machine they vary from run to run and keep finding new cases.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty content repo with this checkout's schema."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "entry.schema.json").write_bytes((ROOT / "schema" / "entry.schema.json").read_bytes())
    (tmp_path / "entries").mkdir()
    return tmp_path
