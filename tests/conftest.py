from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "src" / "storydiff" / "examples"

# storydiff's on-disk cache (sentence vectors, an unpacked language model) goes to a folder of
# this test run, inherited by the CLI subprocesses: no test reads what an earlier run stored.
if "STORYDIFF_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["STORYDIFF_CACHE_DIR"] = tempfile.mkdtemp(prefix="storydiff-test-cache-")
    atexit.register(shutil.rmtree, os.environ["STORYDIFF_CACHE_DIR"], True)

# no progress lines on a slow machine: tests compare a command's stderr line by line (the lines
# themselves are tested in test_progress_lines.py)
os.environ.setdefault("STORYDIFF_PROGRESS_SECONDS", "0")

# The web app answers only loopback names unless told otherwise (create_app's allowed_hosts): the
# tests' client speaks as a browser on this machine does ("localhost"), not as Starlette's own
# "testserver" would; a test of the Host check sends its Host header itself.
try:
    from starlette.testclient import TestClient as _TestClient
except ImportError:  # the web app's extra is not installed: its tests skip
    pass
else:
    _TestClient.__init__.__defaults__ = ("http://localhost", *_TestClient.__init__.__defaults__[1:])


@cache
def match_articles():
    """tests/fixtures/match/articles.py (invented reports: quakes, a rehab story, a wire copy)."""
    spec = importlib.util.spec_from_file_location("match_articles", Path(__file__).parent / "fixtures/match/articles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
