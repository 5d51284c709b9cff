"""A text several articles carry word for word (one wire story from several outlets) is parsed
once in a run, and every copy gets that parse: the parse is keyed by the text alone
(``store.codec.analysis_key``), so a second parse of it could only say the same."""

from __future__ import annotations

from storydiff import analyze, pipeline
from storydiff.disk_cache import AnalysisCache
from storydiff.records import Article

WIRE = ('The mayor spoke on Monday. "We will rebuild every school by spring," Mayor Ana Petrova said '
        'at the town hall, where 300 people had gathered after the flood.')
OWN = 'Residents met on Monday. "The water came in an hour," said Oleh Marchenko, who lives by the river.'


def _articles() -> list[Article]:
    texts = [WIRE, OWN, WIRE, WIRE]  # three outlets carry the wire text, one writes its own
    return [Article(id=f"a{i}", source=f"s{i}", text=t, outlet=f"outlet{i}.example", title="After the flood",
                    language="en") for i, t in enumerate(texts)]


def _counting(monkeypatch) -> list[list[str]]:
    parsed: list[list[str]] = []
    real = pipeline.deep_analyze
    monkeypatch.setattr(pipeline, "deep_analyze", lambda arts, **kw: parsed.append([a.id for a in arts]) or real(arts, **kw))
    return parsed


def test_a_text_carried_by_three_outlets_is_parsed_once(tmp_path, monkeypatch):
    parsed = _counting(monkeypatch)
    got = pipeline.analyze_stored(AnalysisCache(tmp_path / "a.sqlite"), _articles(), entities=False)
    assert sorted(len(ids) for ids in parsed) == [2]  # the wire text once, the outlet's own text once
    expected = list(analyze.analyze_articles(_articles(), deep=True, entities=False))
    assert [(a.id, a.quotes) for a in got] == [(a.id, a.quotes) for a in expected]
    assert [q.speaker for a in got for q in a.quotes] == ["Ana Petrova", "Oleh Marchenko", "Ana Petrova", "Ana Petrova"]


def test_compare_parses_a_shared_text_once_and_says_what_it_said(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(tmp_path))
    parsed = _counting(monkeypatch)
    stories = pipeline.compare_articles(_articles())
    assert sum(len(ids) for ids in parsed) == 2
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", "off")  # each text parsed as it comes, no parse shared
    monkeypatch.setattr(pipeline, "parse_stored", _each_parsed)
    assert [s.to_dict() for s in stories] == [s.to_dict() for s in pipeline.compare_articles(_articles())]


def _each_parsed(store, articles, **kw):
    """parse_stored as it was: every article parsed, the last parse of a text kept."""
    from storydiff.analyze import analyzer_id
    from storydiff.store.codec import analysis_key

    keys = [analysis_key(a.text, analyzer_id()) for a in articles]
    kept = {k: {"quotes": [dict(vars(q)) for q in a.quotes], "entities": [dict(vars(e)) for e in a.entities]}
            for a, k in zip(pipeline.deep_analyze(list(articles), lexical=False, **kw), keys)}
    return keys, kept
