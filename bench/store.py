"""Store throughput: storydiff's Store against plain-driver anchors on the same rows.

    python bench/store.py            # 5,000 articles
    python bench/store.py --quick    # 1,000
    STORYDIFF_TEST_PG_URL=... python bench/store.py   # adds PostgreSQL rows (bash .ci/postgres.sh),
                                                      # timed in a database it creates and drops

Articles are built from the ECB+ dev texts (/work/shared/data/stories/ecbplus-dev.jsonl) when
present, cycled and numbered to make each unique; else from generated text. Each article carries
sentences, quotes, origins and entities like an analysed one. Anchors:
  * sqlite3 executemany: the raw driver inserting the same JSON in one transaction, no duplicate
    checks beyond a primary key: the floor for "store N rows in one SQLite file";
  * sqlite3 per-row commit: the same, one transaction per row (what add_article does alone);
  * JSON lines: append to / read back a flat file, no index at all.
Ratios are ours / anchor (lower is better; 1.0 = as fast as the raw driver).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch_pg import scratch_database

from storydiff.records import Article, Entity, Origin, Quote, article_id_for
from storydiff.store import open_store
from storydiff.store.codec import article_to_json

ECB = Path("/work/shared/data/stories/ecbplus-dev.jsonl")


def make_articles(n: int) -> list[Article]:
    if ECB.exists():
        docs = [json.loads(line) for line in ECB.open(encoding="utf-8")]
        texts = [(d.get("title") or "", d["text"]) for d in docs]
    else:
        texts = [(f"Title {i}", " ".join(f"word{i}_{j}" for j in range(400))) for i in range(100)]
    out = []
    for i in range(n):
        title, body = texts[i % len(texts)]
        text = f"{body}\n(copy {i})"
        url = f"https://outlet{i % 40}.example/news/{i}"
        spans, pos = [], 0
        for part in text.split("\n"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        out.append(
            Article(
                id=article_id_for(f"bench#{i}", url, text),
                source=f"bench#{i}",
                text=text,
                url=url,
                outlet=f"Outlet {i % 40}",
                title=title,
                published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                sentences=spans,
                quotes=[Quote(text=text[:40], start=0, end=40, speaker="A Person", cue="said")],
                origins=[Origin(name="Reuters", kind="wire", evidence="(Reuters)", start=0)],
                entities=[Entity("Reuters", "ORG"), Entity("Kyiv", "GPE")],
            )
        )
    return out


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench_store(url: str, arts: list[Article]) -> dict[str, float]:
    r: dict[str, float] = {}
    half = len(arts) // 2
    store = open_store(url)
    r["add, one commit each"] = timed(
        lambda: [store.add_article(a, story_id=f"s{i // 5}") for i, a in enumerate(arts[:half])]
    )

    # the second half in one batch: a quarter plain, a quarter each in its own savepoint as
    # ingest stores an item (Store.item, round 22: one bad item is undone alone)
    quarter = half + (len(arts) - half) // 2

    def batched(part, savepoints=False):
        with store.batch():
            for i, a in part:
                if savepoints:
                    with store.item():
                        store.add_article(a, story_id=f"s{i // 5}")
                else:
                    store.add_article(a, story_id=f"s{i // 5}")

    r["add, one batch"] = timed(lambda: batched(list(enumerate(arts, 0))[half:quarter]))
    if hasattr(store, "item"):  # round 22: absent from a checkout before it
        r["add, one batch, a savepoint each"] = timed(lambda: batched(list(enumerate(arts, 0))[quarter:], True))
    else:
        r["add, one batch, a quarter more"] = timed(lambda: batched(list(enumerate(arts, 0))[quarter:]))
    r["re-add all (duplicates)"] = timed(lambda: [store.add_article(a) for a in arts])
    r["has_source x N"] = timed(lambda: [store.has_item(a.source, a.raw_digest) for a in arts])
    r["get_article x N"] = timed(lambda: [store.get_article(a.id) for a in arts])
    # what ingest asks of each new article at a URL no stored one holds (a slug changed with its
    # headline, versions.stored.moved_from): the outlet's articles published at that instant (none here)
    r["articles_published_at x N"] = timed(
        lambda: [store.articles_published_at(a.outlet, f"{a.published}T06:10:00Z") for a in arts])
    if hasattr(store, "articles_read_from"):  # round 19: absent from a checkout before it
        # what ingest asks of each new article without a URL (versions.stored.resaved_from, a page saved
        # again over its file): the articles read from its source (none here: another path)
        r["articles_read_from x N"] = timed(lambda: [store.articles_read_from(a.source + ".new") for a in arts])
    if hasattr(store, "articles_titled"):  # round 20: absent from a checkout before it
        # what ingest asks of each new article without a URL (versions.stored.copied_from, a pasted copy
        # of a stored page): the outlet's articles under its headline (each finds its own here)
        r["articles_titled x N"] = timed(lambda: [store.articles_titled(a.outlet, a.title) for a in arts])
    r["articles() all"] = timed(lambda: store.articles())
    r["stories() all"] = timed(lambda: store.stories())
    store.close()
    return r


def bench_anchors(path: str, arts: list[Article]) -> dict[str, float]:
    r: dict[str, float] = {}
    rows = [(a.id, a.source, article_to_json(a)) for a in arts]
    half = len(rows) // 2
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE a (id TEXT PRIMARY KEY, source TEXT, data TEXT)")

    def per_row():
        for row in rows[:half]:
            conn.execute("BEGIN")
            conn.execute("INSERT OR IGNORE INTO a VALUES (?,?,?)", row)
            conn.execute("COMMIT")

    def many():
        conn.execute("BEGIN")
        conn.executemany("INSERT OR IGNORE INTO a VALUES (?,?,?)", rows[half:])
        conn.execute("COMMIT")

    r["add, one commit each"] = timed(per_row)
    r["add, one batch"] = timed(many)
    r["get_article x N"] = timed(
        lambda: [
            Article.from_dict(
                json.loads(conn.execute("SELECT data FROM a WHERE id=?", (a.id,)).fetchone()[0])
            )
            for a in arts
        ]
    )
    r["articles() all"] = timed(
        lambda: [Article.from_dict(json.loads(d)) for (d,) in conn.execute("SELECT data FROM a")]
    )
    conn.close()
    jl = path + ".jsonl"

    def write_jsonl():
        with open(jl, "w", encoding="utf-8") as f:
            f.writelines(d + "\n" for _, _, d in rows)

    def read_jsonl():
        with open(jl, encoding="utf-8") as f:
            return [Article.from_dict(json.loads(line)) for line in f]

    r["jsonl write all"] = timed(write_jsonl)
    r["jsonl read all"] = timed(read_jsonl)
    return r


def bench_postgres(server_url: str, arts: list[Article]) -> dict[str, float]:
    """The store's timings in a database of the bench's own on the server the URL names."""
    with scratch_database(server_url, f"storydiff_bench_store_{os.getpid()}") as url:
        return bench_store(url, arts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--quick", action="store_true", help="1,000 articles")
    args = ap.parse_args()
    n = 1000 if args.quick else args.n
    arts = make_articles(n)
    mb = sum(len(article_to_json(a).encode()) for a in arts) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        anchors = bench_anchors(os.path.join(tmp, "anchor.db"), arts)
        ours = bench_store(os.path.join(tmp, "store.db"), arts)
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("store.db*")) / 1e6
        pg = None
        if os.environ.get("STORYDIFF_TEST_PG_URL"):
            pg = bench_postgres(os.environ["STORYDIFF_TEST_PG_URL"], arts)

    print(f"{n} articles, {mb:.1f} MB of JSON; SQLite file incl. WAL {db_mb:.1f} MB; half the adds")
    print("commit one by one, half in one batch; per-op times in ms per 1,000 articles\n")
    anchor_for = {"re-add all (duplicates)": "add, one commit each", "add, one batch, a savepoint each": "add, one batch",
                  "add, one batch, a quarter more": "add, one batch", "has_source x N": "get_article x N",
                  "articles_published_at x N": "get_article x N", "articles_read_from x N": "get_article x N",
                  "articles_titled x N": "get_article x N"}
    head = "| operation | ours SQLite | anchor: raw sqlite3 | ratio |" + (" ours PostgreSQL |" if pg else "")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for op, t in ours.items():
        # per 1,000 operations: the adds cover half the articles each
        per = 1000 / (n / 4 if op.startswith("add, one batch") else n / 2 if op.startswith("add") else n)
        a = anchors.get(op)
        note = ""
        if a is None and op in anchor_for:
            a, note = anchors[anchor_for[op]] * (2 if op.startswith("re-add") else 1), f" ({anchor_for[op]})"
        if a is not None and op.startswith("add, one batch"):
            a /= 2  # the raw driver's batch holds half the articles; ours a quarter each
        anchor = f"{a * per * 1000:.1f}{note}" if a is not None else "-"
        ratio = f"{t / a:.2f}" if a else "-"
        row = f"| {op} | {t * per * 1000:.1f} | {anchor} | {ratio} |"
        if pg:
            row += f" {pg[op] * per * 1000:.1f} |" if op in pg else " - |"
        print(row)
    per = 1000 / n
    print(f"| anchor: JSON lines write all | - | {anchors['jsonl write all'] * per * 1000:.1f} | - |")
    print(f"| anchor: JSON lines read all | - | {anchors['jsonl read all'] * per * 1000:.1f} | - |")


if __name__ == "__main__":
    main()
