"""`storydiff search` on a 100k-article store: median time of 20 queries, SQLite and PostgreSQL.

    python bench/search.py [--n 100000] [--pg URL] [--keep DIR]

How the store is built: 100,000 synthetic articles, each 6-14 paragraphs drawn (seeded) from real
news text — PolNeAR's 924 US political articles (full of direct quotes) and the WMT dev set's 229
English, Russian and Ukrainian documents — under 40 invented outlets and dates over two years.
They are written straight into the tables in bulk (articles and their search rows, quotes found
once per source paragraph), not through the ingest pipeline: search is what is measured, and
extracting 100k pages would take hours here. Each query is the store's real search path
(``search.search_stored``: articles and quotes, their stories), timed in-process; the anchor is
the same query as a LIKE scan of the same rows (no index), and the whole `storydiff search`
command (a new Python process: imports and opening the database included) is timed too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT / "src"))

from storydiff.records import Article  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from scratch_pg import database_url, drop_database, recreate_database  # noqa: E402


def corpus_paragraphs() -> list[tuple[str, str]]:
    """(paragraph, language) of every source document."""
    paras: list[tuple[str, str]] = []
    for split in ("train", "dev"):
        for f in sorted((SHARED / "quotes/polnear/data" / split / "text").glob("*.txt")):
            for p in f.read_text(encoding="utf-8", errors="replace").split("\n"):
                if len(p.split()) >= 8:
                    paras.append((p.strip(), "en"))
    for line in (SHARED / "crosslingual/wmt-dev/docs.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        sents = d["sentences"]
        for i in range(0, len(sents), 3):
            paras.append((" ".join(sents[i : i + 3]), d["lang"]))
    return paras


def quote_spans(paras: list[tuple[str, str]]) -> list[list[tuple[int, int]]]:
    from storydiff.analyze.quotes import find_quotes

    return [[(q.start, q.end) for q in find_quotes(p, with_speakers=False)] for p, _ in paras]


def synth(n: int, paras, spans, seed: int = 0):
    """n Articles with their quotes, and their story ids (stories of 1-6 articles)."""
    from storydiff.records import Quote

    rnd = random.Random(seed)
    outlets = [f"Outlet {i:02d} News" for i in range(40)]
    story, left = 0, 0
    for i in range(n):
        if left == 0:
            story, left = story + 1, rnd.randint(1, 6)
        left -= 1
        picks = [rnd.randrange(len(paras)) for _ in range(rnd.randint(6, 14))]
        text_parts, quotes, at = [], [], 0
        for k in picks:
            p = paras[k][0]
            for a, b in spans[k]:
                quotes.append(Quote(p[a:b], at + a, at + b))
            text_parts.append(p)
            at += len(p) + 1
        text = "\n".join(text_parts)
        title = " ".join(text_parts[0].split()[:10])
        when = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(days=rnd.randrange(730), hours=rnd.randrange(24))
        published = when.isoformat()
        yield Article(id=f"a{i}", source=f"bench#{i}", url=f"https://outlet{i % 40}.example/{i}", outlet=outlets[i % 40],
                      title=title, published=published, text=text, language=paras[picks[0]][1],
                      raw_digest=f"{i:032x}", quotes=quotes), f"s{story}"


def build(url: str, n: int, paras, spans) -> float:
    """Bulk-write n articles into a new store at url; seconds taken."""
    from sqlalchemy import insert, text

    from storydiff.dates import sortable_time
    from storydiff.store import codec, open_store
    from storydiff.store.schema import articles
    from storydiff.store.search_index import entries_for, insert_rows

    t0 = time.perf_counter()
    store = open_store(url)
    batch_a, batch_e, seq = [], [], 0  # articles rows; (seq, search rows)
    with store.engine.begin() as conn:
        seq = conn.execute(text("SELECT COALESCE(MAX(seq), 0) FROM articles")).scalar()

    def flush():
        with store.engine.begin() as conn:
            conn.execute(insert(articles), batch_a)
            insert_rows(conn, batch_e)
        batch_a.clear()
        batch_e.clear()

    for a, sid in synth(n, paras, spans):
        seq += 1
        batch_a.append({
            "seq": seq, "id": a.id, "source_key": codec.item_key(a.source, a.raw_digest),
            "url_key": codec.key_hash(codec.canonical_url(a.url)), "content_hash": codec.article_content_hash(a),
            "story_id": sid, "outlet": a.outlet, "title": a.title, "published": sortable_time(a.published),
            "added_at": codec.now_iso(), "data": codec.article_to_json(a), "revision": 1,
        })
        batch_e.append((seq, entries_for(a)))
        if len(batch_a) >= 2000:
            flush()
    if batch_a:
        flush()
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("search_articles", "search_quotes", "articles"):
                conn.exec_driver_sql(f"VACUUM ANALYZE {table}")
    else:
        with store.engine.begin() as conn:
            for fts in ("search_articles_fts", "search_quotes_fts"):
                conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
            conn.exec_driver_sql("ANALYZE")
    store.close()
    return time.perf_counter() - t0


_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def queries(paras, seed: int = 1) -> list[dict]:
    """20 queries drawn (seeded) from the corpus: single words, two- and three-word sets, phrases
    in quotes, prefixes, Russian/Ukrainian words, and the filters (--speaker, --outlet, --since)."""
    rnd = random.Random(seed)
    en = [p for p, lang in paras if lang == "en"]
    other = [p for p, lang in paras if lang in ("ru", "uk")]

    def words(pool, k):
        while True:
            ws = _WORD.findall(rnd.choice(pool))
            if len(ws) >= k + 2:
                start = rnd.randrange(len(ws) - k)
                return ws[start : start + k]

    def phrase(pool):  # two words side by side in some paragraph
        while True:
            ws = rnd.choice(pool).split()
            pairs = [(a, b) for a, b in zip(ws, ws[1:]) if a.isalpha() and b.isalpha() and len(a + b) > 7]
            if pairs:
                return " ".join(rnd.choice(pairs))

    qs = []
    for _ in range(4):
        qs.append({"q": words(en, 1)[0]})
    for _ in range(4):
        qs.append({"q": " ".join(words(en, 2))})
    for _ in range(3):
        qs.append({"q": f'"{phrase(en)}"'})
    for _ in range(3):
        qs.append({"q": words(other, 1)[0]})
    qs.append({"q": words(en, 1)[0][:5] + "*"})
    qs.append({"q": " ".join(words(en, 3))})
    qs.append({"q": words(en, 1)[0], "speaker": "Trump"})
    qs.append({"q": words(en, 1)[0], "outlet": "Outlet 07"})
    qs.append({"q": words(en, 1)[0], "since": "2024-06-01"})
    qs.append({"q": '"health care"', "speaker": "Clinton"})
    return qs


def like_scan(store, q: dict) -> float:
    """The anchor: the same words found by LIKE over the same rows, no index (first 20 rows)."""
    from sqlalchemy import text

    from storydiff.store.search_index import parse_query

    terms = parse_query(q["q"])
    where = " AND ".join(f"lower(body) LIKE :t{i}" for i in range(len(terms)))
    params = {f"t{i}": "%" + t.text.rstrip("*").lower() + "%" for i, t in enumerate(terms)}
    t0 = time.perf_counter()
    with store.engine.connect() as conn:
        for table in ("search_articles", "search_quotes"):
            conn.execute(text(f"SELECT seq FROM {table} WHERE {where} LIMIT 20"), params).all()
    return time.perf_counter() - t0


def measure(url: str, qs: list[dict], cli_runs: int) -> dict:
    from storydiff.search import search_stored
    from storydiff.store import open_store

    store = open_store(url, create=False)
    def run(q: dict):
        return search_stored(store, q["q"], **{k: v for k, v in q.items() if k != "q"})

    for q in qs[:3]:  # warm the page cache as a running server would have it
        run(q)
    times, hits, scans = [], [], []
    for q in qs:
        t0 = time.perf_counter()
        r = run(q)
        times.append(time.perf_counter() - t0)
        hits.append(len(r.articles) + len(r.quotes))
        scans.append(like_scan(store, q))
    store.close()
    cli = []
    for q in qs[:cli_runs]:
        cmd = [sys.executable, "-m", "storydiff", "search", q["q"], "--db", url, "--json"]
        for flag in ("speaker", "outlet", "since"):
            if q.get(flag):
                cmd += [f"--{flag}", q[flag]]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        cli.append(time.perf_counter() - t0)
    return {"times": times, "hits": hits, "scans": scans, "cli": cli}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--pg", default=os.environ.get("STORYDIFF_BENCH_PG_URL"), help="a PostgreSQL server: the bench builds its store in a database storydiff_bench_search_N there")
    ap.add_argument("--keep", help="folder for the SQLite store (default: a temporary one)")
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--reuse", action="store_true", help="measure the stores a previous run built (same --n)")
    args = ap.parse_args()
    paras = corpus_paragraphs()
    t0 = time.perf_counter()
    spans = quote_spans(paras)
    print(f"corpus: {len(paras):,} paragraphs ({sum(map(len, spans)):,} quotes) in {time.perf_counter() - t0:.0f} s")
    qs = queries(paras)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storydiff-search-"))
    folder.mkdir(parents=True, exist_ok=True)
    targets = [("SQLite (FTS5)", str(folder / f"search-{args.n}.db"))]
    if args.pg:
        # a database of the bench's own on that server; the one the URL names is not touched. With
        # --keep it is named by --n alone and kept, so --reuse finds it; else the process's own, dropped
        pg_name = (f"storydiff_bench_search_{args.n}" if (args.keep or args.reuse)
                   else f"storydiff_bench_search_{args.n}_{os.getpid()}")
        pg = database_url(args.pg, pg_name) if args.reuse else recreate_database(args.pg, pg_name)
        targets.append(("PostgreSQL (tsvector, GIN)", pg))
    rows = []
    for name, url in targets:
        if args.reuse:
            built = 0.0
        else:
            if url.endswith(".db"):
                Path(url).unlink(missing_ok=True)
            built = build(url, args.n, paras, spans)
        m = measure(url, qs, args.cli_runs)
        rows.append((name, built, m))
    if args.pg and not (args.keep or args.reuse):
        drop_database(args.pg, pg_name)
    print(f"\n{args.n:,} articles; 20 queries: {', '.join(q['q'] + ''.join(f' --{k} {v}' for k, v in q.items() if k != 'q') for q in qs)}\n")
    print("| store | built in | median (ms) | p90 (ms) | max (ms) | hits/query | LIKE scan, median (ms) | speed-up | `storydiff search` process, median (ms) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, built, m in rows:
        ms = sorted(t * 1000 for t in m["times"])
        scan = statistics.median(m["scans"]) * 1000
        print(f"| {name} | {built:.0f} s | **{statistics.median(ms):.1f}** | {ms[int(0.9 * len(ms)) - 1]:.1f} | {ms[-1]:.1f} | "
              f"{statistics.mean(m['hits']):.1f} | {scan:.0f} | {scan / statistics.median(ms):.0f}x | "
              f"{statistics.median(m['cli']) * 1000:.0f} |")


if __name__ == "__main__":
    main()
