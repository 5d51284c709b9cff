"""Full-text search on SQLAlchemy Core (a mixin of ``SqlStore``): SQLite FTS5 or PostgreSQL
tsvector, over the rows ``search_index.entries_for`` makes. The store writes the rows in the same
transaction as the article, so the index never lags what is stored."""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, select, text, update

from storydiff.dates import sortable_time
from storydiff.records import Article, Story
from storydiff.settings import SearchSettings
from storydiff.store import codec
from storydiff.store.base import SearchHit
from storydiff.store.schema import articles, search_articles, search_quotes
from storydiff.store.search_index import (
    entries_for,
    filter_regex,
    fold,
    fts5_match,
    insert_rows,
    parse_query,
    pg_tsquery,
    snippet,
)
from storydiff.store.speaker_filter import context_near, context_regex, speakers_named


class SearchMixin:
    def _search_rows(self, article: Article) -> tuple[dict, list[dict]]:
        return entries_for(article)

    def _index(self, conn: Connection, seq: int, rows: tuple[dict, list[dict]]) -> None:
        insert_rows(conn, [(seq, rows)])

    def _reindex(self, conn: Connection, seq: int, rows: tuple[dict, list[dict]]) -> None:
        conn.execute(delete(search_articles).where(search_articles.c.article_seq == seq))
        conn.execute(delete(search_quotes).where(search_quotes.c.article_seq == seq))
        self._index(conn, seq, rows)

    def _index_speakers(self, conn: Connection, story: Story) -> None:
        """Speakers a deep comparison named, onto the quotes ingest indexed without them."""
        q = search_quotes.c
        for aligned in story.quotes:
            for v in aligned.versions:
                if not v.speaker:
                    continue
                seq = select(articles.c.seq).where(articles.c.id == codec.column_text(v.article_id)).scalar_subquery()
                conn.execute(
                    update(search_quotes)
                    .where(q.article_seq == seq, q.body == codec.column_text(v.text))
                    .where((q.speaker.is_(None)) | (q.speaker != v.speaker))
                    .values(speaker=codec.column_text(v.speaker))
                )

    def _speakers_named(self, typed: str, pg: bool) -> list[str] | str:
        """The stored speaker names ``typed`` names (``speaker_filter.names_speaker``): a list
        for PostgreSQL's ANY, a JSON array for SQLite's json_each."""
        with self._read() as conn:
            stored = conn.execute(select(search_quotes.c.speaker).where(search_quotes.c.speaker.is_not(None))
                                  .distinct()).scalars().all()
        names = speakers_named(typed, stored)
        return names if pg else json.dumps(names)

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
        # a NUL is no character of a name (and PostgreSQL refuses it in a parameter)
        speaker, outlet = (v.replace("\x00", "").strip() if v else v for v in (speaker, outlet))
        since = since.strip() if since else since
        filtered = bool(outlet or since or (speaker and kind == "quote"))
        if (not terms and not filtered) or limit <= 0:
            return []
        table = "search_articles" if kind == "article" else "search_quotes"
        params: dict = {"n": int(limit)}
        where = []
        # the filters fold diacritics and case as search words do ("Zielinski" finds "Zieliński"),
        # from a word's start ("Kurier" finds "Kurier Wschodni", not "Ostkurier")
        pg = self.engine.dialect.name == "postgresql"

        def matches(col: str, name: str, value: str) -> str:
            params[name] = filter_regex(value) if pg else fold(value)
            return f"{col} ~* :{name}" if pg else f"py_folded_has({col}, :{name})"

        if outlet:
            where.append(matches("e.outlet", "outlet", outlet))
        if since:
            when = sortable_time(since)
            if when is None:
                raise ValueError(f"not a date: {since!r} (give YYYY-MM-DD or an ISO 8601 time)")
            where.append("e.published >= :since")
            params["since"] = when
        if speaker and kind == "quote":
            # a speaker in another case or script ("Пескова", "Peskov" for "Дмитрий Песков"):
            # the stored names it names, found in Python (speaker_filter), asked for by name
            params["sp_names"] = self._speakers_named(speaker, pg)
            dialect = "postgresql" if pg else "python"
            params["sp_near"], params["sp_context"] = context_near(speaker, dialect), context_regex(speaker, dialect)
            named = "e.speaker = ANY(:sp_names)" if pg else "e.speaker IN (SELECT value FROM json_each(:sp_names))"
            in_context = ("e.context ~* :sp_near AND e.context ~* :sp_context" if pg
                          else "py_regex_has(e.context, :sp_near) AND py_regex_has(e.context, :sp_context)")
            where.append(f"({named} OR {matches('e.speaker', 'sp', speaker)} OR "
                         f"(e.speaker IS NULL AND {in_context}))")
        filters = "".join(f" AND {w}" for w in where)
        speaker_col = "e.speaker" if kind == "quote" else "NULL"
        cols = f"e.body, {speaker_col}, a.id, a.story_id, a.title, a.outlet, a.published"
        if not terms:  # no words, only filters ("every quote by X"): the newest rows that pass them
            sql = (
                f"SELECT {cols}, 0 AS score FROM {table} e JOIN articles a ON a.seq = e.article_seq "
                f"WHERE 1 = 1{filters} ORDER BY (a.published IS NULL), a.published DESC, e.seq DESC LIMIT :n"
            )
        elif self.engine.dialect.name == "postgresql":
            tsq, tparams = pg_tsquery(terms)
            params.update(tparams)
            rank = "e.tsv_lead" if kind == "article" else "e.tsv"  # an article: its title and lead
            sql = (
                f"SELECT {cols}, ts_rank({rank}, q.q) AS score FROM {table} e "
                f"JOIN articles a ON a.seq = e.article_seq CROSS JOIN (SELECT {tsq} AS q) q "
                f"WHERE e.tsv @@ q.q{filters} ORDER BY score DESC, e.seq DESC LIMIT :n"
            )
        else:
            params["q"] = fts5_match(terms)
            fts = f"{table}_fts"
            if filters:
                sql = (
                    f"SELECT {cols}, -bm25({fts}) AS score FROM {fts} JOIN {table} e ON e.seq = {fts}.rowid "
                    f"JOIN articles a ON a.seq = e.article_seq WHERE {fts} MATCH :q{filters} "
                    f"ORDER BY bm25({fts}), e.seq DESC LIMIT :n"
                )
            else:  # the best rows found in the index alone, then only they are read
                sql = (
                    f"SELECT {cols}, -best.rank AS score FROM (SELECT rowid, rank FROM {fts} WHERE {fts} MATCH :q "
                    f"ORDER BY rank LIMIT :n) best JOIN {table} e ON e.seq = best.rowid "
                    f"JOIN articles a ON a.seq = e.article_seq ORDER BY best.rank, e.seq DESC"
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
