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
from collections.abc import Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError

import storydiff
from storydiff.compare.quotes import mark_speaker_conflicts
from storydiff.fetch.sources import shown_failure
from storydiff.ingest.formats import json_type
from storydiff.records import Article, Failure, RawItem, Story
from storydiff.serve.html import article_href, template_env  # noqa: F401 - article_href: the app's link scheme
from storydiff.serve.story_comparer import StoryComparer, ViewsFirst
from storydiff.serve.view import build_view
from storydiff.settings import FactSettings
from storydiff.store.base import MIN_ID_PREFIX

__all__ = ["MAX_BODY_BYTES", "MAX_ITEMS", "create_app"]

# one POST: 20 MiB, a little over IngestSettings.max_item_bytes (20 MB), so one item at the item limit
# fits a request and fails by itself, as in files, rather than refusing the request
MAX_BODY_BYTES = 20 * 1024 * 1024
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
# the write token's scheme, as the OpenAPI schema declares it; require_writer answers for it
BEARER = HTTPBearer(auto_error=False, scheme_name="bearerToken",
                    description="the server's write token (storydiff serve --token T, or STORYDIFF_TOKEN)")






def _render(template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(**ctx), status_code=status_code)


def _article_meta(a: Article) -> dict[str, Any]:
    return a.metadata()


def _failure_dict(f: Failure) -> dict[str, str]:
    f = shown_failure(f)
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


def _item_fields() -> tuple[str, ...]:
    """The fields an uploaded item may have: every field file ingest reads from an export row
    (``ingest.formats.record_to_item``: storydiff's names, the text and HTML fields, ``modified`` /
    ``updated``, and the vendor names of ``FIELD_ALIASES``). The API refused ``modified``, ``body``,
    ``headline``, ``publishedAt``... that a file of the same rows was read with (QA pass 19a, 9)."""
    from storydiff.ingest.formats import EXPORT_HTML_FIELDS, EXPORT_TEXT_FIELDS, FIELD_ALIASES, TIME_FIELDS

    own = ("id", "url", "title", "text", "html", "published", "modified", "outlet", "authors")
    names = [*own, *TIME_FIELDS, *EXPORT_TEXT_FIELDS, *EXPORT_HTML_FIELDS,
             *(a for aliases in FIELD_ALIASES.values() for a in aliases)]
    return tuple(dict.fromkeys(names))


_ITEM_FIELDS = _item_fields()


def _item_body(rec: dict[str, Any]) -> str | None:
    """The text or HTML that ``record_to_item`` reads from ``rec`` (HTML first), or None."""
    from storydiff.ingest.formats import EXPORT_HTML_FIELDS, EXPORT_TEXT_FIELDS

    fields = (*EXPORT_HTML_FIELDS, *EXPORT_TEXT_FIELDS)
    return next((rec[f] for f in fields if isinstance(rec.get(f), str) and rec[f].strip()), None)


def item_source(rec: dict[str, Any]) -> str:
    """Where an uploaded item came from, stable across re-uploads so a repeat is skipped: its URL,
    else its id, else its text and outlet. The same wire copy from two outlets is two items, as
    two rows of a file are (QA pass 19a, 3: keyed on the text alone, the second outlet's copy was
    "already stored"); without an outlet the text alone keys it, as before."""
    from storydiff.ingest.formats import export_record

    if isinstance(rec.get("url"), str) and rec["url"].strip():
        return "api:" + rec["url"].strip()
    if rec.get("id") not in (None, ""):
        return f"api:id:{rec['id']}"
    named = export_record(rec)  # a vendor's "source": {"name": ...} is the outlet
    body = _item_body(named)
    if body is None:
        # no text: the item as a whole (two different text-less items shared the key of "None" and
        # one quarantine entry; second QA pass)
        body = json.dumps(rec, sort_keys=True, default=str, ensure_ascii=False)
    elif isinstance(named.get("outlet"), str) and named["outlet"].strip():
        body += "\x00" + named["outlet"].strip().lower()
    return "api:sha1:" + hashlib.sha1(body.encode("utf-8", "replace")).hexdigest()[:16]


def item_to_raw(rec: Any) -> RawItem | Failure:
    """One uploaded object → RawItem, or a Failure saying what is wrong with it."""
    from storydiff.ingest.formats import export_record, field_type_error, record_to_item
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
    if unknown:  # a typo ("titel") is said, not dropped in silence
        allowed = ", ".join(_ITEM_FIELDS)
        return Failure(
            source, f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {allowed}", "request"
        )
    # the check files get too (after the vendor names and an epoch number are read as files read
    # them); here the request is what is wrong
    wrong = field_type_error(export_record(rec))
    if wrong:
        return Failure(source, wrong, stage="request")
    item = record_to_item(source, rec, IngestSettings())
    return clean_item(item) if isinstance(item, RawItem) else item


