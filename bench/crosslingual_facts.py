"""Facts across languages: a news document and its professional translation, aligned by
storydiff's fact alignment (``compare.facts.fact_groups``, tier ``lexical+e5``).

    python bench/crosslingual_facts.py                      # this checkout, held-out calibrations
    python bench/crosslingual_facts.py --src /work/main/src  # another checkout (the anchor), as shipped
    python bench/crosslingual_facts.py --drop 0.3           # 30% of each translation left out
    python bench/crosslingual_facts.py --no-quotes          # the facts without the quotes' alignment

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (WMT21/22 English news documents with
professional Russian and Ukrainian translations, sentence-aligned). Each document pair (en-ru,
en-uk, and ru-uk where WMT22 has both) is one story of two articles, each article its sentences
one per line. Gold: a claim of sentence k and a claim of translated sentence k say the same fact
(where both sentences are claims).
Scored: the cross-language links of each fact ("same": both claims in one fact; "possibly": a
claim left alone with the translation's claim among its candidates), precision and recall of the
"same" links, share of gold links only "possibly", share of translated sentences left "only", and
with ``--drop`` the originals whose translation was left out that are linked "same" anyway.

Held out: this checkout's multilingual judge is calibrated on wmt-dev itself, so each WMT year is
scored by the calibration fitted on the other year (``bench/same_fact.py``'s fit of WMT21 + the
stsb-x train quarter scores WMT22, and the reverse), never by the shipped one. ``--src`` runs an
older checkout as it shipped (its judge, calibrated on stsb-x alone, never saw wmt-dev).
e5 vectors are cached in /tmp by bench/crosslingual_quotes.py's cache.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "data" / "crosslingual" / "wmt-dev" / "docs.jsonl"
PAIRS = (("en", "ru"), ("en", "uk"), ("ru", "uk"))


def story_pairs() -> list[tuple[int, str, str, str, list[str], list[str]]]:
    docs: dict[tuple[int, str], dict[str, list[str]]] = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs.setdefault((r["year"], r["doc_id"]), {})[r["lang"]] = r["sentences"]
    return [(year, doc, la, lb, d[la], d[lb]) for (year, doc), d in sorted(docs.items())
            for la, lb in PAIRS if la in d and lb in d]


def cache_vectors() -> None:
    """storydiff's e5 calls go through the on-disk cache (the same vectors, computed once)."""
    from crosslingual_quotes import Vectors

    from storydiff import embeddings

    vectors = Vectors(use_cache=True)
    embeddings.embed_multilingual = lambda texts, *, query=False: vectors(list(texts), query=query)


