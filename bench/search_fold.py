"""Cost of PostgreSQL's search index folding diacritics (round 16, migration 7): what a stored
text's tsvector costs to compute before and now, and what the migration takes on a stored index.

    python bench/search_fold.py --pg URL [--rows 3000] [--articles 5000]

1. Each tsvector over ROWS texts of ~3,000 characters per language (English, Polish, Ukrainian),
   generated in the query (the URL's database is only read): `to_tsvector('simple', body)`
   (before), over `search_index.pg_search_fold(body)` (now: NFD, the marks FTS5 drops removed after
   Latin letters, NFC), and over translate() of the letters with diacritics to their bases (ruled
   out). Best of 3, interleaved; ratios to before of the same run.
2. Migration 7 on a scratch database (storydiff_bench_search_fold, dropped after): ARTICLES article
   rows of ~3,000 characters (a third per language) and four quote rows of ~200 each, written at
   schema 6 (the anchor: the time to write them, their tsvectors computed), then upgraded.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch_pg import scratch_database

from storydiff.store.engine import make_engine
from storydiff.store.migrations import migrate
from storydiff.store.search_index import FOLD_FROM, FOLD_TO, insert_rows, pg_search_fold

TEXTS = {
    "en": "Kaja Kallas told the Financial Times that Article 5 would apply to every ally, she said on Monday. ",
    "pl": "„Prace rozpoczęliśmy natychmiast, na miejscu jest 120 strażaków” – powiedział rzecznik Marek "
          "Zieliński w Kępnie. Źródła w urzędzie twierdzą, że żadnych problemów nie ma. ",
    "uk": "Мешканці Києва та області повідомляють, що її джерела води забруднені; посадовці кажуть, що "
          "жодних проблем немає. ",
}
CHARS = 3000


def body(lang: str, chars: int = CHARS) -> str:
    t = TEXTS[lang]
    return (t * (chars // len(t) + 1))[:chars]


def tsvector_costs(url: str, rows: int) -> dict[tuple[str, str], float]:
    exprs = {
        "before": "to_tsvector('simple', x.body)",
        "now": f"to_tsvector('simple', {pg_search_fold('x.body')})",
        "translate()": "to_tsvector('simple', translate(x.body, :a, :b))",
    }
    out: dict[tuple[str, str], float] = {}
    with make_engine(url, create=False).connect() as conn:
        for _ in range(3):
            for lang in TEXTS:
                for name, expr in exprs.items():
                    sql = (f"SELECT sum(length(({expr})::text)) FROM generate_series(1, {int(rows)}) g "
                           "CROSS JOIN LATERAL (SELECT :body || g AS body) x")
                    t = time.perf_counter()
                    conn.execute(text(sql), {"body": body(lang), "a": FOLD_FROM, "b": FOLD_TO}).all()
                    t = time.perf_counter() - t
                    out[lang, name] = min(out.get((lang, name), t), t)
    return out


def migration_cost(server: str, articles: int) -> tuple[float, float]:
    langs = list(TEXTS)
    batch = [(i + 1, ({"outlet": "o", "published": None, "body": body(langs[i % 3]) + str(i)},
                      [{"outlet": "o", "published": None, "position": j, "speaker": None, "context": None,
                        "body": body(langs[i % 3], 200) + str(j)} for j in range(4)]))
             for i in range(articles)]
    with scratch_database(server, "storydiff_bench_search_fold") as url:
        engine = make_engine(url)
        migrate(engine, target=6)
        t = time.perf_counter()
        with engine.begin() as conn:
            for k in range(0, len(batch), 500):
                insert_rows(conn, batch[k : k + 500])
        written = time.perf_counter() - t
        t = time.perf_counter()
        assert migrate(engine) == 7
        upgraded = time.perf_counter() - t
        with engine.connect() as conn:  # the upgrade folded the rows already stored
            found = conn.execute(text("SELECT count(*) FROM search_articles WHERE tsv @@ to_tsquery('simple', 'kepnie')"))
            assert found.scalar_one() == len(range(1, articles, 3))
        engine.dispose()
    return written, upgraded


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", required=True, help="a PostgreSQL server URL")
    ap.add_argument("--rows", type=int, default=3000)
    ap.add_argument("--articles", type=int, default=5000)
    args = ap.parse_args()
    res = tsvector_costs(args.pg, args.rows)
    print(f"{args.rows:,} texts of {CHARS:,} characters per language, best of 3 interleaved\n")
    print("| language | tsvector of | per text (ms) | ratio to before |")
    print("|---|---|---|---|")
    for (lang, name), t in res.items():
        print(f"| {lang} | {name} | {t / args.rows * 1000:.2f} | {t / res[lang, 'before']:.2f} |")
    written, upgraded = migration_cost(args.pg, args.articles)
    print(f"\nmigration 7 on {args.articles:,} articles and {4 * args.articles:,} quotes: writing them at "
          f"schema 6 {written:.1f} s, the upgrade {upgraded:.1f} s ({upgraded / written:.2f}x)")


if __name__ == "__main__":
    main()
