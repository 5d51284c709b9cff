"""``Store`` on SQLAlchemy Core, for SQLite and PostgreSQL alike.

Duplicates are refused by UNIQUE constraints (id, source, url, content hash) with
``INSERT ... ON CONFLICT DO NOTHING`` (and a text an article had before its edit by a look-up),
so re-runs, concurrent writers and a kill mid-way can never store an article twice. Every write
commits on its own unless it runs inside ``batch()``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError

from storydiff.dates import sortable_time
from storydiff.records import Article, Failure, Story
from storydiff.store import codec
from storydiff.store.base import Store, StorySummary
from storydiff.store.migrations import migrate
from storydiff.store.schema import (
    article_revisions,
    articles,
    failures,
    stories,
    story_aliases,
    text_analyses,
)
from storydiff.store.sql_revisions import RevisionsMixin
from storydiff.store.sql_search import SearchMixin
from storydiff.store.sql_watch import WatchStateMixin

log = logging.getLogger("storydiff.store")

_MAX_ALIAS_HOPS = 1000  # aliases are kept one hop deep; this only stops a corrupted loop
_IN_CHUNK = 500  # ids per IN (...) list, below every backend's bound-parameter limit


_PLACEMENT_LOCK_KEY = 0x5D_1FF_0001  # pg_advisory_lock key: any constant other apps won't pick
_SESSION_LOCK_KEY = 0x5D_1FF_0002  # held shared by every ingest run (Store.ingest_session)
_memory_lock = threading.Lock()  # an in-memory database lives in one process: a thread lock does


_running = {"count": 0}  # ingest sessions on an in-memory database (one process holds it)
_running_lock = threading.Lock()


@contextmanager
def _session_lock(database: str | None) -> Iterator[bool]:
    """A shared lock on ``DATABASE-running.lock`` held by every ingest run; whether the run could
    take it exclusively first (no other run alive: the kernel drops a killed holder's flock)."""
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    if not database or database == ":memory:" or fcntl is None:
        with _running_lock:
            alone = _running["count"] == 0
            _running["count"] += 1
        try:
            yield alone
        finally:
            with _running_lock:
                _running["count"] -= 1
        return
    with open(f"{database}-running.lock", "a+b") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            alone = True
        except OSError:
            alone = False
        fcntl.flock(f, fcntl.LOCK_SH)  # from exclusive to shared: later runs may start beside this one
        yield alone


@contextmanager
def _file_lock(database: str | None) -> Iterator[None]:
    """An exclusive lock on ``DATABASE-ingest.lock`` beside a SQLite file (flock, so the kernel
    drops it with a killed holder); a thread lock for an in-memory database or where flock is
    missing (Windows)."""
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    if not database or database == ":memory:" or fcntl is None:
        with _memory_lock:
            yield
        return
    with open(f"{database}-ingest.lock", "a+b") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _key(value: str | None) -> str | None:
    """Ids as stored in and looked up from columns: the same deterministic mapping both ways, so
    an id carrying NUL or a lone surrogate is a miss (or a row) rather than a driver error."""
    return codec.column_text(value)


class SqlStore(RevisionsMixin, SearchMixin, WatchStateMixin, Store):
    def __init__(self, engine: Engine):
        self.engine = engine
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        self._local = threading.local()  # the open batch connection, per thread
        # Hot statements built once: SQLAlchemy then reuses their compiled form and cache key.
        # RETURNING rather than rowcount: drivers disagree on rowcount for INSERT ... RETURNING.
        self._add_article_stmt = self._insert(articles).on_conflict_do_nothing().returning(articles.c.seq)
        self._drop_story_stmt = delete(stories).where(stories.c.id == bindparam("id"))
        self._has_source_stmt = select(articles.c.seq).where(articles.c.source_key == bindparam("k")).limit(1)
        self._earlier_text_stmt = select(article_revisions.c.seq).where(
            article_revisions.c.content_hash == bindparam("h")).limit(1)
        self._get_article_stmt = select(articles.c.data).where(articles.c.id == bindparam("id"))
        self._resolve_stmt = select(story_aliases.c.new_id).where(story_aliases.c.old_id == bindparam("id"))
        self._place_stmt = (
            update(articles)
            .where(articles.c.id == bindparam("article_id"), articles.c.story_id.is_(None))
            .values(story_id=bindparam("placed_in"))
        )
        self.schema_version = migrate(engine)

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        # IMMEDIATE: take SQLite's write lock up front, so a read-then-write transaction waits
        # for another writer (busy timeout) instead of failing with "database is locked".
        with self.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn  # inside a batch, reads see the batch's own writes
            return
        with self.engine.connect() as conn, conn.begin():  # one snapshot for multi-query reads
            yield conn

    @contextmanager
    def batch(self) -> Iterator[None]:
        if getattr(self._local, "conn", None) is not None:  # nested: join the outer batch
            yield
            return
        with self._write() as conn:
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    @contextmanager
    def item(self) -> Iterator[None]:
        conn = getattr(self._local, "conn", None)
        if conn is None:  # no batch: every write commits on its own
            yield
            return
        with conn.begin_nested():  # a SAVEPOINT, rolled back alone on an exception
            yield

    # -- articles ----------------------------------------------------------------------------
    def add_article(self, article: Article, story_id: str | None = None, *, claim_url: bool = True,
                    take_url: bool = False, content_key: str | None = None) -> bool:
        too_long = codec.id_too_long(article.id)
        if too_long is not None:  # a clear error on both databases, not PostgreSQL's aborted batch
            raise ValueError(f"{article.source}: {too_long}")
        url = codec.canonical_url(article.url) if claim_url else None
        row = {  # built before taking the write lock: the JSON is the slow part
            "id": _key(article.id),
            "source_key": codec.item_key(article.source, article.raw_digest),
            "path_key": codec.source_path_key(article.source),
            "headline_key": codec.headline_key(article.outlet, article.title),
            "url_key": codec.key_hash(url) if url is not None else None,
            "content_hash": content_key or codec.article_content_hash(article),
            "outlet": codec.column_text(article.outlet),
            "title": codec.column_text(article.title),
            "published": sortable_time(article.published),
            "added_at": codec.now_iso(),
            "data": codec.article_to_json(article),
        }
        search_rows = self._search_rows(article)
        with self._write() as conn:
            if conn.execute(self._earlier_text_stmt, {"h": row["content_hash"]}).first() is not None:
                # the same outlet's text that a stored article had before its edit: that article
                # read again (at a second address, an AMP copy), never a second article, which
                # kept the old text while the correction read there was "already stored" (QA 18)
                return False
            row["story_id"] = self._resolve(conn, _key(story_id)) if story_id is not None else None
            url_key = row["url_key"]
            if take_url and url_key is not None:  # claimed only once stored: a refused article takes nothing
                row["url_key"] = None
            inserted = conn.execute(self._add_article_stmt, row).first()
            added = inserted is not None
            if added and take_url and url_key is not None:
                conn.execute(update(articles).where(articles.c.url_key == url_key).values(url_key=None))
                conn.execute(update(articles).where(articles.c.seq == inserted[0]).values(url_key=url_key))
            if added:
                self._index(conn, inserted[0], search_rows)
            if added and story_id is not None:
                conn.execute(self._drop_story_stmt, {"id": row["story_id"]})
            return added

    def article_with_text(self, article: Article) -> Article | None:
        text_hash = codec.article_content_hash(article)
        a, r = articles.c, article_revisions.c
        with self._read() as conn:
            data = conn.execute(select(a.data).where(a.content_hash == text_hash)).scalar()
            if data is None:
                held = select(r.article_id).where(r.content_hash == text_hash).limit(1).scalar_subquery()
                data = conn.execute(select(a.data).where(a.id == held)).scalar()
        return codec.article_from_json(data) if data is not None else None

    def has_item(self, source: str, raw_digest: str | None = None, *, current_only: bool = False) -> bool:
        with self._read() as conn:
            key = codec.item_key(source, raw_digest)
            if conn.execute(self._has_source_stmt, {"k": key}).first() is not None:
                return True
            if current_only:
                return False
            # read before as a text an article has since replaced (an old export re-read)
            earlier = select(article_revisions.c.seq).where(article_revisions.c.source_key == key).limit(1)
            return conn.execute(earlier).first() is not None

    def stored_items(
        self, items: Iterable[tuple[str, str | None]], *, current_only: bool = False
    ) -> set[tuple[str, str | None]]:
        by_key = {codec.item_key(source, digest): (source, digest) for source, digest in items}
        found: set[str] = set()
        with self._read() as conn:
            keys = list(by_key)
            for i in range(0, len(keys), _IN_CHUNK):
                part = keys[i : i + _IN_CHUNK]
                q = select(articles.c.source_key).where(articles.c.source_key.in_(part))
                if not current_only:  # read before as a text an article has since replaced
                    q = q.union(select(article_revisions.c.source_key).where(article_revisions.c.source_key.in_(part)))
                found.update(conn.execute(q).scalars())
        return {by_key[k] for k in found}

    def get_article(self, article_id: str) -> Article | None:
        with self._read() as conn:
            data = conn.execute(self._get_article_stmt, {"id": _key(article_id)}).scalar()
        return codec.article_from_json(data) if data is not None else None

    def articles(
        self, *, story_id: str | None = None, since: str | None = None, limit: int | None = None
    ) -> list[Article]:
        with self._read() as conn:
            q = select(articles.c.data)
            if story_id is not None:
                q = q.where(articles.c.story_id == self._resolve(conn, _key(story_id)))
            if since is not None:
                q = q.where(articles.c.published >= sortable_time(since))
            q = q.order_by(articles.c.published.asc().nulls_last(), articles.c.seq)
            if limit is not None:
                q = q.limit(max(0, limit))
            rows = conn.execute(q).scalars().all()
        return [codec.article_from_json(d) for d in rows]

    def articles_with_stories(
        self, *, since: str | None = None, until: str | None = None
    ) -> list[tuple[Article, str | None]]:
        with self._read() as conn:
            q = select(articles.c.data, articles.c.story_id)
            if since is not None:
                q = q.where(articles.c.published >= sortable_time(since))
            if until is not None:
                q = q.where(articles.c.published < sortable_time(until))
            q = q.order_by(articles.c.published.asc().nulls_last(), articles.c.seq)
            rows = conn.execute(q).all()
        return [(codec.article_from_json(d), sid) for d, sid in rows]

    def articles_stored_after(self, seq: int) -> tuple[list[tuple[Article, str | None]], int]:
        with self._read() as conn:
            q = select(articles.c.data, articles.c.story_id, articles.c.seq).where(articles.c.seq > seq)
            rows = conn.execute(q.order_by(articles.c.seq)).all()
        return [(codec.article_from_json(d), sid) for d, sid, _ in rows], (rows[-1][2] if rows else seq)

    def stored_position(self) -> int:
        with self._read() as conn:
            return conn.execute(select(func.max(articles.c.seq))).scalar() or 0

    def place_article(self, article_id: str, story_id: str) -> bool:
        article_id, story_id = _key(article_id), _key(story_id)
        with self._write() as conn:
            story_id = self._resolve(conn, story_id)
            placed = conn.execute(self._place_stmt, {"article_id": article_id, "placed_in": story_id}).rowcount
            if placed:
                conn.execute(self._drop_story_stmt, {"id": story_id})  # its stored comparison is stale
            return bool(placed)

    def unplaced_articles(self) -> list[Article]:
        with self._read() as conn:
            q = select(articles.c.data).where(articles.c.story_id.is_(None)).order_by(articles.c.seq)
            return [codec.article_from_json(d) for d in conn.execute(q).scalars().all()]

    def placed_among(self, article_ids: list[str]) -> list[tuple[Article, str]]:
        out: list[tuple[Article, str]] = []
        keys = [_key(i) for i in article_ids]
        with self._read() as conn:
            for i in range(0, len(keys), _IN_CHUNK):
                q = select(articles.c.data, articles.c.story_id).where(
                    articles.c.id.in_(keys[i : i + _IN_CHUNK]), articles.c.story_id.is_not(None)
                )
                out += [(codec.article_from_json(d), sid) for d, sid in conn.execute(q.order_by(articles.c.seq))]
        return out

    @contextmanager
    def ingest_session(self) -> Iterator[bool]:
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:  # session locks, dropped with a killed run's connection
                alone = bool(conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({_SESSION_LOCK_KEY})").scalar())
                conn.exec_driver_sql(f"SELECT pg_advisory_lock_shared({_SESSION_LOCK_KEY})")
                if alone:
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_SESSION_LOCK_KEY})")
                conn.commit()
                try:
                    yield alone
                finally:
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock_shared({_SESSION_LOCK_KEY})")
                    conn.commit()
            return
        with _session_lock(self.engine.url.database) as alone:
            yield alone

    @contextmanager
    def placement_lock(self) -> Iterator[None]:
        # Rows become visible in seq order under this lock: every assigner commits its articles
        # before releasing it, so a reader holding it misses no seq (a sequence alone would not
        # promise that: a smaller seq can commit after a larger one).
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:  # a session lock: it spans many transactions
                conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PLACEMENT_LOCK_KEY})")
                conn.commit()
                try:
                    yield
                finally:
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PLACEMENT_LOCK_KEY})")
                    conn.commit()
            return
        with _file_lock(self.engine.url.database):
            yield

    # -- stories -----------------------------------------------------------------------------
    def set_story(self, article_id: str, story_id: str) -> None:
        article_id, story_id = _key(article_id), _key(story_id)
        with self._write() as conn:
            story_id = self._resolve(conn, story_id)
            old = conn.execute(select(articles.c.story_id).where(articles.c.id == article_id)).first()
            if old is None:
                raise ValueError(f"no stored article with id {article_id!r}")
            if old[0] == story_id:
                return
            conn.execute(update(articles).where(articles.c.id == article_id).values(story_id=story_id))
            self._drop_cached(conn, story_id, old[0])

    def story_of(self, article_id: str) -> str | None:
        article_id = _key(article_id)
        with self._read() as conn:
            return conn.execute(select(articles.c.story_id).where(articles.c.id == article_id)).scalar()

    def add_alias(self, old_story_id: str, new_story_id: str) -> None:
        old_story_id, new_story_id = _key(old_story_id), _key(new_story_id)
        with self._write() as conn:
            new = self._resolve(conn, new_story_id)
            if new == old_story_id:
                if new_story_id == old_story_id:
                    return  # a story aliased to itself: nothing to record
                raise ValueError(f"alias {old_story_id!r} -> {new_story_id!r} would make a cycle")
            conn.execute(delete(story_aliases).where(story_aliases.c.old_id == old_story_id))
            conn.execute(story_aliases.insert().values(old_id=old_story_id, new_id=new))
            # Keep every alias one hop deep: whatever pointed at the old id now points at the new.
            conn.execute(
                update(story_aliases).where(story_aliases.c.new_id == old_story_id).values(new_id=new)
            )
            moved = conn.execute(
                update(articles).where(articles.c.story_id == old_story_id).values(story_id=new)
            ).rowcount
            self._drop_cached(conn, old_story_id, new if moved else None)

    def resolve_story(self, story_id: str) -> str:
        with self._read() as conn:
            return self._resolve(conn, _key(story_id))

    def _resolve(self, conn: Connection, story_id: str) -> str:
        seen = {story_id}
        for _ in range(_MAX_ALIAS_HOPS):
            nxt = conn.execute(self._resolve_stmt, {"id": story_id}).scalar()
            if nxt is None or nxt in seen:
                return story_id
            seen.add(nxt)
            story_id = nxt
        return story_id

    def _drop_cached(self, conn: Connection, *story_ids: str | None) -> None:
        ids = [s for s in story_ids if s is not None]
        if ids:
            conn.execute(delete(stories).where(stories.c.id.in_(ids)))

    def stories(self, limit: int | None = None, offset: int = 0) -> list[StorySummary]:
        a = articles.c
        with self._read() as conn:
            q = (
                select(a.story_id, func.count(), func.min(a.published), func.max(a.published))
                .where(a.story_id.is_not(None))
                .group_by(a.story_id)
                .order_by(func.max(a.published).desc().nulls_last(), func.max(a.seq).desc(), a.story_id)
            )
            if limit is not None:
                q = q.limit(max(0, limit))
            if offset > 0:
                q = q.offset(offset)
            groups = conn.execute(q).all()
            ids = [g[0] for g in groups]
            members = select(a.story_id, a.title, a.outlet).order_by(a.published.asc().nulls_last(), a.seq)
            rows = []
            if limit is None:
                rows = conn.execute(members.where(a.story_id.is_not(None))).all()
            else:
                for i in range(0, len(ids), _IN_CHUNK):
                    rows += conn.execute(members.where(a.story_id.in_(ids[i : i + _IN_CHUNK]))).all()
        titles: dict[str, str] = {}
        outlets: dict[str, list[str]] = {}
        for sid, title, outlet in rows:
            if title and sid not in titles:
                titles[sid] = title
            seen = outlets.setdefault(sid, [])
            if outlet and outlet not in seen:
                seen.append(outlet)
        return [
            StorySummary(
                id=sid,
                title=titles.get(sid),
                n_articles=n,
                outlets=outlets.get(sid, []),
                first_published=first,
                last_published=last,
            )
            for sid, n, first, last in groups
        ]

    def several_article_story_ids(self) -> list[str]:
        # one grouped query, ordered as stories() orders: no titles or outlets read for a list of ids
        a = articles.c
        with self._read() as conn:
            q = (
                select(a.story_id)
                .where(a.story_id.is_not(None))
                .group_by(a.story_id)
                .having(func.count() > 1)
                .order_by(func.max(a.published).desc().nulls_last(), func.max(a.seq).desc(), a.story_id)
            )
            return [row[0] for row in conn.execute(q)]

    def story_ids_starting(self, prefix: str, limit: int = 6) -> list[str]:
        sid = articles.c.story_id
        with self._read() as conn:
            q = (
                select(sid)
                .where(sid.startswith(_key(prefix), autoescape=True))  # a "%" or "_" typed is literal
                .group_by(sid)
                .order_by(sid)
                .limit(max(0, limit))
            )
            return list(conn.execute(q).scalars().all())

    def story_article_ids(self, story_id: str) -> list[str]:
        with self._read() as conn:
            sid = self._resolve(conn, _key(story_id))
            q = (
                select(articles.c.id)
                .where(articles.c.story_id == sid)
                .order_by(articles.c.published.asc().nulls_last(), articles.c.seq)
            )
            return list(conn.execute(q).scalars().all())

    def _members(self, conn: Connection, story_id: str) -> str:
        rows = conn.execute(
            select(articles.c.id, articles.c.content_hash).where(articles.c.story_id == story_id)
        ).all()
        return codec.members_key((i, h) for i, h in rows)

    def save_story(self, story: Story, members: str | None = None) -> None:
        data = codec.story_to_json(story)
        try:
            with self._write() as conn:
                sid = _key(story.id)
                if members is None:
                    members = self._members(conn, self._resolve(conn, sid))
                conn.execute(delete(stories).where(stories.c.id == sid))
                conn.execute(stories.insert().values(id=sid, data=data, saved_at=codec.now_iso(), members=members))
                self._index_speakers(conn, story)
        except OperationalError as e:  # a read-only or immutable database, a full disk: a cache can wait
            log.warning("%s: comparison not cached: %s", story.id, str(e.orig or e).splitlines()[0])

    def get_story(self, story_id: str) -> Story | None:
        story_id = _key(story_id)
        with self._read() as conn:
            sid = self._resolve(conn, story_id)
            q = select(stories.c.data, stories.c.members).where(stories.c.id.in_({story_id, sid}))
            row = conn.execute(q.order_by(stories.c.saved_at.desc())).first()
            if row is None or row.members != self._members(conn, sid):
                return None  # none stored, or it compared other articles than the story holds now
        return codec.story_from_json(row.data)

    def mark_story_stale(self, story_id: str) -> None:
        with self._write() as conn:
            sid = _key(story_id)
            self._drop_cached(conn, sid, self._resolve(conn, sid))

    def get_analyses(self, keys: Iterable[str]) -> dict[str, dict]:
        keys = list(dict.fromkeys(keys))
        out: dict[str, dict] = {}
        with self._read() as conn:
            for i in range(0, len(keys), _IN_CHUNK):
                q = select(text_analyses.c.key, text_analyses.c.data).where(
                    text_analyses.c.key.in_(keys[i : i + _IN_CHUNK])
                )
                out.update((k, codec.loads(d)) for k, d in conn.execute(q).all())
        return out

    def save_analyses(self, analyses: dict[str, dict]) -> None:
        if not analyses:
            return
        now = codec.now_iso()
        rows = [{"key": k, "data": codec.dumps(v), "saved_at": now} for k, v in analyses.items()]
        stmt = self._insert(text_analyses)
        # an upsert: two processes storing one text's parse at once both succeed
        stmt = stmt.on_conflict_do_update(index_elements=[text_analyses.c.key],
                                          set_={"data": stmt.excluded.data, "saved_at": stmt.excluded.saved_at})
        try:
            with self._write() as conn:
                conn.execute(stmt, rows)
        except OperationalError as e:  # a read-only or immutable database, a full disk: a cache can wait
            log.warning("%d parse(s) not cached: %s", len(rows), str(e.orig or e).splitlines()[0])

    # -- failures ----------------------------------------------------------------------------
    def add_failure(self, failure: Failure) -> None:
        source_key = codec.key_hash(failure.source)
        key = source_key + codec.key_hash(failure.reason)
        now = codec.now_iso()
        with self._write() as conn:
            bumped = conn.execute(
                update(failures)
                .where(failures.c.key == key)
                .values(count=failures.c.count + 1, last_seen=now, stage=codec.column_text(failure.stage))
            ).rowcount
            if bumped:
                return
            row = {
                "key": key,
                "source_key": source_key,
                "source": codec.column_text(failure.source),
                "stage": codec.column_text(failure.stage),
                "reason": codec.column_text(failure.reason),
                "time": now,
                "count": 1,
                "last_seen": now,
            }
            conn.execute(self._insert(failures).values(**row).on_conflict_do_nothing())

    def failures(self, *, limit: int | None = None, offset: int = 0) -> list[Failure]:
        with self._read() as conn:
            q = select(failures.c.source, failures.c.reason, failures.c.stage).order_by(failures.c.seq)
            if limit is not None:
                q = q.limit(limit)
            if offset:
                q = q.offset(offset)
            return [Failure(source=s, reason=r, stage=st) for s, r, st in conn.execute(q).all()]

    def count_failures(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(failures)).scalar_one())

    def clear_failure(self, source: str, *, stages: tuple[str, ...] | None = None) -> None:
        q = delete(failures).where(failures.c.source_key == codec.key_hash(source))
        if stages is not None:
            q = q.where(failures.c.stage.in_([codec.column_text(s) for s in stages]))
        with self._write() as conn:
            conn.execute(q)

    def clear_record_failures(self, source: str) -> None:
        from storydiff.records import without_record_place

        record = without_record_place(source)
        if record == source:
            return  # no place before an id: clear_failure's exact name is all there is
        # the file, as the record's names begin: up to where its place ("#L8") was taken out
        head = source[: next((i for i, (x, y) in enumerate(zip(source, record, strict=False)) if x != y), len(record))]
        like = head.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%"
        with self._write() as conn:
            rows = conn.execute(select(failures.c.key, failures.c.source)
                                .where(failures.c.source.like(like, escape="\\"))).all()
            gone = [key for key, named in rows if named != source and without_record_place(named) == record]
            if gone:
                conn.execute(delete(failures).where(failures.c.key.in_(gone)))

    def close(self) -> None:
        self.engine.dispose()
