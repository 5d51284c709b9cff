"""HTML bodies: storydiff's default alone, its share of pages with body recall < 0.5 per corpus,
wcxb by page type and site half, fundus by language (round 23).

``STORYDIFF_BENCH_CACHE=DIR nice -n 10 python bench/extraction_html_lost.py`` (about 25 min on the
busy 2-core box with an empty cache; storydiff's outputs are cached under the same key as
``bench/extraction.py --only html``'s, which prints them beside trafilatura's). AEB metric
(``aeb_metric``). Nothing from the pages is stored in the repository.
"""

from __future__ import annotations

from collections import defaultdict

from aeb_metric import lost_share, score
from extraction import _storydiff_key
from extraction_corpora import CORPORA, cached_outputs, html_pages, site_half

from storydiff.extract.html import extract_html


def main() -> None:
    print("| corpus / part | pages | P / R / F1 | pages with body recall < 0.5 |\n|---|---:|---:|---:|")
    for c in CORPORA:
        pages = html_pages(c)
        ours = cached_outputs(c, "storydiff", _storydiff_key(), lambda p: extract_html(p.html(), p.url).text)
        parts = defaultdict(list)
        parts[c] = pages
        for p in pages:
            if c != "aeb":
                parts[f"{c} {p.kind}"].append(p)
            if c == "wcxb":
                parts[f"{c} {site_half(p.group)} half"].append(p)
        for name, ps in sorted(parts.items(), key=lambda kv: -len(kv[1])):
            truth = {p.id: p.body for p in ps}
            s = score(truth, ours)
            share, n = lost_share(truth, ours)
            print(f"| {name} | {len(ps)} | {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.4f} | {share:.3f} ({n}) |",
                  flush=True)


if __name__ == "__main__":
    main()