def held_out_calibrations() -> dict[int, dict]:
    """WMT year -> the multilingual calibration fitted on the other year (+ the stsb-x quarter)."""
    import numpy as np
    from same_fact import fit_multilingual, ml_features, stsbx_train_sample, wmt_rows

    wmt, xtrain = wmt_rows(), stsbx_train_sample()
    f_wmt, f_x = ml_features(wmt), ml_features(xtrain)
    y_wmt, y_x = np.array([r["same"] for r in wmt]), np.array([r["score"] >= 3.6 for r in xtrain])
    year = np.array([r["year"] for r in wmt])
    groups = np.concatenate([np.array([r["doc"] for r in wmt]), np.array([r["id"].rsplit("-", 2)[0] for r in xtrain])])
    out = {}
    for fit_year, test_year in ((2021, 2022), (2022, 2021)):
        on = year == fit_year
        out[test_year] = fit_multilingual(np.vstack([f_wmt[on], f_x]), np.concatenate([y_wmt[on], y_x]),
                                          np.concatenate([groups[: len(wmt)][on], groups[len(wmt):]]), verbose=False)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=None, help="another checkout's src (run as it shipped)")
    ap.add_argument("--no-quotes", action="store_true",
                    help="align the facts without the quotes' alignment (as before round 17; a checkout "
                         "whose fact_groups takes no quotes always runs so)")
    ap.add_argument("--drop", type=float, default=0.0,
                    help="leave out this share of each translation's sentences (seeded): their originals "
                         "have no partner, and any 'same' link they get is wrong")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    sys.path.insert(0, str(args.src or ROOT / "src"))
    if not DOCS.exists():
        sys.exit(f"data not found: {DOCS}")
    import storydiff  # from --src, before crosslingual_quotes puts this checkout's src first

    cache_vectors()
    import inspect

    from storydiff.analyze import quotes_without_parse
    from storydiff.compare import same_fact
    from storydiff.compare.facts import fact_groups
    from storydiff.compare.quotes import align_quotes
    from storydiff.records import Article

    # as compare_story does since round 17: the facts read the quotes' alignment
    with_quotes = not args.no_quotes and "quotes" in inspect.signature(fact_groups).parameters

    held_out = None if args.src else held_out_calibrations()
    shipped = same_fact.calibration()
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    import random

    rng = random.Random(17)
    t0 = time.perf_counter()
    for year, doc, la, lb, sa, sb_all in story_pairs():
        kept = [k for k in range(len(sb_all)) if rng.random() >= args.drop]
        sb = [sb_all[k] for k in kept]
        if held_out is not None:  # this year is scored by the calibration fitted on the other
            same_fact.calibration = lambda y=year: {**shipped, same_fact.MULTILINGUAL_JUDGE: held_out[y]}
        texts = {"a": "\n".join(sa), "b": "\n".join(sb)}
        starts = {k: [0] for k in texts}
        for k, sents in (("a", sa), ("b", sb)):
            for s in sents[:-1]:
                starts[k].append(starts[k][-1] + len(s) + 1)

        def sentence_of(claim, starts=starts, kept=kept) -> int:
            """The claim's sentence index in the full document (a translation's kept sentences
            keep their original indices)."""
            line = max(i for i, s in enumerate(starts[claim.article_id]) if s <= claim.start)
            return kept[line] if claim.article_id == "b" else line

        arts = [Article(id="a", source=f"{doc}:{la}", language=la, text=texts["a"]),
                Article(id="b", source=f"{doc}:{lb}", language=lb, text=texts["b"])]
        groups_kw = {}
        if with_quotes:
            for a in arts:
                a.quotes = quotes_without_parse(a)
            groups_kw["quotes"] = align_quotes({a.id: a.quotes for a in arts}, order=["a", "b"],
                                               languages={a.id: a.language for a in arts})
        key = f"WMT{year % 100} {la}-{lb}"
        c = counts[key]
        same_links, possibly_links = set(), set()
        b_claims, claimed = set(), {"a": set(), "b": set()}
        for g in fact_groups(arts, **groups_kw):
            for x in g.claims:
                claimed[x.article_id].add(sentence_of(x))
            ka = {sentence_of(x) for x in g.claims if x.article_id == "a"}
            kb = {sentence_of(x) for x in g.claims if x.article_id == "b"}
            b_claims |= {(x.start, g.match) for x in g.claims if x.article_id == "b"}
            if g.match == "same":
                same_links |= {(i, j) for i in ka for j in kb}
            elif g.match == "possibly":
                for cand, _ in g.candidates:
                    other = {sentence_of(cand)}
                    pairs = {(i, j) for i in ka for j in other} if cand.article_id == "b" else {(i, j) for i in other for j in kb}
                    possibly_links |= pairs
        # a sentence too short to be a claim (FactSettings.min_claim_words) has no fact to join
        gold = {(k, k) for k in claimed["a"] & claimed["b"]}
        c["documents"] += 1
        c["gold"] += len(gold)
        c["same"] += len(same_links)
        c["same right"] += len(same_links & gold)
        c["possibly only"] += len((possibly_links - same_links) & gold)
        c["b claims"] += len(b_claims)
        c["b only"] += sum(m == "only" for _, m in b_claims)
        orphans = claimed["a"] - claimed["b"]  # originals whose translation was left out (or is no claim)
        c["orphans"] += len(orphans)
        c["orphans linked"] += len({i for i, _ in same_links} & orphans)
    secs = time.perf_counter() - t0
    who = f"storydiff from {Path(storydiff.__file__).parent}, as shipped" if args.src else "this checkout, each year by the calibration fitted on the other"
    print(f"{who}; {args.drop:.0%} of each translation left out; "
          f"{'with' if with_quotes else 'without'} the quotes' alignment; {secs:.0f}s\n")
    print("| set | documents | gold links | 'same' links | P | R | F1 | gold links only 'possibly' | translated claims 'only' "
          "| originals without a translation linked 'same' |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for key in sorted(counts, key=lambda k: (k.split()[1], k)):
        c = counts[key]
        p, r = c["same right"] / max(1, c["same"]), c["same right"] / max(1, c["gold"])
        print(f"| {key} | {int(c['documents'])} | {int(c['gold'])} | {int(c['same'])} | {p:.3f} | {r:.3f} | "
              f"{2 * p * r / max(1e-9, p + r):.3f} | {c['possibly only'] / max(1, c['gold']):.3f} | "
              f"{c['b only'] / max(1, c['b claims']):.3f} | {int(c['orphans linked'])} of {int(c['orphans'])} |")


if __name__ == "__main__":
    main()
