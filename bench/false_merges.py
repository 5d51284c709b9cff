"""Stories storydiff makes out of pages that tell no common story: wcxb-dev's and fundus-tests'
pages come from 1,300+ unrelated sites and dates, so nearly every story of two or more of them
is a false merge (a few are one shop's or one outlet's pages). A precision check on real, dated
pages that the labelled sets (ECB+, WMT: undated) cannot give.

    python bench/false_merges.py                   # the stories of 2+ pages, listed
    python bench/false_merges.py --keep-own-year   # as before round 12: the publication year counted as a figure
    python bench/false_merges.py --why             # how each page of those stories joined: reprint, score and features
    python bench/false_merges.py --weights W.json  # the story scorer's weights from bench/train_scorer.py --out

Extraction runs once and is cached in $STORYDIFF_BENCH_CACHE (default /tmp/storydiff-bench-cache).
"""

from __future__ import annotations

import argparse
import os
import pickle
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRACTION = HERE.parents[1] / "shared" / "data" / "extraction"


def pages(corpora: tuple[str, ...] = ("fundus-tests", "wcxb-dev")) -> list[str]:
    found = []
    for corpus in corpora:
        for dirpath, _, files in os.walk(EXTRACTION / corpus):
            found += [os.path.join(dirpath, f) for f in files if f.endswith((".html", ".html.gz"))]
    return sorted(found)


def articles(paths: list[str], cache_name: str = "false_merges_articles.pkl"):
    from storydiff.ingest import read_inputs
    from storydiff.pipeline import extract_in_workers
    from storydiff.records import Failure

    cache = Path(os.environ.get("STORYDIFF_BENCH_CACHE", "/tmp/storydiff-bench-cache")) / cache_name
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    arts = [a for a in extract_in_workers(read_inputs(paths), os.cpu_count() or 1, None) if not isinstance(a, Failure)]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(arts))
    return arts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep-own-year", action="store_true", help="count the publication year as a figure (before round 12)")
    ap.add_argument("--list", type=int, default=60, help="list this many stories")
    ap.add_argument("--why", action="store_true",
                    help="for each page that joined a story: reprint, across languages, or the score and the features")
    ap.add_argument("--weights", type=Path, help="the story scorer's weights from this file (bench/train_scorer.py --out)")
    args = ap.parse_args()
    paths = pages()
    if not paths:
        print(f"no evaluation data under {EXTRACTION}; nothing to do")
        return
    arts = articles(paths)
    if args.keep_own_year:
        from storydiff.match import clusterer

        clusterer._drop_own_year = lambda terms, when: None
    from storydiff.pipeline import group_articles

    if args.weights:
        from storydiff.match import clusterer, scorer

        clusterer.load_scorer = lambda: scorer.load(args.weights)

    joins = record_joins() if args.why else {}
    groups = [g for g in group_articles(arts).values() if len(g) > 1]
    dated = sum(1 for a in arts if a.published)
    print(f"{len(arts)} pages extracted ({dated} dated) of {len(paths)}; stories of 2+ pages: {len(groups)}, "
          f"pages in them: {sum(map(len, groups))}")
    for g in groups[: args.list]:
        print("  | " + " || ".join(f"{(a.outlet or '?')[:18]} {str(a.published)[:10]} {(a.title or '')[:50]}" for a in g[:3]))
        for a in g:
            if a.id in joins:
                print(f"      {(a.title or '')[:40]!r} {joins[a.id]}")


def record_joins() -> dict[str, str]:
    """Article id -> how it joined a story (the clusterer's own methods, wrapped)."""
    from storydiff.match.clusterer import OnlineClusterer

    joins: dict[str, str] = {}
    add, reprint, score = OnlineClusterer.add_prepared, OnlineClusterer._reprint_story, OnlineClusterer._score_candidates

    def reprint_logged(self, d):
        story, of = reprint(self, d)
        if story is not None:
            joins[d.id] = f"reprint of {of}"
        return story, of

    def score_logged(self, d):
        scored = score(self, d)
        if scored and self._scorer is not None:
            sc, s = scored[0]
            feats = dict(zip(self._scorer.features, self._story_features(d, s)))
            need = self.settings.threshold + self.settings.small_story_margin / (s.n_lex or 1)
            joins[d.id] = f"score {sc:.2f} (needs {need:.2f}) vs story of {s.n_lex}: " + " ".join(
                f"{k}={v:.2f}" for k, v in feats.items() if v
            )
        return scored

    def add_logged(self, p):
        sid = add(self, p)
        if self.last_cross:
            joins[p.doc.id] = "across languages"
        return sid

    OnlineClusterer.add_prepared, OnlineClusterer._reprint_story = add_logged, reprint_logged
    OnlineClusterer._score_candidates = score_logged
    return joins


if __name__ == "__main__":
    main()
