"""compare: one story's articles → Story (facts, quotes across outlets, origins, independence, timeline)."""

from __future__ import annotations

from collections.abc import Sequence

# facts and independence are imported where used: the clusterer's date veto reads dates with
# compare.claims (match/event_dates.py), and ``ingest`` should not load the comparison for that.
from storydiff.records import Article, Fact, Story
from storydiff.settings import CompareSettings, FactSettings

__all__ = ["compare_story", "compared_articles", "fact_tier", "story_order", "warm_up"]


def story_order(articles: Sequence[Article]) -> list[Article]:
    """Earliest first, by the instant (09:40+03:00 is before 07:30Z: sorting the ISO text put an
    agency's report after its reprint); undated articles after dated ones, in the order they came."""
    from storydiff.dates import sortable_time

    indexed = [(sortable_time(a.published), i, a) for i, a in enumerate(articles)]
    indexed.sort(key=lambda t: (t[0] is None, t[0] or "", t[1]))
    return [a for _, _, a in indexed]


def compared_articles(articles: Sequence[Article], limit: int | None = None) -> list[Article]:
    """The articles of a story that are compared, in story order: all of them up to ``limit``
    (``CompareSettings.max_story_articles``); past it the earliest report of each outlet, then
    the earliest others, so that every outlet keeps its voice in a story of thousands."""
    limit = CompareSettings().max_story_articles if limit is None else limit
    ordered = story_order(articles)
    if len(ordered) <= limit:
        return ordered
    seen: set[str] = set()
    firsts = [i for i, a in enumerate(ordered) if (a.outlet or "") not in seen and not seen.add(a.outlet or "")]
    chosen = set(firsts[:limit])
    for i in range(len(ordered)):
        if len(chosen) >= limit:
            break
        chosen.add(i)
    return [a for i, a in enumerate(ordered) if i in chosen]


def fact_tier(settings: FactSettings | None, articles: Sequence[Article] | None = None) -> str:
    """The claim matcher ``align_facts`` uses under ``settings``: "lexical" (the default), "minilm"
    (lexical + MiniLM features, only when that tier is asked for and installed; it falls back to
    lexical otherwise) or "cross-encoder" (the same-fact judge); "+e5" when ``articles`` are in
    more than one language, so the multilingual judge compared the sentences across languages."""
    settings = settings or FactSettings()
    if settings.scorer == "judge":
        tier = "cross-encoder"
    elif not settings.use_embeddings:
        tier = "lexical"
    else:
        from storydiff.embeddings import embeddings_available

        tier = "minilm" if embeddings_available() else "lexical"
    from storydiff.compare.facts import article_language

    if articles and settings.scorer != "idf_dice" and len({article_language(a) for a in articles}) > 1:
        tier += "+e5"
    return tier


def facts_first_reported(facts: Sequence[Fact], order: Sequence[str]) -> dict[str, int]:
    """How many facts each article reported before any other. A "possibly" fact is one outlet's
    sentence beside another's that may say the same: when that other outlet published earlier
    (a translation of a wire report, say), the later article did not surely report it first."""
    rank = {article_id: i for i, article_id in enumerate(order)}
    introduced: dict[str, int] = {}
    for f in facts:
        first = f.first_article_id
        if not first:
            continue
        if f.match == "possibly" and any(rank.get(v.get("article_id"), len(rank)) < rank.get(first, 0)
                                         for v in f.versions):
            continue
        introduced[first] = introduced.get(first, 0) + 1
    return introduced


def warm_up(articles: Sequence[Article]) -> None:
    """Import and load here what comparing ``articles`` reads, for worker processes forked after it
    to share; each would otherwise load its own at its first story: the comparison's modules and
    tables (~0.3 s of CPU), SciPy's sparse matrices, which the facts' key overlap of a story of
    several articles imports (``facts._key_dice``: ~0.12 s of CPU in each worker), and py3langid's
    model (~0.4 s), which the meaning checks ask for a sentence with a character outside ASCII (a
    curly quote is one)."""
    from storydiff.compare import facts, independence, quotes  # noqa: F401
    from storydiff.compare.quote_names import function_words
    from storydiff.lexicon.numbers import place_forms

    function_words()
    place_forms()
    quotes._stop_words()
    if articles:
        import scipy.sparse  # noqa: F401
    if any(not (a.text or "").isascii() for a in articles):
        from storydiff.extract.language import classify

        classify("Ein Satz, der lang genug ist, um das Modell zu laden.")


def compare_story(story_id: str, articles: Sequence[Article], fact_settings: FactSettings | None = None) -> Story:
    """Compare analyzed articles of one story (``analyze_articles(..., deep=True)`` first for quotes)."""
    from storydiff.compare.facts import align_facts
    from storydiff.compare.independence import independent_sources, story_origins
    from storydiff.compare.quotes import align_quotes, mark_speaker_conflicts

    ordered = compared_articles(articles)
    # articles in different languages: their quotes are compared by multilingual vectors too
    quotes = align_quotes({a.id: a.quotes for a in ordered}, order=[a.id for a in ordered],
                          languages={a.id: a.language for a in ordered})
    mark_speaker_conflicts(quotes, ordered)
    # the facts read the quotes' alignment: sentences whose quotes it left apart are not one fact
    facts = align_facts(ordered, fact_settings, quotes)
    n_sources, groups = independent_sources(ordered, facts=facts)
    introduced = facts_first_reported(facts, [a.id for a in ordered])
    timeline = [
        {
            "article_id": a.id,
            "outlet": a.outlet,
            "published": a.published,
            "title": a.title,
            "new_facts": introduced.get(a.id, 0),
            "cites": a.cited_origins,
        }
        for a in ordered
    ]
    return Story(
        id=story_id,
        article_ids=[a.id for a in ordered],
        origins=story_origins(ordered),
        independent_sources=n_sources,
        source_groups=groups,
        quotes=quotes,
        facts=facts,
        timeline=timeline,
        fact_tier=fact_tier(fact_settings, ordered),
        not_compared=len(articles) - len(ordered),
    )
