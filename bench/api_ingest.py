"""REST API upload throughput: POST /api/articles against ``pipeline.ingest_stream`` (what
``storydiff ingest`` runs, workers 0) on the same records, each on a new SQLite database, in this
process, runs alternating (anchor, api, anchor, api, ...).

    python bench/api_ingest.py [--n 400] [--repeat 2]

Records: the ECB+ dev texts (/work/shared/data/stories/ecbplus-dev.jsonl), given an outlet from a
list of 8 by their number; every fourth record (``--every N``: every Nth, 0: none) has no url and no id (an item the API names by its
text and outlet), the others an id. One request carries them all (at most MAX_ITEMS), then the same
request again (every item a repeat). Ratio: API seconds / ingest_stream seconds (lower is better;
the API also parses JSON and sanitises each item).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ECB = Path("/work/shared/data/stories/ecbplus-dev.jsonl")
OUTLETS = ["Kyiv Herald", "Lviv Post", "Odesa Daily", "Dnipro News", "Kharkiv Today", "Poltava Wire",
           "Sumy Courier", "Rivne Gazette"]


def records(n: int, every: int = 4) -> list[dict]:
    out = []
    with ECB.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                break
            row = json.loads(line)
            rec = {"title": row.get("title") or "", "text": row["text"], "outlet": OUTLETS[i % len(OUTLETS)],
                   "published": f"2024-03-{1 + i % 27:02d}T08:{i % 60:02d}:00Z"}
            if not every or i % every:
                rec["id"] = row["doc_id"]
            out.append(rec)
    return out


def run_anchor(db: str, recs: list[dict]) -> tuple[float, int]:
    from functools import partial

    from storydiff.analyze import analyze_articles
    from storydiff.ingest.formats import record_to_item
    from storydiff.pipeline import ingest_stream
    from storydiff.settings import IngestSettings
    from storydiff.store import open_store

    store = open_store(db)
    t0 = time.perf_counter()
    items = [record_to_item(f"bench#L{i}", r, IngestSettings()) for i, r in enumerate(recs)]
    stats = ingest_stream(store, items, analyze=partial(analyze_articles, deep=False))
    seconds = time.perf_counter() - t0
    store.close()
    return seconds, stats["stored"]


def run_api(db: str, recs: list[dict]) -> tuple[float, int, float]:
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    auth = {"Authorization": "Bearer bench"}
    with TestClient(create_app(db, token="bench"), base_url="http://localhost") as client:
        t0 = time.perf_counter()
        out = client.post("/api/articles", json=recs, headers=auth).json()
        first = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = client.post("/api/articles", json=recs, headers=auth).json()
        repeat = time.perf_counter() - t1
    assert again["skipped"] == len(recs), again["skipped"]
    return first, out["stored"], repeat


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--every", type=int, default=4, help="every Nth record without url or id (0: none)")
    args = ap.parse_args()
    if not ECB.exists():
        sys.exit(f"{ECB} not found")
    recs = records(args.n, args.every)
    anchor, api, repeat = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        run_anchor(f"{tmp}/warm.db", recs[:20])  # models and imports loaded before timing
        for k in range(args.repeat):
            s, stored_anchor = run_anchor(f"{tmp}/a{k}.db", recs)
            anchor.append(s)
            s, stored_api, r = run_api(f"{tmp}/b{k}.db", recs)
            api.append(s)
            repeat.append(r)
    a, b, r = statistics.median(anchor), statistics.median(api), statistics.median(repeat)
    print(f"{len(recs)} records ({sum('id' not in x for x in recs)} without url or id)")
    print("| run | seconds (median) | stored | ratio to ingest_stream |")
    print("|---|---|---|---|")
    print(f"| ingest_stream (anchor) | {a:.2f} | {stored_anchor} | 1.00 |")
    print(f"| POST /api/articles | {b:.2f} | {stored_api} | {b / a:.2f} |")
    print(f"| the same POST again (all repeats) | {r:.2f} | 0 | {r / a:.2f} |")


if __name__ == "__main__":
    main()
