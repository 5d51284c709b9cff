"""Article metadata on AEB pages, where the benchmark has gold: the page's URL (so its outlet
domain). Everything else AEB has no gold for, so the script reports coverage and sanity only:
how often a title, a date (never in the future), people as authors and a language are found,
beside trafilatura's own metadata run in the same script.

    python bench/metadata.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "aeb"


def domain(url: str | None) -> str | None:
    from storydiff.extract.metadata import outlet_from_url

    return outlet_from_url(url)


def main() -> None:
    import trafilatura

    from storydiff.extract.html import extract_html

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    gold = json.loads((DATA / "ground-truth.json").read_text())
    ids = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    today = date.today().isoformat()
    rows = {"storydiff": [], "storydiff fast": [], "trafilatura metadata": []}
    timing = dict.fromkeys(rows, 0.0)
    for pid in ids:
        with gzip.open(DATA / "html" / f"{pid}.html.gz") as f:
            html = f.read()
        want = domain(gold[pid]["url"])
        for name in ("storydiff", "storydiff fast"):
            t0 = time.perf_counter()
            try:
                page = extract_html(html, fast=name.endswith("fast"))
                got = (page.url, page.title, page.published, page.authors, page.language)
            except ValueError:
                got = (None, None, None, [], None)
            timing[name] += time.perf_counter() - t0
            rows[name].append((want, *got))
        t0 = time.perf_counter()
        meta = trafilatura.extract_metadata(html)
        timing["trafilatura metadata"] += time.perf_counter() - t0
        authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else []
        rows["trafilatura metadata"].append(
            (want, meta.url if meta else None, meta.title if meta else None, meta.date if meta else None, authors, None)
        )
    n = len(ids)
    print(f"## Metadata on AEB ({n} pages; gold: the page URL)\n")
    print("| system | outlet domain right (gold) | URL found | title found | date found | date in the future | dates on 1 January (bare-year risk) | authors found | language found |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, rs in rows.items():
        right = sum(1 for want, url, *_ in rs if url and domain(url) == want)
        found_url = sum(1 for r in rs if r[1])
        title = sum(1 for r in rs if r[2])
        dated = sum(1 for r in rs if r[3])
        future = sum(1 for r in rs if r[3] and r[3][:10] > today)
        new_year = sum(1 for r in rs if r[3] and r[3][5:10] == "01-01")
        authors = sum(1 for r in rs if r[4])
        lang = sum(1 for r in rs if r[5])
        lang_cell = f"{lang / n:.3f}" if name != "trafilatura metadata" else "-"
        print(f"| {name} | {right / n:.3f} | {found_url / n:.3f} | {title / n:.3f} | {dated / n:.3f} | {future} | {new_year} | {authors / n:.3f} | {lang_cell} |")
    print("\nseconds per page: " + ", ".join(f"{k} {v / n * 1000:.0f} ms" for k, v in timing.items()))
    print("(trafilatura metadata is its metadata pass alone; storydiff's time includes the body.)")


if __name__ == "__main__":
    main()
