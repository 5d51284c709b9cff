"""What ``storydiff watch`` remembers between rounds, on SQLAlchemy Core (a mixin of
``SqlStore``): each followed source's state, and each fetched URL's validators."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from storydiff.store import codec
from storydiff.store.base import FetchedUrl, SourceState
from storydiff.store.schema import fetched_urls, watch_sources

_IN_CHUNK = 500


def _url_key(url: str) -> str:
    return codec.key_hash(url)


class WatchStateMixin:
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


def _record(row) -> FetchedUrl:
    return FetchedUrl(
        url=row["url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        first_seen=row["first_seen"],
        last_checked=row["last_checked"],
        meta=codec.loads(row["meta"]) if row["meta"] else {},
    )
