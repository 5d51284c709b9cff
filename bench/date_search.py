"""How much markup htmldate's extensive date search is worth running on
(``ExtractSettings.extensive_date_search_bytes``), chosen by cross-validation by site.

    nice -n 10 python bench/date_search.py          # ~5 min on the 2-core box

For every wcxb-dev and fundus-tests page without a date in its tags (the pages where
``extract_html`` asks htmldate at all), the date found with and without htmldate's extensive search
(free-text segments, then regexes over the serialised page), the CPU each took, the markup size and
the gold date. A cut S means: extensive search on pages of at most S bytes of markup, the
structured search alone above. Each of 5 folds (pages grouped by site) chooses the smallest cut
that finds as many right dates as any cut on the other folds, and is scored on its own pages.
"""

from __future__ import annotations

import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extraction_corpora import domain, html_pages

GRID = [100_000, 150_000, 200_000, 300_000, 400_000, 500_000, 700_000, 1_000_000, 1_500_000, 2_000_000, 4_000_000]
FOLDS = 5


def measure() -> list[dict]:
    from storydiff.extract import html as H

    rows = []
    for corpus in ("wcxb", "fundus"):
        for page in html_pages(corpus):
            try:
                markup = H._check_size(page.html())
                tree = H._parse_markup(markup)
            except ValueError:
                continue
            if H._valid_date(H.page_meta(tree).published):
                continue  # dated by its tags: no search
            found = {}
            for extensive in (True, False):
                t = time.process_time()
                day = H.find_published(tree, page.url, extensive=extensive)
                found[extensive] = (day, time.process_time() - t)
            rows.append({"corpus": corpus, "site": domain(page.url) or page.id, "gold": (page.published or "")[:10],
                         "ext": found[True][0], "fast": found[False][0], "te": found[True][1], "tf": found[False][1],
                         "size": len(markup)})
    return rows


def score(rows: list[dict], cut: float) -> tuple[int, float, int]:
    """(right dates, CPU seconds, dates given where the gold has none) with the cut."""
    def got(r):
        return r["ext"] if r["size"] <= cut else r["fast"]

    right = sum((got(r) or "")[:10] == r["gold"] for r in rows if r["gold"])
    spent = sum(r["te"] if r["size"] <= cut else r["tf"] for r in rows)
    extra = sum(bool(got(r)) for r in rows if not r["gold"])
    return right, spent, extra


def main() -> None:
    from storydiff.settings import ExtractSettings

    rows = measure()
    for corpus in ("wcxb", "fundus"):
        mine = [r for r in rows if r["corpus"] == corpus]
        print(f"{corpus}: {len(mine)} pages without a date tag, {sum(bool(r['gold']) for r in mine)} with a gold date")
    wcxb = [r for r in rows if r["corpus"] == "wcxb"]
    print("\n| fold | cut chosen on the other folds | right dates held out (always extensive) | date search CPU s "
          "(always extensive) | dates where the gold has none (always extensive) |")
    print("|---|---:|---:|---:|---:|")
    totals = [0, 0.0, 0, 0, 0.0, 0]
    for k in range(FOLDS):
        test = [r for r in wcxb if zlib.crc32(r["site"].encode()) % FOLDS == k]
        train = [r for r in wcxb if zlib.crc32(r["site"].encode()) % FOLDS != k]
        best = max(score(train, c)[0] for c in GRID)
        cut = min(c for c in GRID if score(train, c)[0] == best)
        held, always = score(test, cut), score(test, float("inf"))
        print(f"| {k} | {cut / 1000:.0f} KB | {held[0]} ({always[0]}) | {held[1]:.1f} ({always[1]:.1f}) | {held[2]} ({always[2]}) |")
        totals = [a + b for a, b in zip(totals, [*held, *always])]
    print(f"| all | | {totals[0]} ({totals[3]}) | {totals[1]:.1f} ({totals[4]:.1f}) | {totals[2]} ({totals[5]}) |")
    shipped = ExtractSettings().extensive_date_search_bytes
    fundus = [r for r in rows if r["corpus"] == "fundus"]
    right, spent, _ = score(fundus, shipped)
    print(f"\nshipped cut {shipped / 1000:.0f} KB on fundus-tests (never looked at): right {right} "
          f"(always extensive {score(fundus, float('inf'))[0]}), {spent:.1f} s")


if __name__ == "__main__":
    main()
