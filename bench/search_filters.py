"""Cost of search's --outlet / --speaker filters folding diacritics (round 16), beside the
case-only filter they replace, on the rows a filtered search reads (a quote's paragraph).

    python bench/search_filters.py [--rows 20000] [--pg URL]

Each backend evaluates the filter over ROWS paragraphs of ~600 characters (half English, half
Polish), as `million --speaker Trump` does over every quote holding "million" (bench/search.py's
slowest filtered query): SQLite `py_lower(col) LIKE` (before) vs `py_folded_has(col, ...)` (now: an
ASCII row by `in`, another by the regular expression PostgreSQL uses), and two ruled out: the
column folded by str.translate then LIKE, and a REGEXP on every row;
PostgreSQL `lower(col) LIKE` (before) vs `col ~* fold_regex(...)` (now), and `lower(translate(col,
...)) LIKE` (the fold applied by translate(), ruled out). Best of 3, interleaved; ratios to the
case-only anchor of the same run.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import time

from sqlalchemy import text

from storydiff.store.engine import _folded_has, _py_lower, make_engine
from storydiff.store.search_index import FOLD_FROM, FOLD_TO, fold, fold_regex

EN = "Kaja Kallas told the Financial Times that Article 5 would apply to every ally, she said on Monday. "
PL = "„Prace rozpoczęliśmy natychmiast, na miejscu jest 120 strażaków” – powiedział rzecznik Marek Zieliński. "


def _best(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def sqlite_rows(n: int) -> dict[str, float]:
    con = sqlite3.connect(":memory:")
    con.create_function("py_lower", 1, _py_lower, deterministic=True)
    con.create_function("py_folded_has", 2, _folded_has, deterministic=True)
    con.execute("CREATE TABLE q (context TEXT)")
    con.executemany("INSERT INTO q VALUES (?)", [((EN if i % 2 else PL) * 6 + str(i),) for i in range(n)])
    # ruled out: the column folded by str.translate over the fold table, and a regex on every row
    table = str.maketrans(FOLD_FROM, FOLD_TO)
    con.create_function("py_fold_translate", 1, lambda v: v.translate(table).lower(), deterministic=True)
    con.create_function("regexp", 2, lambda p, v: re.search(p, v) is not None, deterministic=True)
    like = "%" + fold("Trump") + "%"
    queries = {"before": ("SELECT count(*) FROM q WHERE py_lower(context) LIKE ?", like),
               "now": ("SELECT count(*) FROM q WHERE py_folded_has(context, ?)", fold("Trump")),
               "translate, LIKE": ("SELECT count(*) FROM q WHERE py_fold_translate(context) LIKE ?", like),
               "REGEXP": ("SELECT count(*) FROM q WHERE context REGEXP ?", fold_regex("Trump"))}
    out: dict[str, float] = {}
    for _ in range(3):
        for name, (sql, pattern) in queries.items():
            t = _best(lambda sql=sql, pattern=pattern: con.execute(sql, (pattern,)).fetchall(), 1)
            out[name] = min(out.get(name, t), t)
    return out


def pg_rows(url: str, n: int) -> dict[str, float]:
    rows = (f"SELECT count(*) FROM generate_series(1, {int(n)}) g CROSS JOIN LATERAL "
            "(SELECT repeat(CASE WHEN g % 2 = 0 THEN :en ELSE :pl END, 6) || g AS context) x WHERE ")
    queries = {
        "before": rows + "lower(x.context) LIKE :like",
        "now": rows + "x.context ~* :rx",
        "translate()": rows + "lower(translate(x.context, :a, :b)) LIKE :like",
    }
    params = {"en": EN, "pl": PL, "like": "%" + fold("Trump") + "%", "rx": fold_regex("Trump"), "a": FOLD_FROM,
              "b": FOLD_TO}
    out: dict[str, float] = {}
    with make_engine(url).connect() as conn:
        for _ in range(3):
            for name, sql in queries.items():
                if name == "translate()" and name in out:
                    continue  # ~100x the others: once is enough
                t = _best(lambda sql=sql: conn.execute(text(sql), params).all(), 1)
                out[name] = min(out.get(name, t), t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--pg", help="a PostgreSQL URL (only read: the rows are generated in the query)")
    args = ap.parse_args()
    print(f"{args.rows:,} paragraphs of ~600 characters, filter 'Trump' (no row matches: every row is read)\n")
    print("| backend | filter | time (ms) | per row (µs) | ratio to before |")
    print("|---|---|---|---|---|")
    results = [("SQLite", sqlite_rows(args.rows))]
    if args.pg:
        results.append(("PostgreSQL", pg_rows(args.pg, args.rows)))
    for backend, res in results:
        for name, t in res.items():
            print(f"| {backend} | {name} | {t * 1000:,.0f} | {t / args.rows * 1e6:.1f} | {t / res['before']:.2f} |")


if __name__ == "__main__":
    main()
