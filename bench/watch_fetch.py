"""The fetch side of `storydiff watch` alone: one ``Round`` (fetch/round.py) over 20 loopback outlets
(tests/outlets.py) of 10 pages each behind an RSS feed, no extraction, nothing stored; wall seconds.

    python bench/watch_fetch.py [--repeat 3] [--baseline-src DIR]

With --baseline-src (e.g. `git archive main src | tar -x -C DIR`), each run is repeated on that src/
in a child process, interleaved with ours, for a before/after table of the same minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N_HOSTS, PER_HOST = 20, 10


def one(delay: float) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT / "tests"))
    from outlets import Outlets, Page, article_html, rss

    from storydiff.fetch.round import Round
    from storydiff.settings import FetchSettings, WatchSettings

    o = Outlets()
    hosts = [f"o{i}.test" for i in range(N_HOSTS)]
    for h in hosts:
        o.set(h, "/robots.txt", Page(b"User-agent: *\n", content_type="text/plain"))
        o.set(h, "/feed.xml", Page(rss(h, f"http://{h}/", [{"title": f"t{j}", "link": f"http://{h}/a/{j}",
                                                            "published": "Mon, 11 Mar 2024 10:00:00 GMT"}
                                                           for j in range(PER_HOST)]),
                                   content_type="application/rss+xml"))
        for j in range(PER_HOST):
            o.set(h, f"/a/{j}", Page(article_html(f"T {h} {j}", ["Words of a page. " * 200], outlet=h,
                                                  published="2024-03-11T10:00:00Z")))
    o.start()
    events: list = []

    async def emit(ev) -> None:
        events.append(ev)

    t = time.monotonic()
    rnd = Round([f"http://{h}/feed.xml" for h in hosts], lookup=lambda urls: {}, now=datetime.now(UTC),
                settings=replace(FetchSettings(), delay=delay), watch=WatchSettings(), resolve=o.resolve_map())
    asyncio.run(rnd.run(emit))
    took = time.monotonic() - t
    o.close()
    return took, sum(type(e).__name__ == "RawItem" for e in events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-src")
    ap.add_argument("--run-one", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_one is not None:
        took, pages = one(args.run_one)
        print(f"{took} {pages}")
        return
    trees = [("this tree", str(ROOT / "src"))] + ([("baseline", str(Path(args.baseline_src).resolve()))]
                                                  if args.baseline_src else [])
    times: dict[tuple[str, float], list[float]] = {}
    for _ in range(args.repeat):
        for delay in (0.0, 1.0):
            for name, src in trees:
                out = subprocess.run([sys.executable, __file__, "--run-one", str(delay)], capture_output=True,
                                     text=True, env={**os.environ, "PYTHONPATH": src}, check=True).stdout.split()
                assert int(out[1]) == N_HOSTS * PER_HOST, out
                times.setdefault((name, delay), []).append(float(out[0]))
    print(f"{N_HOSTS} outlets x {PER_HOST} pages, one round, no extraction; median of {args.repeat} interleaved runs\n")
    print("| tree | delay 0 (s) | 1 s delay per host (s) | delay 0 vs this tree |")
    print("|---|---|---|---|")
    anchor = statistics.median(times[("this tree", 0.0)])
    for name, _ in trees:
        d0, d1 = statistics.median(times[(name, 0.0)]), statistics.median(times[(name, 1.0)])
        print(f"| {name} | {d0:.2f} | {d1:.2f} | {d0 / anchor:.2f}x |")


if __name__ == "__main__":
    main()
