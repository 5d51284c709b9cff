"""CPU of `watch`'s per-page <head> read (``Round._own_site``: the site's name a page gives, round
27, QA pass 27b, 12) beside extraction's, on bench/watch.py's 200 pages.

    python bench/watch_head_read.py
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

EXTRACTED = 60  # pages extracted, scaled to all: extraction is the slow part


def main() -> None:
    import watch as bench_watch

    from storydiff.extract import extract_item
    from storydiff.fetch.round import Round
    from storydiff.records import RawItem

    bodies = bench_watch.pages()
    rnd = Round([], lookup=lambda urls: {}, now=datetime.now(UTC))
    start = time.process_time()
    named = 0
    for _ in range(3):
        named = sum(bool(rnd._own_site(SimpleNamespace(body=b, charset=None, final_url=f"http://h{i}.test/p")))
                    for i, b in enumerate(bodies))
    head = (time.process_time() - start) / 3
    start = time.process_time()
    for i, b in enumerate(bodies[:EXTRACTED]):
        try:
            extract_item(RawItem(source=f"http://h{i}.test/p", kind="html", content=b.decode("utf-8", "replace"),
                                 url=f"http://h{i}.test/p"))
        except ValueError:
            pass  # a page extraction refuses: its time counts all the same
    extraction = (time.process_time() - start) / EXTRACTED * len(bodies)
    print(f"pages {len(bodies)}, naming a site {named}; head read {head:.3f} s CPU "
          f"({head / len(bodies) * 1000:.2f} ms a page); extraction ~{extraction:.1f} s CPU; "
          f"head read / extraction {head / extraction:.4f}")


if __name__ == "__main__":
    main()
