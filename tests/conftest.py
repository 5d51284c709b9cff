from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "src" / "storydiff" / "examples"


@pytest.fixture
def seeds_dir() -> Path:
    if not (SEEDS / "000_695573be11d77573.txt").exists():
        pytest.skip(f"shared data not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def euromaidan_text() -> str:
    # the bundled copy of the seed: always present, so these tests never skip
    return (EXAMPLES / "euromaidanpress-kallas-ft.txt").read_text(encoding="utf-8")


@pytest.fixture
def unn_text() -> str:
    return (EXAMPLES / "unn-kallas-ft.txt").read_text(encoding="utf-8")
