"""Full-text search on SQLAlchemy Core (a mixin of ``SqlStore``): SQLite FTS5 or PostgreSQL
tsvector, over the rows ``search_index.entries_for`` makes. The store writes the rows in the same
transaction as the article, so the index never lags what is stored."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select, text, update

from storydiff.records import Article, Story
from storydiff.settings import SearchSettings
from storydiff.store import codec
from storydiff.store.base import SearchHit
from storydiff.store.schema import articles, search_entries
from storydiff.store.search_index import INSERT_SQL, entries_for, parse_query, snippet

_LIKE_ESCAPE = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})


def _contains(value: str) -> str:
    """A LIKE pattern for ``value`` anywhere, lower-cased, its own % and _ taken literally."""
    return "%" + value.lower().translate(_LIKE_ESCAPE) + "%"


class SearchMixin:
    def _search_rows(self, article: Article) -> list[dict]:
        return entries_for(article)

    def _index(self, conn: Connection, seq: int, rows: list[dict]) -> None:
        if rows:
            conn.execute(text(INSERT_SQL), [{**r, "article_seq": seq} for r in rows])

    def _reindex(self, conn: Connection, seq: int, rows: list[dict]) -> None:
        conn.execute(delete(search_entries).where(search_entries.c.article_seq == seq))
        self._index(conn, seq, rows)

    def _index_speakers(self, conn: Connection, story: Story) -> None:
        """Speakers a deep comparison named, onto the quotes ingest indexed without them."""
        e = search_entries.c
        for q in story.quotes:
            for v in q.versions:
                if not v.speaker:
                    continue
                seq = select(articles.c.seq).where(articles.c.id == codec.column_text(v.article_id)).scalar_subquery()
                conn.execute(
                    update(search_entries)
                    .where(e.article_seq == seq, e.kind == "quote", e.body == codec.column_text(v.text))
                    .where((e.speaker.is_(None)) | (e.speaker != v.speaker))
                    .values(speaker=codec.column_text(v.speaker))
                )

    def search(
        self,
        query: str,
        *,
        kind: str = "article",
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        limit: int = SearchSettings.limit,
    ) -> list[SearchHit]:
        if kind not in ("article", "quote"):
            raise ValueError(f"kind must be 'article' or 'quote', not {kind!r}")
        terms = parse_query(query)
        if not terms or limit <= 0:
            return []
        params: dict = {"kind": kind, "n": int(limit)}
        where = ["e.kind = :kind"]
        if outlet:
            where.append("lower(e.outlet) LIKE :outlet ESCAPE '\\'")
            params["outlet"] = _contains(outlet)
        if since:
            when = codec.sortable_time(since)
            if when is None:
                raise ValueError(f"not a date: {since!r} (give YYYY-MM-DD or an ISO 8601 time)")
            where.append("e.published >= :since")
            params["since"] = when
        if speaker and kind == "quote":
            where.append(
                "(lower(e.speaker) LIKE :sp ESCAPE '\\' OR (e.speaker IS NULL AND lower(e.context) LIKE :sp ESCAPE '\\'))"
            )
            params["sp"] = _contains(speaker)
        cols = "e.body, e.speaker, a.id, a.story_id, a.title, a.outlet, a.published"
        if self.engine.dialect.name == "postgresql":
            from storydiff.store.search_index import pg_tsquery

            tsq, tparams = pg_tsquery(terms)
            params.update(tparams)
            sql = (
                f"SELECT {cols}, ts_rank(e.tsv, q.q) AS score FROM search_entries e "
                f"JOIN articles a ON a.seq = e.article_seq CROSS JOIN (SELECT {tsq} AS q) q "
                f"WHERE e.tsv @@ q.q AND {' AND '.join(where)} ORDER BY score DESC, e.seq DESC LIMIT :n"
            )
        else:
            from storydiff.store.search_index import fts5_match

            params["q"] = fts5_match(terms)
            sql = (
                f"SELECT {cols}, -bm25(search_fts) AS score FROM search_fts "
                f"JOIN search_entries e ON e.seq = search_fts.rowid JOIN articles a ON a.seq = e.article_seq "
                f"WHERE search_fts MATCH :q AND {' AND '.join(where)} ORDER BY bm25(search_fts), e.seq DESC LIMIT :n"
            )
        with self._read() as conn:
            rows = conn.execute(text(sql), params).all()
        width = SearchSettings.snippet_chars
        return [
            SearchHit(
                kind=kind,
                article_id=aid,
                story_id=sid,
                title=title,
                outlet=out,
                published=published,
                text=body if kind == "quote" else snippet(body, terms, width),
                speaker=spk,
                score=float(score or 0.0),
            )
            for body, spk, aid, sid, title, out, published, score in rows
        ]
