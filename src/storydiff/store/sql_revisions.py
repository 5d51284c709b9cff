"""Article revisions on SQLAlchemy Core (a mixin of ``SqlStore``): the ``articles`` row holds the
latest text, ``article_revisions`` the texts it replaced."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import func, or_, select, update

from storydiff.dates import is_bare_date, parse_iso_utc, sortable_time
from storydiff.records import FEED_SUMMARY, Article, same_headline
from storydiff.store import codec
from storydiff.store.base import Revision
from storydiff.store.schema import article_revisions, articles

_IN_CHUNK = 500


class Times(NamedTuple):
    """What orders the versions of one article: its page's modified, capture and publication
    times, and whether its text is a feed's summary standing in for the page."""

    modified: str | None
    captured: str | None
    published: str | None
    summary: bool = False


def _times(data: str) -> Times:
    """A stored article JSON's ``Times``."""
    d = codec.loads(data)
    return Times(d.get("modified"), d.get("captured"), d.get("published"), d.get("text_from") == FEED_SUMMARY)


def _same_headline(data: str, article: Article) -> bool:
    """Whether the stored article JSON ``data`` gives ``article``'s headline (``same_headline``)."""
    d = codec.loads(data)
    return same_headline(Article(id="", source="", text="", title=d.get("title"), outlet=d.get("outlet")), article)


def _same_time_given(data: str, article: Article) -> bool:
    """Whether the stored article JSON ``data`` and ``article`` give one publication time as their
    pages gave it: a time the outlet moved back is an edit of its own (QA pass 23b, 09)."""
    d = codec.loads(data)
    return sortable_time(d.get("published_as_given") or d.get("published")) == sortable_time(
        article.published_as_given or article.published)


def article_times(article: Article) -> Times:
    return Times(article.modified, article.captured, article.published, article.text_from == FEED_SUMMARY)


def _instant(value: str | None):
    """``value`` as an instant, None for none, an unreadable one or a bare day (no time to order by)."""
    return parse_iso_utc(value) if value and not is_bare_date(value) else None


def future_modified(modified: str | None, seen: str | None = None) -> bool:
    """Whether ``modified`` lies more than a day after ``seen`` (a capture time; else now): a CMS's
    typo (2027 for 2026), no time to order versions by. Trusted, it kept that version current for
    good, every later correction put below it without a word (review 22a, R5); a publication
    date in the future of the crawl is dropped the same way (``extract``)."""
    at = _instant(modified)
    if at is None:
        return False
    reference = parse_iso_utc(seen) if seen else None
    return at > (reference or datetime.now(UTC)) + timedelta(days=1)


def _modified(t: Times):
    """The modified time of ``t`` as an instant, None for none or one in the future."""
    return None if future_modified(t.modified, t.captured) else _instant(t.modified)


def _older(new: Times, other: Times, other_seen: str | None = None) -> bool:
    """Whether the text of ``new`` is older than the text of ``other``. A feed's summary stands in
    for its page whatever its entry's date: the page's text is never older. Else the pages' own
    modified times decide when both give one and they differ (QA round 15: a colleague's copy
    saved at 06:50 read after the 10:05 correction became the current text, "figure 9 → 8").
    When only one gives one, the other text is dated by its capture, else its publication time
    (``versions.rules.version_time``, as ``compare`` orders versions): an export row without
    ``updated`` is no newer than its own ``published`` (QA pass 18: the original row re-sent
    after the 18:00 correction became the current text, "three people" again). Else capture
    times (QA round 14: a WARC's captures out of file order). A text with no capture time was
    seen when it was stored (``other_seen``): an archive's month-old capture read after today's
    page goes below it (a review's finding). Times are compared as instants (offsets count),
    never as strings; a bare day is no time to order by."""
    if other.summary and not new.summary:
        return False
    new_mod, other_mod = _modified(new), _modified(other)
    if new_mod and other_mod and new_mod != other_mod:
        return new_mod < other_mod
    dated = _dated_by_one_modified(new, other)
    if dated is not None and dated[0][1] != dated[1][1]:
        return dated[0][1] < dated[1][1]
    captured = parse_iso_utc(new.captured)
    if captured is None:
        return False
    than = parse_iso_utc(other.captured) or parse_iso_utc(other_seen)
    return than is not None and captured < than


