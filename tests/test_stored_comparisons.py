"""A stored story is compared once per membership, and a text is parsed once (issue 20): a view
reads the stored comparison back; an article joining makes it stale, and the comparison made
again parses only the newcomer. Every result equals the comparison made from scratch."""

from __future__ import annotations

import pytest

import storydiff.pipeline as pipeline
from storydiff.analyze import analyze_articles
from storydiff.compare import compare_story
from storydiff.records import Article
from storydiff.store import open_store

# Invented reports of one flood, with direct quotes (their speakers need the parse).
REPORTS = [
    ("courier", "Valley Courier", "2025-03-02T08:00:00Z",
     "The river Tarn burst its banks in Keswick on Saturday, flooding 40 homes.\n"
     "\"We have never seen the water rise this fast,\" Mayor Ilka Severin said on Sunday.\n"
     "Sheriff Dana Holt told reporters that two bridges were closed."),
    ("star", "Keswick Star", "2025-03-02T10:00:00Z",
     "Forty homes in Keswick were flooded when the Tarn burst its banks on Saturday.\n"
     "\"We have never seen the water rise so fast,\" said Mayor Ilka Severin.\n"
     "The county opened a shelter at the Keswick school, officials said."),
    ("herald", "Tarn Herald", "2025-03-03T09:00:00Z",
     "Keswick began to clean up on Monday after the Tarn flooded 40 homes.\n"
     "\"The shelter stays open as long as people need it,\" Ilka Severin, the mayor, said.\n"
     "Both bridges reopened on Monday, Sheriff Dana Holt said."),
]


def _articles() -> list[Article]:
    return [Article(id=i, source=f"test#{i}", text=t, outlet=o, title=f"Flood in Keswick ({o})", published=p)
            for i, o, p, t in REPORTS]


@pytest.fixture
def counted(monkeypatch):
    """How many texts were parsed and how many comparisons computed."""
    calls = {"parsed": 0, "compared": 0}
    real_deep, real_compare = pipeline.deep_batch, pipeline.compare_story

    def deep_batch(batch, *args, **kw):
        calls["parsed"] += len(batch)
        return real_deep(batch, *args, **kw)

    def compare(*args, **kw):
        calls["compared"] += 1
        return real_compare(*args, **kw)

    monkeypatch.setattr(pipeline, "deep_batch", deep_batch)
    monkeypatch.setattr(pipeline, "compare_story", compare)
    return calls


def _from_scratch(articles: list[Article]):
    fresh = [Article.from_dict(a.to_dict()) for a in articles]
    return compare_story("s", list(analyze_articles(fresh, deep=True)))


def test_a_story_is_compared_once_and_parses_only_newcomers(tmp_path, counted):
    first, second, third = _articles()
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_article(first, story_id="s")
        store.add_article(second, story_id="s")
        story, articles = pipeline.compare_stored_story(store, "s")
        assert counted == {"parsed": 2, "compared": 1}
        assert story == _from_scratch([first, second])
        assert [a.quotes for a in articles] and any(q.speaker for a in articles for q in a.quotes)

        again, _ = pipeline.compare_stored_story(store, "s", with_analysis=False)  # a second view
        assert again == story and counted == {"parsed": 2, "compared": 1}

        store.add_article(third, story_id="s")  # joins: the stored comparison is stale
        grown, _ = pipeline.compare_stored_story(store, "s")
        assert counted == {"parsed": 3, "compared": 2}  # only the newcomer was parsed
        assert grown == _from_scratch([first, second, third])

        store.mark_story_stale("s")  # e.g. a revision fetched elsewhere
        assert pipeline.compare_stored_story(store, "s")[0] == grown
        assert counted == {"parsed": 3, "compared": 3}


def test_a_reprint_shares_its_texts_parse_and_entities_are_added_when_asked(tmp_path, counted):
    first, second, _ = _articles()
    reprint = Article(id="reprint", source="test#reprint", text=first.text, outlet="Other Paper")
    with open_store(str(tmp_path / "s.db")) as store:
        for a in (first, second, reprint):
            store.add_article(a, story_id="s")
        story, articles = pipeline.compare_stored_story(store, "s", with_analysis=False)
        # no stored parse yet: the batch holds all three, and the reprint's text is parsed once
        # with the first's (round 23: one parse a text in a run)
        assert counted["parsed"] == 2
        assert len(story.article_ids) == 3
        _, analyzed = pipeline.compare_stored_story(store, "s", entities=True)  # show --json
        by_id = {a.id: a for a in analyzed}
        assert by_id["reprint"].quotes == by_id[first.id].quotes
        assert by_id[first.id].entities  # names a mayor, a sheriff and a town
        assert counted["compared"] == 1
