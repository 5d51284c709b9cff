"""The web app and REST API: ``create_app()`` serves stored stories as pages and as JSON.

Pages are rendered on the server (Jinja2, autoescape on, no JavaScript) under a strict
Content-Security-Policy, so text from articles can only ever show up as text. Reads are open;
writes (POST /api/articles) need ``Authorization: Bearer <token>`` and are refused outright when
no token is configured. One store is opened per app; SQLAlchemy's pool makes reads safe from the
worker threads; uploads store and place a chunk at a time under the store's placement lock (as
concurrent ``ingest`` runs do), and one app lock keeps two requests from comparing one story at
once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from contextlib import asynccontextmanager
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError

import storydiff
from storydiff.ingest.formats import json_type
from storydiff.records import Article, Failure, RawItem, Story
from storydiff.serve.html import article_href, template_env  # noqa: F401 - article_href: the app's link scheme
from storydiff.serve.story_comparer import StoryComparer, ViewsFirst
from storydiff.serve.view import build_view
from storydiff.settings import FactSettings
from storydiff.store.base import MIN_ID_PREFIX

__all__ = ["MAX_BODY_BYTES", "MAX_ITEMS", "create_app"]

MAX_BODY_BYTES = 20 * 1024 * 1024  # one POST; matches IngestSettings.max_item_bytes (one big page)
MAX_ITEMS = 1000  # articles per POST: bounds one request's work (it holds no lock while extracting)
LIST_LIMIT_MAX = 1000
# An offset past this is no page of any database, and past 2**63 no database can even be asked
MAX_OFFSET = 2**62
Offset = Query(0, ge=0, le=MAX_OFFSET, description="skip this many (the next page)")


def list_limit(default: int):
    """A list's ``limit``: 1 to LIST_LIMIT_MAX, anything else refused (422) as the README says
    (QA pass 18: 5000 was taken, and 1,000 answered, as if that were all)."""
    return Query(default, ge=1, le=LIST_LIMIT_MAX, description=f"at most this many (1 to {LIST_LIMIT_MAX:,})")

# Pages load nothing but our own stylesheet; no script runs even if escaping ever failed.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"  # 'self': the search box submits to /search
)
# /docs is Swagger UI, served from this server (the fastapi-offline package ships its files: no CDN,
# so it works offline) and started by our own static/docs.js, so no inline script is allowed.
# It shows no stored text; Swagger UI sets inline styles and data: images, and fetches the schema
# (and, with "Try it out", the API) from this server.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs",)
DOCS_ASSETS = "/static/docs"

_env = template_env()






def _render(template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(**ctx), status_code=status_code)


def _article_meta(a: Article) -> dict[str, Any]:
    return a.metadata()


def _failure_dict(f: Failure) -> dict[str, str]:
    return {"source": f.source, "stage": f.stage, "reason": f.reason}


def swagger_ui_dir() -> str | None:
    """The folder of Swagger UI's script and stylesheet as the fastapi-offline package ships them
    (storydiff[serve]), or None when it is not installed."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    return str(folder) if (folder / "swagger-ui-bundle.js").is_file() else None


# -- POST /api/articles: JSON items → RawItem -------------------------------------------------

_ITEM_FIELDS = ("id", "url", "title", "text", "html", "published", "outlet", "authors")


def item_source(rec: dict[str, Any]) -> str:
    """Where an uploaded item came from, stable across re-uploads so a repeat is skipped."""
    if isinstance(rec.get("url"), str) and rec["url"].strip():
        return "api:" + rec["url"].strip()
    if rec.get("id") not in (None, ""):
        return f"api:id:{rec['id']}"
    body = rec.get("html") if isinstance(rec.get("html"), str) else rec.get("text")
    if not isinstance(body, str):
        # no text: the item as a whole (two different text-less items shared the key of "None" and
        # one quarantine entry; second QA pass)
        body = json.dumps(rec, sort_keys=True, default=str, ensure_ascii=False)
    return "api:sha1:" + hashlib.sha1(body.encode("utf-8", "replace")).hexdigest()[:16]


