"""Round 25: the same-story pair model's passage cosine centred by language, and the shared names
as a Jaccard share and a count (match/same_story.py, CENTRED_FEATURES)."""

import json

import numpy as np
import pytest

from storydiff.match import MatchDoc
from storydiff.match import same_story as ss


def _unit(rows):
    rows = np.asarray(rows, dtype=float)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_offsets_are_what_unrelated_texts_of_each_language_score():
    rng = np.random.default_rng(0)
    n = ss.OFFSET_MIN_TEXTS
    # "xx" texts all lean one way (a language whose cosines sit high), "yy" texts are spread
    xx = _unit(np.ones((n, 8)) * 3 + rng.normal(size=(n, 8)))
    yy = _unit(rng.normal(size=(n, 8)))
    few = _unit(rng.normal(size=(n - 1, 8)))
    langs = ["xx"] * n + ["yy"] * n + ["zz"] * (n - 1)
    off = ss.passage_offsets(langs, np.vstack([xx, yy, few]))
    assert off["xx"] > 0.8 > 0.3 > off["yy"]
    assert "zz" not in off and "xx-zz" not in off  # too few texts: the kind's mean instead
    assert set(off) == {"xx", "yy", "xx-yy", "same", "across"}
    assert off["yy"] < off["same"] < off["xx"]
    assert off["across"] == pytest.approx(off["xx-yy"])


def _hash_embed(texts):
    out = np.zeros((len(texts), 32))
    for i, t in enumerate(texts):
        for w in t.lower().split():
            out[i, sum(map(ord, w)) % 32] += 1.0
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


_A = ("Mayor Anna Voss of Lorn met Governor Piet Marrow and Minister Ilse Brand in Harrowgate on Monday "
      "to discuss the flood defences along the river.")
_B = ("Governor Piet Marrow and Mayor Anna Voss agreed in Harrowgate to raise the flood defences, "
      "officials said after the talks.")


def test_centred_cosine_and_name_counts():
    a, b = MatchDoc("a", _A, language="en"), MatchDoc("b", _B, language="en")
    names = ss.FEATURES + ("cos_passage_centred", "names_jaccard", "names_count")
    offsets = {"en": 0.25, "same": 0.5, "across": 0.4}
    x = ss.pair_features([(a, b)], embed=_hash_embed, names=names, offsets=offsets)[0]
    col = dict(zip(names, x))
    assert col["cos_passage_centred"] == pytest.approx(col["cos_passage"] - 0.25)
    # the shared names by skeleton: Voss, Marrow, Harrowgate at least; B names fewer than A
    assert 0.0 < col["names_jaccard"] < col["names_shared"] <= 1.0
    assert col["names_count"] >= np.log1p(3)
    # a language the offsets lack takes its kind's mean: same language, then across
    de = MatchDoc("d", _B, language="de")
    cross = dict(zip(names, ss.pair_features([(a, de), (de, de)], embed=_hash_embed, names=names, offsets=offsets)[0]))
    assert cross["cos_passage_centred"] == pytest.approx(cross["cos_passage"] - 0.4)
    same_de = ss.pair_features([(de, de)], embed=_hash_embed, names=names, offsets=offsets)[0]
    assert same_de[names.index("cos_passage_centred")] == pytest.approx(same_de[0] - 0.5)
    # without the new names the columns are the 7 of before, the same values
    assert np.allclose(ss.pair_features([(a, b)], embed=_hash_embed)[0], x[: len(ss.FEATURES)])


def test_a_centred_model_needs_its_offsets(tmp_path):
    n = len(ss.CENTRED_FEATURES)
    body = {"features": list(ss.CENTRED_FEATURES), "mean": [0.0] * n, "scale": [1.0] * n, "coef": [0.1] * n,
            "intercept": 0.2, "threshold": 0.5}
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(body))
    assert ss.load(bare) is None  # centred on nothing: another scale than the one fitted
    full = tmp_path / "full.json"
    full.write_text(json.dumps({**body, "offsets": {"en": 0.77, "same": 0.79, "across": 0.74}}))
    model = ss.load(full)
    assert model.linear.features == ss.CENTRED_FEATURES and model.offsets["en"] == 0.77


def test_a_written_centred_model_is_read_with_its_offsets(tmp_path, monkeypatch):
    import storydiff.embeddings

    n = len(ss.CENTRED_FEATURES)
    coef = [0.0] * n
    coef[0] = 1.0  # the score is the centred cosine itself (plus 0.5)
    linear = ss.LinearScorer(ss.CENTRED_FEATURES, (0.0,) * n, (1.0,) * n, tuple(coef), 0.5)
    model = ss.PairModel(linear, 0.6, {"en": 0.3, "same": 0.1, "across": 0.1})
    path = tmp_path / "w.json"
    path.write_text(model.to_json(trained_on="a test"))
    back = ss.load(path)
    assert back == model
    monkeypatch.setattr(storydiff.embeddings, "embed_multilingual", _hash_embed)
    monkeypatch.setattr(ss, "load", lambda path=None: back)
    a, b = MatchDoc("a", _A, language="en"), MatchDoc("b", _B, language="en")
    cos = ss.pair_features([(a, b)], embed=_hash_embed)[0, 0]
    [(same, score)] = ss.judge([(a, b)])
    # `same-story` reads the cosine less the English offset, not the raw one
    assert score == pytest.approx(min(1.0, max(0.0, 0.5 + cos - 0.3)), abs=1e-4)
    assert same is (score >= 0.6)


def test_the_shipped_weights_are_the_seven_features():
    # round 25's model is measured, not shipped: `same-story` and the clusterer read the 7 of before
    assert ss.load().linear.features == ss.FEATURES
