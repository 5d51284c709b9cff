"""`storydiff watch` throughput: articles/s fetched + extracted + grouped + stored from a loopback
server playing 20 outlets (200 real news pages), beside the same pages through `ingest` from files.

    python bench/watch.py [--repeat 2]

Pages: the 181 AEB pages and the first 19 English pages of fundus-tests (../shared/data), 10 per
outlet, each outlet with an RSS feed listing its 10. The server is tests/outlets.py (a real HTTP
server on 127.0.0.1, routed by Host header) in this process; each measured run is a child process
(its own peak RSS), runs alternate (watch, ingest, watch, ...), and every run starts on a new
SQLite database. `watch` runs one round (`watcher.watch_round`, what `storydiff watch --once`
does) with no delay between requests to a host, and once with the default 1 s delay, which bounds
it: 10 pages per host at 1 s apart take 10 s whatever the machine. `ingest` runs
`pipeline.ingest_stream` over the folder of the same pages, in one process (workers 0, as watch
extracts) and with the CLI's default 2 extraction workers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYDIFF_SHARED_DATA", ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

N_HOSTS, PER_HOST = 20, 10


def pages() -> list[bytes]:
    aeb = sorted((SHARED / "extraction/aeb/html").glob("*.html.gz"))
    fundus = sorted(p for cc in ("uk", "us", "au", "ca", "in") for p in (SHARED / "extraction/fundus-tests" / cc).glob("*.html.gz"))
    files = (aeb + fundus)[: N_HOSTS * PER_HOST]
    assert len(files) == N_HOSTS * PER_HOST, f"need {N_HOSTS * PER_HOST} pages under {SHARED}"
    return [gzip.decompress(f.read_bytes()) for f in files]


def serve(bodies: list[bytes]):
    from outlets import Outlets, Page, rss

    o = Outlets()
    feeds = []
    for h in range(N_HOSTS):
        host = f"outlet{h:02d}.bench"
        items = []
        for k in range(PER_HOST):
            path = f"/news/{k}"
            o.set(host, path, Page(bodies[h * PER_HOST + k]))
            items.append({"title": f"story {k}", "link": f"http://{host}{path}"})
        o.set(host, "/feed.xml", Page(rss(f"Outlet {h}", f"http://{host}/", items), content_type="application/rss+xml"))
        feeds.append(f"http://{host}/feed.xml")
    return o.start(), feeds


def run_one(mode: str, db: str, arg: str) -> dict:
    from functools import partial

    from storydiff.analyze import analyze_articles
    from storydiff.store import open_store

    store = open_store(db)
    t0 = time.perf_counter()
    if mode.startswith("watch"):
        from dataclasses import replace

        from storydiff.settings import FetchSettings
        from storydiff.watcher import watch_round

        spec = json.loads(arg)
        settings = replace(FetchSettings(), delay=spec["delay"])
        stats = watch_round(store, spec["feeds"], settings=settings, resolve=spec["resolve"]).stats
    else:
        from storydiff.ingest import read_inputs
        from storydiff.pipeline import ingest_stream

        folder, workers = arg.split("|")
        stats = ingest_stream(store, read_inputs([folder]), analyze=partial(analyze_articles, deep=False),
                              workers=int(workers))
    seconds = time.perf_counter() - t0
    store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "stored": stats["stored"], "failed": stats["failed"], "rss_mb": rss,
            "worker_rss_mb": children}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--run-one", nargs=3, metavar=("MODE", "DB", "ARG"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_one:
        print(json.dumps(run_one(*args.run_one)))
        return
    bodies = pages()
    tmp = Path(tempfile.mkdtemp(prefix="storydiff-watch-bench-"))
    folder = tmp / "pages"
    folder.mkdir()
    for i, b in enumerate(bodies):
        (folder / f"page{i:03d}.html").write_bytes(b)
    server, feeds = serve(bodies)
    resolve = server.resolve_map()
    modes = {
        "watch, delay 0": ("watch", json.dumps({"feeds": feeds, "resolve": resolve, "delay": 0.0})),
        "ingest from files, workers 0": ("ingest", f"{folder}|0"),
        "ingest from files, workers 2": ("ingest", f"{folder}|2"),
    }
    results: dict[str, list[dict]] = {m: [] for m in modes}
    n = 0
    try:
        for _ in range(args.repeat):
            for name, (mode, arg) in modes.items():
                n += 1
                out = subprocess.run([sys.executable, __file__, "--run-one", mode, str(tmp / f"run{n}.db"), arg],
                                     capture_output=True, text=True, check=True)
                results[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(name, results[name][-1], file=sys.stderr)
        n += 1
        polite = json.dumps({"feeds": feeds, "resolve": resolve, "delay": 1.0})
        out = subprocess.run([sys.executable, __file__, "--run-one", "watch", str(tmp / f"run{n}.db"), polite],
                             capture_output=True, text=True, check=True)
        results["watch, default 1 s delay per host"] = [json.loads(out.stdout.strip().splitlines()[-1])]
    finally:
        server.close()
    anchor = statistics.median(r["stored"] / r["seconds"] for r in results["ingest from files, workers 0"])
    print(f"\n{len(bodies)} pages, {N_HOSTS} hosts; median of {args.repeat} alternated runs\n")
    print("| run | stored | failed | articles/s | vs ingest (workers 0) | peak RSS (MB) | worker peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for name, rs in results.items():
        rate = statistics.median(r["stored"] / r["seconds"] for r in rs)
        print(f"| {name} | {rs[0]['stored']} | {rs[0]['failed']} | {rate:.1f} | {rate / anchor:.2f}x | "
              f"{max(r['rss_mb'] for r in rs):.0f} | {max(r['worker_rss_mb'] for r in rs):.0f} |")


if __name__ == "__main__":
    main()