def _dated_by_one_modified(new: Times, other: Times):
    """When exactly one of the two texts gives a modified time (``_older``): each text's
    ``(what, instant)``, the other one dated by its capture, else its publication time; None
    when that rule does not apply or a text has no time."""
    def dated(t: Times):
        for what in ("modified", "captured", "published"):
            if (at := _modified(t) if what == "modified" else _instant(getattr(t, what))) is not None:
                return what, at
        return None

    if (_modified(new) is None) == (_modified(other) is None):
        return None
    new_at, other_at = dated(new), dated(other)
    return (new_at, other_at) if new_at and other_at else None


def dated_below(new: Times, other: Times) -> str | None:
    """Why ``new``, read after ``other`` (the current text), goes below it only because one of the
    two gives no modified time and is dated by its publication or capture time (``_older``): a
    correction re-sent with only ``published`` also goes below a page stamped a minute after
    publishing (review 18b). The rule stays (an original row re-read after its corrections must
    not become current, QA pass 18), but ingest says so for the item; None when another rule
    decides or ``new`` is not put below. Put below by the two modified times, it is said too
    (review 22a, R5: the current text's time may be wrong)."""
    if other.summary and not new.summary:
        return None
    new_mod, other_mod = _modified(new), _modified(other)
    if new_mod and other_mod and new_mod < other_mod:
        return (f"read later but modified earlier ({new_mod.isoformat()} < {other_mod.isoformat()} of the "
                "current text): kept as an earlier revision")
    dated = _dated_by_one_modified(new, other)
    if dated is None or not dated[0][1] < dated[1][1]:
        return None
    (new_what, new_at), (other_what, other_at) = dated
    return (f"read later but dated earlier ({new_what} {new_at.isoformat()} < {other_what} "
            f"{other_at.isoformat()}): kept as an earlier revision")