def by_key_kind(raws: list[RawItem]) -> list[tuple[bool, list[RawItem]]]:
    """``raws`` in two groups, each in order: items a client's id or a URL names, then items named by
    their text (no url, no id). A client's id is its key (another article under it is refused by
    name); an item named by its text gets the id of its content, and the same text from another
    outlet is another article, stored under that id scoped by its outlet as file ingest stores it
    (QA pass 19a, 3). Such an item is no version of any other (it has no URL or id to share), so
    storing it after the rest changes nothing. Two groups, not one ingest run per run of either kind:
    400 records alternating them took 6.4x ingest_stream's time so (bench/api_ingest.py)."""
    keyed = [r for r in raws if r.meta.get("id") is not None or r.url]
    by_text = [r for r in raws if not (r.meta.get("id") is not None or r.url)]
    return [(scoped, group) for scoped, group in ((False, keyed), (True, by_text)) if group]


ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One article. Give 'text' (the article's text) or 'html' (its page); file ingest's "
                   "other names for the fields (vendor exports: headline, body, publishedAt, source.name...) "
                   "are read too.",
    "properties": {
        "id": {"type": ["string", "integer"], "description": "your key for the article; a repeat is skipped"},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "text": {"type": "string"},
        "html": {"type": "string"},
        "published": {"type": ["string", "number"], "description": "ISO 8601, a date, or epoch seconds"},
        "modified": {"type": ["string", "number"],
                     "description": "when this text was last changed: orders two versions of one article"},
        "outlet": {"type": "string"},
        "authors": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    },
    "additionalProperties": True,  # the aliases; an unknown field is refused by name
}


class _NotDecoded(ValueError):
    """A request body no text encoding reads."""


def _body_text(body: bytes, content_type: str | None) -> tuple[bytes | str, int]:
    """The body as JSON reads it: UTF-8 first (RFC 8259; a UTF-8 body labelled ISO-8859-1 was stored
    as mojibake, review 24b M2), else UTF-16/32 as ``json.loads`` detects them, else the charset
    its Content-Type declares; a UTF-8 body with a few invalid byte sequences (one item's title
    copied from a Windows-1257 page) is read with U+FFFD in their place, as file ingest reads such
    a row, and the items holding them say so: one bad byte rejected all 50 items of a batch (QA
    pass 24b, 04). With the count of sequences replaced."""
    import codecs

    from storydiff.ingest.decode import decode_counting

    declared = _charset(content_type)
    try:
        codec = codecs.lookup(declared).name if declared else None
    except LookupError:
        raise _NotDecoded(f"unknown charset {declared!r} in Content-Type") from None
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in body[:4] or (codec or "").startswith("utf-16"):
        if codec and codec.startswith(("utf-16", "utf-32")):
            try:
                return body.decode(codec).removeprefix("\ufeff"), 0  # a BOM decoded by a BOM-less codec name
            except UnicodeDecodeError as e:
                raise _NotDecoded(f"body is not {declared}: {str(e)[:120]}") from None
        return body, 0  # UTF-16/32 with its mark or zero bytes: json.loads detects it
    body = body.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark
    try:
        return body.decode("utf-8"), 0
    except UnicodeDecodeError as e:
        error = str(e)[:120]
    if codec and codec not in ("utf-8", "utf-8-sig"):
        try:
            return body.decode(codec).removeprefix("\ufeff"), 0
        except UnicodeDecodeError as e:
            raise _NotDecoded(f"body is neither UTF-8 nor {declared}: {str(e)[:120]}") from None
    text, bad = decode_counting(body, "utf-8")
    # a few invalid sequences in a UTF-8 body (one per hundred bytes at most, or fewer than its
    # valid non-ASCII letters): replaced; more is a body in another charset (a Cyrillic one has an
    # invalid sequence for each letter), which it must declare
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if bad * 100 <= len(body) or good > bad:
        return text, bad
    said = "is not UTF-8" if codec else "is not UTF-8 and declares no charset"
    raise _NotDecoded(f"body {said}: {error}")


def _charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, lower-cased, or None."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past ``limit`` bytes (declared or actually sent)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            too_big = int(declared) > limit
        except ValueError:
            raise HTTPException(400, "invalid Content-Length header") from None
        if too_big:
            raise HTTPException(413, f"request body over the {limit / 2**20:.3g} MiB limit")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:  # a chunked upload declares no length: count what arrives
            raise HTTPException(413, f"request body over the {limit / 2**20:.3g} MiB limit")
        chunks.append(chunk)
    return b"".join(chunks)