def item_to_raw(rec: Any) -> RawItem | Failure:
    """One uploaded object → RawItem, or a Failure saying what is wrong with it."""
    from storydiff.ingest.formats import field_type_error, record_to_item
    from storydiff.ingest.sanitize import clean_item, clean_value, lone_surrogate
    from storydiff.settings import IngestSettings

    if not isinstance(rec, dict):
        digest = hashlib.sha1(json.dumps(rec).encode()).hexdigest()[:16]
        return Failure(f"api:sha1:{digest}", f"item is a JSON {json_type(rec)}, expected an object", stage="request")
    half = lone_surrogate(rec["id"]) if isinstance(rec.get("id"), str) else None
    rec = clean_value(rec)  # the sanitising boundary files go through too (ingest.sanitize)
    if half is not None:  # an id is the client's key: refused, never rewritten
        return Failure(item_source(rec), f"field 'id' holds an unpaired surrogate ({half!r}), not text", "request")
    source = item_source(rec)
    unknown = sorted(k for k in rec if k not in _ITEM_FIELDS)
    if unknown:
        allowed = ", ".join(_ITEM_FIELDS)
        return Failure(
            source, f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {allowed}", "request"
        )
    wrong = field_type_error(rec)  # the check files get too; here the request is what is wrong
    if wrong:
        return Failure(source, wrong, stage="request")
    item = record_to_item(source, rec, IngestSettings())
    return clean_item(item) if isinstance(item, RawItem) else item


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes (declared or actually sent)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            too_big = int(declared) > limit
        except ValueError:
            raise HTTPException(400, "invalid Content-Length header") from None
        if too_big:
            raise HTTPException(413, f"request body over the {limit // (1024 * 1024)} MB limit")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:  # a chunked upload declares no length: count what arrives
            raise HTTPException(413, f"request body over the {limit // (1024 * 1024)} MB limit")
        chunks.append(chunk)
    return b"".join(chunks)


# -- the app ----------------------------------------------------------------------------------


_UNCOUNTED = ("/healthz", "/static/", "/favicon")


