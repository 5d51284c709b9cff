"""Article metadata on AEB pages, where the benchmark has gold: the page's URL (so its outlet
domain). Everything else AEB has no gold for, so the script reports coverage and sanity only:
how often a title, a date (never in the future), people as authors and a language are found,
beside trafilatura's own metadata run in the same script.

Page text (aeb-lines: the same pages' visible text, no markup) gets its own table: date and
byline read from the text around the body, scored against what the HTML pipeline read from the
same page's markup (a silver reference: meta tags and JSON-LD), and on ECB+ dev, whose ECB+
documents print a date line under the headline, coverage per sub-corpus and agreement within
each event.

Where a corpus has gold metadata (wcxb-dev: title, author, date; fundus-tests: title, authors,
date), the first table scores title, authors and date against it, beside trafilatura's metadata
pass and htmldate run in the same script (outputs cached under $STORYDIFF_BENCH_CACHE).

    python bench/metadata.py [--limit N] [--only gold|aeb|byline]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA = SHARED / "extraction" / "aeb"


def domain(url: str | None) -> str | None:
    from storydiff.extract.metadata import outlet_from_url

    return outlet_from_url(url)


def main() -> None:
    import trafilatura

    from storydiff.extract import trafilatura_paths
    from storydiff.extract.html import extract_html

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--only", choices=["gold", "aeb", "byline", "pagetext-gold"], default=None,
                    help="gold: the gold table alone (wcxb-dev, fundus-tests); aeb: the AEB table alone; "
                         "byline: byline_from_dom against trafilatura's extract_author")
    args = ap.parse_args()
    if args.only == "pagetext-gold":
        pagetext_gold_table()
        return
    if args.only == "byline":
        byline_search()
        return
    if args.only != "aeb":
        gold_table()
    if args.only == "gold":
        return
    gold = json.loads((DATA / "ground-truth.json").read_text())
    ids = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    today = date.today().isoformat()
    rows = {"storydiff": [], "storydiff fast": [], "trafilatura metadata": []}
    timing = dict.fromkeys(rows, 0.0)
    extract_time = 0.0
    for pid in ids:
        with gzip.open(DATA / "html" / f"{pid}.html.gz") as f:
            html = f.read()
        want = domain(gold[pid]["url"])
        for name in ("storydiff", "storydiff fast"):  # rows: (gold domain, url, title, date, authors, lang)
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
        trafilatura_paths.uninstall()  # the anchor is trafilatura as installed, its own XPaths
        t0 = time.perf_counter()
        trafilatura.extract(html)  # the speed anchor of the issue's --fast target: trafilatura's default
        extract_time += time.perf_counter() - t0
        trafilatura_paths.install()
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
    anchor = timing["trafilatura metadata"] or 1.0
    print("time per page against trafilatura's metadata pass (interleaved, same pages): "
          + ", ".join(f"{k} {v / anchor:.2f}x" for k, v in timing.items() if k != "trafilatura metadata"))
    print(f"time per page against trafilatura's default extraction ({extract_time / n * 1000:.0f} ms, interleaved): "
          + ", ".join(f"{k} {v / (extract_time or 1.0):.2f}x" for k, v in timing.items() if k != "trafilatura metadata"))
    print("(trafilatura metadata is its metadata pass alone; storydiff's time includes the body.)")
    if args.only == "aeb":
        return
    html_rows = dict(zip(ids, rows["storydiff"]))
    pagetext_table(html_rows)
    ecb_dates()


def _norm(text: str | None) -> str:
    import re

    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _storydiff_row(page) -> str:
    """storydiff's metadata (default and fast paths) on one page, as JSON."""
    from storydiff.extract.html import extract_html

    html = page.html()
    row = {}
    for name, fast in (("storydiff", False), ("storydiff fast", True)):
        try:
            got = extract_html(html, page.url, fast=fast)
            row[name] = {"title": got.title, "authors": got.authors, "date": got.published}
        except ValueError:
            row[name] = {"title": None, "authors": [], "date": None}
    return json.dumps(row)


