"""Searching the stored news by words: stories, articles and quotes at once.

The store does the full-text work (``Store.search``: SQLite FTS5 or PostgreSQL full-text
search); this module asks it for articles and quotes and gathers the stories they belong to,
for the CLI (``storydiff search``) and the web app (``/search``, ``GET /api/search``) alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from storydiff.settings import SearchSettings
from storydiff.store.base import SearchHit


@dataclass
class StoryHit:
    id: str
    title: str | None
    articles: int  # its articles among the hits
    quotes: int  # its quotes among the hits
    outlets: list[str] = field(default_factory=list)  # the hits' outlets
    # its articles in all: "1 article" read as the story's size when one of five matched (QA pass 24b)
    size: int = 0


@dataclass
class SearchResults:
    query: str
    stories: list[StoryHit] = field(default_factory=list)
    articles: list[SearchHit] = field(default_factory=list)
    quotes: list[SearchHit] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "stories": [asdict(s) for s in self.stories],
            "articles": [asdict(h) for h in self.articles],
            "quotes": [asdict(h) for h in self.quotes],
        }


def _as_iso(since: str | None) -> str | None:
    """``since`` as an ISO date or time when it is a date written as ingest reads one (05.12.2026,
    "5 декабря 2026", the assumed zone): `--since 05.12.2026` was refused while ingest read it
    (QA pass 25b, 10). ISO as given; what no reader takes as given, for the store to refuse."""
    from storydiff.dates import sortable_time

    if not since or not since.strip() or sortable_time(since.strip()) is not None:
        return since
    from storydiff.extract import normalize_date

    return normalize_date(since.strip()) or since


def search_stored(
    store,
    query: str,
    *,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> SearchResults:
    """Articles and quotes containing every word and "phrase" of ``query`` (best first), and the
    stories they belong to (most hits first). With ``speaker`` only quotes are searched: those
    its speaker said (as analysis attributed them, else as their paragraph names them).
    ValueError for a ``since`` that is no date."""
    n = SearchSettings().limit if limit is None else max(0, limit)
    since = _as_iso(since)
    articles = [] if speaker else store.search(query, kind="article", outlet=outlet, since=since, limit=n)
    quotes = store.search(query, kind="quote", speaker=speaker, outlet=outlet, since=since, limit=n)
    stories: dict[str, StoryHit] = {}
    for hit in [*articles, *quotes]:
        if not hit.story_id:
            continue
        s = stories.setdefault(hit.story_id, StoryHit(hit.story_id, hit.title, 0, 0))
        s.title = s.title or hit.title
        if hit.kind == "article":
            s.articles += 1
        else:
            s.quotes += 1
        if hit.outlet and hit.outlet not in s.outlets:
            s.outlets.append(hit.outlet)
    for s in stories.values():
        ids = store.story_article_ids(s.id)  # earliest published first
        s.size = len(ids)
        # the story's title is its first article's, as `stories` lists it, not the hit's own
        # (QA pass 26a, 15: a story was listed under the title of whichever article matched)
        # (the first that has a title, as `stories` skips an untitled one)
        s.title = next((a.title for a in map(store.get_article, ids) if a is not None and a.title), s.title)
    ranked = sorted(stories.values(), key=lambda s: -(s.articles + s.quotes))  # stable: best hit first
    return SearchResults(query=query, stories=ranked, articles=articles, quotes=quotes)