class RevisionsMixin:
    def article_by_url(self, url: str) -> Article | None:
        canon = codec.canonical_url(url)
        if canon is None:
            return None
        with self._read() as conn:
            data = conn.execute(select(articles.c.data).where(articles.c.url_key == codec.key_hash(canon))).scalar()
        return codec.article_from_json(data) if data is not None else None

    def articles_published_at(self, outlet: str, published: str) -> list[Article]:
        when = sortable_time(published)
        if when is None:
            return []
        a = articles.c
        q = select(a.data).where(a.outlet == codec.column_text(outlet), a.published == when).order_by(a.seq)
        with self._read() as conn:
            return [codec.article_from_json(d) for d in conn.execute(q.limit(50)).scalars().all()]

    def articles_titled(self, outlet: str, title: str) -> list[Article]:
        a = articles.c
        key = codec.headline_key(outlet, title)
        if key is None:
            return []
        q = select(a.data).where(a.headline_key == key).order_by(a.seq.desc()).limit(20)
        with self._read() as conn:
            return [codec.article_from_json(d) for d in conn.execute(q).scalars().all()]

    def articles_scoped_from(self, article_id: str) -> list[Article]:
        from storydiff.store.base import is_scoped_id

        # A range on the id index: ids from "<id>~" up to "<id>\x7f" ("~" is 0x7e), of the scoped
        # length (review 19b, 2: LIKE scanned the table, 188 ms a lookup on 200k rows; SQLite's
        # LIKE folds case, so its BINARY id index was unusable). Byte order is what makes it a
        # prefix range: SQLite's id index is BINARY; on PostgreSQL the comparison is COLLATE "C",
        # served by articles_id_bytes (v12), since a database's own collation may not order "~"
        # by code point. The exact shape is checked before the limit, so no near-miss (a
        # "<id>~x~12345678" of another id) pushes the real one out.
        given, article_id = article_id, codec.column_text(article_id)
        column = articles.c.id
        if self.engine.dialect.name == "postgresql":
            column = column.collate("C")
        q = (select(articles.c.id, articles.c.data)
             .where(column >= article_id + "~", column < article_id + "\x7f",
                    func.length(articles.c.id) == len(article_id) + 9)
             .order_by(articles.c.seq))
        with self._read() as conn:
            rows = conn.execute(q).all()
        found = [codec.article_from_json(data) for stored_id, data in rows if is_scoped_id(stored_id, article_id)]
        return [a for a in found if is_scoped_id(a.id, given)][:20]

    def articles_read_from(self, source: str) -> list[Article]:
        key = codec.source_path_key(source)
        if key is None:
            return []
        q = select(articles.c.data).where(articles.c.path_key == key).order_by(articles.c.seq.desc()).limit(20)
        with self._read() as conn:
            return [codec.article_from_json(d) for d in conn.execute(q).scalars().all()]

    def has_text(self, article_id: str, article: Article) -> bool:
        return self._readings_of(article_id, article, current_too=True) > 0

    def earlier_revisions_with_text(self, article_id: str, article: Article) -> int:
        return self._readings_of(article_id, article, current_too=False)

    def _readings_of(self, article_id: str, article: Article, *, current_too: bool) -> int:
        """How many of the article's texts (its earlier revisions; with ``current_too`` its
        current text as well) are ``article``'s text under its headline (``same_headline``: a
        correction of the headline alone is a revision of its own; review 21a, R1)."""
        # the text as keyed, or as keyed when published again another day (codec.dated_content_hash)
        text_hash = codec.article_content_hash(article)
        text_hashes = [text_hash, codec.dated_content_hash(article, text_hash)]
        article_id = codec.column_text(article_id)
        r, a = article_revisions.c, articles.c
        with self._read() as conn:
            if current_too:
                q = select(a.title, a.outlet).where(a.id == article_id, or_(*(a.content_hash == h for h in text_hashes)))
                row = conn.execute(q).first()
                # the display columns: the title as column_text stores it, compared as such
                if row is not None and same_headline(
                        Article(id="", source="", text="", title=row.title, outlet=row.outlet),
                        replace(article, title=codec.column_text(article.title))):
                    return 1
            q = select(r.data).where(r.article_id == article_id, or_(*(r.content_hash == h for h in text_hashes)))
            return sum(_same_headline(d, article) for d in conn.execute(q).scalars())

    def revise_article(self, article_id: str, article: Article, *, revert: bool = False,
                       reread: bool = False) -> int | None:
        from dataclasses import replace

        article_id = codec.column_text(article_id)
        article = replace(article, id=article_id) if article.id != article_id else article
        url = codec.canonical_url(article.url)
        new_hash = codec.article_content_hash(article)
        new_source = codec.item_key(article.source, article.raw_digest)
        data = codec.article_to_json(article)  # before the write lock: the JSON is the slow part
        entries = self._search_rows(article)
        a = articles.c
        with self._write() as conn:
            cur = conn.execute(
                select(a.seq, a.source_key, a.content_hash, a.url_key, a.data, a.revision, a.added_at, a.revised_at,
                       a.story_id).where(a.id == article_id)
            ).first()
            # a re-reading (the page of a stored paste) replaces the reading even with the same
            # text: it brings the URL
            if (cur is None or new_source == cur.source_key
                    or not reread and new_hash == cur.content_hash and _same_headline(cur.data, article)
                    and (article.published_as_given is None or _same_time_given(cur.data, article))):
                return None
            # the new text or item stored as another article (a wire copy), or read before as
            # an earlier revision of anything: a repeat, not an edit
            taken = conn.execute(
                select(a.seq).where(or_(a.content_hash == new_hash, a.source_key == new_source), a.seq != cur.seq).limit(1)
            ).first() or (not revert and conn.execute(
                select(article_revisions.c.seq).where(article_revisions.c.source_key == new_source).limit(1)
            ).first())
            if taken:
                return None
            # from a live source (``revert``: ``watch``) a text read before as an earlier revision
            # and served again is what the page says now, whatever its modified time: a page edited
            # with its modified time set back went below on first sight (as a CDN's stale copy of a
            # version never read does) and never became current while the page served it round
            # after round (QA pass 26a, 06; review 26)
            served_again = revert and conn.execute(
                select(article_revisions.c.seq).where(article_revisions.c.article_id == article_id,
                                                      article_revisions.c.content_hash == new_hash).limit(1)
            ).first() is not None
            if not (reread or served_again) and _older(article_times(article), _times(cur.data),
                                                        cur.revised_at or cur.added_at):
                # an older version read later: it goes below the current text
                return self._insert_earlier(conn, article_id, article, new_source, new_hash, data, cur.revision)
            url_key = cur.url_key
            if url is not None and codec.key_hash(url) != url_key:
                moved = codec.key_hash(url)  # same outlet's article id, new address: follow it if free
                if conn.execute(select(a.seq).where(a.url_key == moved)).first() is None:
                    url_key = moved
            number = cur.revision
            if not reread:  # the text it replaces stays as an earlier revision
                conn.execute(article_revisions.insert().values(
                    article_id=article_id, revision=cur.revision, source_key=cur.source_key,
                    content_hash=cur.content_hash, seen_at=cur.revised_at or cur.added_at, data=cur.data,
                ))
                number += 1
            conn.execute(update(articles).where(a.seq == cur.seq).values(
                source_key=new_source, path_key=codec.source_path_key(article.source), url_key=url_key,
                headline_key=codec.headline_key(article.outlet, article.title),
                content_hash=new_hash,
                outlet=codec.column_text(article.outlet), title=codec.column_text(article.title),
                published=sortable_time(article.published), data=data, revision=number,
                revised_at=cur.revised_at if reread else codec.now_iso(),
            ))
            self._drop_cached(conn, cur.story_id)  # the story now compares the new text
            self._reindex(conn, cur.seq, entries)
            return number

    def revisions(self, article_id: str) -> list[Revision]:
        article_id = codec.column_text(article_id)
        a, r = articles.c, article_revisions.c
        with self._read() as conn:
            cur = conn.execute(select(a.data, a.revision, a.added_at, a.revised_at).where(a.id == article_id)).first()
            if cur is None:
                return []
            earlier = conn.execute(
                select(r.revision, r.seen_at, r.data).where(r.article_id == article_id).order_by(r.revision)
            ).all()
        out = [Revision(n, seen, codec.article_from_json(d)) for n, seen, d in earlier]
        out.append(Revision(cur.revision, cur.revised_at or cur.added_at, codec.article_from_json(cur.data)))
        for r in out:
            r.seen_at = r.article.captured or r.seen_at  # a capture's own time, not the ingest's
        return out

    def _insert_earlier(self, conn, article_id: str, article: Article, source_key: str, content_hash: str,
                        data: str, current: int) -> int:
        """``article``, older than the stored current text (``_older``), put among the earlier
        revisions in their order (those after it renumbered); the current text stays current."""
        r = article_revisions.c
        earlier = conn.execute(select(r.revision, r.data).where(r.article_id == article_id)).all()
        times = article_times(article)
        number = 1 + sum(1 for _, d in earlier if not _older(times, _times(d)))
        # UNIQUE (article_id, revision) is checked row by row: "revision + 1" over two or more rows
        # collided (a review: four captures in some orders aborted the whole ingest). Move them out
        # of the way (negative), then to their places.
        later = (r.article_id == article_id, r.revision >= number)
        conn.execute(update(article_revisions).where(*later).values(revision=-(r.revision + 1)))
        conn.execute(update(article_revisions).where(r.article_id == article_id, r.revision < 0)
                     .values(revision=-r.revision))
        conn.execute(article_revisions.insert().values(
            article_id=article_id, revision=number, source_key=source_key, content_hash=content_hash,
            # never seen current here: dated by its page's own modified time when it gives one, else
            # by its publication (an export row re-sent without ``updated``), not by this read
            seen_at=article.modified or article.published or codec.now_iso(), data=data,
        ))
        conn.execute(update(articles).where(articles.c.id == article_id).values(revision=current + 1))
        return number

    def revision_numbers(self, article_ids: list[str]) -> dict[str, int]:
        ids = [codec.column_text(i) for i in article_ids]
        out: dict[str, int] = {}
        with self._read() as conn:
            for i in range(0, len(ids), _IN_CHUNK):
                q = select(articles.c.id, articles.c.revision).where(
                    articles.c.id.in_(ids[i : i + _IN_CHUNK]), articles.c.revision > 1
                )
                out.update(dict(conn.execute(q).all()))
        return out
