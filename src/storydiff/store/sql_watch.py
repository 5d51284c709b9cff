"""What ``storydiff watch`` remembers between rounds, on SQLAlchemy Core (a mixin of
``SqlStore``): each followed source's state, and each fetched URL's validators."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, or_, select, update

from storydiff.records import FetchedUrl
from storydiff.store import codec
from storydiff.store.base import SourceState, TakenDown
from storydiff.store.schema import articles, fetched_urls, watch_sources

_IN_CHUNK = 500


def _url_key(url: str) -> str:
    return codec.key_hash(url)


def _article_key(url: str) -> str | None:
    """The key a stored article holds its address under (``articles.url_key``)."""
    canon = codec.canonical_url(url)
    return codec.key_hash(canon) if canon is not None else None


class WatchStateMixin:
    def mark_taken_down(self, url: str, status: int, at: str) -> tuple[str, bool] | None:
        key = _article_key(url)
        if key is None:
            return None
        a = articles.c
        with self._write() as conn:
            row = conn.execute(select(a.id, a.taken_down_at).where(a.url_key == key)).first()
            if row is None:
                return None
            if row.taken_down_at is not None:  # seen gone before: a later round's 404 changes nothing
                return row.id, False
            conn.execute(update(articles).where(a.url_key == key).values(taken_down_at=at, taken_down_status=int(status)))
            return row.id, True

    def clear_taken_down(self, url: str) -> str | None:
        key = _article_key(url)
        if key is None:
            return None
        a = articles.c
        gone = select(a.id).where(a.url_key == key, a.taken_down_at.is_not(None))
        with self._read() as conn:  # asked for every page fetched: a read, no write lock, for the many that answer
            if conn.execute(gone).first() is None:
                return None
        with self._write() as conn:
            row = conn.execute(gone).first()
            if row is None:
                return None
            conn.execute(update(articles).where(a.url_key == key).values(taken_down_at=None, taken_down_status=None))
            return row.id

    def taken_down(self, article_ids: list[str]) -> dict[str, TakenDown]:
        ids = [codec.column_text(i) for i in article_ids]
        a = articles.c
        out: dict[str, TakenDown] = {}
        with self._read() as conn:
            for i in range(0, len(ids), _IN_CHUNK):
                q = select(a.id, a.taken_down_status, a.taken_down_at).where(
                    a.id.in_(ids[i : i + _IN_CHUNK]), a.taken_down_at.is_not(None))
                out.update({aid: TakenDown(status, at) for aid, status, at in conn.execute(q).all()})
        return out

    def pages_listed_since(self, source_url: str, since: str) -> list[FetchedUrl]:
        f = fetched_urls.c
        with self._read() as conn:
            rows = conn.execute(select(fetched_urls).where(f.source_key == _url_key(source_url), f.first_seen >= since)
                                .order_by(f.first_seen.desc(), f.url)).mappings().all()
        return [_record(row) for row in rows]

    def watch_sources(self) -> list[SourceState]:
        w = watch_sources.c
        with self._read() as conn:
            rows = conn.execute(select(watch_sources).order_by(w.added_at, w.url)).mappings().all()
        fields = SourceState.__dataclass_fields__
        return [SourceState(**{k: v for k, v in row.items() if k in fields}) for row in rows]

    def save_source_states(self, states: list[SourceState]) -> None:
        if not states:
            return
        now = codec.now_iso()
        rows = []
        for s in states:
            row = {k: (codec.column_text(v) if isinstance(v, str) else v) for k, v in asdict(s).items()}
            row["added_at"] = row["added_at"] or now
            row["key"] = _url_key(s.url)
            rows.append(row)
        with self._write() as conn:
            for row in rows:
                stmt = self._insert(watch_sources).values(**row)
                keep = {k: stmt.excluded[k] for k in row if k not in ("key", "added_at")}
                conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_=keep))

    def fetched_urls(self, urls: list[str]) -> dict[str, FetchedUrl]:
        keys = [_url_key(u) for u in urls]
        out: dict[str, FetchedUrl] = {}
        with self._read() as conn:
            for i in range(0, len(keys), _IN_CHUNK):
                q = select(fetched_urls).where(fetched_urls.c.key.in_(keys[i : i + _IN_CHUNK]))
                for row in conn.execute(q).mappings().all():
                    out[row["url"]] = _record(row)
        return out

    def save_fetched_urls(self, records: list[FetchedUrl]) -> None:
        if not records:
            return
        now = codec.now_iso()
        rows = [
            {
                "key": _url_key(r.url),
                "url": codec.column_text(r.url),
                "source_key": _url_key(r.source_url) if r.source_url else None,
                "etag": codec.column_text(r.etag),
                "last_modified": codec.column_text(r.last_modified),
                "first_seen": r.first_seen or now,
                "last_checked": r.last_checked or now,
                "meta": codec.dumps(r.meta or {}),
            }
            for r in records
        ]
        with self._write() as conn:
            for row in rows:
                stmt = self._insert(fetched_urls).values(**row)
                # first_seen stays as first written; a page no source lists keeps its source
                keep = {k: stmt.excluded[k] for k in ("url", "etag", "last_modified", "last_checked", "meta")}
                if row["source_key"] is not None:
                    keep["source_key"] = stmt.excluded["source_key"]
                conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_=keep))

    def page_meta_of_host(self, host: str, key: str) -> str | None:
        f = fetched_urls.c
        escaped = host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        on_host = or_(*(f.url.like(f"{scheme}://{escaped}/%", escape="\\") for scheme in ("http", "https")))
        q = select(f.meta).where(on_host, f.meta.like(f'%"{key}"%')).order_by(f.last_checked.desc()).limit(20)
        with self._read() as conn:
            for meta in conn.execute(q).scalars():
                value = (codec.loads(meta) or {}).get(key)
                if isinstance(value, str) and value:
                    return value
        return None

    def forget_fetched_urls(self, urls: list[str]) -> None:
        keys = [_url_key(u) for u in urls]
        if not keys:
            return
        with self._write() as conn:
            for i in range(0, len(keys), _IN_CHUNK):
                conn.execute(delete(fetched_urls).where(fetched_urls.c.key.in_(keys[i : i + _IN_CHUNK])))


def _record(row) -> FetchedUrl:
    return FetchedUrl(
        url=row["url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        first_seen=row["first_seen"],
        last_checked=row["last_checked"],
        meta=codec.loads(row["meta"]) if row["meta"] else {},
    )