def _anchor_row(page) -> str:
    """trafilatura's metadata pass and htmldate on one page, as JSON."""
    import htmldate
    import trafilatura

    html = page.html()
    row = {}
    meta = trafilatura.extract_metadata(html, default_url=page.url)
    row["trafilatura metadata"] = {
        "title": meta.title if meta else None,
        "authors": [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else [],
        "date": meta.date if meta else None,
    }
    try:
        day = htmldate.find_date(html, url=page.url, original_date=True)
    except Exception:  # htmldate raises many kinds on odd pages
        day = None
    row["htmldate (original date, default search)"] = {"title": None, "authors": None, "date": day}
    return json.dumps(row)


def gold_table() -> None:
    """Title, authors and date against the gold of wcxb-dev and fundus-tests."""
    import sys

    import htmldate
    import trafilatura

    sys.path.insert(0, str(Path(__file__).parent))
    from extraction_corpora import cached_outputs, code_hash, html_pages

    key = code_hash("extract/html.py", "extract/html_authors.py", "extract/metadata.py", "extract/line_cleanup.py",
                    "dates.py")
    # the anchors' outputs change only with their versions: an edit of ours recomputes ours alone
    anchor_key = f"{trafilatura.__version__}-{htmldate.__version__}"
    for corpus in ("wcxb", "fundus"):
        pages = html_pages(corpus)
        ours = cached_outputs(corpus, "metadata-storydiff", key, _storydiff_row)
        anchors = cached_outputs(corpus, "metadata-anchors", anchor_key, _anchor_row)
        rows = {p.id: {**json.loads(ours.get(p.id) or "{}"), **json.loads(anchors.get(p.id) or "{}")} for p in pages}
        systems = list(next(iter(rows.values())))
        print(f"\n## Metadata against gold: {corpus} ({len(pages)} pages)\n")
        print("| system | title right (of pages with a gold title) | authors: a gold name found | authors: "
              "exactly the gold names | authors given where gold has none | date right, same day (of pages with a gold date) | "
              "date given where gold has none |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        titled = [p for p in pages if p.title]
        authored = [p for p in pages if p.authors]
        dated = [p for p in pages if p.published]
        undated = [p for p in pages if not p.published]
        unsigned = [p for p in pages if not p.authors]
        for system in systems:
            def got(p, field, system=system, rows=rows):
                return (rows.get(p.id) or {}).get(system, {}).get(field)

            title = sum(_norm(got(p, "title")) == _norm(p.title) for p in titled) / max(len(titled), 1)
            if got(pages[0], "authors") is None:
                some = exact = signed = "–"
            else:
                gold_names = {p.id: {_name_key(a) for a in p.authors} for p in authored}
                found = {p.id: {_name_key(a) for a in got(p, "authors") or []} for p in authored}
                some = f"{sum(bool(gold_names[i] & found[i]) for i in gold_names) / max(len(authored), 1):.3f}"
                exact = f"{sum(gold_names[i] == found[i] for i in gold_names) / max(len(authored), 1):.3f}"
                signed = f"{sum(bool(got(p, 'authors')) for p in unsigned)} of {len(unsigned)}"
            day = sum((got(p, "date") or "")[:10] == p.published[:10] for p in dated) / max(len(dated), 1)
            extra = sum(bool(got(p, "date")) for p in undated)
            title_cell = f"{title:.3f}" if got(titled[0], "title") is not None or system != systems[-1] else "–"
            print(f"| {system} | {title_cell} | {some} | {exact} | {signed} | {day:.3f} | {extra} of {len(undated)} |")
        print(f"\n({len(titled)} pages with a gold title, {len(authored)} with gold authors, {len(dated)} with a gold date)")


def byline_search() -> None:
    """storydiff's byline element search against trafilatura's own (``extract_author``), which it
    replaces: the same answer, and the time of each, on every 4th wcxb page and every 2nd fundus
    and aeb page (interleaved)."""
    import sys

    from trafilatura.metadata import extract_author

    from storydiff.extract.html import parse_html
    from storydiff.extract.html_authors import byline_from_dom

    sys.path.insert(0, str(Path(__file__).parent))
    from extraction_corpora import html_pages

    pages = html_pages("wcxb")[::4] + html_pages("fundus")[::2] + html_pages("aeb")[::2]
    same = n = 0
    ours = theirs = 0.0
    for page in pages:
        try:
            tree = parse_html(page.html())
        except ValueError:
            continue
        n += 1
        t0 = time.perf_counter()
        expected = extract_author(tree)
        t1 = time.perf_counter()
        got = byline_from_dom(tree)
        t2 = time.perf_counter()
        theirs, ours = theirs + t1 - t0, ours + t2 - t1
        same += got == expected
    print(f"byline element search on {n} pages: the same answer as trafilatura's extract_author on {same}; "
          f"{ours / n * 1000:.1f} ms a page vs {theirs / n * 1000:.1f} ms ({ours / theirs:.2f}x its time)")


def _page_text_meta(text: str) -> tuple[str | None, list[str], float]:
    """(date, authors, seconds for the metadata pass alone) of a page's text, as extract_item reads them."""
    from storydiff.extract.metadata import page_text_metadata
    from storydiff.extract.pagetext import clean_page_text

    page = clean_page_text(text)
    t0 = time.perf_counter()
    published, authors, _, _ = page_text_metadata(text.splitlines(), page.kept, page.text, title=page.title)
    return published, authors, time.perf_counter() - t0


def _name_key(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").split())  # "Troy L. Smith" = "Troy L Smith"


def date_of(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal()


def pagetext_table(html_rows: dict) -> None:
    """Page-text date and byline against the HTML pipeline's reading of the same page."""
    path = SHARED / "extraction" / "aeb-lines" / "lines.jsonl"
    pages = [json.loads(line) for line in path.open()]
    pages = [p for p in pages if p["id"] in html_rows]
    n = len(pages)
    found = same_day = near_day = both = author_pages = author_both = author_match = 0
    seconds = 0.0
    for page in pages:
        found_date, authors, spent = _page_text_meta("\n".join(page["lines"]))
        seconds += spent
        html_date, html_authors = html_rows[page["id"]][3], html_rows[page["id"]][4]
        found += found_date is not None
        if found_date and html_date:
            both += 1
            gap = abs(date_of(found_date) - date_of(html_date))
            same_day += gap == 0
            near_day += gap <= 1
        author_pages += bool(authors)
        if authors and html_authors:
            author_both += 1
            author_match += bool({_name_key(a) for a in authors} & {_name_key(a) for a in html_authors})
    html_dated = sum(1 for p in pages if html_rows[p["id"]][3])
    html_authored = sum(1 for p in pages if html_rows[p["id"]][4])
    print(f"\n## Page text (aeb-lines, {n} pages): date and byline from the text alone\n")
    print("| field | found on (page text) | found on (HTML pipeline, same pages) | both found | page text = HTML |")
    print("|---|---:|---:|---:|---:|")
    print(f"| publication date, same day | {found / n:.3f} | {html_dated / n:.3f} | {both} | "
          f"{same_day / max(both, 1):.3f} |")
    # A page prints its local date ("Nov 19, 11:26 pm EST"); its meta tags often carry UTC's (Nov 20).
    print(f"| publication date, within a day | | | | {near_day / max(both, 1):.3f} |")
    print(f"| authors, a name in common | {author_pages / n:.3f} | {html_authored / n:.3f} | {author_both} | "
          f"{author_match / max(author_both, 1):.3f} |")
    print(f"\nthe metadata pass (language, date, byline): {seconds / n * 1000:.2f} ms a page (clean_page_text excluded)")


def pagetext_gold_table() -> None:
    """Date and authors read from fundus-tests' page text (25 languages) against its gold."""
    from storydiff.extract.metadata import page_text_metadata
    from storydiff.extract.pagetext import clean_page_text

    gold = json.loads((SHARED / "extraction" / "fundus-tests" / "ground_truth.json").read_text())
    pages = [json.loads(line) for line in (SHARED / "extraction" / "fundus-tests-lines" / "lines.jsonl").open()]
    dated = right = authored = given = found = 0
    for page in pages:
        g = gold.get(page["id"]) or {}
        text = "\n".join(page["lines"])
        cleaned = clean_page_text(text)
        published, authors, _, _ = page_text_metadata(text.splitlines(), cleaned.kept, cleaned.text, title=cleaned.title)
        if g.get("publishing_date"):
            dated += 1
            right += (published or "")[:10] == g["publishing_date"][:10]
        if g.get("authors"):
            authored += 1
            given += bool(authors)
            found += bool({_name_key(a) for a in authors} & {_name_key(a) for a in g["authors"]})
    print(f"\n## Page text (fundus-tests-lines, {len(pages)} pages, 25 languages): date and authors against the gold\n")
    print("| field | right / given | of pages with gold |")
    print("|---|---:|---:|")
    print(f"| publication date, same day | {right} | {dated} |")
    print(f"| authors: a gold name found (given) | {found} ({given}) | {authored} |")


def ecb_dates() -> None:
    """Coverage of page-text dates on ECB+ dev and how well they agree inside each event."""
    from collections import defaultdict
    from statistics import median

    from storydiff.extract import ExtractError, extract_item
    from storydiff.records import RawItem

    path = SHARED / "stories" / "ecbplus-dev.jsonl"
    if not path.exists():
        return
    docs = [json.loads(line) for line in path.open()]
    dated: dict[str, list] = defaultdict(list)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in docs:
        try:
            art = extract_item(RawItem(source=d["doc_id"], kind="text", content=d["text"]))
        except ExtractError:
            art = None
        counts[d["subtopic"]][1] += 1
        if art is not None and art.published:
            counts[d["subtopic"]][0] += 1
            dated[d["event_cluster"]].append(date_of(art.published))
    near = total = 0
    for days in dated.values():
        mid = median(days)
        near += sum(abs(d - mid) <= 30 for d in days)
        total += len(days)
    print(f"\n## Page-text dates on ECB+ dev ({len(docs)} documents, no gold dates)\n")
    print("| sub-corpus | documents | date found |")
    print("|---|---:|---:|")
    for sub, (hit, n) in sorted(counts.items()):
        print(f"| {sub} | {n} | {hit / n:.3f} |")
    print(f"\ndated documents within 30 days of their event's median date: {near}/{total} ({near / max(total, 1):.3f})")


if __name__ == "__main__":
    main()