def create_app(
    store_url: str | None = None,
    token: str | None = None,
    fact_settings: FactSettings | None = None,
    *,
    warm: bool = False,
) -> FastAPI:
    """The web app over the database at ``store_url`` (default: STORYDIFF_DB, else ./storydiff.db).

    ``token`` (else env STORYDIFF_TOKEN) enables writes for clients that send it as a bearer
    token. ``fact_settings`` choose the claim matcher of the stories it compares (a cached
    comparison made by the other matcher is made again). With ``warm`` (``storydiff serve``), a
    background thread loads the models a comparison needs as the server starts, then compares and
    stores the newest stories and every story an upload adds to (``StoryComparer``): a view reads
    a stored comparison instead of computing one. ValueError if the database cannot be opened, or, with
    writes off, does not exist."""
    from storydiff.compare import fact_tier
    from storydiff.store import open_store

    tier = fact_tier(fact_settings)
    write_token = token if token is not None else os.environ.get("STORYDIFF_TOKEN")
    # an empty or blank token would let an empty header in
    write_token = write_token if write_token and write_token.strip() else None
    # read-only, a mistyped database path is an error, not an empty new database
    store = open_store(store_url, create=write_token is not None)
    lock = ViewsFirst()  # one comparison at a time, a view's before the background's
    comparer = StoryComparer(store, lock, fact_settings) if warm else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if comparer is not None:
            comparer.start()
        yield
        if comparer is not None:
            comparer.close()
        store.close()

    app = FastAPI(
        title="storydiff",
        description="diff for news: stored stories, how each outlet reported them. [Back to the stories](/)",
        version=storydiff.__version__,
        lifespan=lifespan,
        docs_url=None,  # FastAPI's own /docs and /redoc load their scripts from a CDN
        redoc_url=None,
    )
    app.state.store = store
    docs_assets = swagger_ui_dir()
    if docs_assets is not None:  # mounted before /static, which would otherwise answer for it
        app.mount(DOCS_ASSETS, StaticFiles(directory=docs_assets), name="docs-assets")
    static_dir = resources.files("storydiff.serve") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    from storydiff.serve.api_watch import add_routes

    add_routes(app, store)  # before the article routes: /api/articles/ID/revisions is its own

    from fastapi.exception_handlers import request_validation_exception_handler
    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def pages_answer_bad_queries_in_html(request: Request, exc: RequestValidationError):
        """The web app's pages answer a bad query ("/?offset=-1") with a page saying what is wrong,
        as the API answers its clients in JSON."""
        if request.url.path.startswith("/api/") or request.url.path in _DOCS_PATHS:
            return await request_validation_exception_handler(request, exc)
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
                    for e in exc.errors()]
        return _render("web_bad_request.html", 422, title="bad request", problems=problems)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if request.url.path.startswith(_UNCOUNTED):  # health checks and assets wait for nothing
            response = await call_next(request)
        else:
            with lock.request():  # the background comparer waits while a request is answered
                response = await call_next(request)
        docs = request.url.path in _DOCS_PATHS
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else PAGE_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def require_writer(request: Request) -> None:
        if write_token is None:
            raise HTTPException(
                403,
                "writes are disabled: start the server with a token (storydiff serve --token T, or "
                "set STORYDIFF_TOKEN) and send it as 'Authorization: Bearer T'",
            )
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode("utf-8"), write_token.encode("utf-8")
        ):
            raise HTTPException(
                401, "missing or wrong bearer token", headers={"WWW-Authenticate": 'Bearer realm="storydiff"'}
            )

    def load_story(sid: str) -> tuple[Story | None, list[Article]]:
        """The stored comparison, else one computed now (and stored by compare_stored_story)."""
        from storydiff.pipeline import compare_stored_story

        story = store.get_story(sid)
        # "cross-encoder+e5": the same matcher, which also read sentences in other languages
        if story is not None and story.fact_tier.split("+")[0] == tier:
            by_id = {a.id: a for a in store.articles(story_id=sid)}
            if all(i in by_id for i in story.article_ids):
                return story, [by_id[i] for i in story.article_ids]
        with lock.view():
            return compare_stored_story(store, sid, fact_settings, with_analysis=False)

    # -- pages --------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index_page(limit: int = list_limit(200), offset: int = Offset):
        offset = max(0, offset)
        rows = store.stories(limit=limit + 1, offset=offset)  # one more: is there a next page?
        return _render(
            "web_index.html",
            title="storydiff: stories",
            stories=rows[:limit],
            n_errors=len(store.failures()),
            limit=limit,
            offset=offset,
            more=len(rows) > limit,
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        sid, matches = store.find_story(story_id)
        if sid is not None and sid != story_id:
            return RedirectResponse(app.url_path_for("story_page", story_id=sid), status_code=308)
        story, articles = load_story(sid) if sid else (None, [])
        if story is None:
            hint = f"Give at least {MIN_ID_PREFIX} characters of an id." if len(story_id) < MIN_ID_PREFIX else None
            return _render("web_missing.html", 404, title="no such story", what="story", ident=story_id,
                           candidates=matches, hint=None if matches else hint)
        from storydiff.pipeline import stored_edits

        view = build_view(story, articles, stored_edits(store, story.article_ids))
        return _render("web_story.html", title=view.headline, v=view)

    @app.get("/article", response_class=HTMLResponse, include_in_schema=False)
    def article_page_by_query(id: str):  # "id": the query parameter article_href writes
        return article_page(id)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str):
        a = store.get_article(article_id)
        if a is None:
            return _render("web_missing.html", 404, title="no such article", what="article", ident=article_id)
        from storydiff.pipeline import stored_edits

        sid = store.story_of(a.id)
        paragraphs = [p.strip() for p in a.text.split("\n") if p.strip()]
        return _render(
            "web_article.html",
            title=a.title or a.id,
            a=a,
            story_id=store.resolve_story(sid) if sid else None,
            paragraphs=paragraphs,
            edits=stored_edits(store, [a.id]).get(a.id, []),
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page():
        return _render("docs.html", title="storydiff API", assets=DOCS_ASSETS if docs_assets else None)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():  # asked for by clients that read no <link rel="icon">
        return RedirectResponse("/static/favicon.svg", status_code=308)

    @app.get("/errors", response_class=HTMLResponse, include_in_schema=False)
    def errors_page():
        return _render("web_errors.html", title="storydiff: quarantined items", failures=store.failures())

    # -- JSON -----------------------------------------------------------------------------------

    @app.get("/healthz")
    def healthz():
        """Whether the database can be read: {"status": "ok"}, else 503 with the reason."""
        try:
            store.stories(limit=1)
        except SQLAlchemyError as e:
            return JSONResponse({"status": "error", "reason": f"{type(e).__name__}: {str(e)[:200]}"}, 503)
        return {"status": "ok"}

    @app.get("/api/stories")
    def api_stories(limit: int = list_limit(100), offset: int = Offset):
        """Stories, most recently published first; ``offset`` skips that many (the next page)."""
        return [asdict(s) for s in store.stories(limit=limit, offset=max(0, offset))]

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str):
        """One story's comparison and its articles' metadata. A merged id, or a unique start of an
        id, redirects to the current id; a start shared by several ids is a 404 that lists them."""
        sid, matches = store.find_story(story_id)
        if sid is not None and sid != story_id:
            return RedirectResponse(app.url_path_for("api_story", story_id=sid), status_code=308)
        story, articles = load_story(sid) if sid else (None, [])
        if story is None:
            detail = f"no story {story_id!r}"
            if matches:
                detail += f"; it starts {len(matches)} ids: {', '.join(matches)}"
            elif len(story_id) < MIN_ID_PREFIX:
                detail += f" (give at least {MIN_ID_PREFIX} characters of an id)"
            raise HTTPException(404, detail)
        return {**story.to_dict(), "articles": [_article_meta(a) for a in articles]}

    @app.get("/api/articles/{article_id:path}")
    def api_article(article_id: str):
        """One stored article: text, metadata and what analysis found (quotes, origins, entities)."""
        from storydiff.pipeline import analyze_stored

        a = store.get_article(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id!r}")
        # Ingest stores the light analysis (no spaCy parse, to keep ingesting fast), so a stored
        # article has no quotes or entities yet: parse it now (~0.1 s), as compare does, or read
        # the parse its text was given before (a story's comparison keeps them)
        (a,) = analyze_stored(store, [a], entities=True)
        sid = store.story_of(a.id)
        return {**a.to_dict(), "story_id": store.resolve_story(sid) if sid else None}

    @app.get("/api/errors")
    def api_errors():
        """Quarantined items: what could not be ingested, and why."""
        return [_failure_dict(f) for f in store.failures()]

    @app.post("/api/articles", dependencies=[Depends(require_writer)])
    async def api_ingest(request: Request):
        """Ingest one article object or a list of them: {url?, title?, text | html, published?,
        outlet?, id?, authors?}. Needs ``Authorization: Bearer <token>``. Answers each item's
        status (stored, skipped, failed with its error) and its warnings (what ingest would print
        for it: an unreadable published dropped, lines of its text dropped as boilerplate)."""
        from starlette.concurrency import run_in_threadpool

        body = await _read_body(request, MAX_BODY_BYTES)
        try:
            payload = json.loads(body)
        except RecursionError:
            raise HTTPException(400, "body is not JSON this server reads: nested too deeply") from None
        except (UnicodeDecodeError, ValueError) as e:  # a 5,000-digit number is a ValueError too
            raise HTTPException(400, f"body is not JSON: {str(e)[:120]}") from None
        if not isinstance(payload, list | dict):  # the whole request is wrong, not one item of it
            raise HTTPException(400, f"body is a JSON {json_type(payload)}: send an article object or a list of them")
        records = payload if isinstance(payload, list) else [payload]
        if not records:
            raise HTTPException(400, "no items: send an article object or a non-empty list of them")
        if len(records) > MAX_ITEMS:
            raise HTTPException(413, f"{len(records)} items; at most {MAX_ITEMS} per request")
        return await run_in_threadpool(_ingest_records, records)

    def _ingest_records(records: list[Any]) -> dict[str, Any]:
        from functools import partial

        from storydiff.analyze import analyze_articles
        from storydiff.pipeline import ingest_stream

        results: list[dict[str, Any]] = [{"index": i} for i in range(len(records))]
        raws: list[RawItem] = []
        index_of: dict[str, int] = {}
        rejected: list[Failure] = []
        for i, rec in enumerate(records):
            raw = item_to_raw(rec)
            if isinstance(raw, Failure):  # quarantined too, as ingest does a file's bad row
                results[i].update(status="failed", error=raw.reason, source=raw.source)
                rejected.append(raw)
                continue
            results[i]["source"] = raw.source
            if raw.source in index_of:
                results[i].update(status="skipped", error="same item earlier in this request")
                continue
            index_of[raw.source] = i
            raws.append(raw)
        failed: dict[str, str] = {}

        for f in rejected:
            store.add_failure(f)
        # what this request stored or revised, by source (another request may store the same at once)
        stored_here: dict[str, Article] = {}

        skipped_here: dict[str, Article] = {}
        said: dict[int, list[str]] = {}  # by item index

        def placed(a: Article, outcome: str) -> None:
            # what extraction said of the item (a date dropped, lines dropped): in its result, as
            # ingest prints them on stderr
            if a.source in index_of:
                said[index_of[a.source]] = list(a.warnings)
            if outcome != "skipped":
                stored_here[a.source] = a
            else:
                skipped_here[a.source] = a

        # No app lock here: ingest_stream takes the store's placement lock a chunk at a time, so
        # a one-item upload is stored and placed between the chunks of a 1,000-item one.
        ingest_stream(
            store, raws, analyze=partial(analyze_articles, deep=False),
            on_failure=lambda f: failed.setdefault(f.source, f.reason), on_placed=placed, scope_reused_ids=False,
        )
        for source, i in index_of.items():
            r = results[i]
            if source in failed:
                r.update(status="failed", error=failed[source])
                continue
            mine = stored_here.get(source)
            if mine is not None:
                sid = store.story_of(mine.id)
                r.update(status="stored", article_id=mine.id, story_id=store.resolve_story(sid) if sid else None)
                if comparer is not None and r["story_id"]:
                    comparer.add(r["story_id"])
            elif _id_taken_by_another(skipped_here.get(source)):
                # a client's id is its key here (a repeat is skipped), but another article under
                # that id is no repeat: it was dropped as "already stored" (second QA pass)
                a = skipped_here[source]
                error = f"id {a.id!r} is already stored for another article: send this one under its own id"
                r.update(status="failed", error=error)
                store.add_failure(Failure(source, error, stage="store"))
            else:  # its id, url or content was already stored (under another source, or as other content)
                r.update(status="skipped", error="already stored")
        for i, r in enumerate(results):
            r["warnings"] = said.get(i, [])
        counts = {k: sum(1 for r in results if r.get("status") == k) for k in ("stored", "skipped", "failed")}
        return {**counts, "items": results}

    def _id_taken_by_another(article: Article | None) -> bool:
        """Whether a skipped upload's id holds a different article (not this text, nor an edit of it)."""
        from storydiff.compare.revisions import is_edit_of

        if article is None:
            return False
        stored = store.get_article(article.id)
        return (stored is not None and stored.content_hash != article.content_hash
                and not store.has_text(stored.id, article) and not is_edit_of(stored, article))

    _name_operations(app)
    return app


def _name_operations(app: FastAPI) -> None:
    """Each API operation in /docs named by its docstring's first clause ("Stories, most recently
    published first"), not by its function's name ("Api Stories"); under one tag, not "default"."""
    import re

    from fastapi.routing import APIRoute

    for route in app.routes:
        if isinstance(route, APIRoute) and route.include_in_schema:
            doc = " ".join((route.endpoint.__doc__ or "").split())
            first = re.split(r"[.:;]\s|\s\(", doc + " ", maxsplit=1)[0].strip()
            if first and not route.summary:
                route.summary = first.replace("`", "")  # no markdown in a summary line
            route.tags = route.tags or ["storydiff"]
