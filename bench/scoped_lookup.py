"""Cost of looking up an id's scoped rows ("<id>~<8 hex>", ``articles_scoped_from``) on a large store.

Review 19b, 2: the lookup was ``id LIKE '<id>~________'`` (SQLite: a table scan, its LIKE folds case
so the BINARY id index is unusable; PostgreSQL: the whole primary key filtered). It is now a range on
the id in byte order. This builds a store of N rows (default 200,000) on SQLite and, when
STORYDIFF_BENCH_PG_URL is set, PostgreSQL, and prints per lookup: the LIKE (as before), the store's
``articles_scoped_from`` now, and the anchor ``id = ?``, with each query's plan.

    nice -n 10 python bench/scoped_lookup.py [N]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from sqlalchemy import select, text

from storydiff.records import Article
from storydiff.store import open_store
from storydiff.store.schema import articles

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
LOOKUPS = 200


def fill(store) -> None:
    found = Article(id="new-7~abcdef12", source="x.html", title="t", text="Текст.", outlet="X")
    store.add_article(found)
    rows = ({"id": f"row-{i}", "sk": f"s{i}", "ch": f"c{i}", "at": "2026-12-07", "data": "x" * 200} for i in range(N))
    insert = text("INSERT INTO articles (id, source_key, content_hash, added_at, data, revision) "
                  "VALUES (:id, :sk, :ch, :at, :data, 1)")
    with store.engine.begin() as conn:
        batch = []
        for r in rows:
            batch.append(r)
            if len(batch) == 5000:
                conn.execute(insert, batch)
                batch = []
        if batch:
            conn.execute(insert, batch)
        if store.engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE articles")


def like_query(article_id: str):
    """The lookup as it was (before review 19b, 2)."""
    return select(articles.c.data).where(articles.c.id.like(article_id + "~________")).order_by(articles.c.seq).limit(20)


def read(store, query) -> list:
    with store._read() as conn:  # as the store's own lookups read: one snapshot each
        return conn.execute(query).all()


def per_lookup(run) -> float:
    t = time.perf_counter()
    for i in range(LOOKUPS):
        run(f"new-{i}")
    return (time.perf_counter() - t) / LOOKUPS


def main() -> None:
    urls = [f"sqlite:///{tempfile.mkdtemp()}/scoped.db"]
    if os.environ.get("STORYDIFF_BENCH_PG_URL"):
        urls.append(os.environ["STORYDIFF_BENCH_PG_URL"])
    print(f"{N:,} rows, {LOOKUPS} lookups of ids not stored (one, new-7, has a scoped row)")
    print(f"{'database':<11} {'LIKE (before) ms':>17} {'range (now) ms':>15} {'id = ms (anchor)':>17} {'LIKE/range':>11} {'range/id=':>10}")
    for url in urls:
        with open_store(url) as store:
            with store.engine.begin() as conn:
                conn.execute(articles.delete())
            fill(store)
            name = store.engine.dialect.name
            if name == "postgresql":  # before: without v12's index (PostgreSQL's LIKE uses it too)
                with store.engine.begin() as conn:
                    conn.exec_driver_sql("DROP INDEX articles_id_bytes")
                like = per_lookup(lambda i, store=store: read(store, like_query(i)))
                plans(store, like_only=True)
                with store.engine.begin() as conn:
                    conn.exec_driver_sql('CREATE INDEX articles_id_bytes ON articles (id COLLATE "C")')
                    conn.exec_driver_sql("ANALYZE articles")
            else:
                like = per_lookup(lambda i, store=store: read(store, like_query(i)))
                plans(store, like_only=True)
            eq = per_lookup(lambda i, store=store: read(store, select(articles.c.data).where(articles.c.id == i)))
            assert [a.id for a in store.articles_scoped_from("new-7")] == ["new-7~abcdef12"]
            now = per_lookup(store.articles_scoped_from)
            print(f"{name:<11} {like * 1e3:>17.3f} {now * 1e3:>15.3f} {eq * 1e3:>17.3f} {like / now:>10.0f}x {now / eq:>9.1f}x")
            plans(store)
            with store.engine.begin() as conn:
                conn.execute(articles.delete())


def plans(store, like_only: bool = False) -> None:
    from sqlalchemy import event

    seen = []

    def listen(conn, cursor, statement, params, context, many):
        seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", listen)
    store.articles_scoped_from("new-7")
    event.remove(store.engine, "before_cursor_execute", listen)
    statement, params = next((s, p) for s, p in seen if "FROM articles" in s)
    like = like_query("new-7").compile(store.engine, compile_kwargs={"literal_binds": True})
    runs = [("before", (str(like), {}))] if like_only else [("now", (statement, params))]
    for name, (sql, args) in runs:
        with store.engine.connect() as conn:
            if store.engine.dialect.name == "sqlite":
                plan = [str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, args or ())]
            else:
                plan = [r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql, args or None)]
        print(f"   plan {name}:", " | ".join(p.strip() for p in plan).replace("\x7f", "\\x7f"))


if __name__ == "__main__":
    main()
