"""Uncredited translations counted with their original (compare.independence.translations).

    python bench/independence_translation.py [--limit N]

A later article in another language that credits no origin counts with an earlier one when each
shares at least ``translation_min_share`` of its facts with the other, at least
``translation_min_facts`` of them, in the same order. Measured on:

- translations (should fire): WMT21/22 English news documents and their professional Russian and
  Ukrainian translations (../shared/data/crosslingual/wmt-dev/docs.jsonl), each pair as two
  articles of one story, the translation published an hour later;
- independent reports of one story (should not fire): SemEval-2022 Task 8 pairs rated "very
  similar" (overall <= 1.5; de-en, and en-en with the language check lifted, since cross-language
  pairs rated so are few) and the Telegram contest's same-story pairs (ru-ru, en-en, language check
  lifted). Same-language pairs share words, so their facts match more easily than a translation's:
  a stricter test of the share-and-order rule than two languages would be. Some such pairs are
  copies of one another (near-duplicate text, which the syndication step groups anyway): a
  column counts them among the pairs the rule fires on.

Each row: pairs, how many the rule fires on, of those how many are named as two relays of one
statement instead (``relayed_statement``: both open on one speaker's attributed sentence; on a
real translation that name is a mislabel, though the count is the same), and the rule's numbers
(shared facts, shares) at the median pair.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from storydiff.analyze import analyze_articles  # noqa: E402
from storydiff.compare import compare_story  # noqa: E402
from storydiff.compare.independence import relayed_statement, translations  # noqa: E402
from storydiff.match import near_duplicate_score  # noqa: E402
from storydiff.records import Article  # noqa: E402
from storydiff.settings import IndependenceSettings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
WMT = DATA / "crosslingual" / "wmt-dev" / "docs.jsonl"
SEMEVAL = DATA / "stories" / "semeval2022-pairs.jsonl"
TG = DATA / "stories" / "tgcontest-pairs"


def fires(text_a: str, lang_a: str, text_b: str, lang_b: str,
          lift_language: bool) -> tuple[bool, int, float, bool, bool]:
    a = Article("a", "bench", text_a, outlet="Outlet A", language=lang_a, published="2026-01-01T08:00:00Z")
    b = Article("b", "bench", text_b, outlet="Outlet B", language=lang_b, published="2026-01-01T09:00:00Z")
    arts = list(analyze_articles([a, b], deep=False))
    story = compare_story("s", arts)
    ordered = [next(x for x in arts if x.id == i) for i in story.article_ids]
    if lift_language:  # same-language pair: the rule's language check lifted, the facts as read
        ordered = [replace(x, language=f"x{k}") for k, x in enumerate(ordered)]
    own = {x.id: sum(1 for f in story.facts if x.id in f.article_ids) for x in ordered}
    shared = sum(1 for f in story.facts if {"a", "b"} <= set(f.article_ids))
    share = min(shared / own[x] if own[x] else 0.0 for x in own)
    copy = near_duplicate_score(text_a, text_b) >= IndependenceSettings().syndication_jaccard
    found = translations(ordered, story.facts)
    relay = any(relayed_statement(ordered[i], ordered[j], story.facts) for j, i in found.items())
    return bool(found), shared, share, copy, relay


def row(name: str, results: list[tuple[bool, int, float, bool, bool]]) -> None:
    n = len(results)
    k = sum(r[0] for r in results)
    copies = sum(r[0] and r[3] for r in results)
    relays = sum(r[0] and r[4] for r in results)
    med_shared = statistics.median(r[1] for r in results) if results else 0
    med_share = statistics.median(r[2] for r in results) if results else 0
    print(f"| {name} | {n} | {k} ({k / n if n else 0:.2f}) | {relays} | {copies} | {med_shared:g} | {med_share:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=40, help="pairs per set")
    args = ap.parse_args()
    if not WMT.exists():
        raise SystemExit(f"missing {WMT}")
    print("| set | pairs | rule fires | of them named relays of one statement | of them copies (syndication groups "
          "them anyway) | median shared facts | median min share |")
    print("|---|---|---|---|---|---|---|")
    rows = [json.loads(line) for line in WMT.read_text().splitlines() if line.strip()]
    english = {r["doc_id"]: r for r in rows if r["lang"] == "en"}
    for lang in ("ru", "uk"):
        pairs = [(english[r["doc_id"]], r) for r in rows if r["lang"] == lang and r["doc_id"] in english][: args.limit]
        row(f"translations: WMT en-{lang} (should fire)", [fires(en["text"], "en", tr["text"], lang, False) for en, tr in pairs])
    sem = [json.loads(line) for line in SEMEVAL.read_text().splitlines() if line.strip()]
    sem = [r for r in sem if r["overall"] <= 1.5 and not r.get("text1_mt_suspect") and not r.get("text2_mt_suspect")]
    cross = [r for r in sem if r["lang1"] != r["lang2"]][: args.limit]
    row("independent: SemEval 'very similar', cross-language (should not)",
        [fires(r["text1"], r["lang1"], r["text2"], r["lang2"], False) for r in cross])
    same = [r for r in sem if r["lang1"] == r["lang2"] == "en"][: args.limit]
    row("independent: SemEval 'very similar', en-en, language check lifted (should not)",
        [fires(r["text1"], "en", r["text2"], "en", True) for r in same])
    csv.field_size_limit(10**8)
    for name, lang in (("en_train_pool.tsv", "en"), ("ru_train_pool.tsv", "ru"), ("ru_exam_pool.tsv", "ru")):
        with open(TG / name, newline="") as fh:
            tg = [r for r in csv.DictReader(fh, delimiter="\t") if r.get("GOLDEN:quality") == "OK"][: args.limit]
        row(f"independent: Telegram contest same story, {name}, language check lifted (should not)",
            [fires(r["INPUT:first_text"], lang, r["INPUT:second_text"], lang, True) for r in tg])


if __name__ == "__main__":
    main()
