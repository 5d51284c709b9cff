"""Web routes for following the news: the watched sources, article revisions, and search.

``add_routes(app, store)`` is called by ``api.create_app`` before its own article routes, so that
``/api/articles/ID/revisions`` is matched before ``/api/articles/ID`` (whose ID may hold "/").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from storydiff.settings import SearchSettings

SEARCH_LIMIT_MAX = 200


def _ends_in_revisions(request: Request) -> bool:
    """Whether the path as sent ends in a segment "revisions" of its own: the router matches the
    decoded path, where an id's encoded slash ("x%2Frevisions", QA pass 19a) is a slash too."""
    raw = request.scope.get("raw_path")
    if not isinstance(raw, bytes):
        return True
    last = raw.split(b"?", 1)[0].rsplit(b"/", 1)[-1]
    return unquote(last.decode("latin-1")) == "revisions"


def add_routes(app: FastAPI, store, article: Callable[[str], Any]) -> None:
    """The routes; ``article(id)`` answers GET /api/articles/ID (an id that ends in "/revisions")."""
    from storydiff.compare.revisions import edit_history
    from storydiff.search import search_stored
    from storydiff.serve.api import _render

    def revisions_of(article_id: str) -> dict:
        revs = store.revisions(article_id)
        if not revs:
            raise HTTPException(404, f"no article {article_id!r}")
        diffs = {d.number: d.to_dict() for d in edit_history(revs)}
        gone = store.taken_down([revs[-1].article.id]).get(revs[-1].article.id)
        return {
            "article_id": revs[-1].article.id,
            "current": revs[-1].number,
            "taken_down": gone.to_dict() if gone else None,  # the outlet took the page down (404/410)
            "revisions": [
                {
                    "number": r.number,
                    "seen_at": r.seen_at,
                    "modified": r.article.modified,  # the outlet's own time for this text, when its page gave one
                    "title": r.article.title,
                    "text": r.article.text,
                    "url": r.article.url,
                    "text_from": r.article.text_from,
                    "changes": diffs.get(r.number),  # against the revision before; None for the first
                }
                for r in revs
            ],
        }

    @app.get("/api/articles/{article_id:path}/revisions")
    def api_article_revisions(article_id: str, request: Request):
        """Every revision of a stored article, first stored first, each with what changed since
        the one before it (headline, quotes added/removed/altered, figures, paragraphs)."""
        if not _ends_in_revisions(request):  # /api/articles/x%2Frevisions: the article "x/revisions"
            return article(f"{article_id}/revisions")
        return revisions_of(article_id)

    def run_search(q: str, speaker: str | None, outlet: str | None, since: str | None, limit: int):
        try:
            return search_stored(store, q, speaker=speaker or None, outlet=outlet or None, since=since or None,
                                 limit=limit)
        except ValueError as e:
            raise HTTPException(400, str(e)) from None

    @app.get("/api/search")
    def api_search(q: str, speaker: str | None = None, outlet: str | None = None, since: str | None = None,
                   limit: int = Query(SearchSettings.limit, ge=1, le=SEARCH_LIMIT_MAX,
                                      description=f"at most this many of each kind (1 to {SEARCH_LIMIT_MAX})")):
        """Stories, articles and quotes containing every word and "quoted phrase" of ``q``
        (``word*``: a prefix). ``speaker`` searches only quotes by that speaker; ``outlet`` and
        ``since`` (a date) narrow both."""
        return run_search(q, speaker, outlet, since, limit).to_dict()

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "", speaker: str = "", outlet: str = "", since: str = ""):
        results, error = None, None
        if q.strip() or speaker.strip() or outlet.strip() or since.strip():  # a filter alone lists what passes it
            try:
                results = run_search(q, speaker, outlet, since, SearchSettings.limit)
            except HTTPException as e:
                error = e.detail
        return _render("web_search.html", title=f"storydiff: search {q}" if q else "storydiff: search",
                       q=q, speaker=speaker, outlet=outlet, since=since, r=results, error=error)

    @app.get("/api/sources")
    def api_sources():
        """The sources `storydiff watch` follows: last fetched, last new item, failures in a row,
        the last error."""
        return [asdict(s) for s in _shown_sources(store)]

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page():
        return _render("web_sources.html", title="storydiff: watched sources", sources=_shown_sources(store))


def _shown_sources(store) -> list:
    """The watched sources as shown: a URL's password masked (the fetcher keeps it; review 23a, F9)."""
    from dataclasses import replace

    from storydiff.fetch.sources import without_passwords

    return [replace(s, url=without_passwords(s.url), last_error=without_passwords(s.last_error))
            for s in store.watch_sources()]
