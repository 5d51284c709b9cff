"""What a command loads: ``ingest`` and ``extract`` compare nothing, so they import none of the
comparison (facts, quotes, sources: ~0.3 s of every run's start-up). ``ingest`` groups, and the
clusterer's date veto reads a lede's dates with the fact comparison's readers (``compare.claims``
and ``lexicon.numbers``, match/event_dates.py): those two, and the package's light ``__init__``,
are all it may load of it."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

PAGE = str(resources.files("storydiff") / "examples" / "quake-berovac-wire.html")
# what the date veto reads dates with (match/event_dates.py); nothing else of compare
_DATE_READERS = {"storydiff.compare", "storydiff.compare.claims", "storydiff.lexicon.numbers",
                 # the attribution rules' names table: ingest indexes each quote with its speaker
                 # (round 23, QA pass 23a, 05), and a speaker the rules read may be checked in it
                 "storydiff.lexicon.names", "storydiff.compare.translation"}


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from storydiff.serve.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('storydiff.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split())


def test_ingest_of_new_pages_imports_no_comparison_code(tmp_path):
    db = str(tmp_path / "s.db")
    loaded = _modules_after(["ingest", PAGE, "--db", db, "--workers", "0"])
    assert "storydiff.extract.html" in loaded and "storydiff.pipeline" in loaded  # it did ingest
    assert not any(m.startswith("storydiff.compare") for m in loaded - _DATE_READERS)
    # the same page again is skipped; a stored article at its URL would import the revision check
    again = _modules_after(["ingest", PAGE, "--db", db, "--workers", "0"])
    assert not any(m.startswith("storydiff.compare") for m in again - _DATE_READERS)


def test_extract_imports_no_comparison_code():
    loaded = _modules_after(["extract", "--json", PAGE])
    assert "storydiff.extract.html" in loaded
    assert not any(m.startswith("storydiff.compare") for m in loaded)
