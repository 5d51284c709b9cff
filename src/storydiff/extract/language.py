"""The language identifier (py3langid), loaded once per process and fast to load.

py3langid ships its model as an LZMA-compressed archive and decompresses all 68 MB of it in every
process that classifies a text: ~0.5 s of CPU, most of what `storydiff demo` spends on page text,
and paid again by every worker process. The same archive decompressed once is kept in the user's
cache directory (``settings.cache_dir()``); a process then
reads it in milliseconds. The identifier built from it is py3langid's own, from the same arrays:
the same answers (tests/test_pagetext.py checks). Anything unusual (no writable cache, another
py3langid layout) falls back to py3langid's own loading.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

_lock = threading.Lock()


def classify(sample: str) -> str:
    """ISO 639-1 code py3langid gives ``sample``."""
    return _identifier().classify(sample)[0]


@lru_cache(maxsize=1)
def _identifier():
    with _lock:
        try:
            return _from_cache()
        except Exception:  # any surprise: py3langid loads its model itself, as it always did
            from py3langid.langid import _get_identifier

            return _get_identifier()


def _from_cache():
    import lzma
    import shutil
    import tempfile
    from importlib.metadata import version

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    from storydiff.settings import cache_dir

    folder = cache_dir()
    if folder is None:
        raise FileNotFoundError("no cache directory (STORYDIFF_CACHE_DIR=off)")
    packed = Path(MODEL_DIR) / MODEL_FILE
    stat = packed.stat()
    cached = folder / f"py3langid-{version('py3langid')}-{stat.st_size}-{int(stat.st_mtime)}.npz"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, suffix=".part", delete=False) as tmp:
            try:
                with lzma.open(packed) as src:
                    shutil.copyfileobj(src, tmp, length=1 << 20)
            except BaseException:
                os.unlink(tmp.name)
                raise
        os.replace(tmp.name, cached)  # whole or absent, whoever else writes it at the same time
    with np.load(cached, allow_pickle=False) as data:  # as py3langid's modelio.load_model reads it
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(), tk_row=_to_array(data["nextmove_row"]),
        )
