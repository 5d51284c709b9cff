"""Turning records into what a database column can hold, and back, losslessly.

Two hazards shape this: PostgreSQL text cannot hold NUL, and neither driver can encode a lone
surrogate (which Python strings may carry after a lossy decode). Records are stored as JSON, which
escapes NUL, and falls back to ASCII escapes when a surrogate is present, so the text round-trips
exactly. Lookup columns hold hashes, so a key of any length or content fits a unique index.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storydiff.code_version import comparison_code
from storydiff.records import (
    AlignedQuote,
    Article,
    Fact,
    QuoteVersion,
    SourceGroup,
    Story,
    content_hash,
    scoped_hash,
)

# Query parameters that only say how a reader arrived at a page, never which page it is.
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid"})


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def key_hash(value: str) -> str:
    """Fixed-size index key for any string (surrogates included)."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


# The one raw text the schema indexes is an article's id (articles.id, article_revisions.article_id;
# urls, sources, texts and failures are indexed by their key_hash, stories by generated ids).
# PostgreSQL's btree refuses an entry over 2,704 bytes, failing the whole transaction; SQLite has
# no such limit. Both refuse longer ids alike, by name, before writing (QA pass 18).
MAX_ID_BYTES = 2_600


def id_too_long(article_id: str) -> str | None:
    """Why ``article_id`` cannot be stored (its UTF-8 length over ``MAX_ID_BYTES``), or None."""
    size = len(article_id.encode("utf-8", "surrogatepass"))
    if size <= MAX_ID_BYTES:
        return None
    return f"article id is {size:,} bytes long in UTF-8; the store indexes at most {MAX_ID_BYTES:,}"


def item_key(source: str, raw_digest: str | None) -> str:
    """The stored key of an item read from ``source``: the same file read again is the same item;
    new content at the same path or on stdin is a new one. (Articles stored before items had a
    digest keep their source-only key; a re-run of those re-extracts, and the article-level
    checks on id, url and content still skip them.)"""
    return key_hash(source if raw_digest is None else f"{source}\x00{raw_digest}")


def headline_key(outlet: str | None, title: str | None) -> str | None:
    """The stored key of an article's outlet and headline (``articles.headline_key``), where a
    copy of a stored page read without its URL is looked for; None without either."""
    return key_hash(f"{outlet}\x00{title}") if outlet and title else None


def source_path_key(source: str | None) -> str | None:
    """The stored key of where an article's current text was read (``articles.path_key``): a
    file's path, stdin, a record's place in its file; whatever its content."""
    return key_hash(source) if source else None


def column_text(value: str | None) -> str | None:
    """A display copy that both databases accept: NUL and unencodable characters replaced.
    Never used where exactness matters (the JSON copy is exact)."""
    if value is None:
        return None
    return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")


def canonical_url(url: str | None) -> str | None:
    """The identity of a URL for duplicate detection.

    courlan's normalisation of scheme, host and path (the field's: lower-cased host, the scheme's
    default port dropped, the path's percent-encoding made one, no trailing "/" after a path),
    then: http treated as https and "www." dropped from the host (news sites redirect one to the
    other: QA pass 19a, 8, the outlet's correction at ".../300-odesa-port/" or "www." was a second
    article "contradicting" the first), no fragment. The query is storydiff's own: only tracking
    parameters dropped (utm_*, fbclid, ...; never courlan's wider list, which holds keys that name
    articles, such as cid and source), the rest sorted by key. The path and the rest of the query
    are kept, since both can name different articles."""
    if url is None:
        return None
    url = url.strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        if not parts.scheme or not parts.netloc:
            return url
        try:
            from courlan import normalize_url

            # courlan reads scheme, host and path only: its query filter drops keys that name
            # the article (cid, eid, uid, ref, source, aff*...: review 19b, 1, two alerts at
            # "?cid=5001" and "?cid=5002" became one article), so the query is storydiff's own.
            bare = normalize_url(parts._replace(query="", fragment=""), strict=False, trailing_slash=False)
            parts = urlsplit(bare)._replace(query=parts.query)
        except (ValueError, AttributeError, TypeError, UnicodeError):
            pass  # as urlsplit read it
        scheme = parts.scheme.lower()
        if scheme == "http":
            scheme = "https"
        host = (parts.hostname or "").rstrip(".").removeprefix("www.")
        port = parts.port
        host = f"[{host}]" if ":" in host else host  # IPv6
        netloc = host if port in (None, 80, 443) else f"{host}:{port}"
        kept = [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
        ]
        query = urlencode(sorted(kept, key=lambda kv: kv[0]))  # stable: a repeated key's values keep their order
        path = parts.path.rstrip("/") or "/"
        return urlunsplit((scheme, netloc, path, query, ""))
    except ValueError:  # malformed (bad port, broken IPv6 brackets): compare it as written
        return url