# -- the app ----------------------------------------------------------------------------------


_UNCOUNTED = ("/healthz", "/static/", "/favicon")

# the names a browser on this machine reaches a loopback server by: create_app's default Host names
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"  # in allowed_hosts: every name is answered (a server the user chose to make public)


def _host_name(header: str) -> str:
    """The name a Host header carries, without its port ("[::1]:8000" is "::1"); "" when unreadable."""
    try:
        return (urlsplit("//" + header.strip()).hostname or "").lower()
    except ValueError:
        return ""


def create_app(
    store_url: str | None = None,
    token: str | None = None,
    fact_settings: FactSettings | None = None,
    *,
    warm: bool = False,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The web app over the database at ``store_url`` (default: STORYDIFF_DB, else ./storydiff.db).

    ``token`` (else env STORYDIFF_TOKEN) enables writes for clients that send it as a bearer
    token. ``fact_settings`` choose the claim matcher of the stories it compares (a cached
    comparison made by the other matcher is made again). With ``warm`` (``storydiff serve``), a
    background thread loads the models a comparison needs as the server starts, then compares and
    stores the newest stories and every story an upload adds to (``StoryComparer``): a view reads
    a stored comparison instead of computing one. ValueError if the database cannot be opened, or, with
    writes off, does not exist. ``allowed_hosts``: the names a request's Host header may carry,
    others refused with 400: a web page that rebinds its own name to 127.0.0.1 could otherwise read
    the database through the user's browser (review 23a, F5). None: the loopback names
    (``LOOPBACK_NAMES``), so an app embedded and served on this machine is safe as ``storydiff
    serve`` is (review 26); ``["*"]`` (``ANY_HOST``): any, for a server reached by its public names."""
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

    # before the article routes: /api/articles/ID/revisions is its own
    add_routes(app, store, article=lambda article_id: api_article(article_id))

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

    names = LOOPBACK_NAMES if allowed_hosts is None else allowed_hosts
    if isinstance(names, str):  # allowed_hosts="news.lan" would otherwise allow "n", "e", "w", ...
        names = (names,)
    hosts = None if ANY_HOST in names else frozenset(h.lower().strip("[]").rstrip(".") for h in names)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        # no Host at all (HTTP/1.0, a health probe) is no rebinding page, which always sends its name
        host = request.headers.get("host")
        if hosts is not None and host is not None and _host_name(host).rstrip(".") not in hosts:
            return PlainTextResponse("this server answers only to its own address (Host header refused)", 400)
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

    def require_writer(request: Request, _bearer: Any = Depends(BEARER)) -> None:
        # BEARER only declares the scheme in the OpenAPI schema (/docs' "Authorize"); the checks are here
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
            n_errors=store.count_failures(),
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
    def errors_page(limit: int = list_limit(200), offset: int = Offset):
        # a page at a time: a hostile listing makes failures cheaply (100,000 rows: 21 MB, 3.7 s)
        return _render("web_errors.html", title="storydiff: quarantined items",
                       failures=[shown_failure(f) for f in store.failures(limit=limit, offset=offset)],
                       total=store.count_failures(),
                       limit=limit, offset=offset)

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
        mark_speaker_conflicts(story.quotes, articles)  # (a story stored before quotes carried it)
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
        gone = store.taken_down([a.id]).get(a.id)
        return {**a.to_dict(), "story_id": store.resolve_story(sid) if sid else None,
                # {"status": 410, "at": ...} once its outlet took the page down; null while it answers
                "taken_down": gone.to_dict() if gone else None}

    @app.get("/api/errors")
    def api_errors(limit: int = list_limit(LIST_LIMIT_MAX), offset: int = Offset):
        """Quarantined items, first quarantined first: what could not be ingested, and why
        (``limit``/``offset``: a page of them; ``/api/errors/count`` says how many there are)."""
        return [_failure_dict(f) for f in store.failures(limit=limit, offset=offset)]

    @app.get("/api/errors/count")
    def api_errors_count():
        """How many items are quarantined."""
        return {"count": store.count_failures()}

    @app.post("/api/articles", dependencies=[Depends(require_writer)], openapi_extra={"requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"oneOf": [
            ITEM_SCHEMA, {"type": "array", "items": ITEM_SCHEMA, "minItems": 1, "maxItems": MAX_ITEMS}]}}},
    }})
    async def api_ingest(request: Request):
        """Ingest one article object or a list of them: {url?, title?, text | html, published?,
        modified?, outlet?, id?, authors?}, or the field names file ingest reads (README). Needs ``Authorization: Bearer <token>``. Answers each item's
        status (stored, skipped, failed with its error) and its warnings (what ingest would print
        for it: an unreadable published dropped, lines of its text dropped as boilerplate)."""
        from starlette.concurrency import run_in_threadpool

        body = await _read_body(request, MAX_BODY_BYTES)
        try:
            text, replaced = _body_text(body, request.headers.get("content-type"))
            payload = json.loads(text)
        except _NotDecoded as e:
            raise HTTPException(400, str(e)) from None
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
        return await run_in_threadpool(_ingest_records, records, replaced)

    def _ingest_records(records: list[Any], replaced: int = 0) -> dict[str, Any]:
        from functools import partial

        from storydiff.analyze import analyze_articles
        from storydiff.pipeline import ingest_stream

        results: list[dict[str, Any]] = [{"index": i} for i in range(len(records))]
        raws: list[RawItem] = []
        # items by (source, digest): two versions of one article (one URL or id, two texts) in
        # one request are two items, stored in order as a file's two rows are (QA pass 19a, 2)
        index_of: dict[tuple[str, str], int] = {}
        request_source: dict[int, str] = {}  # the name a request-stage failure of the item had
        rejected: list[Failure] = []
        for i, rec in enumerate(records):
            raw = item_to_raw(rec)
            if isinstance(raw, Failure):  # quarantined too, as ingest does a file's bad row
                results[i].update(status="failed", error=raw.reason, source=raw.source)
                rejected.append(raw)
                continue
            results[i]["source"] = raw.source
            request_source[i] = item_source(rec)
            if (raw.source, raw.digest) in index_of:
                results[i].update(status="skipped", error="same item earlier in this request")
                continue
            index_of[(raw.source, raw.digest)] = i
            raws.append(raw)

        for f in rejected:
            store.add_failure(f)
        # (source, digest) of what was stored before this request: skipped by ingest_stream unread
        repeats = store.stored_items(list(index_of)) if index_of else set()
        failed: dict[str, list[str]] = {}  # reasons by source, in input order
        outcome_of: dict[int, tuple[str, Article]] = {}  # by item index
        said: dict[int, list[str]] = {}  # by item index

        def placed(a: Article, outcome: str) -> None:
            i = index_of.get((a.source, a.raw_digest or ""))
            if i is None:
                return
            # what extraction said of the item (a date dropped, lines dropped): in its result, as
            # ingest prints them on stderr
            said[i] = list(a.warnings)
            outcome_of[i] = (outcome, a)

        # No app lock here: ingest_stream takes the store's placement lock a chunk at a time, so
        # a one-item upload is stored and placed between the chunks of a 1,000-item one.
        for scoped, group in by_key_kind(raws):
            ingest_stream(
                store, group, analyze=partial(analyze_articles, deep=False),
                on_failure=lambda f: failed.setdefault(f.source, []).append(f.reason), on_placed=placed,
                scope_reused_ids=scoped,
            )
        # a failure names its source only: the items of that source that were neither repeats
        # nor placed failed, in order
        unplaced = [(key, i) for key, i in index_of.items() if i not in outcome_of and key not in repeats]
        for (source, _digest), i in unplaced:
            reasons = failed.get(source)
            if reasons:
                results[i].update(status="failed", error=reasons.pop(0))
        for i in index_of.values():
            r = results[i]
            if "status" in r:
                continue
            outcome, a = outcome_of.get(i, ("skipped", None))
            if outcome != "skipped" and a is not None:
                sid = store.story_of(a.id)
                r.update(status="stored", article_id=a.id, story_id=store.resolve_story(sid) if sid else None)
                if request_source[i] != a.source:
                    # the item failed before as a request (no text, a number for its title) under
                    # the name it had before its id was read: stored now, it is no error any more
                    store.clear_failure(request_source[i])
                if comparer is not None and r["story_id"]:
                    comparer.add(r["story_id"])
            elif _id_taken_by_another(a):
                # a client's id is its key here (a repeat is skipped), but another article under
                # that id is no repeat: it was dropped as "already stored" (second QA pass)
                error = f"id {a.id!r} is already stored for another article: send this one under its own id"
                r.update(status="failed", error=error)
                store.add_failure(Failure(a.source, error, stage="store"))
            else:  # its id, url or content was already stored (under another source, or as other content)
                r.update(status="skipped", error="already stored")
        for i, r in enumerate(results):
            r["warnings"] = said.get(i, [])
            if replaced and "\ufffd" in json.dumps(records[i], ensure_ascii=False):
                # the item the body's invalid bytes fell in, named as file ingest names a row
                r["warnings"].insert(0, "invalid UTF-8 byte sequence(s) in this item replaced with U+FFFD")
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
