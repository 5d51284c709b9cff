"""What a command loads: ``ingest`` and ``extract`` compare nothing, so they import none of the
compare package (~0.1 s of every run's start-up)."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

PAGE = str(resources.files("storydiff") / "examples" / "quake-berovac-wire.html")


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
    assert not any(m.startswith("storydiff.compare") for m in loaded)
    # the same page again is skipped; a stored article at its URL would import the revision check
    assert not any(m.startswith("storydiff.compare") for m in _modules_after(["ingest", PAGE, "--db", db, "--workers", "0"]))


def test_extract_imports_no_comparison_code():
    loaded = _modules_after(["extract", "--json", PAGE])
    assert "storydiff.extract.html" in loaded
    assert not any(m.startswith("storydiff.compare") for m in loaded)