def article_content_hash(article: Article) -> str:
    """The stored content identity, ``Article.report_hash`` (text scoped by outlet). Databases
    written before the outlet counted keep their plain text hashes."""
    try:
        text_hash = article.content_hash
    except UnicodeEncodeError:  # lone surrogates: hash them as they are rather than fail
        norm = " ".join(article.text.split()).lower()
        text_hash = hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()
    return scoped_hash(text_hash, article.outlet)


def dated_content_hash(article: Article, content_key: str | None = None) -> str:
    """``article_content_hash`` (``content_key``, when the caller has it) scoped by the article's
    publication day: the content identity of the same outlet's text published again on another
    day at another address (a recurring alert's wording), which the plain one would refuse as
    the earlier article's repeat (review 21a, R6)."""
    key = content_key or article_content_hash(article)
    return scoped_hash(key, f"published:{(article.published or '').strip()[:10]}")


def members_key(rows) -> str:
    """The identity of a story's membership: its articles' (id, content hash) pairs as stored
    (the ``id`` and ``content_hash`` columns), in any order, and the comparison code that compared
    them (``code_version.comparison_code``). A comparison stored under one key is current while
    the story's articles still give that key and the code is the same: an upgrade compares again."""
    h = hashlib.sha256(comparison_code().encode())
    for article_id, content in sorted(rows):
        h.update(f"{article_id}\x00{content}\x01".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def article_members_key(articles) -> str:
    """``members_key`` of these articles, as the store would compute it from their rows."""
    return members_key((column_text(a.id), article_content_hash(a)) for a in articles)


def analysis_key(text: str, analyzer: str) -> str:
    """The key of a text's stored parse: the exact text (offsets point into it) and the analyzer
    that read it (the speaker rules and the spaCy model)."""
    return hashlib.sha256(f"{analyzer}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


_RAW = "~"  # marks JSON that holds lone surrogates, kept as their UTF-8 bytes (see dumps)


def dumps(obj: Any) -> str:
    """JSON text any driver can encode, that ``loads`` turns back into exactly ``obj``.

    Lone surrogates cannot be encoded, and JSON's own ``\\udXXX`` escapes are not exact either
    (the decoder fuses an escaped high+low pair into one character). So such JSON is stored as its
    surrogate-passing UTF-8 bytes spelled one character per byte, marked by a leading ``~``."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _RAW + text.encode("utf-8", "surrogatepass").decode("latin-1")
    return text


def loads(text: str) -> Any:
    if text.startswith(_RAW):
        text = text[1:].encode("latin-1").decode("utf-8", "surrogatepass")
    return json.loads(text)


def article_dict(a: Article) -> dict[str, Any]:
    """``Article.to_dict()`` without ``dataclasses.asdict``'s recursive deep copy, which is most
    of the cost of storing an analysed article (a test checks the two agree)."""
    d = {}
    for f in _ARTICLE_FIELDS:
        v = getattr(a, f)
        if f in ("quotes", "origins", "entities"):
            v = [dict(vars(x)) for x in v]
        elif f == "sentences":
            v = [list(span) for span in v]
        elif isinstance(v, list):
            v = list(v)
        d[f] = v
    d["cited_origins"] = a.cited_origins
    return d


_ARTICLE_FIELDS = tuple(f for f in Article.__dataclass_fields__ if f != "warnings")  # to_dict's fields


def article_to_json(article: Article) -> str:
    return dumps(article_dict(article))


def article_from_json(text: str) -> Article:
    return Article.from_dict(loads(text))


def story_to_json(story: Story) -> str:
    return dumps(story.to_dict())


def story_from_dict(d: dict[str, Any]) -> Story:
    """Inverse of ``Story.to_dict`` (nested records rebuilt, diff pairs back to tuples)."""
    return Story(
        id=d["id"],
        article_ids=list(d.get("article_ids", [])),
        origins=list(d.get("origins", [])),
        independent_sources=int(d.get("independent_sources", 0)),
        source_groups=[SourceGroup(**g) for g in d.get("source_groups", [])],
        quotes=[
            AlignedQuote(
                speaker=q.get("speaker"),
                versions=[
                    QuoteVersion(**{**v, "diff": [tuple(p) for p in v.get("diff", [])]})
                    for v in q.get("versions", [])
                ],
                speaker_conflict=q.get("speaker_conflict"),
            )
            for q in d.get("quotes", [])
        ],
        facts=[Fact(**f) for f in d.get("facts", [])],
        timeline=list(d.get("timeline", [])),
        fact_tier=str(d.get("fact_tier", "lexical")),
        not_compared=int(d.get("not_compared", 0)),
    )


def story_from_json(text: str) -> Story:
    return story_from_dict(loads(text))


__all__ = [
    "analysis_key",
    "article_content_hash",
    "dated_content_hash",
    "article_members_key",
    "article_from_json",
    "article_to_json",
    "canonical_url",
    "column_text",
    "content_hash",
    "id_too_long",
    "key_hash",
    "members_key",
    "now_iso",
    "story_from_json",
    "story_to_json",
]
